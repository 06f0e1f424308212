package build

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// stackedURLs lists the pages the address stacks after the first.
const stackedURLs = `new URL(location.href).searchParams.getAll("stacked").join(" ")`

// TestStackedPagesInBrowser turns stacked pages on and follows links as
// a reader does: on a wide screen each opens a pane to the right, the
// earlier ones collapse to spines that expand on a click, the address
// holds the stack so a reload and back restore it; on a phone links stay
// ordinary. It skips without chromium, except under CI.
func TestStackedPagesInBrowser(t *testing.T) {
	t.Parallel()
	on := true
	_, em := buildSite(t, vaultFile(t, "navigate"), Options{Look: LookOptions{StackedPages: &on}})
	b := browsertest.Start(t)
	srv := browsertest.Serve(t, em.Files)
	t.Run("wide", func(t *testing.T) { testStackWide(t, b, srv) })
	t.Run("phone", func(t *testing.T) {
		tab := navTab(t, b, srv, "/", browsertest.Viewport(375, 812), browsertest.Touch())
		browsertest.Eval[bool](tab, marked)
		tab.Do(chromedp.Tap(chromedp.CSS(`.markdown-rendered a.internal-link[href="long/"]`)))
		if !tab.Poll(`location.pathname === "/long/" && document.querySelector("main h1").id === "long"`) {
			t.Fatalf("after the click: %s", browsertest.Eval[string](tab, `location.href + " " + document.title + " " + innerWidth + " " + document.querySelector("main").innerHTML.slice(0, 200)`))
		}
		if browsertest.Eval[bool](tab, `!!document.querySelector(".stack") || location.search !== ""`) {
			t.Error("a phone stacks pages")
		}
		// Ordinary navigation, made instant by navigate.js.
		if !browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
			t.Error("on a phone, a link of a stacked site reloaded the page")
		}
		// A stack's address opens its last page.
		tab.Navigate(srv.URL + "/?stacked=long/&stacked=folder/target/")
		tab.WaitFor(`location.pathname === "/folder/target/"`)
	})
}

func testStackWide(t *testing.T, b *browsertest.Browser, srv *browsertest.Site) {
	tab := navTab(t, b, srv, "/", browsertest.Viewport(1280, 800))
	browsertest.Eval[bool](tab, marked)
	panes := func() string {
		t.Helper()
		return browsertest.Eval[string](tab, `[...document.querySelectorAll(".stack > .stack-pane")].map(p => (p.classList.contains("is-spine") ? "|" : "") + p.dataset.stackTitle).join(" ")`)
	}
	tab.Click(`.markdown-rendered a.internal-link[href="long/"]`)
	tab.WaitFor(`document.querySelectorAll(".stack > .stack-pane").length === 2`)
	if got := browsertest.Eval[string](tab, stackedURLs); got != "long/" || browsertest.Eval[string](tab, `location.pathname`) != "/" {
		t.Errorf("the address is %q, stacking %q", browsertest.Eval[string](tab, `location.href`), got)
	}
	if !browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
		t.Fatal("opening a pane reloaded the page")
	}
	// A link in the second pane opens a third; there is room for one
	// pane beside the explorer, so the first two become spines.
	tab.Click(`.stack > .stack-pane:nth-child(2) a.internal-link[href$="/folder/target/"]`)
	tab.WaitFor(`document.querySelectorAll(".stack > .stack-pane").length === 3`)
	if got := browsertest.Eval[string](tab, stackedURLs); got != "long/ folder/target/" {
		t.Errorf("the address stacks %q", got)
	}
	if got := panes(); got != "|Home |Long Target" {
		t.Errorf("panes (| a spine) = %q", got)
	}
	spine := `.stack > .stack-pane:first-child > .stack-spine`
	if got := browsertest.Eval[string](tab, `(s => s.textContent + " " + getComputedStyle(s).writingMode + " " + s.offsetWidth)(document.querySelector('`+spine+`'))`); got != "Home vertical-rl 40" {
		t.Errorf("the first spine is %q", got)
	}
	if got := browsertest.Eval[string](tab, `document.title`); got != "Target" {
		t.Errorf("title = %q", got)
	}
	// A click on a spine brings its pane back.
	tab.Click(spine)
	tab.WaitFor(`!document.querySelector(".stack > .stack-pane:first-child").classList.contains("is-spine")`)
	if got := panes(); !strings.HasPrefix(got, "Home ") {
		t.Errorf("after the spine's click, panes = %q", got)
	}
	// The address restores the stack: reload it, then go back a step.
	tab.Navigate(browsertest.Eval[string](tab, `location.href`))
	tab.WaitFor(`document.querySelectorAll(".stack > .stack-pane").length === 3`)
	if browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
		t.Fatal("the reload did not reload")
	}
	if got := browsertest.Eval[string](tab, `[...document.querySelectorAll(".stack > .stack-pane")].map(p => p.dataset.stackTitle).join(" ")`); got != "Home Long Target" {
		t.Errorf("the reloaded stack is %q", got)
	}
	tab.Do(chromedp.NavigateBack())
	tab.WaitFor(`document.querySelectorAll(".stack > .stack-pane").length === 2 && ` + stackedURLs + ` === "long/"`)
}
