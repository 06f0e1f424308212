package i18n

import (
	"embed"
	"encoding/json"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed messages/*.json
var messageFS embed.FS

// Default is the language of a site that names none, and the catalog
// that fills the gaps of the others.
const Default = "en"

// Catalog is one language's messages. The zero value is not usable; get
// one from For.
type Catalog struct {
	lang string
	msgs map[string]string
}

// catalogs reads every embedded catalog once. A file that is not valid
// JSON is a bug, caught by the package's tests.
var catalogs = sync.OnceValue(func() map[string]*Catalog {
	entries, err := messageFS.ReadDir("messages")
	if err != nil {
		panic(err)
	}
	out := map[string]*Catalog{}
	for _, e := range entries {
		data, err := messageFS.ReadFile("messages/" + e.Name())
		if err != nil {
			panic(err)
		}
		c := &Catalog{lang: strings.TrimSuffix(e.Name(), path.Ext(e.Name()))}
		if err := json.Unmarshal(data, &c.msgs); err != nil {
			panic("i18n: " + e.Name() + ": " + err.Error())
		}
		out[c.lang] = c
	}
	return out
})

// Languages returns the codes of the languages with a catalog, sorted.
func Languages() []string {
	var out []string
	for l := range catalogs() {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// For returns the catalog for a BCP 47 language tag: the language's own
// ("pt-BR" and "pt_PT" get "pt", "zh-Hant" gets "zh"), or English when
// there is none or the tag is empty.
func For(tag string) *Catalog {
	if c, ok := byTag.Load(tag); ok {
		return c.(*Catalog)
	}
	c := pick(tag)
	byTag.Store(tag, c)
	return c
}

// byTag remembers For's answers: layouts ask for every label of every
// page, and a site has one tag.
var byTag sync.Map // tag → *Catalog

// pick is For without the memory.
func pick(tag string) *Catalog {
	all := catalogs()
	base, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	if c, ok := all[strings.ToLower(base)]; ok {
		return c
	}
	return all[Default]
}

// Lang returns the code of the catalog's language ("ja").
func (c *Catalog) Lang() string { return c.lang }

// T returns the message of key, English's when the catalog lacks it,
// and the key itself when no catalog has it, so a missing message shows
// on the page rather than an empty label.
func (c *Catalog) T(key string) string {
	if m, ok := c.msgs[key]; ok {
		return m
	}
	if m, ok := catalogs()[Default].msgs[key]; ok {
		return m
	}
	return key
}

// Tf returns the message of key with its placeholders filled from pairs
// of name and value: Tf("feed.description", "site", "Notes") replaces
// "{site}". A placeholder without a value stays as written.
func (c *Catalog) Tf(key string, pairs ...string) string {
	m := c.T(key)
	for i := 0; i+1 < len(pairs); i += 2 {
		m = strings.ReplaceAll(m, "{"+pairs[i]+"}", pairs[i+1])
	}
	return m
}

// Keys returns the catalog's keys, sorted, for tests that look for
// every message on a page.
func (c *Catalog) Keys() []string { return c.keys() }

// keys returns the catalog's keys, sorted.
func (c *Catalog) keys() []string {
	var out []string
	for k := range c.msgs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// N returns the plural message of key for the count n, with {n} filled:
// N("js.bases.rows", 3) is "3 results". The form is chosen by the
// language's CLDR rule for whole numbers (pluralCategory), falling back
// to the "other" form, as the browser's vaultsiteT does.
func (c *Catalog) N(key string, n int) string {
	k := key + "#" + pluralCategory(c.lang, n)
	if _, ok := c.msgs[k]; !ok {
		k = key + "#other"
	}
	return c.Tf(k, "n", strconv.Itoa(n))
}

// pluralCategory is CLDR's plural category of the whole number n in
// lang, for the languages with a catalog: what Intl.PluralRules answers
// in the browser, below a million.
func pluralCategory(lang string, n int) string {
	switch lang {
	case "ja", "ko", "zh":
		return "other"
	case "fr", "pt":
		if n == 0 || n == 1 {
			return "one"
		}
	case "ru":
		switch m10, m100 := n%10, n%100; {
		case m10 == 1 && m100 != 11:
			return "one"
		case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
			return "few"
		default:
			return "many"
		}
	default:
		if n == 1 {
			return "one"
		}
	}
	return "other"
}
