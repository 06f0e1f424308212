package build

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// TestCanvasPanZoomInBrowser opens a built canvas page in Debian's
// chromium, served over HTTP, and drives canvas.js: the drawing starts
// fitted, and the + key, the wheel and a drag change the view. It skips
// without chromium, except under CI.
func TestCanvasPanZoomInBrowser(t *testing.T) {
	b := browsertest.Start(t)
	_, em := buildSite(t, vaultFile(t, "canvas"), Options{})
	site := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(1000, 800))

	do := tab.Do
	eval := func(js string) string {
		t.Helper()
		return browsertest.Eval[string](tab, js)
	}
	const level = `document.querySelector(".canvas-zoom-level").textContent`
	const transform = `document.querySelector(".canvas-world").style.transform`

	do(chromedp.Navigate(site.URL+"/maps/board.canvas/"),
		chromedp.WaitVisible(chromedp.CSS(".canvas-controls")), chromedp.Focus(chromedp.CSS(".canvas-viewport")))
	fitted := eval(level)
	do(chromedp.KeyEvent("+"))
	zoomed := eval(level)
	// A point of the empty canvas near the viewport's bottom-left corner.
	box := browsertest.Eval[[]float64](tab,
		`(r => [r.left + 20, r.bottom - 20])(document.querySelector(".canvas-viewport").getBoundingClientRect())`)
	x, y := box[0], box[1]
	do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) {
		// The protocol wants both deltas and cdproto omits a zero one.
		p.DeltaX, p.DeltaY = 0.01, -200
	}))
	wheeled := eval(level)
	before := eval(transform)
	do(chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+40, y-30, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+80, y-60, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x+80, y-60, chromedp.ButtonLeft))
	after := eval(transform)
	t.Logf("zoom %s, then %s after +, %s after the wheel; drag: %s → %s", fitted, zoomed, wheeled, before, after)

	if !strings.HasSuffix(fitted, "%") || fitted == "" {
		t.Fatalf("zoom level = %q after load", fitted)
	}
	if zoomed == fitted {
		t.Errorf("+ left the zoom at %s", zoomed)
	}
	if wheeled == zoomed {
		t.Errorf("the wheel left the zoom at %s", wheeled)
	}
	if before == after || !strings.Contains(after, "translate(") {
		t.Errorf("a drag left the view at %q", after)
	}
	if moved := panOf(t, after)[0] - panOf(t, before)[0]; moved < 79 || moved > 81 {
		t.Errorf("a drag of 80px across moved the view %vpx", moved)
	}
}

// panOf reads the translation of a "translate(Xpx, Ypx) scale(S)".
func panOf(t *testing.T, transform string) [2]float64 {
	t.Helper()
	m := translateRE.FindStringSubmatch(transform)
	if m == nil {
		t.Fatalf("transform %q has no translate()", transform)
	}
	x, _ := strconv.ParseFloat(m[1], 64)
	y, _ := strconv.ParseFloat(m[2], 64)
	return [2]float64{x, y}
}

var translateRE = regexp.MustCompile(`translate\((-?[0-9.e+-]+)px, *(-?[0-9.e+-]+)px\)`)
