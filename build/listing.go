package build

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// listedNote is what folder, tag and home listings show of a note
// besides its title: a one-sentence description and a date.
type listedNote struct {
	desc  string
	when  time.Time
	dated bool
}

// summaryMax is the most characters of a description drawn from a note's
// text: about two lines of a listing.
const summaryMax = 160

// listInfo finds the description and date of every published note, once
// per build and before any page is rendered: listings are made while
// other pages render, and must not walk a parse that a renderer is
// reading. The description is the note's description property, else the
// first sentence of its first paragraph; the date is the first of the
// feed's date properties, else the file's (noteTime).
func (b *builder) listInfo() map[*site.Note]listedNote {
	out := map[*site.Note]listedNote{}
	for i, n := range b.v.Notes {
		if n.Published {
			out[n] = listed(n, b.a.facts[i])
		}
	}
	return out
}

// listed is the row of n, whose parse left f (which may be nil).
func listed(n *site.Note, f *noteFacts) listedNote {
	l := listedNote{desc: strings.TrimSpace(n.Props.Description)}
	if l.desc == "" && f != nil {
		l.desc = f.summary
	}
	l.when, l.dated = noteTime(n, publishedKeys)
	return l
}

// same reports whether two rows show the same.
func (l listedNote) same(m listedNote) bool {
	return l.desc == m.desc && l.dated == m.dated && l.when.Equal(m.when)
}

// firstParagraph returns the text of the note's first paragraph at the
// top level (not in a callout, list or table), as search reads it.
func firstParagraph(d *render.Doc) string {
	for c := d.Root.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Paragraph); !ok {
			continue
		}
		var b strings.Builder
		_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			return searchTextNode(&b, n, d.Src), nil
		})
		if s := strings.Join(strings.Fields(b.String()), " "); s != "" {
			return s
		}
	}
	return ""
}

// sentenceEnds are the marks that end a sentence: Latin ones count when
// a space follows, the full-width ones of CJK text at once.
var sentenceEnds = []string{". ", "! ", "? ", "。", "！", "？"}

// firstSentence cuts s after its first sentence, and to summaryMax
// characters with "…" when that sentence is longer.
func firstSentence(s string) string {
	end := len(s)
	for _, m := range sentenceEnds {
		if i := strings.Index(s, m); i >= 0 && i+len(strings.TrimSpace(m)) < end {
			end = i + len(strings.TrimSpace(m))
		}
	}
	s = s[:end]
	if utf8.RuneCountInString(s) <= summaryMax {
		return s
	}
	r := []rune(s)[:summaryMax-1]
	return strings.TrimSpace(string(r)) + "…"
}

// noteEntry is the listing row of note n on the page from: its title,
// description and date in the site's language.
func (b *builder) noteEntry(n *site.Note, from site.Slug) templates.ListEntry {
	e := templates.ListEntry{Text: n.Title(), URL: from.LinkTo(n.Slug, "")}
	l := b.listed[n]
	e.Description = l.desc
	if l.dated {
		e.Date, e.DateTime = b.words().Date(l.when, false), l.when.Format("2006-01-02")
	}
	return e
}

// newestFirst reorders rows, already in title order, by the date of
// their note when the settings ask for it (Options.NewestFirst): the
// newest first, rows of the same date in title order, undated ones (and
// rows without a note, canvases) last.
func newestFirst[T any](b *builder, rows []T, note func(T) *site.Note) {
	if !b.opts.NewestFirst {
		return
	}
	slices.SortStableFunc(rows, func(x, y T) int {
		lx, ly := b.listed[note(x)], b.listed[note(y)]
		switch {
		case lx.dated != ly.dated:
			if lx.dated {
				return -1
			}
			return 1
		case !lx.dated:
			return 0
		}
		return ly.when.Compare(lx.when)
	})
}
