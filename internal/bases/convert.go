package bases

import (
	"strconv"
	"strings"

	"github.com/vaultsite/vaultsite/internal/i18n"
	"github.com/vaultsite/vaultsite/site"
)

// FromProperty turns a frontmatter value into a Value with the type
// Obsidian's properties give it: unquoted numbers and booleans as such,
// dates as dates, a quoted "[[link]]" as a link resolved by resolve
// (which returns nil for a missing note, and hidden true for an
// unpublished one, whose name then never enters the link: it keeps only
// its display text), lists and maps
// item by item, anything else as text.
func FromProperty(v site.Value, resolve func(target string) (f *File, hidden bool)) Value {
	switch v.Kind {
	case site.ValueNull:
		return nil
	case site.ValueList:
		out := make([]Value, len(v.Items))
		for i, it := range v.Items {
			out[i] = FromProperty(it, resolve)
		}
		return out
	case site.ValueMap:
		o := NewObject()
		for _, p := range v.Map {
			o.Set(p.Key, FromProperty(p.Value, resolve))
		}
		return o
	}
	text := v.Text
	if target, display := parseWikilink(text); target != strings.TrimSpace(text) {
		l := Link{Target: target, Display: display}
		if resolve != nil {
			f, hidden := resolve(target)
			if hidden {
				return Link{Target: display, Display: display, Plain: true}
			}
			l.File = f
		}
		return l
	}
	if d, ok := parseDate(text); ok {
		return d
	}
	if v.Quoted {
		return text
	}
	switch text {
	case "true", "True", "TRUE":
		return true
	case "false", "False", "FALSE":
		return false
	}
	if f, err := strconv.ParseFloat(text, 64); err == nil && !strings.ContainsAny(text, "xXnN_") {
		return f
	}
	return text
}

// RenderTabs puts a .base file's views on one page: a tab per view, the
// first shown. The tabs are links to the views' ids, and CSS shows the
// targeted view (or the first), so they work without script. The tabs'
// label is in the language of words; nil is English.
func RenderTabs(names, ids, views []string, words *i18n.Catalog) string {
	if words == nil {
		words = i18n.For(i18n.Default)
	}
	var b strings.Builder
	b.WriteString(`<div class="base">`)
	if len(views) > 1 {
		b.WriteString(`<nav class="base-tabs" aria-label="` + esc(words.T("bases.views")) + `">`)
		for i, n := range names {
			b.WriteString(`<a class="base-tab" href="#` + esc(ids[i]) + `">` + esc(n) + `</a>`)
		}
		b.WriteString(`</nav>`)
	}
	b.WriteString(`<div class="base-views">`)
	for _, v := range views {
		b.WriteString(v)
	}
	b.WriteString(`</div></div>`)
	return b.String()
}
