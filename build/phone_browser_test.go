package build_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// The bundled vault's pages the phone tests open besides the reader's.
const (
	propertiesNote = "/port-scanning/" // four properties, then a first paragraph
	canvasPage     = "/network-map.canvas/"
)

// phone is a tab the size of a common phone, with touch.
func phone() []browsertest.TabOption {
	return []browsertest.TabOption{browsertest.Viewport(375, 812), browsertest.Touch()}
}

// TestPhoneLayoutInBrowser checks issue 14's layout items on the bundled
// vault at 1280 and 375 px; each subtest says what it proves. It skips
// without chromium, except under CI.
func TestPhoneLayoutInBrowser(t *testing.T) {
	b := browsertest.Start(t)
	t.Run("aside-follows-note", func(t *testing.T) { testAsideFollowsNote(t, b) })
	t.Run("aside-column", func(t *testing.T) { testAsideColumn(t, b) })
	t.Run("text-first", func(t *testing.T) { testTextFirst(t, b) })
	t.Run("breadcrumb-line", func(t *testing.T) { testBreadcrumbLine(t, b) })
	t.Run("properties-wide", func(t *testing.T) { testPropertiesWide(t, b) })
	t.Run("one-grid", func(t *testing.T) { testOneGrid(t, b) })
	t.Run("drawer", func(t *testing.T) { testDrawerCloses(t, b) })
	t.Run("canvas-controls", func(t *testing.T) { testCanvasControls(t, b) })
}

// shows is true when the element sel finds is rendered and visible.
func shows(sel string) string {
	return fmt.Sprintf(`(e => !!e && e.checkVisibility({visibilityProperty: true, opacityProperty: true}))(document.querySelector(%q))`, sel)
}

// rect is the bounding box of the element sel finds, in page
// coordinates (scroll added), or null.
func rect(sel string) string {
	return fmt.Sprintf(`(e => { if (!e) return null; const r = e.getBoundingClientRect(); return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height, b: r.bottom + scrollY} })(document.querySelector(%q))`, sel)
}

type box struct{ X, Y, W, H, B float64 }

// onThisPage finds the collapsible "On this page" above the text.
const onThisPage = `[...document.querySelectorAll("details")].find(d => d.querySelector(":scope > summary")?.textContent.trim() === "On this page")`

// testAsideFollowsNote (item 1): on a phone nothing of the aside hides
// behind a header icon. The note is followed by its backlinks and then
// its local graph, both in view without a tap; the table of contents is a
// closed "On this page" between the title and the text, which opens to
// the headings.
func testAsideFollowsNote(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, phone()...)
	tab.Navigate(s.URL + httpNote)
	tab.WaitFor(`document.querySelector(".local-graph svg")`)
	if browsertest.Eval[bool](tab, shows(".sidebar-toggle-aside")) {
		t.Error("the aside is still behind a header button at 375 px")
	}
	for _, sel := range []string{".backlinks .backlink-title", ".local-graph svg"} {
		if !browsertest.Eval[bool](tab, shows(sel)) {
			t.Errorf("%s is not visible at 375 px without a tap", sel)
		}
	}
	text := browsertest.Eval[box](tab, rect(".markdown-preview-view"))
	back := browsertest.Eval[box](tab, rect(".backlinks"))
	graph := browsertest.Eval[box](tab, rect(".local-graph svg"))
	if back.Y < text.B || graph.Y < back.B {
		t.Errorf("want text, then backlinks, then local graph; tops at %.0f (text ends %.0f), %.0f (backlinks end %.0f), %.0f",
			text.Y, text.B, back.Y, back.B, graph.Y)
	}
	if graph.W < 200 || graph.H < 150 {
		t.Errorf("the local graph is %.0f×%.0f px at 375 px", graph.W, graph.H)
	}
	if !browsertest.Eval[bool](tab, `(d => !!d && !d.open && d.checkVisibility())(`+onThisPage+`)`) {
		t.Fatal(`no closed, visible "On this page" at 375 px`)
	}
	toc := browsertest.Eval[box](tab, `(d => { const r = d.getBoundingClientRect(); return {y: r.top + scrollY, b: r.bottom + scrollY} })(`+onThisPage+`)`)
	title := browsertest.Eval[box](tab, rect(".page-title"))
	first := browsertest.Eval[box](tab, rect(".markdown-preview-view p"))
	if toc.Y < title.B || toc.B > first.Y {
		t.Errorf(`"On this page" (%.0f–%.0f) is not between the title (ends %.0f) and the first paragraph (starts %.0f)`, toc.Y, toc.B, title.B, first.Y)
	}
	browsertest.Eval[chromedp.Void](tab, onThisPage+`.querySelector("summary").click()`)
	tab.WaitFor(`(d => d.open && [...d.querySelectorAll("a[href^='#']")].some(a => a.checkVisibility()))(` + onThisPage + `)`)
	tab.Screenshot("aside-follows-note-375")
}

