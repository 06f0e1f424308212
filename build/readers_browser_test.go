package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// readersSite builds readersVault (newest first) and serves it; the
// returned tab fails the test on script errors and missing files.
func readersSite(t *testing.T, b *browsertest.Browser, opts ...browsertest.TabOption) (*browsertest.Site, *browsertest.Tab) {
	t.Helper()
	_, em := buildSite(t, readersVault(t), Options{NewestFirst: true})
	s := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, opts...)
	t.Cleanup(func() {
		for _, e := range tab.Errors() {
			if !strings.Contains(e, "/no/such/page/") {
				t.Errorf("browser error: %s", e)
			}
		}
	})
	return s, tab
}

// sizes are the widths the reader tests run at: a laptop, and a phone
// with a touch screen.
var sizes = []struct {
	name string
	opts []browsertest.TabOption
}{
	{"1280", []browsertest.TabOption{browsertest.Viewport(1280, 900)}},
	{"375", []browsertest.TabOption{browsertest.Viewport(375, 812), browsertest.Touch()}},
}

// overlapJS is a function of two boxes {x, y, w, h} that says whether
// they overlap by more than half a pixel (rounding).
const overlapJS = `((a, b) => a.x + 0.5 < b.x + b.w && b.x + 0.5 < a.x + a.w && a.y + 0.5 < b.y + b.h && b.y + 0.5 < a.y + a.h)`

// The copy button of a code block never covers the code: with the
// pointer on the block (where it shows on hover) and on a touch screen
// (where it always shows), its box meets no box of the code's text.
func TestCopyButtonLeavesCodeUncovered(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			s, tab := readersSite(t, b, sz.opts...)
			tab.Navigate(s.URL + "/code/")
			tab.WaitFor(`document.querySelector(".copy-code-button")`)
			if sz.name == "1280" {
				tab.Hover(".code-block pre")
				tab.WaitFor(`getComputedStyle(document.querySelector(".copy-code-button")).opacity === "1"`)
			}
			covered := browsertest.Eval[string](tab, `(() => {
				const overlap = `+overlapJS+`;
				const btn = document.querySelector(".copy-code-button").getBoundingClientRect();
				const pre = document.querySelector(".code-block pre").getBoundingClientRect();
				const b = {x: btn.left, y: btn.top, w: btn.width, h: btn.height};
				if (getComputedStyle(document.querySelector(".copy-code-button")).opacity === "0") return "the button does not show";
				const range = document.createRange();
				range.selectNodeContents(document.querySelector(".code-block pre code"));
				for (const r of range.getClientRects()) {
					// Only the part of a line inside the block's box is seen.
					const x0 = Math.max(r.left, pre.left), x1 = Math.min(r.right, pre.right);
					if (x1 <= x0 || r.width === 0) continue;
					const box = {x: x0, y: r.top, w: x1 - x0, h: r.height};
					if (overlap(b, box)) return "button " + JSON.stringify(b) + " covers text at " + JSON.stringify(box);
				}
				return "";
			})()`)
			if covered != "" {
				t.Error(covered)
			}
		})
	}
}

// The table of contents marks the section in view with aria-current,
// and follows the reader down and back up the page.
func TestTOCMarksSectionInView(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			s, tab := readersSite(t, b, sz.opts...)
			tab.Navigate(s.URL + "/long/")
			current := `(document.querySelector('.toc a[aria-current="location"]') || {}).textContent`
			tab.WaitFor(current + ` === "Section 1"`)
			for _, n := range []int{3, 5, 2} {
				browsertest.Eval[bool](tab, fmt.Sprintf(`(h => (h.scrollIntoView({block: "start"}), true))([...document.querySelectorAll("h2")].find(h => h.textContent.startsWith("Section %d")))`, n))
				if !tab.Poll(fmt.Sprintf(`%s === "Section %d"`, current, n)) {
					t.Errorf("with section %d at the top, the TOC marks %q", n, browsertest.Eval[string](tab, current+` || ""`))
				}
			}
			// One entry per list: the aside's, and the inline one of
			// narrow screens where the page has it.
			lists := browsertest.Eval[int](tab, `document.querySelectorAll(".toc, .toc-inline").length`)
			if n := browsertest.Eval[int](tab, `document.querySelectorAll(":is(.toc, .toc-inline) [aria-current]").length`); n != lists {
				t.Errorf("%d TOC entries are marked in %d lists, want one per list", n, lists)
			}
			if got := browsertest.Eval[[]string](tab, `[...document.querySelectorAll(":is(.toc, .toc-inline) [aria-current]")].map(a => a.textContent)`); len(got) > 1 && got[0] != got[1] {
				t.Errorf("the lists mark different sections: %v", got)
			}
		})
	}
}

