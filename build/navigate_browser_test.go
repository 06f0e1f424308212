package build

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// navTab serves vaultFile(t, "navigate") and opens page in a new tab of b,
// at the width given, failing t on the page's script errors.
func navTab(t *testing.T, b *browsertest.Browser, srv *browsertest.Site, page string, opts ...browsertest.TabOption) *browsertest.Tab {
	t.Helper()
	tab := b.Tab(t, opts...)
	tab.Navigate(srv.URL + page)
	t.Cleanup(func() {
		for _, e := range tab.Errors() {
			t.Errorf("browser error: %s", e)
		}
	})
	return tab
}

// marked sets a marker on the window and on the explorer, which a full
// load would drop: the tests check both survive a click.
const marked = `(window.vsMarker = 1, document.getElementById("vs.explorer").vsMarker = 1, true)`

// TestNavigateInBrowser follows links the way a reader does and checks
// that the next page is swapped in, not loaded: the window survives,
// and the title, address, history, focus and the page's scripts follow.
// It skips without chromium, except under CI.
func TestNavigateInBrowser(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, vaultFile(t, "navigate"), Options{})
	b := browsertest.Start(t)
	srv := browsertest.Serve(t, em.Files)
	t.Run("swap", func(t *testing.T) { testNavigateSwap(t, b, srv) })
	t.Run("back-restores-scroll", func(t *testing.T) { testNavigateBack(t, b, srv) })
	t.Run("explorer-kept", func(t *testing.T) { testNavigateExplorer(t, b, srv) })
	t.Run("fallback", func(t *testing.T) { testNavigateFallback(t, b, srv) })
	t.Run("search-after-swap", func(t *testing.T) { testNavigateSearch(t, b, srv) })
	t.Run("folder-and-back", func(t *testing.T) { testNavigateFolder(t, b, srv) })
	t.Run("no-script", func(t *testing.T) {
		tab := navTab(t, b, srv, "/", browsertest.NoScript())
		tab.Click(`.markdown-rendered a.internal-link[href="long/"]`)
		tab.WaitForPage("/long/")
	})
}

func testNavigateSwap(t *testing.T, b *browsertest.Browser, srv *browsertest.Site) {
	tab := navTab(t, b, srv, "/", browsertest.Viewport(1280, 800))
	browsertest.Eval[bool](tab, marked)
	length := browsertest.Eval[int](tab, `history.length`)
	tab.Click(`.markdown-rendered a.internal-link[href="folder/target/"]`)
	tab.WaitForPage("/folder/target/")
	tab.WaitFor(`document.querySelector("main h1") && document.querySelector("main h1").id === "target"`)
	if !browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
		t.Fatal("following a link reloaded the page")
	}
	eval := func(js string) string { t.Helper(); return browsertest.Eval[string](tab, js) }
	if got := eval(`document.title`); got != "Target" {
		t.Errorf("title = %q, want Target", got)
	}
	if got := browsertest.Eval[int](tab, `history.length`); got != length+1 {
		t.Errorf("history.length = %d, want %d", got, length+1)
	}
	if got := eval(`document.activeElement.tagName + " " + document.activeElement.id`); got != "H1 target" {
		t.Errorf("focus is on %q, want the new h1", got)
	}
	tab.WaitFor(`document.querySelector(".vs-announce").textContent === "Target"`)
	// The page's scripts ran for the new text: copy button, math, local
	// graph, and the explorer marks the new page.
	for _, js := range []string{
		`!!document.querySelector("main .copy-code-button")`,
		`!!document.querySelector("main .math .katex")`,
		`document.querySelectorAll("#vs\\.aside .local-graph svg a").length > 1`,
		`(document.querySelector('#vs\\.explorer a[aria-current="page"]') || {}).textContent === "Target"`,
	} {
		if !tab.Poll(js) {
			t.Errorf("after the swap, %s is false", js)
		}
	}
	// Links of the new page resolve from the new page: on to Other.
	tab.Click(`.markdown-rendered a.internal-link[href$="/folder/other/"]`)
	tab.WaitFor(`document.querySelector("main h1").id === "other"`)
	if got := eval(`location.pathname`); got != "/folder/other/" {
		t.Errorf("after a second click the address is %q", got)
	}
	tab.Do(chromedp.NavigateBack())
	tab.WaitFor(`document.querySelector("main h1").id === "target"`)
	if !browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
		t.Error("going back reloaded the page")
	}
}