// testAsideColumn (item 1, wide): at 1280 px the aside keeps its column
// right of the text, with the table of contents in it, and the narrow
// "On this page" does not show.
func testAsideColumn(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + httpNote)
	main := browsertest.Eval[box](tab, rect(".page-main"))
	aside := browsertest.Eval[box](tab, rect(".page-aside"))
	if aside.X < main.X+main.W || aside.Y > main.Y+1 {
		t.Errorf("the aside (x %.0f, y %.0f) is not beside the text (x %.0f–%.0f, y %.0f) at 1280 px", aside.X, aside.Y, main.X, main.X+main.W, main.Y)
	}
	if !browsertest.Eval[bool](tab, shows(".page-aside .toc a")) {
		t.Error("the aside shows no table of contents at 1280 px")
	}
	if browsertest.Eval[bool](tab, `(d => !!d && d.checkVisibility())(`+onThisPage+`)`) {
		t.Error(`the narrow "On this page" shows at 1280 px`)
	}
}

// oneLine is true when the list sel finds sits on one line: its
// visible items share a top, and it is no taller than twice its line
// height.
func oneLine(sel string) string {
	return fmt.Sprintf(`(e => {
		if (!e) return false;
		const lh = parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.5;
		const tops = new Set();
		for (const n of e.querySelectorAll("li")) if (n.checkVisibility()) tops.add(Math.round(n.getBoundingClientRect().top));
		return e.getBoundingClientRect().height <= 2 * lh && tops.size <= 1;
	})(document.querySelector(%q))`, sel)
}

// firstSentence is the top of the first paragraph of the note's text,
// relative to the viewport.
const firstSentence = `document.querySelector(".markdown-preview-view p").getBoundingClientRect().top`

// testTextFirst (item 2): on a 375×812 phone the properties are one
// closed summary line that opens to the table, and the first sentence
// starts in the top half of the screen.
func testTextFirst(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, phone()...)
	tab.Navigate(s.URL + propertiesNote)
	if !browsertest.Eval[bool](tab, `(d => !!d && d.tagName === "DETAILS" && !d.open)(document.querySelector(".metadata-container"))`) {
		t.Error("the properties are not a closed <details> at 375 px")
	}
	if !browsertest.Eval[bool](tab, `(s => !!s && s.checkVisibility() && s.getBoundingClientRect().height < 2.2 * parseFloat(getComputedStyle(s).lineHeight))(document.querySelector(".metadata-container > summary"))`) {
		t.Error("the properties' summary is not one visible line")
	}
	if y := browsertest.Eval[float64](tab, firstSentence); y > 812/2 {
		t.Errorf("%s: the first sentence starts at %.0f px, below the top half of 812", propertiesNote, y)
	}
	tab.Screenshot("text-first-375")
	if browsertest.Eval[bool](tab, shows(".metadata-property")) {
		t.Error("a property row shows before the summary is opened")
	}
	tab.Click(".metadata-container > summary")
	tab.WaitFor(shows(`.metadata-property[data-property-key="tags"] .tag`))
}

// testBreadcrumbLine (item 2): on a 375×812 phone the breadcrumb of a
// deeply filed note is one line, its first item and the page shown and
// the middle elided, and the first sentence starts in the top half.
func testBreadcrumbLine(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, phone()...)
	tab.Navigate(s.URL + tcpNote)
	if n := browsertest.Eval[int](tab, `document.querySelectorAll(".breadcrumbs li").length`); n < 5 {
		t.Fatalf("TCP's breadcrumb has %d items; the test needs a deep note", n)
	}
	if !browsertest.Eval[bool](tab, oneLine(".breadcrumbs ol")) {
		h := browsertest.Eval[float64](tab, `document.querySelector(".breadcrumbs").getBoundingClientRect().height`)
		t.Errorf("TCP's breadcrumb takes more than one line at 375 px (%.0f px high)", h)
	}
	for _, sel := range []string{".breadcrumbs li:first-child a", `.breadcrumbs li[aria-current="page"]`} {
		if !browsertest.Eval[bool](tab, shows(sel)) {
			t.Errorf("the breadcrumb hides %s", sel)
		}
	}
	if !browsertest.Eval[bool](tab, `document.documentElement.scrollWidth <= innerWidth`) {
		t.Error("TCP scrolls sideways at 375 px")
	}
	if y := browsertest.Eval[float64](tab, firstSentence); y > 812/2 {
		t.Errorf("TCP: the first sentence starts at %.0f px, below the top half of 812", y)
	}
}

// testPropertiesWide (item 2, wide): at 1280 px the properties show as
// a table without a click, as in Obsidian.
func testPropertiesWide(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + propertiesNote)
	if !browsertest.Eval[bool](tab, shows(`.metadata-property[data-property-key="tags"] .tag`)) {
		t.Error("the properties are not shown at 1280 px")
	}
	if browsertest.Eval[bool](tab, shows(".metadata-container > summary")) {
		t.Error("the properties' summary line shows at 1280 px, where the table shows")
	}
}

