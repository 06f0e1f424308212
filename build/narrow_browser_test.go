package build_test

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/internal/browsertest"
	"github.com/vaultsite/vaultsite/site"
)

// fullWalk makes TestNarrowHelpVaultInBrowser open every page of the
// help vault instead of a sample: go test ./build -run TestNarrowHelpVault -fullwalk.
var fullWalk = flag.Bool("fullwalk", false, "walk every page of the help vault at 320 px")

// helpSite builds the help vault once for the browser tests.
var helpSite = sync.OnceValues(func() (map[site.OutPath][]byte, error) {
	em := build.NewMemEmitter()
	_, err := build.Build(context.Background(), os.DirFS(helpVaultDir), build.Options{}, em)
	return em.Files, err
})

// helpVaultDir is the official help vault shipped beside the repository.
const helpVaultDir = "../../shared/vaults/obsidian-help"

// helpPages lists the URL paths of the help vault's pages, sorted,
// leaving out the alias redirects (they show no layout) and the 404 page.
func helpPages(files map[site.OutPath][]byte) []string {
	var pages []string
	for p, data := range files {
		if !strings.HasSuffix(string(p), "index.html") || bytes.Contains(data, []byte(`http-equiv="refresh"`)) {
			continue
		}
		pages = append(pages, "/"+strings.TrimSuffix(string(p), "index.html"))
	}
	slices.Sort(pages)
	return pages
}

// walkSample is every how-manyeth page the default run opens, and
// narrowPages the pages it always opens: those with long unbroken names
// (file names in headings, URLs, code) that scrolled sideways at 320 px.
const walkSample = 8

var narrowPages = []string{"/cli/"}

// TestNarrowHelpVaultInBrowser (issue 14, item 4) opens the help vault's
// pages at 320 px and checks that none scrolls sideways: long file
// names, URLs and code in headings wrap. The default run opens a sample
// (every walkSample-th page and narrowPages); -fullwalk opens them all.
func TestNarrowHelpVaultInBrowser(t *testing.T) {
	files, err := helpSite()
	if err != nil {
		t.Fatal(err)
	}
	b := browsertest.Start(t)
	s := browsertest.Serve(t, files)
	tab := b.Tab(t, browsertest.Viewport(320, 640), browsertest.Touch())
	pages := helpPages(files)
	if !*fullWalk {
		var sample []string
		for i, p := range pages {
			if i%walkSample == 0 || slices.Contains(narrowPages, p) {
				sample = append(sample, p)
			}
		}
		pages = sample
	}
	for _, p := range pages {
		tab.Navigate(s.URL + p)
		if w := browsertest.Eval[int](tab, `document.documentElement.scrollWidth`); w > 320 {
			wide := browsertest.Eval[string](tab, widest)
			t.Errorf("%s scrolls sideways at 320 px: %d px wide (%s)", p, w, wide)
		}
	}
	t.Logf("%d pages opened at 320 px", len(pages))
	for _, e := range tab.Errors() {
		// The vault embeds a few images from the web, which the test's
		// closed network cannot reach.
		if !strings.Contains(e, "net::ERR_NAME_NOT_RESOLVED") {
			t.Errorf("browser error: %s", e)
		}
	}
}

// widest names the element that reaches furthest right outside any
// element that clips or scrolls its overflow, for the report.
const widest = `(() => {
	const clips = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== "visible") return true; } return false; };
	let best = null, right = innerWidth;
	for (const e of document.body.querySelectorAll("*")) {
		const r = e.getBoundingClientRect().right;
		if (r > right + 0.5 && e.checkVisibility() && !clips(e)) { best = e; right = r; }
	}
	return best ? best.tagName.toLowerCase() + "." + [...best.classList].join(".") + " " + JSON.stringify((best.textContent || "").slice(0, 40)) + " right " + Math.round(right) : "";
})()`

// longNames is a vault of names that do not break: a note with a long
// file name in long folders, a long tag, a long property, code in a
// heading and a bare URL.
const longNames = `
-- Averyveryverylongfoldernamewithoutanyspaces/Anotherlongsubfoldernamethatneverbreaks/Loremipsumdolorsitametconsecteturadipiscingelitseddo_eiusmod.md --
---
source: https://example.com/a/very/long/path/without/any/breaks/whatsoever/index.html?query=string&more=values
tags: [averyveryverylongtagnamethatdoesnotbreakanywhere]
---
# Calling ` + "`" + `someVeryLongFunctionNameThatNeverEndsAndKeepsGoing()` + "`" + `

See https://example.com/another/very/long/url/that/goes/on/and/on/and/on/forever.html and [[Short]].

## averyveryverylongheadingwordthatdoesnotbreakanywhereatall

Text. #averyveryverylongtagnamethatdoesnotbreakanywhere
-- Short.md --
Back to [[Loremipsumdolorsitametconsecteturadipiscingelitseddo_eiusmod]].
`

// TestNarrowLongNamesInBrowser (issue 14, item 4): at 320 px no page of
// a vault of long unbroken names scrolls sideways.
func TestNarrowLongNamesInBrowser(t *testing.T) {
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), txtarFS(t, longNames), build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	b := browsertest.Start(t)
	s := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(320, 640), browsertest.Touch())
	pages := helpPages(em.Files)
	if len(pages) < 6 {
		t.Fatalf("the vault built %d pages: %q", len(pages), pages)
	}
	for _, p := range pages {
		tab.Navigate(s.URL + p)
		if w := browsertest.Eval[int](tab, `document.documentElement.scrollWidth`); w > 320 {
			t.Errorf("%s scrolls sideways at 320 px: %d px wide (%s)", p, w, browsertest.Eval[string](tab, widest))
		}
	}
	for _, e := range tab.Errors() {
		t.Errorf("browser error: %s", e)
	}
}

// txtarFS is the vault an archive holds.
func txtarFS(t *testing.T, archive string) fs.FS {
	t.Helper()
	fsys, err := txtar.FS(txtar.Parse([]byte(archive)))
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}
