package build

import (
	"testing"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// TestLookInBrowser opens sites that carry the author's look in Debian's
// chromium and reads what the reader sees. It skips without chromium,
// except under CI.
func TestLookInBrowser(t *testing.T) {
	b := browsertest.Start(t)
	t.Run("theme", func(t *testing.T) { testLookTheme(t, b) })
	t.Run("publish", func(t *testing.T) { testLookPublish(t, b) })
}

// lookTab serves em's files and opens a tab that fails the test on a
// browser error or a request for a file the site lacks.
func lookTab(t *testing.T, b *browsertest.Browser, em *MemEmitter, opts ...browsertest.TabOption) (*browsertest.Site, *browsertest.Tab) {
	s := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, opts...)
	t.Cleanup(func() {
		for _, e := range tab.Errors() {
			t.Errorf("browser error: %s", e)
		}
		for _, p := range s.Missing() {
			t.Errorf("the page asked for %s, which the site does not have", p)
		}
	})
	return s, tab
}

// testLookTheme: the theme's colours and font are the page's and the
// callout's, in the default mode appearance.json names (dark, though the
// system is light) and, after the toggle, in the light one; the accent
// is the author's; the disabled snippet is nowhere.
func testLookTheme(t *testing.T, b *browsertest.Browser) {
	_, em := buildLook(t, themedVault, Options{})
	s, tab := lookTab(t, b, em, browsertest.ColorScheme("light"))
	tab.Navigate(s.URL + "/")
	body := `getComputedStyle(document.body)`
	callout := `getComputedStyle(document.querySelector(".callout"))`
	for _, c := range []struct{ name, js, want string }{
		{"body background", body + `.backgroundColor`, "rgb(16, 32, 48)"},
		{"body colour", body + `.color`, "rgb(224, 208, 192)"},
		{"body font", body + `.fontFamily`, `"Tiny Serif", serif`},
		{"body size", body + `.fontSize`, "18px"},
		{"accent", body + `.getPropertyValue("--interactive-accent").trim()`, "#1e90ff"},
		{"callout background", callout + `.backgroundColor`, "rgba(200, 10, 10, 0.1)"},
		{"callout title", `getComputedStyle(document.querySelector(".callout-title")).color`, "rgb(200, 10, 10)"},
		{"callout text", callout + `.color`, "rgb(224, 208, 192)"},
		{"callout font", callout + `.fontFamily`, `"Tiny Serif", serif`},
	} {
		if got := browsertest.Eval[string](tab, c.js); got != c.want {
			t.Errorf("dark: %s is %s, want %s", c.name, got, c.want)
		}
	}
	if browsertest.Eval[bool](tab, `[...document.styleSheets].some(s => [...s.cssRules].some(r => r.cssText.includes("disabled-snippet-marker")))`) {
		t.Error("the disabled snippet's rule is on the page")
	}
	tab.Click(".theme-toggle")
	tab.WaitFor(body + `.backgroundColor === "rgb(250, 250, 240)"`)
	if got := browsertest.Eval[string](tab, body+`.color`); got != "rgb(48, 48, 32)" {
		t.Errorf("light: body colour is %s, want the theme's rgb(48, 48, 32)", got)
	}
	if !browsertest.Eval[bool](tab, `document.body.classList.contains("theme-light") && !document.body.classList.contains("theme-dark")`) {
		t.Errorf("after the toggle the body's classes are %q", browsertest.Eval[string](tab, `document.body.className`))
	}
}

// testLookPublish: the help vault's site shows its logo and name, its
// explorer follows navigationOrdering, publish.js builds its language
// switcher, and publish.css lays out list-cards and frames #interface
// images.
func testLookPublish(t *testing.T, b *browsertest.Browser) {
	_, em := buildDir(t, helpVault, Options{})
	s, tab := lookTab(t, b, em, browsertest.Viewport(1400, 1000))
	tab.Navigate(s.URL + "/")
	if got := browsertest.Eval[string](tab, `document.querySelector(".site-header .site-title").textContent`); got != "Obsidian Help" {
		t.Errorf("the header names the site %q", got)
	}
	tab.WaitFor(`document.querySelector(".site-header-logo img").naturalWidth > 0`)
	tab.WaitFor(`document.querySelector(".site-header .lang-switcher-header") !== null`)
	tab.WaitFor(`document.querySelector(".site-body-left-column-inner .lang-switcher") !== null`)
	tab.WaitFor(`document.querySelector(".explorer .explorer-row a") !== null`)
	first := `[...document.querySelectorAll(".explorer > .site-body-left-column-inner > .nav-view-outer > ul > li > .explorer-row > a")].slice(0, 3).map(a => a.textContent).join("|")`
	if got := browsertest.Eval[string](tab, first); got != "Getting started|Import notes|User interface" {
		t.Errorf("the explorer starts %q, want navigationOrdering's Getting started|Import notes|User interface", got)
	}
	cards := `getComputedStyle(document.querySelector(".markdown-preview-view.list-cards div > ul"))`
	if got := browsertest.Eval[string](tab, cards+`.display`); got != "grid" {
		t.Errorf("the list-cards list is display %s, want grid", got)
	}
	if n := browsertest.Eval[int](tab, cards+`.gridTemplateColumns.split(" ").length`); n != 2 {
		t.Errorf("the list-cards grid has %d columns, want 2", n)
	}
	narrow := b.Tab(t, browsertest.Viewport(390, 800), browsertest.Touch())
	narrow.Navigate(s.URL + "/")
	narrow.WaitFor(`document.querySelector(".site-header .lang-switcher-header") !== null`)
	if !browsertest.Eval[bool](narrow, `document.documentElement.scrollWidth <= document.documentElement.clientWidth`) {
		t.Error("at 390 px the page, with its logo and publish.js's switcher, scrolls sideways")
	}
	tab.Navigate(s.URL + "/ribbon/")
	frame := `getComputedStyle(document.querySelector('span.image-embed[src$="#interface"]'))`
	if got := browsertest.Eval[string](tab, frame+`.boxShadow`); got == "none" {
		t.Error("the #interface image has no frame shadow")
	}
	if got := browsertest.Eval[string](tab, `getComputedStyle(document.querySelector('span.image-embed[src$="#interface"]'), "::before").boxShadow`); got == "none" {
		t.Error("the #interface image has no inner border (publish.css's ::before)")
	}
	if got := browsertest.Eval[string](tab, frame+`.borderRadius`); got != "8px" {
		t.Errorf("the #interface frame's radius is %s, want 8px (--radius-m)", got)
	}
}
