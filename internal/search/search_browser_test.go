package search_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// openVault builds the vault of testdata/name.txtar, serves it, opens
// its home page in a new tab of b and opens search.
func openVault(t *testing.T, b *browsertest.Browser, name string, width int) *browsertest.Tab {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse(data).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), fsys, build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	site := browsertest.Serve(t, em.Files)
	t.Cleanup(func() {
		if m := site.Missing(); len(m) > 0 {
			t.Errorf("missing files: %q", m)
		}
	})
	tab := b.Tab(t, browsertest.Viewport(width, 800))
	tab.Navigate(site.URL + "/")
	tab.Click(".search-button")
	tab.WaitFor(`window.vaultsiteSearch && document.activeElement && document.activeElement.matches("dialog[open] .search-input")`)
	return tab
}

// query types q into the search box, replacing what it held, and waits
// for its results; it returns the titles shown, in order.
func query(t *testing.T, tab *browsertest.Tab, q string) []string {
	t.Helper()
	browsertest.Eval[bool](tab, `(i => (i.value = "", true))(document.querySelector(".search-input"))`)
	tab.Key(q)
	tab.WaitFor(fmt.Sprintf(`document.querySelector(".search-results").dataset.query === %q`, q))
	return browsertest.Eval[[]string](tab, `[...document.querySelectorAll(".search-result-title")].map(e => e.textContent)`)
}

func TestSearchDebug(t *testing.T) {
	b := browsertest.Start(t)
	tab := openVault(t, b, "filters", 1000)
	browsertest.Eval[bool](tab, `(i => (i.value = "handshake", i.dispatchEvent(new Event("input")), true))(document.querySelector(".search-input"))`)
	tab.Poll(`false`)
	t.Log(browsertest.Eval[string](tab, `document.querySelector(".search-status").textContent + " | " + document.querySelector(".search-results").textContent`))
	t.Log(tab.Errors())
}
