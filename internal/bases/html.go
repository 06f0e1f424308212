package bases

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/vaultsite/vaultsite/internal/i18n"
)

// Linker turns values into URLs for the page being written. It is the
// caller's: this package knows nothing of slugs or attachments.
type Linker interface {
	// FileURL is the URL of a row's page, relative to the current page.
	FileURL(f *File) string
	// ImageURL is the URL of a cover image given as a link, a path or a
	// URL, resolved from row; "" when there is none to show.
	ImageURL(v Value, row *File) string
	// LinkURL is the URL of a link to a file that is not a row (an
	// attachment, a canvas, a base), written in row (nil: the page's own
	// note); "" when it names no published file. The caller publishes
	// the attachment it points to.
	LinkURL(l Link, row *File) string
}

// htmlWriter accumulates a view's HTML.
type htmlWriter struct {
	strings.Builder
	l     Linker
	words *i18n.Catalog // the interface's words and dates
	row   *File         // the row being written, from which its links resolve
}

func (w *htmlWriter) printf(format string, args ...any) { fmt.Fprintf(w, format, args...) }

// esc escapes text for HTML text and quoted attributes.
func esc(s string) string { return html.EscapeString(s) }

// RenderView writes one evaluated view as HTML that needs no script:
// a table, cards, a list or, for a map, the list of places the map
// script draws on tiles. id is the view's element id, unique in the page.
// The view's own words (its count, the filter box) and its dates are in
// the language of words; nil is English.
func RenderView(res *Result, l Linker, id string, words *i18n.Catalog) string {
	if words == nil {
		words = i18n.For(i18n.Default)
	}
	w := &htmlWriter{l: l, words: words}
	v := res.View
	typ := v.Type
	switch typ {
	case "table", "cards", "list", "map":
	default:
		typ = "table"
	}
	w.printf(`<section class="base-view base-view-%s" id="%s" data-view="%s" aria-label="%s">`, typ, esc(id), esc(v.Name), esc(v.Name))
	w.toolbar(res, typ)
	switch typ {
	case "cards":
		w.cards(res)
	case "list":
		w.list(res)
	case "map":
		w.placeMap(res)
	default:
		w.table(res)
	}
	w.WriteString("</section>")
	return w.String()
}

// toolbar shows the count; the filter box is hidden until the script
// makes it work, so a reader without script sees no dead control.
func (w *htmlWriter) toolbar(res *Result, typ string) {
	n := 0
	for _, g := range res.Groups {
		n += len(g.Rows)
	}
	w.printf(`<div class="base-toolbar"><span class="base-count">%s</span>`, esc(w.words.N("js.bases.rows", n)))
	if typ != "map" {
		w.printf(`<input type="search" class="base-filter" placeholder="%s" aria-label="%s" hidden>`, esc(w.words.T("bases.filter")), esc(w.words.T("bases.filterLabel")))
	}
	w.WriteString("</div>")
}

func (w *htmlWriter) table(res *Result) {
	w.WriteString(`<div class="base-table-wrap"><table class="base-table"><thead><tr>`)
	for i, c := range res.Columns {
		w.printf(`<th scope="col" data-col="%d">%s</th>`, i, esc(c.Header))
	}
	w.WriteString("</tr></thead>")
	for _, g := range res.Groups {
		w.row = nil
		w.WriteString(`<tbody class="base-group">`)
		if g.Keyed {
			w.printf(`<tr class="base-group-heading"><th colspan="%d" scope="rowgroup">`, len(res.Columns))
			if g.Key == nil {
				w.WriteString(esc(w.words.T("bases.none")))
			} else {
				w.value(g.Key)
			}
			w.WriteString("</th></tr>")
			w.summaryRow(res, g.Summaries)
		}
		for _, r := range g.Rows {
			w.row = r.File
			w.WriteString(`<tr class="base-row">`)
			for i, c := range r.Cells {
				w.cell(res.Columns[i], r, c)
			}
			w.WriteString("</tr>")
		}
		w.WriteString("</tbody>")
	}
	w.row = nil
	if res.Summaries != nil {
		w.WriteString(`<tfoot>`)
		w.summaryRow(res, res.Summaries)
		w.WriteString(`</tfoot>`)
	}
	w.WriteString("</table></div>")
}

