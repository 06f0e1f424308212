package build

import (
	"testing"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// TestMathEverywhereInBrowser checks that a formula is typeset wherever
// a note's text appears on a page whose own text has none: a hover
// preview, an embed inside a preview, a backlink's context and a search
// snippet. KaTeX marks what it drew with .katex; raw TeX has none.
func TestMathEverywhereInBrowser(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, vaultFile(t, "math-places"), Options{})
	b := browsertest.Start(t)
	srv := browsertest.Serve(t, em.Files)
	open := func(t *testing.T, page string) *browsertest.Tab {
		tab := b.Tab(t, browsertest.Viewport(1280, 900))
		tab.Navigate(srv.URL + page)
		t.Cleanup(func() {
			for _, e := range tab.Errors() {
				t.Errorf("browser error: %s", e)
			}
		})
		return tab
	}
	t.Run("preview", func(t *testing.T) {
		tab := open(t, "/reader/")
		if browsertest.Eval[bool](tab, `!!document.querySelector('script[src$="/katex.min.js"]')`) {
			t.Fatal("Reader loads KaTeX itself; the test needs a page without math")
		}
		tab.Hover(`.markdown-rendered a.internal-link[href="../formulas/"]`)
		tab.WaitFor(`document.querySelector(".hover-popover")`)
		if !tab.Poll(`document.querySelectorAll(".hover-popover .math .katex").length === 2`) {
			t.Errorf("the preview shows %q", browsertest.Eval[string](tab, `document.querySelector(".hover-popover").textContent`))
		}
	})
	t.Run("embed-in-preview", func(t *testing.T) {
		tab := open(t, "/reader/")
		tab.Hover(`.markdown-rendered a.internal-link[href="../host/"]`)
		tab.WaitFor(`document.querySelector(".hover-popover .internal-embed")`)
		if !tab.Poll(`document.querySelectorAll(".hover-popover .internal-embed .math .katex").length === 2`) {
			t.Errorf("the embed in the preview shows %q", browsertest.Eval[string](tab, `document.querySelector(".hover-popover .internal-embed").textContent`))
		}
	})
	t.Run("backlink-context", func(t *testing.T) {
		tab := open(t, "/plain/")
		if !tab.Poll(`!!document.querySelector(".backlink-context .math .katex")`) {
			t.Errorf("the backlink context reads %q", browsertest.Eval[string](tab, `(document.querySelector(".backlink-context") || {}).innerHTML`))
		}
	})
	t.Run("search-snippet", func(t *testing.T) {
		tab := open(t, "/reader/")
		tab.Key("/")
		tab.WaitFor(`document.activeElement && document.activeElement.matches("dialog[open] .search-input")`)
		tab.Key("quokka")
		tab.WaitFor(`document.querySelector(".search-result-snippet mark")`)
		if !tab.Poll(`!!document.querySelector(".search-result-snippet .katex")`) {
			t.Errorf("the snippet reads %q", browsertest.Eval[string](tab, `document.querySelector(".search-result-snippet").textContent`))
		}
	})
}