// gridPages are one page of every kind the bundled vault has.
var gridPages = []string{"/", httpNote, "/protocols/", "/tags/", "/tags/dns/", "/graph/", canvasPage}

// testOneGrid (item 3): every kind of page puts the explorer and the
// text column at the same x, at 1280 and at 375 px.
func testOneGrid(t *testing.T, b *browsertest.Browser) {
	for _, size := range [][2]int{{1280, 900}, {375, 812}} {
		s, tab := reader(t, b, browsertest.Viewport(size[0], size[1]))
		want := map[string]float64{}
		for _, p := range gridPages {
			tab.Navigate(s.URL + p)
			got := map[string]float64{"text": browsertest.Eval[box](tab, rect(".page-main")).X}
			if size[0] >= 1200 {
				tab.WaitFor(`!document.getElementById("vs.explorer").hidden`)
				got["explorer"] = browsertest.Eval[box](tab, rect("#vs\\.explorer")).X
			}
			for k, x := range got {
				if p == gridPages[0] {
					want[k] = x
				} else if math.Abs(x-want[k]) > 0.5 {
					t.Errorf("at %d px the %s column of %s is at x %.0f, of %s at %.0f", size[0], k, p, x, gridPages[0], want[k])
				}
			}
		}
	}
}

// explorerShows is true while the explorer drawer is on screen.
const explorerShows = `document.getElementById("vs.explorer").checkVisibility({visibilityProperty: true})`

// testDrawerCloses (item 4): the phone's explorer drawer has a close
// button, and closes by it, by Escape and by a tap outside; the button
// that opened it gets the focus back.
func testDrawerCloses(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, phone()...)
	tab.Navigate(s.URL + httpNote)
	tab.WaitFor(`!document.querySelector(".sidebar-toggle-explorer").hidden`)
	openDrawer := func() {
		tab.Click(".sidebar-toggle-explorer")
		tab.WaitFor(explorerShows)
		tab.WaitFor(`(r => r.left >= 0)(document.getElementById("vs.explorer").getBoundingClientRect())`)
	}
	openDrawer()
	if !browsertest.Eval[bool](tab, shows("#vs\\.explorer .sidebar-close")) {
		t.Fatal("the open explorer drawer shows no close button")
	}
	if name := browsertest.Eval[string](tab, `document.querySelector("#vs\\.explorer .sidebar-close").getAttribute("aria-label") || ""`); name == "" {
		t.Error("the close button has no accessible name")
	}
	tab.Screenshot("drawer-375")
	tab.Click("#vs\\.explorer .sidebar-close")
	tab.WaitFor(`!` + explorerShows)
	if !browsertest.Eval[bool](tab, `document.activeElement === document.querySelector(".sidebar-toggle-explorer")`) {
		t.Error("closing by its button did not give the focus back to the header button")
	}
	openDrawer()
	tab.Key(kb.Escape)
	tab.WaitFor(`!` + explorerShows)
	openDrawer()
	tab.Do(chromedp.TapXY(360, 600)) // right of the drawer, min(20rem, 85vw) wide
	tab.WaitFor(`!` + explorerShows)
}

// testCanvasControls (item 4): on a 375 px phone a canvas's zoom
// controls cover at most a tenth of the drawing's width and of its area.
// (Main's column of buttons covered 12% of the width, its right edge over
// half the height, though only 6% of the area.)
func testCanvasControls(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, phone()...)
	tab.Navigate(s.URL + canvasPage)
	tab.WaitFor(`document.querySelector(".canvas-controls button")`)
	c := browsertest.Eval[box](tab, rect(".canvas-controls"))
	v := browsertest.Eval[box](tab, rect(".canvas-viewport"))
	w := math.Max(0, math.Min(c.X+c.W, v.X+v.W)-math.Max(c.X, v.X))
	h := math.Max(0, math.Min(c.B, v.B)-math.Max(c.Y, v.Y))
	if w == 0 || h == 0 {
		w, h = 0, 0 // beside or below the drawing
	}
	t.Logf("controls %.0f×%.0f over a %.0f×%.0f drawing: %.1f%% of its width, %.1f%% of its area", w, h, v.W, v.H, 100*w/v.W, 100*w*h/(v.W*v.H))
	if w > 0.1*v.W || w*h > 0.1*v.W*v.H {
		t.Errorf("the zoom controls cover %.0f×%.0f px of a %.0f×%.0f canvas at 375 px, over a tenth of it", w, h, v.W, v.H)
	}
	if !browsertest.Eval[bool](tab, shows(`.canvas-controls button[aria-label="Fit to view"]`)) {
		t.Error("the fit button does not show at 375 px")
	}
	tab.Screenshot("canvas-375")
}