func (w *htmlWriter) summaryRow(res *Result, cells []Cell) {
	if cells == nil {
		return
	}
	w.WriteString(`<tr class="base-summary">`)
	for i, c := range cells {
		w.WriteString("<td>")
		if s := res.Columns[i].Summary; s != "" {
			w.printf(`<span class="base-summary-name">%s</span> `, esc(s))
			w.cellValue(c)
		}
		w.WriteString("</td>")
	}
	w.WriteString("</tr>")
}

// cell writes a td with the key the sort script compares.
func (w *htmlWriter) cell(col Column, r Row, c Cell) {
	w.printf(`<td data-sort="%s">`, esc(sortKey(c.Value)))
	if col.ID == "file.name" && c.Err == nil {
		w.printf(`<a class="internal-link" href="%s">%s</a>`, esc(w.l.FileURL(r.File)), esc(r.File.Path.Name()))
	} else {
		w.cellValue(c)
	}
	w.WriteString("</td>")
}

func (w *htmlWriter) cellValue(c Cell) {
	if c.Err != nil {
		w.printf(`<span class="base-error" title="%s">⚠ %s</span>`, esc(c.Err.Msg), esc(c.Err.Msg))
		return
	}
	w.value(c.Value)
}

// sortKey is what the table's sort script compares: numbers and dates
// as numbers, everything else as text.
func sortKey(v Value) string {
	switch v := v.(type) {
	case float64:
		return formatNumber(v)
	case Date:
		return strconv.FormatInt(v.T.UnixMilli(), 10)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return ""
	}
	return toString(v)
}

// value writes a value as the properties view shows it: dates as a
// reader says them, lists item by item, links as links.
func (w *htmlWriter) value(v Value) {
	switch v := v.(type) {
	case nil:
	case bool:
		checked := ""
		if v {
			checked = " checked"
		}
		w.printf(`<input type="checkbox" disabled%s aria-label="%t">`, checked, v)
	case Date:
		w.WriteString(esc(w.words.Date(v.T, v.Time)))
	case []Value:
		for i, it := range v {
			if i > 0 {
				w.WriteString(`<span class="base-sep">, </span>`)
			}
			w.WriteString(`<span class="base-list-item">`)
			w.value(it)
			w.WriteString(`</span>`)
		}
	case Link:
		w.link(v)
	case *File:
		w.link(Link{Target: v.Path.Name(), File: v})
	case Image:
		if src := w.l.ImageURL(v.Src, nil); src != "" {
			w.printf(`<img class="base-image" src="%s" alt="" loading="lazy">`, esc(src))
		}
	case Icon:
		w.printf(`<span class="base-icon" data-icon="%s">%s</span>`, esc(v.Name), esc(v.Name))
	case Duration:
		w.WriteString(esc(formatNumber(v.approxMs()) + " ms"))
	default:
		w.WriteString(esc(toString(v)))
	}
}

func (w *htmlWriter) link(l Link) {
	text := l.Display
	if text == "" {
		text = l.Target
		if l.File != nil {
			text = l.File.Path.Name()
		}
	}
	switch {
	case l.File != nil:
		w.printf(`<a class="internal-link" href="%s">%s</a>`, esc(w.l.FileURL(l.File)), esc(text))
	case l.Plain:
		w.WriteString(esc(text))
	case strings.HasPrefix(l.Target, "https://") || strings.HasPrefix(l.Target, "http://"):
		w.printf(`<a class="external-link" href="%s" rel="noopener">%s</a>`, esc(l.Target), esc(text))
	case w.fileLink(l, text): // written
	default:
		w.WriteString(esc(text)) // a missing or unpublished note: text, as the properties view shows it
	}
}

// fileLink writes a link to a file that is not a row (an attachment,
// a canvas, a base) and reports true, or reports false when l names no
// published file.
func (w *htmlWriter) fileLink(l Link, text string) bool {
	u := w.l.LinkURL(l, w.row)
	if u == "" {
		return false
	}
	w.printf(`<a class="internal-link" href="%s">%s</a>`, esc(u), esc(text))
	return true
}

var hexColor = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
