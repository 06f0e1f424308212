package build_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/build"
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
	t.Run("map", func(t *testing.T) { testBaseMap(t, b) })
	t.Run("view-settings", func(t *testing.T) { testBaseViewSettings(t, b) })
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

// placesVault has two places with coordinates, in the two forms Map
// view accepts, and a base with a map view of them.
var placesVault = fstest.MapFS{
	"Eiffel Tower.md": {Data: []byte("---\ncoordinates:\n  - \"48.85837\"\n  - \"2.294481\"\ntags: [places]\n---\nA tower.\n")},
	"Big Ben.md":      {Data: []byte("---\ncoordinates: \"51.50073, -0.12463\"\ntags: [places]\n---\nA clock.\n")},
	"Places.base":     {Data: []byte("filters: file.hasTag(\"places\")\nviews:\n  - type: map\n    name: Map\n    coordinates: note.coordinates\n")},
}

var tileURL = regexp.MustCompile(`^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$`)

// testBaseMap: a map view draws OpenStreetMap tiles and a marker per
// place inside its box, zooms with its buttons, and keeps the list of
// places; the tiles script is loaded on that page only. The tiles
// themselves cannot load here (no network), so their addresses are
// checked, and the tab's console is not.
func testBaseMap(t *testing.T, b *browsertest.Browser) {
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), placesVault, build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	s := browsertest.Serve(t, em.Files)
	tab := b.Tab(t)
	tab.Navigate(s.URL + "/places.base/")
	tab.WaitFor(`document.querySelectorAll(".base-map .base-marker").length === 2`)
	if got := browsertest.Eval[[]string](tab, `[...document.querySelectorAll(".base-places li a")].map(a => a.textContent)`); strings.Join(got, "|") != "Big Ben|Eiffel Tower" {
		t.Errorf("the list of places is %q", got)
	}
	inside := `(() => { const m = document.querySelector(".base-map").getBoundingClientRect();
		return [...document.querySelectorAll(".base-marker")].every(a => { const r = a.getBoundingClientRect(), x = r.left + r.width / 2;
			return x >= m.left && x <= m.right && r.bottom >= m.top && r.bottom <= m.bottom; }); })()`
	if !browsertest.Eval[bool](tab, inside) {
		t.Error("a marker is outside the map")
	}
	tiles := browsertest.Eval[[]string](tab, `[...document.querySelectorAll(".base-map img.base-tile")].map(i => i.src)`)
	if len(tiles) == 0 {
		t.Fatal("no tiles")
	}
	for _, u := range tiles {
		if !tileURL.MatchString(u) {
			t.Errorf("tile %q is not an OpenStreetMap tile", u)
		}
	}
	zoom := `+document.querySelector(".base-map img.base-tile").src.split("/")[3]`
	z := browsertest.Eval[int](tab, zoom)
	tab.Click(`.base-map-zoom button[aria-label="Zoom in"]`)
	if got := browsertest.Eval[int](tab, zoom); got != z+1 {
		t.Errorf("zoom in went from %d to %d", z, got)
	}
	if !browsertest.Eval[bool](tab, `!!document.querySelector('script[src*="basemap."]')`) {
		t.Error("the map page does not load the tiles script")
	}
	tab.Navigate(s.URL + "/eiffel-tower/")
	if browsertest.Eval[bool](tab, `!!document.querySelector('script[src*="basemap."]') || !!document.querySelector('script[src*="bases."]')`) {
		t.Error("a page without a view loads a bases script")
	}
}

// settingsVault is placesVault with a map view that sets its centre,
// zoom, zoom bounds and height, and a cards view that sets its card size
// and cover ratio.
func settingsVault() fstest.MapFS {
	v := fstest.MapFS{}
	for k, f := range placesVault {
		v[k] = f
	}
	v["Set.base"] = &fstest.MapFile{Data: []byte("filters: file.hasTag(\"places\")\nviews:\n  - type: map\n    name: Map\n    coordinates: note.coordinates\n" +
		"    center: \"48.85837, 2.294481\"\n    defaultZoom: 12\n    maxZoom: 13\n    mapHeight: 200\n" +
		"  - type: cards\n    name: Cards\n    image: note.cover\n    cardSize: 300\n    imageAspectRatio: 0.5\n")}
	v["Eiffel Tower.md"] = &fstest.MapFile{Data: []byte("---\ncoordinates:\n  - \"48.85837\"\n  - \"2.294481\"\ntags: [places]\ncover: \"#336699\"\n---\nA tower.\n")}
	return v
}

// testBaseViewSettings: the map starts at the view's zoom around its
// centre, stops at its maximum zoom and has its height; the cards have
// the view's width and cover ratio.
func testBaseViewSettings(t *testing.T, b *browsertest.Browser) {
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), settingsVault(), build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	s := browsertest.Serve(t, em.Files)
	tab := b.Tab(t)
	tab.Navigate(s.URL + "/set.base/")
	tab.WaitFor(`document.querySelectorAll(".base-map .base-marker").length === 2`)
	zoom := `+document.querySelector(".base-map img.base-tile").src.split("/")[3]`
	if z := browsertest.Eval[int](tab, zoom); z != 12 {
		t.Errorf("the map starts at zoom %d, want 12", z)
	}
	tab.Click(`.base-map-zoom button[aria-label="Zoom in"]`)
	tab.Click(`.base-map-zoom button[aria-label="Zoom in"]`)
	if z := browsertest.Eval[int](tab, zoom); z != 13 {
		t.Errorf("two zooms in reach %d, want the maximum, 13", z)
	}
	centred := `(() => { const m = document.querySelector(".base-map").getBoundingClientRect(), a = document.querySelector('.base-marker[title="Eiffel Tower"]').getBoundingClientRect();
		return Math.abs(a.left + a.width / 2 - (m.left + m.width / 2)) < 2 && Math.abs(a.bottom - (m.top + m.height / 2)) < 2; })()`
	if !browsertest.Eval[bool](tab, centred) {
		t.Error("the centre's place is not in the middle of the map")
	}
	if h := browsertest.Eval[float64](tab, `document.querySelector(".base-map").getBoundingClientRect().height`); h < 199 || h > 203 {
		t.Errorf("the map is %v px high, want 200 and its border", h)
	}
	tab.Navigate(s.URL + "/set.base/#view-cards")
	got := browsertest.Eval[[]float64](tab, `(() => { const c = document.querySelector("#view-cards .base-card-cover").getBoundingClientRect(),
		card = document.querySelector("#view-cards .base-card").getBoundingClientRect(); return [card.width, c.height / c.width]; })()`)
	if got[0] < 300 || got[1] < 0.49 || got[1] > 0.51 {
		t.Errorf("a card is %v px wide with a cover of ratio %v; want at least 300 and 0.5", got[0], got[1])
	}
}
