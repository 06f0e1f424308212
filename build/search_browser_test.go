package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// openSearch builds vaultFile(t, "search"), serves it and opens page in a new tab of
// b, with search.js loaded and its dialog closed.
func openSearch(t *testing.T, b *browsertest.Browser, page string) (*browsertest.Tab, *browsertest.Site) {
	t.Helper()
	_, em := buildSite(t, vaultFile(t, "search"), Options{})
	site := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(1000, 800))
	tab.Navigate(site.URL + page)
	return tab, site
}

// TestSearchInBrowser drives the search dialog: "/" and Ctrl-K open it,
// typing shows results with highlighted titles and snippets, prefixes and
// a typo still match, the arrow keys move the selection that the combobox
// announces, Enter opens the selected page, Escape closes the dialog, and
// an unpublished note's words find nothing.
func TestSearchInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	tab, site := openSearch(t, b, "/projects/alpha/")
	eval := func(js string) string { t.Helper(); return browsertest.Eval[string](tab, js) }
	if eval(`document.querySelector(".search-button").hidden ? "hidden" : "shown"`) != "shown" {
		t.Fatal("the search button stays hidden with JavaScript on")
	}
	if eval(`typeof window.vaultsiteSearch`) != "undefined" {
		t.Error("search.js was loaded before search was opened")
	}
	tab.Key("/")
	tab.WaitFor(`document.activeElement && document.activeElement.matches("dialog[open] .search-input")`)
	query := func(q string) {
		t.Helper()
		browsertest.Eval[bool](tab, `(i => (i.value = "", true))(document.querySelector(".search-input"))`)
		tab.Key(q)
		tab.WaitFor(fmt.Sprintf(`document.querySelector(".search-results").dataset.query === %q`, q))
	}
	query("zeppelin")
	tab.WaitFor(`document.querySelector(".search-result-snippet mark")`)
	if got := eval(`document.querySelector(".search-result-title").textContent`); got != "Alpha" {
		t.Errorf("first result for zeppelin = %q, want Alpha", got)
	}
	if got := eval(`document.querySelector(".search-result-snippet mark").textContent`); got != "zeppelin" {
		t.Errorf("snippet highlight = %q", got)
	}
	if got := eval(`document.querySelector(".search-result-path").textContent`); got != "Projects" {
		t.Errorf("result path = %q", got)
	}
	for _, q := range []string{"zepp", "rollot schedule", "FIRST letter", "launch"} {
		query(q)
		if got := eval(`document.querySelector(".search-result-title").textContent`); got != "Alpha" {
			t.Errorf("first result for %q = %q, want Alpha", q, got)
		}
	}
	query("alpha")
	if n := browsertest.Eval[int](tab, `document.querySelectorAll(".search-result").length`); n != 2 {
		t.Fatalf("%d results for alpha, want Alpha and Home", n)
	}
	checkCombobox(t, tab, 0)
	tab.Key(kb.ArrowDown)
	checkCombobox(t, tab, 1)
	tab.Key(kb.ArrowDown)
	checkCombobox(t, tab, 0)
	tab.Key(kb.ArrowUp)
	checkCombobox(t, tab, 1)
	tab.Key(kb.Escape)
	tab.WaitFor(`!document.querySelector("dialog.search-dialog").open`)
	tab.Do(chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	tab.WaitFor(`document.querySelector("dialog.search-dialog").open`)
	query("treasure gazebo")
	if got := eval(`document.querySelector(".search-status").textContent`); !strings.HasPrefix(got, "No notes match") {
		t.Errorf("an unpublished note's words: status %q", got)
	}
	query("welcome")
	tab.Key(kb.Enter)
	// The navigation replaces the page a poll runs in, which ends that
	// poll with an error; the next one runs in the new page.
	for i := 0; !tab.Poll(`location.pathname === "/" && document.readyState === "complete"`); i++ {
		if i == 3 {
			t.Fatalf("Enter did not open the selected result, the home page")
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
	if m := site.Missing(); len(m) > 0 {
		t.Errorf("missing files: %q", m)
	}
}

// checkCombobox checks that option i is the one selected and announced.
func checkCombobox(t *testing.T, tab *browsertest.Tab, i int) {
	t.Helper()
	got := browsertest.Eval[[]string](tab, `(() => {
		const input = document.querySelector(".search-input");
		const sel = [...document.querySelectorAll("[role=option][aria-selected=true]")].map(o => o.id);
		return [input.getAttribute("aria-expanded"), input.getAttribute("aria-activedescendant"), sel.join(" ")];
	})()`)
	want := fmt.Sprintf("vs-search-result-%d", i)
	if got[0] != "true" || got[1] != want || got[2] != want {
		t.Errorf("aria-expanded, aria-activedescendant, selected = %q, want true, %s, %s", got, want, want)
	}
}
