package serve

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

const waitHello = 5 * time.Second

func TestPreviewEdit(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/a/")
	s.next(t, waitHello)
	if code, body := p.get(t, "a/"); code != 200 || !strings.Contains(body, "alpha v1") {
		t.Fatalf("GET /a/ = %d %q", code, body)
	}
	p.write(t, "a.md", "# Alpha\n\nalpha v2\n")
	s.waitFor(t, "a/index.html changed", changed("a/index.html"))
	code, body := p.get(t, "a/")
	if code != 200 {
		t.Fatalf("GET /a/ = %d", code)
	}
	mustContain(t, "/a/ after the edit", body, "alpha v2")
	mustContain(t, "/a/ after the edit", body, `<script src="/_vs/reload.js" data-page="a/index.html"`)
}

func TestPreviewCreateRenameDelete(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/")
	s.next(t, waitHello)

	p.write(t, "c.md", "# Gamma\n\ngamma\n")
	s.waitFor(t, "c created", changed("c/index.html"))
	if code, body := p.get(t, "c/"); code != 200 || !strings.Contains(body, "gamma") {
		t.Fatalf("GET /c/ = %d %q", code, body)
	}

	if err := os.Rename(filepath.Join(p.dir, "c.md"), filepath.Join(p.dir, "d.md")); err != nil {
		t.Fatal(err)
	}
	m := s.waitFor(t, "c renamed to d", removed("c/index.html"))
	if !slices.Contains(m.Changed, "d/index.html") {
		t.Errorf("rename: changed = %q, want d/index.html in it", m.Changed)
	}
	if code, _ := p.get(t, "c/"); code != 404 {
		t.Errorf("GET /c/ after the rename = %d, want 404", code)
	}
	if code, body := p.get(t, "d/"); code != 200 || !strings.Contains(body, "gamma") {
		t.Errorf("GET /d/ = %d %q", code, body)
	}

	if err := os.Remove(filepath.Join(p.dir, "d.md")); err != nil {
		t.Fatal(err)
	}
	s.waitFor(t, "d deleted", removed("d/index.html"))
	code, body := p.get(t, "d/")
	if code != 404 {
		t.Errorf("GET /d/ after the delete = %d, want 404", code)
	}
	mustContain(t, "the 404 page", body, "Page not found")
}

func TestPreviewNewFolder(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/")
	s.next(t, waitHello)
	p.write(t, "deep/er/e.md", "# Epsilon\n\nepsilon\n")
	s.waitFor(t, "note in a new folder", changed("deep/er/e/index.html"))
	p.write(t, "deep/er/f.md", "# Phi\n\nphi\n") // the new folder is watched now
	s.waitFor(t, "second note in the new folder", changed("deep/er/f/index.html"))
	if code, body := p.get(t, "deep/er/f/"); code != 200 || !strings.Contains(body, "phi") {
		t.Errorf("GET /deep/er/f/ = %d %q", code, body)
	}
}

// TestPreviewChangedAttachment replaces an image that a page embeds: the
// event must name the image, so the page showing it reloads, and the new
// bytes must be served.
func TestPreviewChangedAttachment(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/")
	s.next(t, waitHello)
	p.write(t, "a.md", "# Alpha\n\n![[image.png]]\n")
	s.waitFor(t, "a embeds the image", changed("image.png"))
	p.write(t, "image.png", "\x89PNG\r\n\x1a\nchanged")
	s.waitFor(t, "image changed", changed("image.png"))
	if _, body := p.get(t, "image.png"); !strings.HasSuffix(body, "changed") {
		t.Errorf("GET /image.png = %q, want the new bytes", body)
	}
}

// TestPreviewOtherPagesUndisturbed checks that an event names only the
// pages that changed, so the tab showing another page stays as it is.
func TestPreviewOtherPagesUndisturbed(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/a/")
	s.next(t, waitHello)
	p.write(t, "sub/b.md", "# Beta\n\nbeta v2\n")
	m := s.waitFor(t, "b changed", changed("sub/b/index.html"))
	if slices.Contains(m.Changed, "a/index.html") || slices.Contains(m.Removed, "a/index.html") {
		t.Errorf("editing b names a/index.html: %+v", m.Event)
	}
}

