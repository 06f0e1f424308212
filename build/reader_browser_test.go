package build_test

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/internal/browsertest"
	"github.com/vaultsite/vaultsite/site"
)

// The bundled vault's pages the reader tests open.
const (
	httpNote     = "/protocols/http/"
	portsNote    = "/ports/"
	scanningNote = "/port-scanning/"
	tcpNote      = "/obisdian_ntoes/notes_obsidian/zpythonref/djangoframework/network/ref_osi/tcp/"
)

// bundledSite builds the bundled vault once for the reader tests.
var bundledSite = sync.OnceValues(func() (map[site.OutPath][]byte, error) {
	em := build.NewMemEmitter()
	_, err := build.Build(context.Background(), os.DirFS("../vault"), build.Options{}, em)
	return em.Files, err
})

// reader starts chromium and serves the bundled vault for t. Each call
// serves on its own port, so each test has its own origin and with it
// its own localStorage (the theme).
func reader(t *testing.T, b *browsertest.Browser, opts ...browsertest.TabOption) (*browsertest.Site, *browsertest.Tab) {
	t.Helper()
	files, err := bundledSite()
	if err != nil {
		t.Fatal(err)
	}
	s := browsertest.Serve(t, files)
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

// TestReaderInBrowser opens the bundled vault's site in Debian's chromium
// and checks what a reader does with it; each subtest says what it
// proves. It skips without chromium, except under CI.
func TestReaderInBrowser(t *testing.T) {
	b := browsertest.Start(t)
	t.Run("backlinks", func(t *testing.T) { testBacklinks(t, b) })
	t.Run("preview", func(t *testing.T) { testPreview(t, b) })
	t.Run("preview-keyboard", func(t *testing.T) { testPreviewKeyboard(t, b) })
	t.Run("preview-touch", func(t *testing.T) { testPreviewTouch(t, b) })
	t.Run("callout", func(t *testing.T) { testFoldedCallout(t, b) })
	t.Run("theme", func(t *testing.T) { testTheme(t, b) })
	t.Run("narrow", func(t *testing.T) { testNarrow(t, b) })
	t.Run("explorer", func(t *testing.T) { testExplorer(t, b) })
	t.Run("no-script", func(t *testing.T) { testNoScript(t, b) })
	t.Run("screenshots", func(t *testing.T) { testScreenshots(t, b) })
}

// testBacklinks: a note lists the notes that link to it, each of those
// really links back, and the list fits its column.
func testBacklinks(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + httpNote)
	titles := browsertest.Eval[[]string](tab, `[...document.querySelectorAll(".backlinks .backlink-title")].map(a => a.textContent)`)
	for _, want := range []string{"HTTPS", "Home", "ports"} {
		if !contains(titles, want) {
			t.Errorf("HTTP's backlinks %q lack %q", titles, want)
		}
	}
	if !browsertest.Eval[bool](tab, `document.querySelector(".backlinks").closest("aside") !== null`) {
		t.Error("the backlinks are not in the page's aside")
	}
	tab.Click(`.backlinks a.backlink-title[href="../../https/"]`)
	tab.WaitForPage("/https/")
	if !browsertest.Eval[bool](tab, `[...document.querySelectorAll(".markdown-preview-view a.internal-link")].some(a => new URL(a.href).pathname === "`+httpNote+`")`) {
		t.Error("HTTPS is listed as a backlink of HTTP but does not link to it")
	}
	// Long excerpts wrap inside the aside's column (TCP has 18).
	tab.Navigate(s.URL + tcpNote)
	if !browsertest.Eval[bool](tab, `(() => {
		const r = document.querySelector(".page-aside").getBoundingClientRect().right;
		return [...document.querySelectorAll(".page-aside .backlink")].every(b => b.getBoundingClientRect().right <= r + 0.5);
	})()`) {
		t.Error("TCP's backlinks overflow the aside")
	}
}

// popoverShows is true once the hover preview is open.
const popoverShows = `(() => { const p = document.querySelector(".hover-popover"); return !!p && !p.hidden && p.textContent.length > 0 })()`

