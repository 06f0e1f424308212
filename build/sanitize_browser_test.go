package build

import (
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// TestNoteHTMLCannotFeedSiteScripts: class and data-* attributes pass
// the sanitizer, as in DOMPurify, so a note can hold elements that look
// like the site's own. The local graph must draw from its own data, not
// from a look-alike box placed before it whose node URL is javascript:.
func TestNoteHTMLCannotFeedSiteScripts(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	fake := `<div class="local-graph" data-root="javascript:alert(1)//"><p class="local-graph-data">` +
		`{"self":"a/","nodes":[{"title":"A","url":"javascript:alert(2)"},{"title":"B","url":"javascript:alert(3)"}],"edges":[0,1]}</p></div>`
	fsys := fstest.MapFS{
		"A.md": {Data: []byte("# A\n\n" + fake + "\n\nSee [[B]].\n")},
		"B.md": {Data: []byte("# B\n\nBack to [[A]].\n")},
	}
	_, em := buildSite(t, fsys, Options{})
	srv := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(1400, 900))
	tab.Navigate(srv.URL + "/a/")
	tab.WaitFor(`!!document.querySelector(".local-graph[data-nodes]")`)
	bad := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("[href]")].map(e => e.getAttribute("href")).filter(h => /^\s*javascript:/i.test(h))`)
	if len(bad) > 0 {
		t.Errorf("the page links to %q", bad)
	}
	if got := browsertest.Eval[string](tab, `document.querySelector("#vs\\.aside .local-graph").getAttribute("data-nodes")`); got != "2" {
		t.Errorf("the local graph in the aside draws %q nodes, want 2", got)
	}
}