// TestPreviewBrokenNote breaks a note's frontmatter: the page keeps being
// served, its tab is sent the diagnostic (and other tabs are not), and
// the diagnostic goes once the note is fixed.
func TestPreviewBrokenNote(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	sa, sb := openStream(t, p.url, "/a/"), openStream(t, p.url, "/sub/b/")
	sa.next(t, waitHello)
	sb.next(t, waitHello)

	p.write(t, "a.md", "---\ntitle: [Alpha\n---\n# Alpha\n\nalpha broken\n")
	m := sa.waitFor(t, "invalid-frontmatter for a.md", func(m message) bool {
		return hasDiag(m, "a.md", "invalid-frontmatter")
	})
	if d := m.Diags[0]; d.Page != "a/index.html" || d.Line != 2 || d.Severity != "warning" || !strings.Contains(d.Text, "a.md:2:") {
		t.Errorf("diag = %+v", d)
	}
	if mb := sb.waitFor(t, "the same rebuild for b", func(message) bool { return true }); len(mb.Diags) != 0 {
		t.Errorf("b's tab was sent a's diagnostics: %+v", mb.Diags)
	}
	if code, _ := p.get(t, "a/"); code != 200 {
		t.Errorf("GET /a/ while broken = %d", code)
	}
	// A page opened now learns of the problem from its first event.
	if hello := openStream(t, p.url, "/a/").next(t, waitHello); !hasDiag(hello.msg, "a.md", "invalid-frontmatter") {
		t.Errorf("hello while broken = %+v", hello.msg)
	}

	p.write(t, "a.md", "---\ntitle: Alpha\n---\n# Alpha\n\nalpha fixed\n")
	m = sa.waitFor(t, "a fixed", changed("a/index.html"))
	if len(m.Diags) != 0 {
		t.Errorf("diagnostics after the fix: %+v", m.Diags)
	}
	_, body := p.get(t, "a/")
	mustContain(t, "/a/ after the fix", body, "alpha fixed")
}

// TestPreviewFailedRebuild makes Update fail: the last good site stays
// served and every tab hears of the error until a rebuild succeeds.
func TestPreviewFailedRebuild(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/a/")
	s.next(t, waitHello)
	p.site.fail.Store(true)
	p.write(t, "a.md", "# Alpha\n\nalpha unseen\n")
	s.waitFor(t, "the error", func(m message) bool { return strings.Contains(m.Error, errInjected.Error()) })
	if code, body := p.get(t, "a/"); code != 200 || !strings.Contains(body, "alpha v1") {
		t.Errorf("GET /a/ after a failed rebuild = %d, want the last good page:\n%s", code, body)
	}
	p.site.fail.Store(false)
	p.write(t, "a.md", "# Alpha\n\nalpha seen\n")
	if m := s.waitFor(t, "recovery", changed("a/index.html")); m.Error != "" {
		t.Errorf("error after recovery: %q", m.Error)
	}
}

// TestPreviewFindsUnreportedChanges edits a note through a hard link from
// outside the vault, which the watcher never hears of, and then saves
// another note: the rescan after that rebuild finds the first edit too.
func TestPreviewFindsUnreportedChanges(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/")
	s.next(t, waitHello)
	outside := filepath.Join(t.TempDir(), "c.md")
	writeFile(t, outside, "# Gamma\n\ngamma v1\n")
	if err := os.Link(outside, filepath.Join(p.dir, "c.md")); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	s.waitFor(t, "c linked in", changed("c/index.html"))
	writeFile(t, outside, "# Gamma\n\ngamma v2, written where no watch sees it\n")
	p.write(t, "a.md", "# Alpha\n\nalpha v2\n")
	s.waitFor(t, "the unreported edit", changed("c/index.html"))
	if _, body := p.get(t, "c/"); !strings.Contains(body, "gamma v2") {
		t.Errorf("GET /c/ after the rescan:\n%s", body)
	}
}

// TestPreviewLaysOutLater adds a link, which changes the site graph: the
// page's reload comes first, without the graph's file, and the file
// follows once the graph is laid out in the background.
func TestPreviewLaysOutLater(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/a/")
	s.next(t, waitHello)
	_, before := p.get(t, "_site/graph.json")
	p.write(t, "a.md", "---\ntitle: Alpha\n---\n# Alpha\n\nalpha links to [[b]]\n")
	m := s.waitFor(t, "a/index.html changed", changed("a/index.html"))
	if slices.Contains(m.Changed, "_site/graph.json") {
		t.Error("the rebuild laid the graph out before the page's reload")
	}
	s.waitFor(t, "the graph laid out", changed("_site/graph.json"))
	if _, after := p.get(t, "_site/graph.json"); after == before || !strings.Contains(after, `"edges":[`) || strings.Contains(after, `"edges":[]`) {
		t.Errorf("graph.json after the layout:\n%s", after)
	}
}

