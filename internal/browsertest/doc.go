// Package browsertest runs built pages in a headless Debian chromium, for
// tests only.
//
// A test starts one browser, serves an in-memory site on 127.0.0.1 and
// opens tabs on it:
//
//	b := browsertest.Start(t) // skips without chromium, fails under CI=true
//	site := browsertest.Serve(t, em.Files)
//	tab := b.Tab(t, browsertest.Viewport(375, 800))
//	tab.Navigate(site.URL + "/ports/")
//	n := browsertest.Eval[int](tab, `document.querySelectorAll(".backlink").length`)
//	tab.WaitFor(`document.querySelector(".hover-popover:not([hidden])")`)
//	tab.Screenshot("ports-375")
//
// Every helper fails the test at once (t.Fatal) when the browser errs or a
// step times out, so tests read as a list of steps. Tabs of one browser
// may run in parallel subtests. The browser runs with chromedp's default
// flags (which already turn off background networking and sync), without
// a sandbox (CI runs as root) and with every host name but the local ones
// unresolvable, so a page that reaches for the network fails fast instead
// of waiting.
package browsertest
