package build_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// background is the page's computed background colour.
const background = `getComputedStyle(document.body).backgroundColor`

// The themes' page backgrounds (style.css: --background-primary).
const (
	lightBackground = "rgb(255, 255, 255)"
	darkBackground  = "rgb(30, 30, 30)"
)

// testTheme: the theme follows the system, and the toggle's choice
// persists to the next page.
func testTheme(t *testing.T, b *browsertest.Browser) {
	s, dark := reader(t, b, browsertest.ColorScheme("dark"))
	dark.Navigate(s.URL + httpNote)
	if got := browsertest.Eval[string](dark, background); got != darkBackground {
		t.Errorf("with a dark system the page is %s, want %s", got, darkBackground)
	}

	s, tab := reader(t, b, browsertest.ColorScheme("light"))
	tab.Navigate(s.URL + httpNote)
	if got := browsertest.Eval[string](tab, background); got != lightBackground {
		t.Errorf("with a light system the page is %s, want %s", got, lightBackground)
	}
	tab.Click(".theme-toggle")
	tab.WaitFor(`getComputedStyle(document.body).backgroundColor === "` + darkBackground + `"`)
	if p := browsertest.Eval[string](tab, `document.querySelector(".theme-toggle").getAttribute("aria-pressed")`); p != "true" {
		t.Errorf("the toggle's aria-pressed is %q in the dark theme", p)
	}
	tab.Click(`.breadcrumbs a[href="../"]`) // to the protocols folder page
	tab.WaitForPage("/protocols/")
	if got := browsertest.Eval[string](tab, background); got != darkBackground {
		t.Errorf("the next page is %s: the theme did not persist", got)
	}
	tab.Click(".theme-toggle")
	tab.WaitFor(`getComputedStyle(document.body).backgroundColor === "` + lightBackground + `"`)
}

// noSideScroll is true when the page does not scroll sideways.
const noSideScroll = `document.documentElement.scrollWidth <= document.documentElement.clientWidth`

// testNarrow: at 375 px the page does not scroll sideways, the explorer
// opens as a drawer from its header button and closes again, and the
// aside shows below the note.
func testNarrow(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, browsertest.Viewport(375, 812), browsertest.Touch())
	for _, p := range []string{"/", portsNote, httpNote, tcpNote, "/protocols/", "/tags/"} {
		tab.Navigate(s.URL + p)
		if !browsertest.Eval[bool](tab, noSideScroll) {
			w := browsertest.Eval[int](tab, `document.documentElement.scrollWidth`)
			t.Errorf("%s scrolls sideways at 375 px: %d px wide", p, w)
		}
	}
	tab.Navigate(s.URL + httpNote)
	tab.WaitFor(`!document.querySelector(".sidebar-toggle-explorer").hidden`)
	if browsertest.Eval[bool](tab, `document.getElementById("vs.explorer").checkVisibility({visibilityProperty: true})`) {
		t.Error("the explorer shows at 375 px before its button is pressed")
	}
	tab.Click(".sidebar-toggle-explorer")
	tab.WaitFor(`document.getElementById("vs.explorer").checkVisibility({visibilityProperty: true})`)
	tab.WaitFor(`(r => r.left >= 0 && r.right <= innerWidth)(document.getElementById("vs.explorer").getBoundingClientRect())`)
	tab.Screenshot("narrow-explorer")
	tab.Key(kb.Escape)
	tab.WaitFor(`!document.getElementById("vs.explorer").checkVisibility({visibilityProperty: true})`)

	// The aside is no drawer: it follows the note.
	if !browsertest.Eval[bool](tab, `document.querySelector("aside.page-aside .backlinks a").checkVisibility({visibilityProperty: true})`) {
		t.Error("the aside's backlinks do not show at 375 px")
	}
	tab.Screenshot("narrow-aside")
	if !browsertest.Eval[bool](tab, noSideScroll) {
		t.Error("the page scrolls sideways after the drawer")
	}
}

