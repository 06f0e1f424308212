package build_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/internal/browsertest"
	"github.com/vaultsite/vaultsite/site"
)

// explorerBudget is the most explorer data, gzip-compressed, that the
// first view of a note may fetch (issue 14, item 13): at 10,000 notes
// the whole tree was 170 KB.
const explorerBudget = 20 << 10

// largeVault returns a generated vault of 3,000 notes shaped like the
// bench vault's (../shared/bench/genvault.py): ten areas of three topics
// of two folders of 30 notes each, and one inbox of 1,200 notes, four
// folders down. Its whole tree is about 50 KB gzipped, so the old
// explorer fetched well over explorerBudget.
func largeVault() fstest.MapFS {
	fsys := fstest.MapFS{"Start here.md": {Data: []byte("# Start\n")}}
	words := []string{"schema", "owner", "design", "latency", "budget", "kitchen", "signal", "river", "theorem", "bundle"}
	title := func(i int) string {
		return fmt.Sprintf("%s %s %s %d", strings.ToUpper(words[i%10][:1])+words[i%10][1:], words[i/10%10], words[i/100%10], i)
	}
	for a := range 10 {
		for t := range 3 {
			for p := range 2 {
				for n := range 30 {
					i := ((a*3+t)*2+p)*30 + n
					fsys[fmt.Sprintf("Area %d/Topic %d/Part %d/%s.md", a, t, p, title(i))] = &fstest.MapFile{Data: []byte("x")}
				}
			}
		}
	}
	for n := range 1200 {
		fsys[fmt.Sprintf("Area 0/Topic 0/Part 0/Inbox/Zz %04d %s.md", n, title(n))] = &fstest.MapFile{Data: []byte("y")}
	}
	return fsys
}

// explorerFetches serves files and records the explorer files asked for.
type explorerFetches struct {
	site  *browsertest.Site
	files map[site.OutPath][]byte
	mu    sync.Mutex
	asked []string
}

func (f *explorerFetches) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_site/explorer") {
		f.mu.Lock()
		f.asked = append(f.asked, r.URL.Path)
		f.mu.Unlock()
	}
	f.site.ServeHTTP(w, r)
}

// bytes returns how many explorer files were asked for and their size
// gzipped.
func (f *explorerFetches) bytes(t *testing.T) (n, size int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.asked {
		size += gzipSize(t, f.files[site.OutPath(strings.TrimPrefix(p, "/"))])
	}
	return len(f.asked), size
}

// since returns the paths asked for after the first n.
func (f *explorerFetches) since(n int) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.asked[min(n, len(f.asked)):])
}

// TestExplorerLazyInBrowser opens a note deep in a 3,000-note vault, in a
// late part of a 1,200-note folder: the explorer shows the way to it
// open at once, fetching under explorerBudget; opening a folder fetches
// its listing; "Show more" fetches the rest of a long one; every link
// leads to a page; and attach draws again with the folders kept open.
func TestExplorerLazyInBrowser(t *testing.T) {
	b := browsertest.Start(t)
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), largeVault(), build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	f := &explorerFetches{site: browsertest.Serve(t, em.Files), files: em.Files}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	tab := b.Tab(t, browsertest.Viewport(1280, 900))
	const note = "/area-0/topic-0/part-0/inbox/zz-1150-schema-kitchen-owner-1150/"
	tab.Navigate(srv.URL + note)
	const cur = `document.querySelector('nav.explorer a[aria-current="page"]')`
	tab.WaitFor(cur + ` && ` + cur + `.checkVisibility({visibilityProperty: true})`)
	if n, size := f.bytes(t); size > explorerBudget {
		t.Errorf("the first view fetched %d explorer files, %d bytes gzipped, over the budget of %d", n, size, explorerBudget)
	} else {
		t.Logf("the first view fetched %d explorer files, %d bytes gzipped", n, size)
	}
	closed := browsertest.Eval[[]string](tab, `(c => { const out = []; for (let li = c.closest(".explorer-folder"); li; li = li.parentElement.closest(".explorer-folder")) {
		const b = li.querySelector(":scope > .explorer-row > .explorer-toggle"); if (b.getAttribute("aria-expanded") !== "true") out.push(b.getAttribute("aria-label")); } return out })(`+cur+`)`)
	if len(closed) > 0 {
		t.Errorf("folders on the way to the note are closed: %q", closed)
	}
	if got := browsertest.Eval[int](tab, cur+`.closest(".explorer-folder").querySelectorAll(":scope > ul > .explorer-more").length`); got != 3 {
		t.Errorf("the inbox shows %d Show more buttons, want 3 (parts 1, 2 and 4 of 4)", got)
	}

	// Opening a folder fetches its listing.
	n0, _ := f.bytes(t)
	const area3 = `nav.explorer .explorer-folder:has(> .explorer-row > a[href="../../../../../area-3/"])`
	tab.Click(area3 + ` > .explorer-row > .explorer-toggle`)
	tab.WaitFor(`document.querySelectorAll('` + area3 + ` > ul > li').length === 3`)
	if got := f.since(n0); !slices.Equal(got, []string{"/_site/explorer/area-3/0.json"}) {
		t.Errorf("opening Area 3 fetched %q, want its listing", got)
	}

	// Show more fetches the part it stands for, in its place.
	const inbox = `document.querySelector('nav.explorer a[aria-current="page"]').closest(".explorer-folder")`
	tab.Click(`nav.explorer .explorer-folder:has(a[aria-current="page"]) > ul > .explorer-more > button`)
	tab.WaitFor(inbox + `.querySelectorAll(":scope > ul > .explorer-note").length === 600`)
	if got := browsertest.Eval[string](tab, inbox+`.querySelector(":scope > ul > .explorer-note").textContent`); !strings.HasPrefix(got, "Zz 0000 ") {
		t.Errorf("the inbox's first entry after Show more is %q, want Zz 0000 …", got)
	}

	hrefs := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("nav.explorer a")].map(a => a.href)`)
	for _, h := range hrefs {
		u, err := url.Parse(h)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := url.PathUnescape(strings.TrimPrefix(u.Path, "/"))
		if _, ok := em.Files[site.OutPath(p+"index.html")]; !ok {
			t.Errorf("the explorer links to %s, which is no page", u.Path)
		}
	}
	if len(hrefs) < 600 {
		t.Errorf("the explorer shows %d links", len(hrefs))
	}

	// Drawn again (as instant navigation does), Area 3 stays open.
	browsertest.Eval[bool](tab, `(window.vaultsiteExplorer.attach(document.getElementById("vs.explorer")), true)`)
	// The redraw may be under way: until it ends the folder may be absent.
	tab.WaitFor(`document.querySelector('` + area3 + ` > .explorer-row > .explorer-toggle')?.getAttribute("aria-expanded") === "true" && ` + cur)
	for _, e := range tab.Errors() {
		t.Errorf("browser error: %s", e)
	}
}
