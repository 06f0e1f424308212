package build

import (
	"context"
	"math"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// recordFrames starts recording the page's frame intervals
// (requestAnimationFrame to requestAnimationFrame) and sigma's render
// times (its beforeRender to afterRender events); stopFrames stops and
// returns both, sorted, in milliseconds.
const (
	recordFrames = `(() => {
  const s = document.querySelector(".graph-view").sigma;
  const rec = window.frameRecord = { frames: [], renders: [], on: true };
  let began = 0, last = performance.now();
  s.on("beforeRender", () => { began = performance.now(); });
  s.on("afterRender", () => { if (rec.on) rec.renders.push(performance.now() - began); });
  requestAnimationFrame(function tick(now) {
    rec.frames.push(now - last);
    last = now;
    if (rec.on) requestAnimationFrame(tick);
  });
  return true;
})()`
	stopFrames = `new Promise((resolve) => requestAnimationFrame(() => {
  const rec = window.frameRecord;
  rec.on = false;
  resolve({ frames: rec.frames.slice(1).sort((a, b) => a - b), renders: rec.renders.sort((a, b) => a - b) });
}))`
)

// TestGraphFrameTime measures the global graph of a generated vault in
// chromium: how long the page takes to draw it, and the frame time while
// the mouse pans and zooms the view. Headless chromium draws WebGL with
// SwiftShader, on the CPU, so the figure is a ceiling: a real GPU fills
// the pixels far faster. It runs only when VAULTSITE_BENCH_NOTES is set
// (10000 for the figure), since building that vault takes a while:
//
//	VAULTSITE_BENCH_NOTES=10000 go test ./build -run GraphFrameTime -v
func TestGraphFrameTime(t *testing.T) {
	if os.Getenv("VAULTSITE_BENCH_NOTES") == "" {
		t.Skip("set VAULTSITE_BENCH_NOTES (e.g. 10000) to measure the graph's frame time")
	}
	vault := benchVault(t)
	em := NewMemEmitter()
	res, err := Build(context.Background(), os.DirFS(vault), Options{}, em)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages; graph.json %d bytes", res.Pages, len(em.Files[graphDataPath]))
	b := browsertest.Start(t)
	srv := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(1400, 900))
	start := time.Now()
	tab.Navigate(srv.URL + "/graph/")
	tab.WaitFor(`!!document.querySelector(".graph-view[data-ready], .graph-view.is-unavailable")`)
	t.Logf("drawn %v after navigating: %s", time.Since(start).Round(time.Millisecond),
		browsertest.Eval[string](tab, `document.querySelector(".graph-status").textContent`))
	if !browsertest.Eval[bool](tab, `document.querySelector(".graph-view").hasAttribute("data-ready")`) {
		t.Fatal("the graph was not drawn")
	}
	tab.Screenshot("graph-10k")
	ctx, cancel := context.WithTimeout(tab.Context(), 10*time.Minute)
	defer cancel()
	// As the page draws it (edges hidden while moving, for a graph this
	// size), then with the edges kept on.
	for _, keepEdges := range []bool{false, true} {
		if keepEdges {
			browsertest.Eval[bool](tab, `(() => { document.querySelector(".graph-view").sigma.setSetting("hideEdgesOnMove", false); return true; })()`)
		}
		f := measureFrames(t, ctx, tab)
		t.Logf("edges kept while moving: %v; frame time over %d frames: median %.1f ms, p95 %.1f ms, max %.1f ms (%.0f fps); sigma's render: median %.1f ms, p95 %.1f ms",
			keepEdges, len(f.Frames), quantile(f.Frames, 0.5), quantile(f.Frames, 0.95), quantile(f.Frames, 1), 1000/quantile(f.Frames, 0.5), quantile(f.Renders, 0.5), quantile(f.Renders, 0.95))
	}
	tab.Screenshot("graph-10k-zoomed")
}

// panAndZoom drags the graph around a circle with the mouse, as a reader
// pans, then turns the wheel in and out, as a reader zooms.
func panAndZoom(t *testing.T, ctx context.Context, tab *browsertest.Tab) {
	t.Helper()
	x, y := tab.Center(".graph-canvas")
	mouse := func(typ input.DispatchMouseEventType, px, py float64, opts ...chromedp.MouseOption) {
		if err := chromedp.Do(ctx, chromedp.MouseEvent(typ, px, py, opts...)); err != nil {
			t.Fatal(err)
		}
	}
	mouse(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft)
	for i := 1; i <= 40; i++ {
		a := 2 * math.Pi * float64(i) / 40
		mouse(input.DispatchMouseEventTypeMouseMoved, x+150*math.Sin(a), y+100*(1-math.Cos(a)), chromedp.ButtonLeft)
	}
	mouse(input.DispatchMouseEventTypeMouseReleased, x, y, chromedp.ButtonLeft)
	for i := range 20 {
		dy := -120.0 // in, then out
		if i >= 10 {
			dy = 120
		}
		mouse(input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, dy })
		time.Sleep(30 * time.Millisecond)
	}
}

// frames are a recording's sorted frame intervals and render times, ms.
type frames struct{ Frames, Renders []float64 }

// measureFrames records the frames of one pan and zoom.
func measureFrames(t *testing.T, ctx context.Context, tab *browsertest.Tab) frames {
	t.Helper()
	browsertest.Eval[bool](tab, recordFrames)
	panAndZoom(t, ctx, tab)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[frames](stopFrames, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Frames) < 10 || len(got.Renders) == 0 {
		t.Fatalf("%d frames, %d renders while panning and zooming", len(got.Frames), len(got.Renders))
	}
	return got
}

// quantile returns the quantile p of the sorted values v.
func quantile(v []float64, p float64) float64 { return v[int(p*float64(len(v)-1))] }
