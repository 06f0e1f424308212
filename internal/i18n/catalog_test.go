package i18n

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// pluralForms are the CLDR plural categories each language's integers
// fall into (the categories Intl.PluralRules answers with for whole
// numbers below a million), which a plural message must all have.
var pluralForms = map[string][]string{
	"en": {"one", "other"}, "de": {"one", "other"}, "es": {"one", "other"},
	"fr": {"one", "other"}, "it": {"one", "other"}, "pt": {"one", "other"},
	"ru": {"few", "many", "one", "other"},
	"ja": {"other"}, "ko": {"other"}, "zh": {"other"},
}

// TestCatalogsComplete checks that every catalog has every message of
// the English one, in each plural form its language uses, with the same
// placeholders, and nothing English lacks.
func TestCatalogsComplete(t *testing.T) {
	t.Parallel()
	want := []string{"de", "en", "es", "fr", "it", "ja", "ko", "pt", "ru", "zh"}
	if got := Languages(); !slices.Equal(got, want) {
		t.Fatalf("Languages() = %v, want %v", got, want)
	}
	en := For("en")
	for _, lang := range want {
		c := For(lang)
		forms, ok := pluralForms[lang]
		if !ok {
			t.Errorf("%s: no plural forms listed in the test", lang)
		}
		need := map[string]string{} // key the catalog needs → the English key it translates
		for _, k := range en.keys() {
			base, _, isPlural := strings.Cut(k, "#")
			if !isPlural {
				need[k] = k
				continue
			}
			for _, f := range forms {
				need[base+"#"+f] = k
			}
		}
		for k, enKey := range need {
			m, ok := c.msgs[k]
			switch {
			case !ok:
				t.Errorf("%s: missing %q", lang, k)
			case strings.TrimSpace(m) == "":
				t.Errorf("%s: %q is empty", lang, k)
			case !slices.Equal(placeholders(m), placeholders(en.msgs[enKey])):
				t.Errorf("%s: %q has placeholders %v, English %v", lang, k, placeholders(m), placeholders(en.msgs[enKey]))
			}
		}
		for _, k := range c.keys() {
			if _, ok := need[k]; !ok {
				t.Errorf("%s: %q is not a message (not in en.json, or a plural form %s does not use)", lang, k, lang)
			}
		}
		if n := len(strings.Split(c.T("date.months"), "|")); n != 12 {
			t.Errorf("%s: date.months has %d months", lang, n)
		}
	}
}

var placeholderRE = regexp.MustCompile(`\{\w+\}`)

// placeholders returns the sorted placeholders of a message.
func placeholders(m string) []string {
	out := placeholderRE.FindAllString(m, -1)
	slices.Sort(out)
	return out
}

func TestFor(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ give, want string }{
		{"", "en"}, {"ja", "ja"}, {"JA", "ja"}, {"pt-BR", "pt"}, {"pt_PT", "pt"},
		{"zh-Hant-TW", "zh"}, {"nl", "en"}, {"x", "en"},
	} {
		if got := For(tt.give).Lang(); got != tt.want {
			t.Errorf("For(%q) = %s, want %s", tt.give, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	t.Parallel()
	day := time.Date(2023, 7, 7, 10, 30, 0, 0, time.UTC)
	first := time.Date(2024, 2, 1, 9, 5, 0, 0, time.FixedZone("", 9*3600))
	for _, tt := range []struct {
		lang     string
		give     time.Time
		withTime bool
		want     string
	}{
		{"en", day, false, "7 July 2023"},
		{"en", first, true, "1 February 2024, 09:05"},
		{"ja", day, false, "2023年7月7日"},
		{"ja", day, true, "2023年7月7日 10:30"},
		{"zh", first, false, "2024年2月1日"},
		{"ko", day, false, "2023년 7월 7일"},
		{"de", day, false, "7. Juli 2023"},
		{"fr", first, false, "1er février 2024"},
		{"fr", day, true, "7 juillet 2023 à 10:30"},
		{"es", day, false, "7 de julio de 2023"},
		{"pt", first, false, "1º de fevereiro de 2024"},
		{"ru", day, false, "7 июля 2023 г."},
		{"it", day, false, "7 luglio 2023"},
	} {
		if got := For(tt.lang).Date(tt.give, tt.withTime); got != tt.want {
			t.Errorf("%s Date(%v, %v) = %q, want %q", tt.lang, tt.give, tt.withTime, got, tt.want)
		}
	}
}

func TestTf(t *testing.T) {
	t.Parallel()
	if got, want := For("ja").Tf("feed.description", "site", "メモ"), "メモの最近のノート"; got != want {
		t.Errorf("Tf = %q, want %q", got, want)
	}
	if got := For("ja").T("no.such.key"); got != "no.such.key" {
		t.Errorf("T of a missing key = %q, want the key", got)
	}
}

func TestScript(t *testing.T) {
	t.Parallel()
	a, b := string(For("ru").Script()), string(For("ru").Script())
	if a != b {
		t.Fatal("Script is not the same twice")
	}
	for _, want := range []string{`"lang":"ru"`, `"search.notes#few":"{n} заметки"`, `"copy":"Копировать"`, "window.vaultsiteT"} {
		if !strings.Contains(a, want) {
			t.Errorf("ru Script lacks %s", want)
		}
	}
	if strings.Contains(a, "toc.heading") {
		t.Error("Script carries a page message (toc.heading); only js. messages belong in it")
	}
}

func TestN(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 result"}, {"en", 0, "0 results"}, {"en", 2, "2 results"},
		{"fr", 0, "0 résultat"}, {"fr", 1, "1 résultat"}, {"fr", 2, "2 résultats"},
		{"ru", 1, "1 результат"}, {"ru", 3, "3 результата"}, {"ru", 5, "5 результатов"},
		{"ru", 11, "11 результатов"}, {"ru", 21, "21 результат"}, {"ru", 112, "112 результатов"},
		{"ja", 1, "1 件"},
	} {
		if got := For(tt.lang).N("js.bases.rows", tt.n); got != tt.want {
			t.Errorf("%s N(%d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
