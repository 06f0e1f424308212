package build_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// tabbable lists the page's elements that Tab reaches, in document
// order, so a walk knows where it should end.
const tabbable = `[...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')].filter(el =>
	el.tabIndex >= 0 && !el.disabled && !el.closest("[inert], dialog:not([open])") &&
	el.checkVisibility({visibilityProperty: true}))`

// focusStep is what the walk sees of the focused element after a Tab.
type focusStep struct {
	HTML    string // its opening tag, to name it in a failure
	Visible bool   // shown and inside the viewport
	Ring    bool   // :focus-visible, with an outline or a shadow
	Last    bool   // the page's last tabbable element
	Body    bool   // focus fell back to the page itself
}

// focusNow describes document.activeElement as a focusStep.
const focusNow = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body) return {Body: true};
	const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
	return {
		HTML: el.outerHTML.slice(0, 160),
		Visible: el.checkVisibility({visibilityProperty: true, opacityProperty: true}) &&
			r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
		// An outline or a shadow, or in an SVG a stroke that focus draws
		// (the local graph's nodes) in another colour than the shape's.
		Ring: el.matches(":focus-visible") &&
			(cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 || cs.boxShadow !== "none" ||
			el instanceof SVGElement && [...el.querySelectorAll("circle, ellipse, rect, path, polygon")].some(c => (s =>
				!["none", "transparent", "rgba(0, 0, 0, 0)"].includes(s.stroke) && s.stroke !== s.fill)(getComputedStyle(c)))),
		Last: el === window.__vsLast,
	};
})()`

// TestKeyboardInBrowser walks each kind of page with Tab at 1280 and
// 375 px: every control focus reaches is visible with a focus ring, and
// the walk reaches the page's last control, so nothing traps focus on
// the way. Then the search dialog, a modal, does keep focus, and the
// explorer drawer and the graph's list work from the keyboard. (The
// hover preview's keyboard path is TestReaderInBrowser/preview-keyboard.)
func TestKeyboardInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	sites, err := axeSites()
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{1280, 375} {
		t.Run(fmt.Sprintf("walk-%d", width), func(t *testing.T) {
			t.Parallel()
			srv := [2]*browsertest.Site{browsertest.Serve(t, sites[0]), browsertest.Serve(t, sites[1])}
			tab := b.Tab(t, browsertest.Viewport(width, 900))
			for _, p := range axePages {
				if p.then != nil || p.kind == "redirect" {
					continue // the search dialog is checked below; the redirect leaves
				}
				s := srv[0]
				if p.fixture {
					s = srv[1]
				}
				tab.Navigate(s.URL + p.path)
				tab.WaitFor(p.ready)
				walk(t, tab, p.kind)
			}
		})
	}
	srv := browsertest.Serve(t, sites[0])
	t.Run("search-modal", func(t *testing.T) { testSearchModal(t, b, srv) })
	t.Run("explorer-drawer", func(t *testing.T) { testExplorerDrawerKeys(t, b, srv) })
	t.Run("graph-list", func(t *testing.T) { testGraphListKeys(t, b, srv) })
}

// settled is true once no CSS transition runs: a drawer hides itself
// 0.2 s after the page's script makes it one, and a heading's anchor
// fades in when focused.
const settled = `document.getAnimations().every(a => a.playState !== "running")`

// walk presses Tab from the top of the page until focus reaches the
// page's last tabbable element, checking each stop on the way. Hover
// previews that open on the way add their links, hence the margin.
func walk(t *testing.T, tab *browsertest.Tab, kind string) {
	t.Helper()
	tab.WaitFor(settled)
	n := browsertest.Eval[int](tab, `(() => { const all = `+tabbable+`; window.__vsLast = all[all.length - 1]; document.activeElement.blur(); return all.length; })()`)
	seen := map[string]bool{}
	var trace []string
	for i := 0; i < 3*n+10; i++ {
		tab.Key("\t")
		tab.WaitFor(settled)
		f := browsertest.Eval[focusStep](tab, focusNow)
		if f.Body {
			trace = append(trace, fmt.Sprintf("%d body", i))
			continue
		}
		if !seen[f.HTML] && (!f.Visible || !f.Ring) {
			t.Errorf("%s: focus on %s: visible %v, focus ring %v", kind, f.HTML, f.Visible, f.Ring)
		}
		seen[f.HTML] = true
		trace = append(trace, fmt.Sprintf("%d %.90s", i, f.HTML))
		if f.Last {
			return
		}
	}
	last := browsertest.Eval[string](tab, `window.__vsLast.outerHTML.slice(0, 120)`)
	t.Errorf("%s: %d presses of Tab did not reach the last of %d controls, %s: focus is trapped; focus went to:\n%s",
		kind, 3*n+10, n, last, strings.Join(trace, "\n"))
}

// testSearchModal: the search dialog keeps focus while open, forwards
// and backwards, and gives it back to the page when closed.
func testSearchModal(t *testing.T, b *browsertest.Browser, s *browsertest.Site) {
	tab := b.Tab(t)
	tab.Navigate(s.URL + httpNote)
	tab.WaitFor(shown)
	tab.Key("/")
	tab.WaitFor(`document.activeElement && document.activeElement.matches("dialog[open] .search-input")`)
	tab.Key("http")
	tab.WaitFor(`document.querySelector(".search-result-link")`)
	// Past the dialog's last control focus may leave for the browser's
	// own controls, which a page sees as the body, never the page.
	const inDialog = `document.activeElement === document.body || !!document.activeElement.closest("dialog[open]")`
	for i, key := range []string{"\t", "\t", "\t", kb.Shift + "\t"} {
		tab.Key(key)
		if !browsertest.Eval[bool](tab, inDialog) {
			t.Fatalf("key %d: focus left the open search dialog for %s", i+1, browsertest.Eval[string](tab, `document.activeElement.outerHTML.slice(0, 120)`))
		}
	}
	tab.Key(kb.Escape)
	tab.WaitFor(`!document.querySelector("dialog.search-dialog").open`)
	tab.Key("\t")
	if browsertest.Eval[bool](tab, `!!document.activeElement.closest("dialog")`) {
		t.Error("focus is still in the closed dialog")
	}
}

// testExplorerDrawerKeys: at 375 px Enter on the explorer's button opens
// the drawer with focus inside, Tab moves through it, and Escape closes
// it with focus back on the button.
func testExplorerDrawerKeys(t *testing.T, b *browsertest.Browser, s *browsertest.Site) {
	tab := b.Tab(t, browsertest.Viewport(375, 812))
	tab.Navigate(s.URL + httpNote)
	tab.WaitFor(shown)
	browsertest.Eval[bool](tab, `(document.querySelector(".sidebar-toggle-explorer").focus(), true)`)
	tab.Key("\r")
	const inExplorer = `document.getElementById("vs.explorer").contains(document.activeElement)`
	tab.WaitFor(inExplorer + ` && document.getElementById("vs.explorer").checkVisibility({visibilityProperty: true})`)
	tab.Key("\t")
	if !browsertest.Eval[bool](tab, inExplorer) {
		t.Error("Tab left the explorer drawer at once")
	}
	tab.Key(kb.Escape)
	tab.WaitFor(`document.activeElement === document.querySelector(".sidebar-toggle-explorer")`)
	tab.WaitFor(`!document.getElementById("vs.explorer").checkVisibility({visibilityProperty: true})`)
}

// testGraphListKeys: the graph's list, the keyboard's way through the
// graph, opens with Enter and its notes' links take focus.
func testGraphListKeys(t *testing.T, b *browsertest.Browser, s *browsertest.Site) {
	tab := b.Tab(t)
	tab.Navigate(s.URL + "/graph/")
	tab.WaitFor(shown + ` && document.querySelector(".graph-view[data-ready], .graph-view.is-unavailable")`)
	browsertest.Eval[bool](tab, `(document.querySelector(".graph-list-view > summary").focus(), true)`)
	tab.Key("\r")
	tab.WaitFor(`document.querySelector(".graph-list-view").open && document.querySelector(".graph-list a[href]")`)
	tab.Key("\t")
	if !browsertest.Eval[bool](tab, `!!document.activeElement.closest(".graph-list") && document.activeElement.matches("a[href]")`) {
		t.Errorf("Tab after opening the graph's list is on %s, not a note's link", browsertest.Eval[string](tab, `document.activeElement.outerHTML.slice(0, 120)`))
	}
}
