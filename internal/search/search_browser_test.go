package search_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp/kb"
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

// eval returns the string js evaluates to in tab.
func eval(t *testing.T, tab *browsertest.Tab, js string) string {
	t.Helper()
	return browsertest.Eval[string](tab, js)
}

// sorted returns titles sorted, for comparing sets of results.
func sorted(titles []string) []string {
	return slices.Sorted(slices.Values(titles))
}

// TestSearchCJKWords searches a Japanese and Chinese vault: a query
// matches the notes where its characters stand together, in its order
// (日本, not 本日 or 日 and 本 apart), and the snippet marks the whole
// matched word.
func TestSearchCJKWords(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	tab := openVault(t, b, "cjk", 1000)
	for _, tt := range []struct {
		give string
		want []string
	}{
		{"日本", []string{"旅行", "日本語"}},
		{"本日", []string{"本日"}},
		{"索引", []string{"中文"}},
		{"日本の首都", []string{"日本語"}},
		{"サーバー", []string{"旅行"}},
		{"東", []string{"日本語"}}, // a lone character finds its words by prefix
	} {
		if got := query(t, tab, tt.give); !slices.Equal(sorted(got), tt.want) {
			t.Errorf("%s: results %q, want %q", tt.give, got, tt.want)
		}
	}
	query(t, tab, "日本語")
	tab.WaitFor(`document.querySelector(".search-result-snippet mark")`)
	for _, sel := range []string{".search-result-title mark", ".search-result-snippet mark"} {
		if got := eval(t, tab, `document.querySelector(`+strconv.Quote(sel)+`).textContent`); got != "日本語" {
			t.Errorf("%s = %q, want the whole word 日本語", sel, got)
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// TestSearchTypos searches for words misspelt the ways people do: a
// swapped pair, a letter missing, wrong or swapped in the first two,
// which the shards of the first letters cannot hold; the status says
// how the word was read and the snippet marks the real word.
func TestSearchTypos(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	tab := openVault(t, b, "filters", 1000)
	for _, tt := range []struct{ give, want string }{
		{"subent", "Subnet"},
		{"hndshake", "Handshake"},
		{"ahndshake", "Handshake"},
		{"jandshake", "Handshake"},
		{"hnadshake", "Handshake"},
		{"subnett", "Subnet"},
	} {
		if got := query(t, tab, tt.give); len(got) == 0 || got[0] != tt.want {
			t.Errorf("%s: results %q, want %s first", tt.give, got, tt.want)
		}
	}
	query(t, tab, "hndshake")
	if got := eval(t, tab, `document.querySelector(".search-status").textContent`); !strings.Contains(got, "“hndshake” read as “handshake”") {
		t.Errorf("status %q does not say how the word was read", got)
	}
	tab.WaitFor(`document.querySelector(".search-result-snippet mark")`)
	if got := eval(t, tab, `document.querySelector(".search-result-snippet mark").textContent`); !strings.EqualFold(got, "handshake") {
		t.Errorf("snippet mark %q, want handshake", got)
	}
	if got := query(t, tab, "xqzvwk"); len(got) != 0 {
		t.Errorf("a word nowhere near any term found %q", got)
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// TestSearchIMEAndFilters checks that Enter confirming an input method's
// conversion (isComposing, or Safari's keyCode 229) opens nothing while
// a plain Enter still opens the result, and that "#tag", "tag:" and
// "path:" filter the results, alone and with words: a tag filter takes
// the whole tag and the tags nested in it.
func TestSearchIMEAndFilters(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	tab := openVault(t, b, "filters", 1000)
	for _, tt := range []struct {
		give string
		want []string
	}{
		{"#work", []string{"Handshake", "Monday"}}, // not Home (#home/work, and "work" in its text) nor Workshop
		{"tag:WORK", []string{"Handshake", "Monday"}},
		{"#work/network", []string{"Handshake"}},
		{"tag:network", []string{"Subnet"}}, // not #work/network
		{"tag:#personal", []string{"Garden", "Tuesday"}},
		{"path:journal handshake", []string{"Monday", "Tuesday"}},
		{"project path:projects", []string{"Garden"}},
		{"#personal project", []string{"Garden", "Tuesday"}},
		{`path:"guides network" #work`, []string{"Handshake"}},
	} {
		if got := query(t, tab, tt.give); !slices.Equal(sorted(got), tt.want) {
			t.Errorf("%s: results %q, want %q", tt.give, got, tt.want)
		}
	}
	query(t, tab, "subnet")
	for _, init := range []string{`{key: "Enter", isComposing: true}`, `{key: "Enter", keyCode: 229}`} {
		got := eval(t, tab, `(() => {
			const e = new KeyboardEvent("keydown", Object.assign(`+init+`, {bubbles: true, cancelable: true}));
			if (e.keyCode !== 229 && !e.isComposing) Object.defineProperty(e, "keyCode", {value: 229});
			document.querySelector(".search-input").dispatchEvent(e);
			return String(e.keyCode) + " " + e.isComposing;
		})()`)
		tab.Poll(`false`) // give a navigation time to start
		if p := eval(t, tab, `location.pathname`); p != "/" {
			t.Fatalf("Enter during composition (%s) opened %s", got, p)
		}
	}
	tab.Key(kb.Enter)
	for i := 0; !tab.Poll(`location.pathname !== "/" && document.readyState === "complete"`); i++ {
		if i == 3 {
			t.Fatal("a plain Enter did not open the result")
		}
	}
	if errs := tab.Errors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}
