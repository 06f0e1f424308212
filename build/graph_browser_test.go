package build

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/vaultsite/vaultsite/internal/browsertest"
	"github.com/vaultsite/vaultsite/site"
)

// TestLocalGraphInBrowser opens a note in chromium: its local graph draws
// the note and its two neighbours, depth 2 adds the neighbours'
// neighbours from the site's graph, and a click on a node opens its note.
func TestLocalGraphInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	_, em := buildSite(t, vaultFile(t, "graph"), Options{Load: site.LoadOptions{Ignore: []string{"Private"}}})
	srv := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(1400, 900))
	tab.Navigate(srv.URL + "/alpha/")
	tab.WaitFor(`!!document.querySelector(".local-graph[data-nodes]")`)
	if n := browsertest.Eval[int](tab, `document.querySelectorAll(".local-graph-node").length`); n != 3 {
		t.Errorf("the local graph draws %d nodes, want Alpha, Beta and Home", n)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll(".local-graph-edges line").length`); n != 3 {
		t.Errorf("the local graph draws %d edges, want 3", n)
	}
	tab.Click(".local-graph-depth")
	tab.WaitFor(`document.querySelector(".local-graph").getAttribute("data-nodes") === "4"`)
	if !browsertest.Eval[bool](tab, `[...document.querySelectorAll(".local-graph-node.depth-2 title")].some(t => t.textContent === "Deep Note")`) {
		t.Error("depth 2 does not show Deep Note, linked from Home")
	}
	tab.Click(".local-graph-depth")
	tab.WaitFor(`document.querySelector(".local-graph").getAttribute("data-nodes") === "3"`)
	const beta = ".local-graph-nodes > a:nth-child(2)" // nodes: Alpha, Beta, Home
	if got := browsertest.Eval[string](tab, `document.querySelector("`+beta+`").getAttribute("href")`); got != "../beta/" {
		t.Fatalf("the second node links to %q", got)
	}
	tab.Hover(beta + " circle")
	if !browsertest.Eval[bool](tab, `document.querySelector(".local-graph-svg").classList.contains("is-hovering")`) {
		t.Error("hovering a node does not light up its neighbours")
	}
	tab.Click(beta + " circle")
	waitForPath(t, tab, "/beta/")
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("script errors: %v", errs)
	}
	if m := srv.Missing(); len(m) > 0 {
		t.Errorf("missing files: %v", m)
	}
}

// TestGraphPageInBrowser opens the global graph in chromium: sigma draws
// it with WebGL, pointing at a node lights up its neighbours, and a click
// on a node opens its note.
func TestGraphPageInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	_, em := buildSite(t, vaultFile(t, "graph"), Options{Load: site.LoadOptions{Ignore: []string{"Private"}}})
	srv := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(1400, 900))
	tab.Navigate(srv.URL + "/graph/")
	tab.WaitFor(`!!document.querySelector(".graph-view[data-ready], .graph-view.is-unavailable")`)
	if !browsertest.Eval[bool](tab, `document.querySelector(".graph-view").hasAttribute("data-ready")`) {
		t.Fatalf("the graph was not drawn: %s", browsertest.Eval[string](tab, `document.querySelector(".graph-status").textContent`))
	}
	if got := browsertest.Eval[string](tab, `document.querySelector(".graph-status").textContent`); got != "5 notes, 4 links." {
		t.Errorf("status = %q", got)
	}
	// Beta is node 1.
	x, y := nodeOnScreen(t, tab, 1)
	tab.Do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	tab.WaitFor(`document.querySelector(".graph-view").classList.contains("is-hovering")`)
	tab.Do(chromedp.MouseClickXY(x, y))
	waitForPath(t, tab, "/beta/")
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("script errors: %v", errs)
	}
	if m := srv.Missing(); len(m) > 0 {
		t.Errorf("missing files: %v", m)
	}
}

// TestGraphWithoutWebGL opens the graph page in a browser whose canvases
// refuse WebGL: the page says so and lists every note instead.
func TestGraphWithoutWebGL(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	_, em := buildSite(t, vaultFile(t, "graph"), Options{Load: site.LoadOptions{Ignore: []string{"Private"}}})
	srv := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(1400, 900))
	const noWebGL = `(() => { const get = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return /webgl/.test(kind) ? null : get.call(this, kind, ...rest); }; })()`
	tab.Do(chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: noWebGL})
		return err
	}))
	tab.Navigate(srv.URL + "/graph/")
	tab.WaitFor(`!!document.querySelector(".graph-view.is-unavailable")`)
	if !browsertest.Eval[bool](tab, `document.querySelector(".graph-list-view").open`) {
		t.Error("the list did not open")
	}
	got := browsertest.Eval[[]string](tab, `[...document.querySelectorAll(".graph-list a")].map(a => a.textContent + " " + a.getAttribute("href"))`)
	want := []string{"Alpha ../alpha/", "Beta ../beta/", "Deep Note ../folder/deep-note/", "Home ../", "Lonely ../lonely/"}
	if !slices.Equal(got, want) {
		t.Errorf("list = %q, want %q", got, want)
	}
}

// nodeOnScreen returns where sigma draws node i, in viewport pixels.
func nodeOnScreen(t *testing.T, tab *browsertest.Tab, i int) (x, y float64) {
	t.Helper()
	p := browsertest.Eval[[]float64](tab, fmt.Sprintf(`(() => {
		const s = document.querySelector(".graph-view").sigma;
		const p = s.framedGraphToViewport(s.getNodeDisplayData("%d"));
		const r = s.getContainer().getBoundingClientRect();
		return [r.left + p.x, r.top + p.y];
	})()`, i))
	return p[0], p[1]
}

// waitForPath waits until the tab shows the page at path, across the
// navigation that leads there.
func waitForPath(t *testing.T, tab *browsertest.Tab, path string) {
	t.Helper()
	deadline := time.Now().Add(browsertest.StepTimeout)
	for {
		ctx, cancel := context.WithTimeout(tab.Context(), time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
		cancel()
		if err == nil && got == path {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the tab is at %q (%v), want %s", got, err, path)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