// testNavigateBack: back to a page scrolled down shows it where the
// reader left it.
func testNavigateBack(t *testing.T, b *browsertest.Browser, srv *browsertest.Site) {
	tab := navTab(t, b, srv, "/long/", browsertest.Viewport(1280, 800))
	browsertest.Eval[bool](tab, marked)
	browsertest.Eval[bool](tab, `(document.querySelector('.markdown-rendered a.internal-link[href="../folder/target/"]').scrollIntoView(), true)`)
	y := browsertest.Eval[float64](tab, `scrollY`)
	if y < 1000 {
		t.Fatalf("the link to Target is at scrollY %v: the note is too short for the test", y)
	}
	tab.Click(`.markdown-rendered a.internal-link[href="../folder/target/"]`)
	tab.WaitFor(`location.pathname === "/folder/target/" && document.querySelector("main h1").id === "target"`)
	if got := browsertest.Eval[float64](tab, `scrollY`); got != 0 {
		t.Errorf("the new page starts at scrollY %v", got)
	}
	// Long again, by a link, then scrolled to its middle section: the table
	// of contents of the swapped-in page marks it.
	tab.Click(`.markdown-rendered a.internal-link[href$="/long/"]`)
	tab.WaitFor(`location.pathname === "/long/" && document.querySelector("main h1").id === "long"`)
	browsertest.Eval[bool](tab, `(document.getElementById("middle").scrollIntoView(), true)`)
	if !tab.Poll(`!!document.querySelector('.toc a[aria-current="location"][href$="#middle"]')`) {
		t.Errorf("the TOC marks %q", browsertest.Eval[string](tab, `[...document.querySelectorAll('.toc a[aria-current]')].map(a => a.href).join(" ")`))
	}
	tab.Do(chromedp.NavigateBack())
	tab.WaitFor(`location.pathname === "/folder/target/" && document.querySelector("main h1").id === "target"`)
	tab.Do(chromedp.NavigateBack())
	tab.WaitFor(`location.pathname === "/long/" && document.querySelector("main h1").id === "long"`)
	if got := browsertest.Eval[float64](tab, `scrollY`); got < y-2 || got > y+2 {
		t.Errorf("back at Long, scrollY = %v, want %v", got, y)
	}
	if !browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
		t.Error("going back reloaded the page")
	}
}

// testNavigateExplorer: a folder opened by hand stays open, and the
// explorer keeps its element (so its scroll) across a click.
func testNavigateExplorer(t *testing.T, b *browsertest.Browser, srv *browsertest.Site) {
	tab := navTab(t, b, srv, "/", browsertest.Viewport(1280, 400))
	const second = `nav.explorer .explorer-folder:has(> .explorer-row > a[href$="/second/"]) > .explorer-row > .explorer-toggle`
	tab.WaitFor(`document.querySelector('` + second + `')`)
	tab.Click(second)
	tab.WaitFor(`document.querySelector('` + second + `').getAttribute("aria-expanded") === "true"`)
	browsertest.Eval[bool](tab, marked)
	browsertest.Eval[bool](tab, `(document.getElementById("vs.explorer").scrollTop = 40, true)`)
	scroll := browsertest.Eval[float64](tab, `document.getElementById("vs.explorer").scrollTop`)
	tab.Click(`.markdown-rendered a.internal-link[href="long/"]`)
	tab.WaitFor(`location.pathname === "/long/" && document.querySelector("main h1").id === "long"`)
	if !browsertest.Eval[bool](tab, `document.getElementById("vs.explorer").vsMarker === 1`) {
		t.Fatal("the explorer was rebuilt")
	}
	if browsertest.Eval[string](tab, `document.querySelector('`+second+`').getAttribute("aria-expanded")`) != "true" {
		t.Error("the folder opened by hand closed")
	}
	if got := browsertest.Eval[float64](tab, `document.getElementById("vs.explorer").scrollTop`); got != scroll {
		t.Errorf("the explorer's scroll went from %v to %v", scroll, got)
	}
	// Its links still lead to their pages from the new address (the
	// redrawn folder's list comes from its listing, a promise away).
	tab.WaitFor(`!!document.querySelector('nav.explorer a[href$="/second/inside/"]')`)
	tab.Click(`nav.explorer a[href$="/second/inside/"]`)
	tab.WaitFor(`location.pathname === "/second/inside/" && document.querySelector("main h1").id === "inside"`)
}

