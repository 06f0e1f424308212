package build_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/internal/browsertest"
	"github.com/vaultsite/vaultsite/site"
)

// axePage is one kind of page the accessibility test checks.
type axePage struct {
	kind    string
	fixture bool   // in testdata/a11y.txtar rather than the bundled vault
	path    string // its URL path
	// ready is JavaScript that is truthy once the page's scripts have
	// done what a reader would wait for.
	ready string
	// then, when set, is what the reader does before axe looks.
	then func(tab *browsertest.Tab)
}

// shown is true once the page's script has shown the explorer, the last
// thing site.js does on every page that has one.
const shown = `document.readyState === "complete" && !document.querySelector(".sidebar-toggle[hidden]")`

// axePages are every kind of page a site has, in the order checked.
var axePages = []axePage{
	{kind: "home", path: "/", ready: shown},
	{kind: "note with callouts, math, tables and embeds", path: portsNote, ready: shown + ` && document.querySelector(".katex")`},
	{kind: "note with every callout and unresolved links", fixture: true, path: "/callouts/", ready: shown},
	{kind: "note with embeds, math, code, a table and a diagram", fixture: true, path: "/embeds/",
		ready: shown + ` && document.querySelector(".katex") && document.querySelector(".mermaid svg")`},
	{kind: "folder", path: "/protocols/", ready: shown},
	{kind: "tag", fixture: true, path: "/tags/a11y/", ready: shown},
	{kind: "tag index", path: "/tags/", ready: shown},
	{kind: "graph, list open", path: "/graph/", ready: shown + ` && document.querySelector(".graph-view[data-ready], .graph-view.is-unavailable")`,
		then: func(tab *browsertest.Tab) {
			tab.Click(".graph-list-view > summary")
			tab.WaitFor(`document.querySelector(".graph-list-view").open && document.querySelector(".graph-list li")`)
		}},
	{kind: "search open", path: httpNote, ready: shown, then: func(tab *browsertest.Tab) {
		// A script's click: the four views run at once, and one tab's
		// pointer can lose a race with another's layout.
		browsertest.Eval[bool](tab, `(document.querySelector(".search-button").click(), true)`)
		tab.WaitFor(`document.activeElement && document.activeElement.matches("dialog[open] .search-input")`)
		tab.Key("http")
		tab.WaitFor(`document.querySelector(".search-result-snippet mark")`)
	}},
	{kind: "canvas", path: "/network-map.canvas/", ready: shown + ` && document.querySelector(".canvas-controls:not([hidden])")`},
	{kind: "base, table and cards", path: "/reading/books.base/", ready: shown + ` && document.querySelector(".base-filter:not([hidden])")`},
	{kind: "note with a base block and embedded views", path: "/reading/reading-list/", ready: shown + ` && document.querySelector(".base-filter:not([hidden])")`},
	{kind: "404", path: "/no/such/page/", ready: `document.readyState === "complete"`},
	{kind: "redirect", path: axeRedirect, ready: `document.readyState === "complete"`},
}

// axeRedirect is an alias's redirect page without its refresh, which
// would otherwise leave before axe could look (see axeSites).
const axeRedirect = "/ftp/"

// axeAccepted are the rules of moderate or minor impact that the test
// lets pass, each with the reason. Serious and critical ones never pass.
var axeAccepted = map[string]string{
	// ports.md's table leaves two header cells empty, as Markdown lets an
	// author do; the site cannot invent a header for the columns.
	"empty-table-header": "the vault's own content",
}

// axeSites builds the bundled vault and testdata/a11y.txtar once.
var axeSites = sync.OnceValues(func() ([2]map[site.OutPath][]byte, error) {
	var out [2]map[site.OutPath][]byte
	bundled, err := bundledSite()
	if err != nil {
		return out, err
	}
	// A copy, since the redirect page changes and the reader tests
	// share the bundled site.
	out[0] = make(map[site.OutPath][]byte, len(bundled))
	for p, data := range bundled {
		out[0][p] = data
	}
	redirect := site.OutPath(strings.TrimPrefix(axeRedirect, "/") + "index.html")
	page := string(out[0][redirect])
	if i := strings.Index(page, `<meta http-equiv="refresh"`); i >= 0 {
		page = page[:i] + page[i+strings.Index(page[i:], ">")+1:]
	} else {
		return out, fmt.Errorf("%s is not a redirect page", redirect)
	}
	out[0][redirect] = []byte(page)

	ar, err := txtar.ParseFile("testdata/a11y.txtar")
	if err != nil {
		return out, err
	}
	fsys, err := txtar.FS(ar)
	if err != nil {
		return out, err
	}
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), fsys, build.Options{}, em); err != nil {
		return out, err
	}
	out[1] = em.Files
	return out, nil
})

