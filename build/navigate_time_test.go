package build

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// navTimeRuns is how many links each way is timed; the median is shown.
const navTimeRuns = 7

// startClock, run before a click, notes its time where the next page
// can read it: in sessionStorage, which a full load keeps. With full
// set, a listener ahead of navigate.js keeps the click from it, so the
// link loads the page as it did before instant navigation.
func startClock(full bool) string {
	return fmt.Sprintf(`(() => {
		window.addEventListener("click", e => {
			sessionStorage.setItem("vs.t0", String(performance.timeOrigin + performance.now()));
			if (%v) e.stopPropagation();
		}, {capture: true, once: true});
		document.addEventListener("vaultsite:page", () => requestAnimationFrame(() => setTimeout(() => {
			window.vsPainted = performance.timeOrigin + performance.now() - Number(sessionStorage.getItem("vs.t0"));
		})), {once: true});
		return true;
	})()`, full)
}

// fullPainted is the time from the click to the first contentful paint
// of a page loaded in full, once it is known.
const fullPainted = `(() => {
	const p = performance.getEntriesByName("first-contentful-paint")[0];
	return p ? p.startTime + performance.timeOrigin - Number(sessionStorage.getItem("vs.t0")) : 0;
})()`

// TestNavigateTime times the click on a link to the next page's text on
// screen, on the generated 10,000-note vault, with an ordinary load and
// with instant navigation. It only reports: the figures depend on the
// machine. Run it with VAULTSITE_NAVTIME=1 and -v.
func TestNavigateTime(t *testing.T) {
	if os.Getenv("VAULTSITE_NAVTIME") == "" {
		t.Skip("set VAULTSITE_NAVTIME=1 to time navigation on the 10,000-note vault")
	}
	em := NewMemEmitter()
	if _, err := Build(context.Background(), os.DirFS(benchVault(t)), Options{}, em); err != nil {
		t.Fatal(err)
	}
	b := browsertest.Start(t)
	srv := browsertest.Serve(t, em.Files)
	const link = `.markdown-rendered a.internal-link:not(.is-unresolved)[href$="/"]`
	start := linkingPage(em)
	if start == "" {
		t.Fatal("no note page links to another")
	}
	for _, full := range []bool{true, false} {
		tab := b.Tab(t, browsertest.Viewport(1280, 800))
		tab.Navigate(srv.URL + start)
		var times []float64
		for range navTimeRuns {
			tab.WaitFor(`document.readyState === "complete"`)
			if !browsertest.Eval[bool](tab, `!!document.querySelector('`+link+`')`) {
				tab.Navigate(srv.URL + start) // a dead end: start again
			}
			browsertest.Eval[bool](tab, startClock(full))
			from := browsertest.Eval[string](tab, `location.pathname`)
			tab.Click(link)
			tab.WaitFor(`location.pathname !== ` + fmt.Sprintf("%q", from))
			if full {
				tab.WaitFor(fullPainted + ` > 0`)
				times = append(times, browsertest.Eval[float64](tab, fullPainted))
			} else {
				tab.WaitFor(`window.vsPainted > 0`)
				times = append(times, browsertest.Eval[float64](tab, `window.vsPainted`))
				browsertest.Eval[bool](tab, `(delete window.vsPainted, true)`)
			}
		}
		slices.Sort(times)
		t.Logf("full load %v: click to text painted, median %.0f ms, min %.0f ms, max %.0f ms (%d links)",
			full, times[len(times)/2], times[0], times[len(times)-1], len(times))
	}
}

// linkingPage returns the URL path of the first note page, in path
// order, whose text links to another page.
func linkingPage(em *MemEmitter) string {
	paths := em.Paths()
	slices.Sort(paths)
	for _, p := range paths {
		data := string(em.Files[p])
		if strings.HasSuffix(string(p), "/index.html") && strings.Contains(data, `<body class="page-note`) &&
			strings.Contains(data, `class="internal-link" data-href=`) {
			return "/" + strings.TrimSuffix(string(p), "index.html")
		}
	}
	return ""
}
