// Package browsertest runs built pages in a headless Debian chromium, for
// tests only.
//
// A test starts one browser, serves an in-memory site on 127.0.0.1 and
// opens tabs on it:
//
//	b := browsertest.Start(t)              // skips without chromium, fails under CI=true
//	site := browsertest.Serve(t, em.Files) // build.MemEmitter's files, or any map[path][]byte
//	tab := b.Tab(t, browsertest.Viewport(375, 812), browsertest.Touch())
//	tab.Navigate(site.URL + "/ports/")
//	n := browsertest.Eval[int](tab, `document.querySelectorAll(".backlink").length`)
//	tab.Click(".breadcrumbs a")            // or Hover, Key, Do(chromedp actions…)
//	tab.WaitForPage("/")                   // after a click that navigates
//	tab.WaitFor(`document.querySelector(".hover-popover:not([hidden])")`)
//	tab.Screenshot("ports-375")            // a PNG in t.ArtifactDir()
//
// Tab options: Viewport, Touch (a phone: mobile viewport, touch events),
// NoScript (JavaScript off) and ColorScheme ("light" or "dark", as the
// system would prefer). Site.Missing lists the files pages asked for that
// the site lacks, and Tab.Errors the pages' uncaught exceptions and
// console errors; a test usually fails on either.
//
// Every helper fails the test at once (t.Fatal) when the browser errs or
// a step outlasts StepTimeout, so tests read as a list of steps; Poll is
// the one check that only reports. Tabs of one browser share cookies and
// localStorage per origin, and each Serve has its own port and so its own
// origin. Tabs may run in parallel subtests.
//
// The browser runs with chromedp's default flags (which already turn off
// background networking and sync), without a sandbox (CI runs as root)
// and with every host name but the local ones unresolvable, so a page
// that reaches for the network fails fast instead of waiting. Screenshots
// are kept when go test runs with -artifacts (under -outputdir), and
// removed with the test otherwise.
package browsertest