// TestPreviewUnderLoad reads a page in a loop while the note is edited 20
// times: no request fails, and every body is exactly one build's page.
func TestPreviewUnderLoad(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/a/")
	s.next(t, waitHello)
	stop := make(chan struct{})
	var bodies []string
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; i < 50000; i++ { // bounded, in case stop never comes
			select {
			case <-stop:
				return
			default:
			}
			resp, err := http.Get(p.url + "a/")
			if err != nil {
				t.Errorf("GET /a/: %v", err)
				return
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != 200 {
				t.Errorf("GET /a/ = %d, %v", resp.StatusCode, err)
				return
			}
			bodies = append(bodies, string(body))
		}
	})
	for i := range 20 {
		p.write(t, "a.md", "# Alpha\n\nedit "+strconv.Itoa(i)+"\n\n"+strings.Repeat("filler text. ", 2000)+"\n")
		s.waitFor(t, "edit "+strconv.Itoa(i), changed("a/index.html"))
	}
	close(stop)
	wg.Wait()
	assertWholeBuilds(t, p.site, bodies)
}

// assertWholeBuilds checks that each served body, without the reload
// script, equals a/index.html of one published snapshot.
func assertWholeBuilds(t *testing.T, s *recordingSite, bodies []string) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.snaps) < 21 || len(bodies) < 20 {
		t.Fatalf("%d snapshots, %d responses: the test did not exercise anything", len(s.snaps), len(bodies))
	}
	seen := map[int]bool{}
	for i, body := range bodies {
		page := stripScript(body)
		k := slices.IndexFunc(s.snaps, func(sn *build.Snapshot) bool { return bytes.Equal(sn.Files["a/index.html"], page) })
		if k < 0 {
			t.Fatalf("response %d is no snapshot's page:\n%.300s", i, body)
		}
		seen[k] = true
	}
	// Reads that all saw one build would prove nothing about the swaps.
	if len(seen) < 10 {
		t.Errorf("responses came from %d builds, want reads during most of the 20 rebuilds", len(seen))
	}
	t.Logf("%d responses from %d of %d builds", len(bodies), len(seen), len(s.snaps))
}

// stripScript removes the injected script tag.
func stripScript(body string) []byte {
	i := strings.Index(body, `<script src="`+scriptPath)
	if i < 0 {
		return []byte(body)
	}
	j := strings.Index(body[i:], "</script>") + len("</script>")
	return []byte(body[:i] + body[i+j:])
}

// TestPreviewStaysInside sends traversal paths to the running server of
// a vault that has a secret file next to it: none is served.
func TestPreviewStaysInside(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	writeFile(t, filepath.Join(filepath.Dir(p.dir), "secret.txt"), "TOP SECRET")
	addr := strings.TrimSuffix(strings.TrimPrefix(p.url, "http://"), "/")
	for _, give := range []string{
		"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/.%2e/secret.txt",
		"/%2e%2e%2fsecret.txt", "/a.md", "/secret.txt%00", "/image.png/../../secret.txt",
	} {
		code, body := rawGet(t, addr, give)
		if code != 400 && code != 404 || strings.Contains(body, "TOP SECRET") {
			t.Errorf("GET %s = %d %q", give, code, body)
		}
	}
}

// TestPreviewWritesNothing checks that serving and rebuilding leave the
// vault as it was and write no output folder.
func TestPreviewWritesNothing(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/")
	s.next(t, waitHello)
	p.write(t, "a.md", "# Alpha\n\nchanged\n")
	s.waitFor(t, "rebuild", changed("a/index.html"))
	var got []string
	_ = filepath.WalkDir(filepath.Dir(p.dir), func(path string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(filepath.Dir(p.dir), path)
		got = append(got, filepath.ToSlash(rel))
		return nil
	})
	want := []string{".", "vault", "vault/a.md", "vault/image.png", "vault/index.md", "vault/sub", "vault/sub/b.md"}
	if !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
}

func TestToDiagsKeepsWarningsAndErrors(t *testing.T) {
	t.Parallel()
	var ds site.Diagnostics
	ds.Add(site.Pos{Path: "a.md", Line: 3, Col: 2}, site.Warning, "broken-link", "broken link %q", "x")
	ds.Add(site.Pos{Path: "a.md"}, site.Info, "symlink-skipped", "not followed")
	ds.Add(site.Pos{}, site.Error, "config", "bad setting")
	got := toDiags(ds, map[site.VaultPath]site.OutPath{"a.md": "a/index.html"})
	if len(got) != 2 || got[0].Page != "a/index.html" || got[0].Line != 3 || got[0].Code != "broken-link" ||
		got[1].File != "" || got[1].Severity != "error" {
		t.Errorf("toDiags = %+v", got)
	}
}
