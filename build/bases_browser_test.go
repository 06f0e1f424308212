package build_test

import (
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

const (
	readingNote = "/reading/reading-list/"
	booksBase   = "/reading/books.base/"
)

// visibleRows lists the names of a view's visible rows, in order.
const visibleRows = `[...document.querySelectorAll("#base1-reading-list tr.base-row")].filter(r => !r.hidden).map(r => r.cells[0].textContent)`

// TestBasesInBrowser opens the bundled vault's reading list: a table
// that sorts on a header click and filters as one types, a shelf of
// cards with their covers, and the .base page's tabs, which work with
// and without script. It skips without chromium, except under CI.
func TestBasesInBrowser(t *testing.T) {
	b := browsertest.Start(t)
	t.Run("sort-and-filter", func(t *testing.T) { testBaseSortFilter(t, b) })
	t.Run("cards", func(t *testing.T) { testBaseCards(t, b) })
	t.Run("tabs", func(t *testing.T) { testBaseTabs(t, b) })
	t.Run("tabs-no-script", func(t *testing.T) { testBaseTabsNoScript(t, b) })
}

func testBaseSortFilter(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + readingNote)
	want := func(step string, names ...string) {
		t.Helper()
		if got := browsertest.Eval[[]string](tab, visibleRows); strings.Join(got, "|") != strings.Join(names, "|") {
			t.Errorf("%s: rows %q, want %q", step, got, names)
		}
	}
	// As built: sorted by status (read, reading, to read).
	want("as built", "Network Warrior", "TCP-IP Illustrated", "Computer Networking")
	tab.Click(`#base1-reading-list th[data-col="4"] .base-sort`)
	want("pages ascending", "Network Warrior", "Computer Networking", "TCP-IP Illustrated")
	if got := browsertest.Eval[string](tab, `document.querySelector('#base1-reading-list th[data-col="4"]').getAttribute("aria-sort")`); got != "ascending" {
		t.Errorf("aria-sort = %q after one click", got)
	}
	tab.Click(`#base1-reading-list th[data-col="4"] .base-sort`)
	want("pages descending", "TCP-IP Illustrated", "Computer Networking", "Network Warrior")
	// A rating is missing for one book: it stays last either way.
	tab.Click(`#base1-reading-list th[data-col="3"] .base-sort`)
	want("rating ascending", "Network Warrior", "TCP-IP Illustrated", "Computer Networking")
	tab.Click(`#base1-reading-list .base-filter`)
	tab.Key("stevens")
	want("filtered", "TCP-IP Illustrated")
	if got := browsertest.Eval[string](tab, `document.querySelector("#base1-reading-list .base-count").textContent`); got != "1 result" {
		t.Errorf("the count reads %q while filtered", got)
	}
	if got := browsertest.Eval[string](tab, `document.querySelector("#base1-reading-list tfoot").textContent`); !strings.Contains(got, "Sum 2661") {
		t.Errorf("the summary row reads %q", got)
	}
}

func testBaseCards(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + readingNote)
	tab.WaitFor(`[...document.querySelectorAll("#base2-shelf .base-card img")].every(i => i.complete)`)
	covers := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("#base2-shelf .base-card")].map(c => {
		const img = c.querySelector(".base-card-cover img");
		return c.querySelector(".base-card-title").textContent + ":" + (img && img.naturalWidth > 0 && img.getBoundingClientRect().height > 50);
	})`)
	want := []string{"Computer Networking:true", "Network Warrior:true", "TCP-IP Illustrated:true"}
	if strings.Join(covers, "|") != strings.Join(want, "|") {
		t.Errorf("cards %q, want %q (each with its cover shown)", covers, want)
	}
	tab.Click(`#base2-shelf .base-card-title[href$="network-warrior/"]`)
	tab.WaitForPage("/reading/books/network-warrior/")
}

func testBaseTabs(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + booksBase)
	shown := `[...document.querySelectorAll(".base-view")].filter(v => v.offsetParent !== null).map(v => v.dataset.view)`
	if got := browsertest.Eval[[]string](tab, shown); strings.Join(got, "|") != "Reading list" {
		t.Errorf("views shown %q, want the first alone", got)
	}
	tab.Click(`.base-tab[href="#view-shelf"]`)
	tab.WaitFor(`document.querySelector("#view-shelf").offsetParent !== null`)
	if got := browsertest.Eval[[]string](tab, shown); strings.Join(got, "|") != "Shelf" {
		t.Errorf("after the Shelf tab, views shown %q", got)
	}
	if got := browsertest.Eval[string](tab, `document.querySelector(".base-tab[aria-current=true]").textContent`); got != "Shelf" {
		t.Errorf("the current tab is %q", got)
	}
}

func testBaseTabsNoScript(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, browsertest.NoScript())
	tab.Navigate(s.URL + booksBase + "#view-shelf")
	shown := browsertest.Eval[[]string](tab, `[...document.querySelectorAll(".base-view")].filter(v => v.offsetParent !== null).map(v => v.dataset.view)`)
	if strings.Join(shown, "|") != "Shelf" {
		t.Errorf("without script, #view-shelf shows %q", shown)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("#view-shelf .base-card").length`); n != 3 {
		t.Errorf("without script, the shelf has %d cards", n)
	}
}