// testPreview: resting the mouse on an internal link shows the target's
// content, scrolled to the block the link names; Escape closes it.
func testPreview(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + "/")
	tab.Hover(`.markdown-preview-view a.internal-link[href="protocols/http/"]`)
	tab.WaitFor(popoverShows)
	if text := browsertest.Eval[string](tab, `document.querySelector(".hover-popover").textContent`); !strings.Contains(text, "protocol of the web") {
		t.Errorf("the preview of HTTP shows %.80q…", text)
	}
	tab.Key(kb.Escape)
	tab.WaitFor(`document.querySelector(".hover-popover").hidden`)

	tab.Navigate(s.URL + scanningNote)
	tab.Hover(`.markdown-preview-view a.internal-link[data-href="TCP#^tcp-handshake"]`)
	tab.WaitFor(popoverShows)
	tab.WaitFor(`document.querySelector(".hover-popover .popover-target")`)
	inView := browsertest.Eval[bool](tab, `(() => {
		const p = document.querySelector(".hover-popover"), g = p.querySelector(".popover-target");
		const pr = p.getBoundingClientRect(), gr = g.getBoundingClientRect();
		return p.scrollTop > 0 && gr.top >= pr.top - 1 && gr.top < pr.bottom;
	})()`)
	if !inView {
		t.Error("the preview of TCP#^tcp-handshake is not scrolled to the block")
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll(".hover-popover [id]").length`); n != 0 {
		t.Errorf("the preview carries %d ids that repeat the page's", n)
	}
	// Moving away closes it.
	tab.Hover(".site-title")
	tab.WaitFor(`document.querySelector(".hover-popover").hidden`)
}

// testPreviewKeyboard: focusing a link from the keyboard opens its
// preview too; Tab enters it, and Escape closes it and returns to the
// link.
func testPreviewKeyboard(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + httpNote)
	// Focus what comes before the first internal link of the body, then
	// Tab onto the link, as a keyboard user would. (The narrow "On this
	// page" comes between them in the page, unseen at this width.)
	browsertest.Eval[chromedp.Void](tab, `(() => {
		const links = [...document.querySelectorAll("a[href], button:not([hidden])")].filter(e => e.checkVisibility());
		const i = links.indexOf(document.querySelector(".markdown-preview-view a.internal-link"));
		links[i - 1].focus();
	})()`)
	tab.Key("\t")
	tab.WaitFor(`document.activeElement.matches(".markdown-preview-view a.internal-link")`)
	tab.WaitFor(popoverShows)
	owner := `document.activeElement === document.querySelector(".markdown-preview-view a.internal-link")`
	// Tab enters the preview, at its first link; Escape closes it and
	// puts focus back on the link it hangs from.
	if !browsertest.Eval[bool](tab, `!!document.querySelector(".hover-popover a[href]")`) {
		t.Fatal("the preview has no link to tab to")
	}
	tab.Key("\t")
	tab.WaitFor(`document.activeElement === document.querySelector(".hover-popover a[href]")`)
	if browsertest.Eval[bool](tab, `document.querySelector(".hover-popover").hidden`) {
		t.Error("tabbing into the preview closed it")
	}
	tab.Key(kb.Escape)
	tab.WaitFor(`document.querySelector(".hover-popover").hidden`)
	tab.WaitFor(owner)
}

// testPreviewTouch: on a touch screen a tap on a link navigates, with no
// preview in the way.
func testPreviewTouch(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b, browsertest.Viewport(390, 844), browsertest.Touch())
	tab.Navigate(s.URL + "/")
	tab.Do(chromedp.Tap(chromedp.CSS(`.markdown-preview-view a.internal-link[href="protocols/http/"]`)))
	tab.WaitForPage(httpNote)
	if browsertest.Eval[bool](tab, popoverShows) {
		t.Error("a tap left a preview open")
	}
}

// testFoldedCallout: a callout folded with "-" is closed and opens on a
// click of its title.
func testFoldedCallout(t *testing.T, b *browsertest.Browser) {
	s, tab := reader(t, b)
	tab.Navigate(s.URL + portsNote)
	const callout = `document.querySelector('details.callout[data-callout="bug"]')`
	if browsertest.Eval[bool](tab, callout+`.open`) {
		t.Fatal("the folded callout starts open")
	}
	if browsertest.Eval[bool](tab, callout+`.querySelector(".callout-content").checkVisibility()`) {
		t.Error("a folded callout's content is visible")
	}
	tab.Click(`details.callout[data-callout="bug"] > summary`)
	tab.WaitFor(callout + `.open`)
	if !browsertest.Eval[bool](tab, callout+`.querySelector(".callout-content").checkVisibility()`) {
		t.Error("the opened callout's content is not visible")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