// No two labels of the global graph overlap, nor does a label cover the
// pointed-at note's; the graph still names its notes.
func TestGraphLabelsDoNotOverlap(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	s, tab := readersSite(t, b, browsertest.Viewport(1280, 900))
	tab.Navigate(s.URL + "/graph/")
	tab.WaitFor(`!!document.querySelector(".graph-view[data-ready], .graph-view.is-unavailable")`)
	if !browsertest.Eval[bool](tab, `document.querySelector(".graph-view").hasAttribute("data-ready")`) {
		t.Skip("no WebGL in this chromium")
	}
	// The labels drawn: what placeLabels reports, or on a graph that
	// leaves labels to sigma, every label sigma displayed, measured as
	// sigma draws it.
	labels := `(() => {
		const view = document.querySelector(".graph-view"), r = view.sigma;
		if (view.graphLabels) return view.graphLabels;
		const s = r.getSettings(), ctx = document.createElement("canvas").getContext("2d");
		ctx.font = s.labelWeight + " " + s.labelSize + "px " + s.labelFont;
		return [...r.displayedNodeLabels].map(k => {
			const d = r.getNodeDisplayData(k), p = r.framedGraphToViewport(d), size = r.scaleSize(d.size);
			return {node: +k, x: p.x + size + 3, y: p.y - s.labelSize / 2, w: ctx.measureText(d.label).width, h: s.labelSize};
		});
	})()`
	overlaps := `(ls => { const o = ` + overlapJS + `, out = [];
		for (let i = 0; i < ls.length; i++) for (let j = i + 1; j < ls.length; j++) if (o(ls[i], ls[j])) out.push([ls[i].node, ls[j].node]);
		return out; })(` + labels + `)`
	// At the first view, and zoomed in, where more dots pass sigma's
	// size threshold for a label.
	for _, ratio := range []string{"", "0.6"} {
		if ratio != "" {
			browsertest.Eval[bool](tab, `(document.querySelector(".graph-view").sigma.getCamera().setState({ratio: `+ratio+`}), window.vsFrames = 0,
				requestAnimationFrame(() => requestAnimationFrame(() => window.vsFrames = 2)), true)`)
			tab.WaitFor(`window.vsFrames === 2`)
		}
		if n := browsertest.Eval[int](tab, `(`+labels+`).length`); n < 5 {
			t.Errorf("zoom %q: the graph names %d notes, want at least 5", ratio, n)
		}
		if got := browsertest.Eval[[][]int](tab, overlaps); len(got) > 0 {
			t.Errorf("zoom %q: %d pairs of labels overlap, such as nodes %v", ratio, len(got), got[0])
		}
	}
}