// testNavigateFallback: a link to a file, not a page, is an ordinary
// link.
func testNavigateFallback(t *testing.T, b *browsertest.Browser, srv *browsertest.Site) {
	tab := navTab(t, b, srv, "/", browsertest.Viewport(1280, 800))
	browsertest.Eval[bool](tab, marked)
	href := browsertest.Eval[string](tab, `(document.querySelector('.markdown-rendered a[href$=".pdf"]') || {}).href || ""`)
	if href == "" {
		t.Fatal("Home has no link to report.pdf")
	}
	tab.Click(`.markdown-rendered a[href$=".pdf"]`)
	tab.WaitFor(`location.pathname.endsWith(".pdf")`)
}

// testNavigateSearch: search, whose script loads on first use, finds
// and links notes after a swap to a page at another depth.
func testNavigateSearch(t *testing.T, b *browsertest.Browser, srv *browsertest.Site) {
	tab := navTab(t, b, srv, "/", browsertest.Viewport(1280, 800))
	browsertest.Eval[bool](tab, marked)
	tab.Click(`.markdown-rendered a.internal-link[href="folder/target/"]`)
	tab.WaitFor(`location.pathname === "/folder/target/" && document.querySelector("main h1").id === "target"`)
	tab.Key("/")
	tab.WaitFor(`document.activeElement && document.activeElement.matches("dialog[open] .search-input")`)
	tab.Key("inside")
	if !tab.Poll(`(document.querySelector(".search-result-link") || {}).pathname === "/second/inside/"`) {
		t.Fatalf("search after the swap shows %q", browsertest.Eval[string](tab, `document.querySelector(".search-results") ? document.querySelector(".search-results").textContent : "no results list"`))
	}
	if !browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
		t.Error("the page was reloaded")
	}
}

// testNavigateFolder: from a note to its folder's page, which has no
// aside, and on to a note again, whose aside comes back.
func testNavigateFolder(t *testing.T, b *browsertest.Browser, srv *browsertest.Site) {
	tab := navTab(t, b, srv, "/folder/target/", browsertest.Viewport(1280, 800))
	browsertest.Eval[bool](tab, marked)
	tab.Click(`.breadcrumbs a[href="../"]`)
	tab.WaitFor(`location.pathname === "/folder/" && document.body.classList.contains("page-folder")`)
	if !browsertest.Eval[bool](tab, `document.getElementById("vs.aside").hidden && !document.querySelector("#vs\\.aside .backlinks")`) {
		t.Error("the folder page shows the note's aside")
	}
	tab.Click(`main .entry-list a[href$="/folder/other/"]`)
	tab.WaitFor(`location.pathname === "/folder/other/" && document.querySelector("main h1").id === "other"`)
	if !tab.Poll(`!document.getElementById("vs.aside").hidden && !!document.querySelector("#vs\\.aside .backlinks")`) {
		t.Error("the note's aside did not come back")
	}
	if !browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
		t.Error("a link reloaded the page")
	}
}
