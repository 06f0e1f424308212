package search

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tokenizerCases are the inputs of the tokenizer's unit test and of the
// browser parity test, which runs the same strings through search.js.
var tokenizerCases = []struct {
	name, give string
	want       []string
}{
	{"words and punctuation", "Hello, World! It's a test-case.", []string{"hello", "world", "it", "test", "case"}},
	{"digits", "Latency Area 519, v2 and 2024-01-02", []string{"latency", "area", "519", "v2", "and", "2024", "01", "02"}},
	{"code", "func commitGoal(ctx context.Context) snake_case self.cache", []string{"func", "commitgoal", "ctx", "context", "context", "snake", "case", "self", "cache"}},
	{"diacritics", "Café Über naïve Ångström façade Øre", []string{"cafe", "uber", "naive", "angstrom", "facade", "øre"}},
	{"decomposed input", "Cafe\u0301 Zu\u0308rich", []string{"cafe", "zurich"}},
	{"vietnamese", "Tiếng Việt", []string{"tieng", "viet"}},
	{"ligatures and width", "ﬁnd ﬂow ＦＵＬＬ ｗｉｄｔｈ", []string{"find", "flow", "full", "width"}},
	{"compatibility capitals", "ℌello ℝeal", []string{"hello", "real"}},
	{"german", "Straße STRASSE Maß ẞ", []string{"strasse", "strasse", "mass", "ss"}},
	{"greek final sigma", "ΟΔΥΣΣΕΥΣ Οδυσσεύς σοφός", []string{"οδυσσευσ", "οδυσσευσ", "σοφοσ"}},
	{"turkish dotted i", "İstanbul ISTANBUL ıssız", []string{"istanbul", "istanbul", "ıssız"}},
	{"cyrillic", "Привет, Ёжик!", []string{"привет", "ежик"}},
	{"japanese", "東京は日本の首都です", []string{"東京", "京は", "は日", "日本", "本の", "の首", "首都", "都で", "です"}},
	{"word order", "本日と日本", []string{"本日", "日と", "と日", "日本"}},
	{"chinese", "搜索引擎，全文检索", []string{"搜索", "索引", "引擎", "全文", "文检", "检索"}},
	{"lone characters", "日 本。東", []string{"日", "本", "東"}},
	{"kana voicing", "ガイド か\u3099", []string{"ガイ", "イド", "が"}},
	{"mark kept with its character", "漢\u3099字", []string{"漢\u3099字"}},
	{"katakana and han", "東京タワー", []string{"東京", "京タ", "タワ", "ワー"}},
	{"prolonged sound mark", "サーバー ｻｰﾊﾞｰ", []string{"サー", "ーバ", "バー", "サー", "ーバ", "バー"}},
	{"han next to latin", "Go言語v2 日本語ok", []string{"go", "言語", "v2", "日本", "本語", "ok"}},
	{"compatibility ideograph", "\uf900\u5b57", []string{"\u8c48\u5b57"}},
	{"korean", "한국어 검색", []string{"한국어", "검색"}},
	{"hindi", "हिन्दी खोज", []string{"हिन्दी", "खोज"}},
	{"arabic", "البحث في الملاحظات", []string{"البحث", "في", "الملاحظات"}},
	{"one letter dropped", "a I x 7 c++", nil},
	{"long term dropped", "short " + strings.Repeat("x", 33) + " " + strings.Repeat("y", 32), []string{"short", strings.Repeat("y", 32)}},
	{"symbols and emoji", "rock🎸roll ★ ©2024 #tag @user", []string{"rock", "roll", "2024", "tag", "user"}},
	{"fractions and superscripts", "x² ½ ①", []string{"x2"}},
	{"spaces of every kind", "one\u00a0two\u2003three\u3000four\tfive\nsix", []string{"one", "two", "three", "four", "five", "six"}},
	{"zero width joiner", "foo\u200dbar soft\u00adhyphen", []string{"foo", "bar", "soft", "hyphen"}},
	{"empty", "", nil},
}

func TestSearchTerms(t *testing.T) {
	t.Parallel()
	for _, tt := range tokenizerCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, Terms(tt.give)); diff != "" {
				t.Errorf("Terms(%q) (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

// TestSearchFoldIdempotent checks that folding a folded term changes
// nothing: search.js hands MiniSearch terms that are already folded.
func TestSearchFoldIdempotent(t *testing.T) {
	t.Parallel()
	for _, tt := range tokenizerCases {
		for _, term := range Terms(tt.give) {
			if got := Terms(term); len(got) != 1 || got[0] != term {
				t.Errorf("Terms(%q) = %q, want the term itself", term, got)
			}
		}
	}
}
