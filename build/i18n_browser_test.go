package build

import (
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// TestJapaneseInterfaceInBrowser opens testdata/japanese.txtar's site and
// checks that what the scripts write comes from the Japanese catalog:
// the copy button, the heading anchors, the local graph, the search
// dialog and its messages, and the graph page's status line.
func TestJapaneseInterfaceInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	s := browsertest.Serve(t, japaneseSite(t).Files)
	tab := b.Tab(t, browsertest.Viewport(1280, 900))
	t.Cleanup(func() {
		for _, e := range tab.Errors() {
			t.Errorf("browser error: %s", e)
		}
		for _, p := range s.Missing() {
			t.Errorf("the page asked for %s, which the site does not have", p)
		}
	})
	tab.Navigate(s.URL + "/ネットワーク/プロトコル/")
	tab.WaitFor(`document.querySelector(".copy-code-button") && document.querySelector(".local-graph-heading")`)
	text := func(js string) string { t.Helper(); return browsertest.Eval[string](tab, js) }
	for js, want := range map[string]string{
		`document.documentElement.lang`:                                              "ja",
		`document.querySelector(".copy-code-button").textContent`:                    "コピー",
		`document.querySelector(".heading-anchor").getAttribute("aria-label")`:       "このセクションへのリンク",
		`document.querySelector(".local-graph-heading").textContent`:                 "グラフ",
		`document.querySelector(".local-graph-open").textContent`:                    "グラフを開く",
		`document.querySelector(".local-graph-svg").getAttribute("aria-label")`:      "このノートとリンクしているノート",
		`document.querySelector(".local-graph-depth").parentNode.textContent.trim()`: "深さ 2",
		`document.querySelector(".search-button-label").textContent`:                 "検索",
		`document.querySelector(".toc-heading").textContent`:                         "このページの内容",
	} {
		if got := text(js); got != want {
			t.Errorf("%s = %q, want %q", js, got, want)
		}
	}

	tab.Click(".search-button")
	tab.WaitFor(`document.querySelector("dialog[open] .search-input")`)
	for js, want := range map[string]string{
		`document.querySelector(".search-input").placeholder`:                  "ノートを検索",
		`document.querySelector(".search-dialog").getAttribute("aria-label")`:  "検索",
		`document.querySelector(".search-close").getAttribute("aria-label")`:   "Esc: 検索を閉じる",
		`document.querySelector(".search-help").textContent`:                   "↑ ↓ で移動 · Enter で開く · Esc で閉じる",
		`document.querySelector(".search-results").getAttribute("aria-label")`: "検索結果",
	} {
		if got := text(js); got != want {
			t.Errorf("%s = %q, want %q", js, got, want)
		}
	}
	type_ := func(q string) {
		t.Helper()
		browsertest.Eval[bool](tab, `(i => (i.value = `+jsString(q)+`, i.dispatchEvent(new Event("input")), true))(document.querySelector(".search-input"))`)
		tab.WaitFor(`document.querySelector(".search-results").dataset.query === ` + jsString(q) + ` && document.querySelector(".search-status").textContent !== ""`)
	}
	type_("zzzzqqq")
	if got, want := text(`document.querySelector(".search-status").textContent`), "「zzzzqqq」に一致するノートはありません。"; got != want {
		t.Errorf("search status for no match = %q, want %q", got, want)
	}
	type_("ポート")
	if got := text(`document.querySelector(".search-status").textContent`); !strings.Contains(got, "件のノート") {
		t.Errorf("search status for results = %q, want the Japanese count (件のノート)", got)
	}

	tab.Navigate(s.URL + "/graph/")
	tab.WaitFor(`document.querySelector(".graph-status").textContent !== "グラフを読み込み中…"`)
	if got := text(`document.querySelector(".graph-status").textContent`); !strings.Contains(got, "件、リンク") && !strings.Contains(got, "WebGL が必要") {
		t.Errorf("graph status = %q, want it in Japanese", got)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "\"" + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + "\""
}