// testExplorer: the explorer marks the current page inside its opened
// folders, folds and unfolds a folder by mouse and keyboard, keeps that
// across pages and leads to the page a link names.
func testExplorer(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + httpNote)
	tab.WaitFor(`document.querySelector('nav.explorer a[aria-current="page"]')`)
	if got := browsertest.Eval[string](tab, `document.querySelector('nav.explorer a[aria-current="page"]').textContent`); got != "HTTP" {
		t.Errorf("the explorer marks %q as the current page, want HTTP", got)
	}
	const folder = `[...document.querySelectorAll("nav.explorer .explorer-folder")].find(li => li.querySelector("a").textContent === "obisdian_ntoes")`
	const toggle = folder + `.querySelector(".explorer-toggle")`
	const shown = `(` + folder + `.querySelector("ul") || {checkVisibility: () => false}).checkVisibility()`
	if browsertest.Eval[string](tab, toggle+`.getAttribute("aria-expanded")`) != "false" || browsertest.Eval[bool](tab, shown) {
		t.Fatal("a folder away from the current page starts open")
	}
	tab.Click(`nav.explorer .explorer-folder:has(> .explorer-row > a[href="../../obisdian_ntoes/"]) > .explorer-row > .explorer-toggle`)
	tab.WaitFor(shown)
	tab.Click(`nav.explorer .explorer-folder:has(> .explorer-row > a[href="../../obisdian_ntoes/"]) > .explorer-row > .explorer-toggle`)
	tab.WaitFor(`!` + shown)
	// The keyboard: Enter on the focused toggle opens the folder again.
	browsertest.Eval[chromedp.Void](tab, toggle+`.focus()`)
	tab.Key("\r")
	tab.WaitFor(shown)
	if !browsertest.Eval[bool](tab, `document.activeElement.matches(":focus-visible") && getComputedStyle(document.activeElement).outlineStyle !== "none"`) {
		t.Error("the focused folder toggle shows no focus ring")
	}
	tab.Click(`nav.explorer a[href="../../obisdian_ntoes/for-later/"]`)
	tab.WaitForPage("/obisdian_ntoes/for-later/")
	tab.WaitFor(`document.querySelector('nav.explorer a[aria-current="page"]')`)
	// On the next page the folder opened by hand is still open, and so is
	// the one above the new page.
	if !browsertest.Eval[bool](tab, shown) {
		t.Error("the opened folder did not stay open on the next page")
	}
	if !browsertest.Eval[bool](tab, `[...document.querySelectorAll("nav.explorer .explorer-folder")].find(li => li.querySelector("a").textContent === "protocols").querySelector(".explorer-toggle").getAttribute("aria-expanded") === "true"`) {
		t.Error("the protocols folder, opened for the HTTP page, closed on the next page")
	}
}

// testNoScript: without JavaScript a note still shows its content, its
// table of contents and backlinks, and its links and breadcrumbs work.
func testNoScript(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, browsertest.NoScript())
	tab.Navigate(s.URL + httpNote)
	if !browsertest.Eval[bool](tab, `document.querySelector(".markdown-preview-view").innerText.includes("protocol of the web")`) {
		t.Error("the note's content does not show without JavaScript")
	}
	for _, sel := range []string{".toc a", ".backlinks a", ".breadcrumbs a"} {
		if !browsertest.Eval[bool](tab, `document.querySelector("`+sel+`").checkVisibility({visibilityProperty: true})`) {
			t.Errorf("%s is not visible without JavaScript", sel)
		}
	}
	if browsertest.Eval[bool](tab, `window.__vsRan === true || document.documentElement.classList.contains("vs-js")`) {
		t.Error("the page's script ran in a tab without JavaScript")
	}
	tab.Click(`.breadcrumbs a[href="../"]`)
	tab.WaitForPage("/protocols/")
	tab.Click(`.entry-list a[href="ssh/"]`)
	tab.WaitForPage("/protocols/ssh/")
	tab.Click(`.markdown-preview-view a.internal-link`)
	tab.WaitFor(`location.pathname !== "/protocols/ssh/" && document.readyState === "complete"`)
	tab.Screenshot("no-script")
}

// testScreenshots writes the home page and a note in both themes to the
// test's artifact folder (go test -artifacts keeps them).
func testScreenshots(t *testing.T, b *browsertest.Browser) {
	for _, scheme := range []string{"light", "dark"} {
		s, tab := reader(t, b, browsertest.ColorScheme(scheme))
		tab.Navigate(s.URL + "/")
		tab.WaitFor(`!document.getElementById("vs.explorer").hidden`)
		tab.Screenshot("home-" + scheme)
		tab.Navigate(s.URL + httpNote)
		tab.WaitFor(`!document.getElementById("vs.explorer").hidden`)
		tab.Screenshot("note-" + scheme)
	}
}