// axeView is one way a reader sees the pages: a width and a theme.
type axeView struct {
	width  int
	scheme string
}

func (v axeView) String() string { return fmt.Sprintf("%d-%s", v.width, v.scheme) }

// TestAxeInBrowser runs axe-core, the engine behind Lighthouse's
// accessibility score, on every kind of page at 1280 and 375 px in both
// themes: no page may have a serious or critical violation, nor a
// moderate or minor one that axeAccepted does not list with a reason.
// It logs every violation by rule, with -v, as a report.
func TestAxeInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	sites, err := axeSites()
	if err != nil {
		t.Fatal(err)
	}
	r := &axeFindings{where: map[string]map[string]int{}}
	views := []axeView{{1280, "light"}, {1280, "dark"}, {375, "light"}, {375, "dark"}}
	t.Run("views", func(t *testing.T) {
		for _, v := range views {
			t.Run(v.String(), func(t *testing.T) {
				t.Parallel()
				v.check(t, b, sites, r)
			})
		}
	})
	t.Log(r.report())
}

// check opens every page in one tab set to the view, records what axe
// finds in r and fails t for what may not pass.
func (v axeView) check(t *testing.T, b *browsertest.Browser, sites [2]map[site.OutPath][]byte, r *axeFindings) {
	opts := []browsertest.TabOption{browsertest.Viewport(v.width, 900), browsertest.ColorScheme(v.scheme)}
	if v.width < 500 { // a phone
		opts = append(opts, browsertest.Viewport(v.width, 812), browsertest.Touch())
	}
	srv := [2]*browsertest.Site{browsertest.Serve(t, sites[0]), browsertest.Serve(t, sites[1])}
	tab := b.Tab(t, opts...)
	t.Cleanup(func() {
		for _, e := range tab.Errors() {
			// The 404 page is served with its status, as it should be.
			if !strings.Contains(e, "status of 404") {
				t.Errorf("browser error: %s", e)
			}
		}
	})
	for _, p := range axePages {
		s := srv[0]
		if p.fixture {
			s = srv[1]
		}
		tab.Navigate(s.URL + p.path)
		tab.WaitFor(p.ready)
		if p.then != nil {
			p.then(tab)
		}
		for _, vi := range browsertest.Axe(tab) {
			r.add(vi, p.kind+" "+v.String())
			if _, ok := axeAccepted[vi.ID]; ok && (vi.Impact == "moderate" || vi.Impact == "minor") {
				continue
			}
			t.Errorf("%s (%s) at %s: %s %s: %s", p.kind, p.path, v, vi.Impact, vi.ID, axeNodes(vi))
		}
	}
}

// axeFindings collects what axe found across views, for the report.
type axeFindings struct {
	mu    sync.Mutex
	where map[string]map[string]int // "rule (impact)" → page and view → elements
}

func (r *axeFindings) add(vi browsertest.AxeViolation, where string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rule := vi.ID + " (" + vi.Impact + ")"
	if r.where[rule] == nil {
		r.where[rule] = map[string]int{}
	}
	r.where[rule][where] += len(vi.Nodes)
}

// report lists each rule that was broken, with how many page views broke
// it and how many elements in all, and where.
func (r *axeFindings) report() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	rules := make([]string, 0, len(r.where))
	for rule := range r.where {
		rules = append(rules, rule)
	}
	sort.Strings(rules)
	var b strings.Builder
	fmt.Fprintf(&b, "axe found %d rule(s) broken:", len(rules))
	for _, rule := range rules {
		var where []string
		nodes := 0
		for w, n := range r.where[rule] {
			where = append(where, fmt.Sprintf("%s: %d", w, n))
			nodes += n
		}
		sort.Strings(where)
		fmt.Fprintf(&b, "\n%s: %d page view(s), %d element(s)\n\t%s", rule, len(where), nodes, strings.Join(where, "\n\t"))
	}
	return b.String()
}

// axeNodes lists a violation's elements for a failure message, at most
// five of them.
func axeNodes(vi browsertest.AxeViolation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s; %d element(s):", vi.Help, len(vi.Nodes))
	for i, n := range vi.Nodes {
		if i == 5 {
			b.WriteString("\n\t…")
			break
		}
		fmt.Fprintf(&b, "\n\t%s %s\n\t\t%s", strings.Join(n.Target, " "), n.HTML, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}
