package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// StepTimeout bounds each step of a tab: a navigation, an evaluation, a
// wait. A page of the bundled vault loads in well under a second.
const StepTimeout = 15 * time.Second

// Tab is one browser tab, closed when the test that opened it ends. Its
// methods fail that test on any error; a Tab belongs to one goroutine.
type Tab struct {
	t   testing.TB
	ctx context.Context

	mu     sync.Mutex
	errors []string // uncaught exceptions and console errors
}

// TabOption sets up a tab before its first page.
type TabOption func(*tabSetup)

type tabSetup struct {
	width, height int64
	touch         bool
	noScript      bool
	scheme        string
}

// Viewport sets the tab's viewport in CSS pixels; the default is
// 1280×900.
func Viewport(width, height int) TabOption {
	return func(s *tabSetup) { s.width, s.height = int64(width), int64(height) }
}

// Touch makes the tab a phone: a mobile viewport with touch events and no
// hover.
func Touch() TabOption { return func(s *tabSetup) { s.touch = true } }

// NoScript turns JavaScript off in the tab.
func NoScript() TabOption { return func(s *tabSetup) { s.noScript = true } }

// ColorScheme makes the tab prefer "light" or "dark", as the operating
// system's setting would.
func ColorScheme(scheme string) TabOption { return func(s *tabSetup) { s.scheme = scheme } }

// Tab opens a new tab in b for t. Tabs share the browser's cookies and
// storage; each test that needs fresh storage should use its own Site,
// whose port differs.
func (b *Browser) Tab(t testing.TB, opts ...TabOption) *Tab {
	t.Helper()
	s := tabSetup{width: 1280, height: 900}
	for _, o := range opts {
		o(&s)
	}
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	// As with the browser, the first run opens the tab and must not carry
	// a timeout: the tab would close with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	tab := &Tab{t: t, ctx: ctx}
	tab.Do(chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		return setUp(ctx, tgt, s)
	}))
	go tab.collectErrors()
	return tab
}

func setUp(ctx context.Context, t *chromedp.Target, s tabSetup) error {
	vp := []chromedp.EmulateViewportOption{}
	if s.touch {
		vp = append(vp, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	if _, err := chromedp.EmulateViewport(s.width, s.height, vp...)(ctx, t); err != nil {
		return err
	}
	if s.noScript {
		if _, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			return err
		}
	}
	if s.scheme != "" {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s.scheme}},
		})
		return err
	}
	return nil
}

// collectErrors records the tab's uncaught exceptions and console errors
// until the tab closes.
func (tab *Tab) collectErrors() {
	for m, err := range chromedp.Console(tab.ctx) {
		if err != nil {
			return
		}
		if m.IsException() || m.Type == chromedp.ConsoleError {
			tab.mu.Lock()
			tab.errors = append(tab.errors, fmt.Sprintf("%s (%s:%d)", m.Text, m.URL, m.Line+1))
			tab.mu.Unlock()
		}
	}
}

// Errors returns the uncaught exceptions and console errors of the tab's
// pages so far, a failed resource load among them.
func (tab *Tab) Errors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.errors...)
}

// Context returns the tab's chromedp context, for actions the helpers do
// not cover; give each such call its own timeout.
func (tab *Tab) Context() context.Context { return tab.ctx }

// Do runs chromedp actions in the tab, in order, within StepTimeout.
func (tab *Tab) Do(actions ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, StepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tab.t.Fatal(err)
	}
}

// Navigate loads url and waits for its load event.
func (tab *Tab) Navigate(url string) {
	tab.t.Helper()
	tab.Do(chromedp.Navigate(url))
}

// Eval evaluates the JavaScript expression js in tab's page and returns
// its value as a T (a string, a number, a bool, a slice or struct decoded
// from JSON). A thrown exception fails the test.
func Eval[T any](tab *Tab, js string) T {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, StepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tab.t.Fatalf("eval %s: %v", js, err)
	}
	return v
}

// WaitFor waits until the JavaScript expression js is truthy, and fails
// the test after StepTimeout. It checks every pollInterval and carries on
// across a navigation, so it can wait for the page a click leads to.
func (tab *Tab) WaitFor(js string) {
	tab.t.Helper()
	if err := tab.poll(js); err != nil {
		tab.t.Fatalf("waiting for %s: %v", js, err)
	}
}

// WaitForPage waits until the tab shows the page at the URL path
// pathname ("/protocols/http/"), loaded with its styles, after a click
// that navigates.
func (tab *Tab) WaitForPage(pathname string) {
	tab.t.Helper()
	tab.WaitFor(fmt.Sprintf(`location.pathname === %q && document.readyState === "complete"`, pathname))
}

// Poll reports whether the JavaScript expression js became truthy within
// StepTimeout, for a check that should not end the test.
func (tab *Tab) Poll(js string) bool {
	tab.t.Helper()
	return tab.poll(js) == nil
}

// pollInterval is how often WaitFor and Poll check: often enough that a
// test does not wait on them, seldom enough not to load the page.
const pollInterval = 25 * time.Millisecond

// poll evaluates js until it is truthy. An evaluation that fails, as it
// does while one page replaces another, is tried again; the last error
// is returned after StepTimeout.
func (tab *Tab) poll(js string) error {
	ctx, cancel := context.WithTimeout(tab.ctx, StepTimeout)
	defer cancel()
	expr := "!!(" + js + ")"
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		select {
		case <-ctx.Done():
			if last == nil {
				last = ctx.Err()
			}
			return last
		case <-time.After(pollInterval):
		}
	}
}

// Center returns the viewport coordinates of the middle of the first
// element that matches the CSS selector, scrolling it into view first.
func (tab *Tab) Center(selector string) (x, y float64) {
	tab.t.Helper()
	p := Eval[[]float64](tab, fmt.Sprintf(`((sel) => {
		const el = document.querySelector(sel);
		if (!el) throw new Error("no element matches " + sel);
		el.scrollIntoView({block: "center", inline: "nearest"});
		const r = el.getClientRects()[0] || el.getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})(%q)`, selector))
	return p[0], p[1]
}

// Hover moves the mouse onto the first element that matches selector.
func (tab *Tab) Hover(selector string) {
	tab.t.Helper()
	x, y := tab.Center(selector)
	tab.Do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
}

// Click clicks the first element that matches selector with the mouse.
func (tab *Tab) Click(selector string) {
	tab.t.Helper()
	x, y := tab.Center(selector)
	tab.Do(chromedp.MouseClickXY(x, y))
}

// Key types keys into the focused element; a single key such as "\t" or
// kb.Escape (package github.com/chromedp/chromedp/kb) is one key press.
func (tab *Tab) Key(keys string) {
	tab.t.Helper()
	tab.Do(chromedp.KeyEvent(keys))
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// Screenshot saves a PNG of the viewport as name.png in the test's
// artifact folder (testing.T.ArtifactDir: kept under the output folder
// with go test -artifacts, removed after the test otherwise), logs its
// path and returns it.
func (tab *Tab) Screenshot(name string) string {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, StepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tab.t.Fatalf("screenshot %s: %v", name, err)
	}
	file := filepath.Join(tab.t.ArtifactDir(), unsafeName.ReplaceAllString(name, "_")+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		tab.t.Fatal(err)
	}
	tab.t.Logf("screenshot %s", file)
	return file
}
