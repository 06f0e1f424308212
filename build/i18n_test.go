package build

import (
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/internal/i18n"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// japaneseSite builds testdata/japanese.txtar with the language its
// settings name, as the command does (cmd/vaultsite's buildOpts).
func japaneseSite(t testing.TB) *MemEmitter {
	t.Helper()
	_, em := buildSite(t, vaultFile(t, "japanese"), Options{Site: templates.SiteInfo{Lang: "ja", Title: "メモ", BaseURL: "https://example.org/"}})
	return em
}

// A vault whose settings say "language: ja" gets lang="ja", and its
// pages' labels, headings and dates in Japanese.
func TestJapaneseInterface(t *testing.T) {
	t.Parallel()
	em := japaneseSite(t)
	ja := string(templates.Messages("ja").Path)
	assertOutput(t, em, "ネットワーク/プロトコル/index.html", `
<html lang="ja"
本文へスキップ
>ホーム</a>
aria-label="パンくずリスト"
<h2 class="toc-heading">このページの内容</h2>
<h2 class="backlinks-heading">リンクされた言及
aria-label="プロパティ"
2024年3月5日
2024年2月1日 09:30
<span class="search-button-label">検索</span>
aria-label="ライトテーマとダークテーマを切り替える"
vaultsite で公開
`+ja+`
! 5 March 2024
! On this page
! Linked mentions
! messages.en.
`)
	assertOutput(t, em, "tags/index.html", "<h1 class=\"page-title\">タグ</h1>\n<title>タグ · メモ</title>")
	assertOutput(t, em, "graph/index.html", "<title>グラフ · メモ</title>\nグラフを一覧で開く\nノートのグラフ")
	assertOutput(t, em, "404.html", "ページが見つかりません\nホームページへ移動")
	assertOutput(t, em, "feed.xml", "<description>メモの最近のノート</description>")
	if got := string(em.Files[site.OutPath(ja)]); !strings.Contains(got, `"copy":"コピー"`) {
		t.Errorf("%s does not hold the Japanese messages: %.200s", ja, got)
	}
}

// No page of the Japanese site shows an English message of the
// catalog as text or as an attribute's value: every word of the
// interface comes from the catalog. (Messages that are the same in
// both languages, and the scripts' messages, are not looked for.)
func TestJapaneseSiteHasNoEnglishLabels(t *testing.T) {
	t.Parallel()
	em := japaneseSite(t)
	en, ja := i18n.For("en"), i18n.For("ja")
	for p, data := range em.Files {
		if !strings.HasSuffix(string(p), ".html") {
			continue
		}
		page := string(data)
		for _, k := range en.Keys() {
			m := en.T(k)
			if strings.HasPrefix(k, "js.") || strings.HasPrefix(k, "date.") || m == ja.T(k) {
				continue
			}
			for _, shape := range []string{">" + m + "<", `"` + m + `"`, ">" + m + " "} {
				if strings.Contains(page, shape) {
					t.Errorf("%s shows the English %q (%s)", p, m, k)
				}
			}
		}
	}
}