// The local graph names only the page's own note, or the pointed-at
// note and its neighbours, and never two labels on top of each other.
func TestLocalGraphLabels(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	s, tab := readersSite(t, b, browsertest.Viewport(1400, 900))
	tab.Navigate(s.URL + "/hub/")
	tab.WaitFor(`!!document.querySelector(".local-graph[data-nodes]")`)
	shown := `[...document.querySelectorAll(".local-graph-node")].map((a, i) => [a, i]).filter(([a]) => getComputedStyle(a.querySelector("text")).opacity !== "0")`
	if got := browsertest.Eval[[]int](tab, shown+`.map(([, i]) => i)`); len(got) != 1 || got[0] != 0 {
		t.Errorf("at rest the local graph names nodes %v, want only the page's own (0)", got)
	}
	check := func(what string) {
		t.Helper()
		boxes := shown + `.map(([a, i]) => { const r = a.querySelector("text").getBoundingClientRect(); return {node: i, x: r.left, y: r.top, w: r.width, h: r.height}; })`
		got := browsertest.Eval[[][]int](tab, `(ls => { const o = `+overlapJS+`, out = [];
			for (let i = 0; i < ls.length; i++) for (let j = i + 1; j < ls.length; j++) if (o(ls[i], ls[j])) out.push([ls[i].node, ls[j].node]);
			return out; })(`+boxes+`)`)
		if len(got) > 0 {
			t.Errorf("%s: %d pairs of labels overlap, such as nodes %v", what, len(got), got[0])
		}
	}
	tab.Hover(".local-graph-nodes > a:nth-child(1) circle")
	tab.WaitFor(`document.querySelector(".local-graph-svg").classList.contains("is-hovering")`)
	if n := browsertest.Eval[int](tab, shown+`.length`); n < 2 {
		t.Errorf("pointing at the hub names %d notes, want it and some neighbours", n)
	}
	check("pointing at the hub")
	// A topic: only it and its neighbours (the hub, the topics before
	// and after it) may be named.
	tab.Hover(".local-graph-nodes > a:nth-child(5) circle")
	tab.WaitFor(`document.querySelector(".local-graph-nodes > a:nth-child(5)").classList.contains("is-near")`)
	if bad := browsertest.Eval[[]int](tab, shown+`.filter(([a]) => !a.classList.contains("is-near")).map(([, i]) => i)`); len(bad) > 0 {
		t.Errorf("pointing at a topic names nodes %v, which are not it or its neighbours", bad)
	}
	check("pointing at a topic")
}

// A folder listing shows each note's description and date, newest
// first as the settings ask, and fits a phone's width.
func TestListingInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			s, tab := readersSite(t, b, sz.opts...)
			tab.Navigate(s.URL + "/log/")
			rows := browsertest.Eval[[][]string](tab, `[...document.querySelectorAll(".entry.is-note")].map(li => [
				li.querySelector("a").textContent,
				(li.querySelector(".entry-date") || {}).textContent || "",
				(li.querySelector(".entry-description") || {}).textContent || "",
				String(li.querySelector(".entry-description") ? li.querySelector(".entry-description").getBoundingClientRect().height > 0 : false)])`)
			want := [][]string{
				{"Beta", "1 March 2024", "The beta one.", "true"},
				{"Alpha", "5 January 2024", "First entry about alpha.", "true"},
				{"Gamma", "31 December 2023", "Gamma text here!", "true"},
				{"Undated", "", "Nothing dates this note.", "true"},
			}
			if fmt.Sprint(rows) != fmt.Sprint(want) {
				t.Errorf("rows (title, date, description, shown) =\n%v\nwant\n%v", rows, want)
			}
			if w := browsertest.Eval[bool](tab, `document.documentElement.scrollWidth <= innerWidth`); !w {
				t.Error("the listing scrolls sideways")
			}
		})
	}
}

// The 404 page, at any depth, has the search box and the explorer, and
// both lead to the site's pages.
func TestNotFoundHasSearchAndExplorer(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	for _, sz := range sizes {
		t.Run(sz.name, func(t *testing.T) {
			s, tab := readersSite(t, b, sz.opts...)
			tab.Navigate(s.URL + "/no/such/page/") // the one error the page may log: its own 404
			tab.WaitFor(`document.querySelector(".not-found") && !document.querySelector(".search-button").hidden`)
			tab.WaitFor(`!document.getElementById("vs.explorer").hidden && document.querySelectorAll("#vs\\.explorer a").length > 0`)
			if got := browsertest.Eval[string](tab, `document.querySelector("#vs\\.explorer a[href$='code/']").getAttribute("href")`); got != "/code/" {
				t.Errorf("the explorer links Code as %q, want /code/", got)
			}
			if sz.name == "375" {
				tab.WaitFor(`!document.querySelector(".sidebar-toggle-explorer").hidden`)
			}
			tab.Click(".search-button")
			tab.WaitFor(`document.querySelector("dialog[open] .search-input")`)
			browsertest.Eval[bool](tab, `(i => (i.value = "alpha", i.dispatchEvent(new Event("input")), true))(document.querySelector(".search-input"))`)
			tab.WaitFor(`document.querySelector(".search-result-link")`)
			if got := browsertest.Eval[string](tab, `document.querySelector(".search-result-link").getAttribute("href")`); got != "/log/alpha/" {
				t.Errorf("the first result for alpha links to %q, want /log/alpha/", got)
			}
		})
	}
}
