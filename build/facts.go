package build

import (
	"bytes"
	"context"
	"html/template"
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/internal/parallel"
	"github.com/vaultsite/vaultsite/site"

	"github.com/vaultsite/vaultsite/render"
)

// A note's syntax tree is many times the size of its text (every tree
// of a 10,000-note vault, kept to the end, made a build's peak 2.6 GB),
// so no tree outlives the phase that made it: the parse phase copies
// what later phases need onto the Note (links, headings, block ids,
// tags, the first H1) and into a noteFacts (what the pages of other
// notes show of it), and the render phase parses each note again
// (build.go's renderNote, for cache.go's renderBody). Tests walk the
// types and the values the build and the live preview keep and fail on
// any goldmark node they can reach (facts_test.go).

// noteFacts is what the build keeps of one note's parse besides what the
// Note holds. A rebuild of the live preview keeps the facts of every
// note it did not read again; a note read again gets new ones, so the
// pointer also keys the note's search document (search.go).
type noteFacts struct {
	// bases are the note's base blocks, in source order (bases.go).
	bases []baseSource
	// hasMath and hasMermaid: the note's page loads KaTeX, Mermaid.
	hasMath, hasMermaid bool
	// contexts maps link i of the note to the excerpt a backlink from it
	// shows (render.Doc.LinkContext): only the first link to each note or
	// canvas has one, made after resolution (fillContexts), since each
	// walks its whole block and one for every link of a long paragraph
	// of links would cost its square. Only an analysis made for pages
	// has them.
	contexts map[int]template.HTML
	// search is the body's words for the search index (searchText);
	// only an analysis made for pages has them.
	search string
	// summary is the first sentence of the note's first paragraph, which
	// listings show of a note without a description (listing.go); only
	// an analysis made for pages has it.
	summary string
}

// baseSource is a base block of a note: its YAML, and the byte offset of
// its first line in the note.
type baseSource struct {
	src    []byte
	offset int
}

// factsOf keeps what later phases need of d. With forPages, it also
// keeps what only pages show (backlink excerpts and search words), which
// check never reads.
func factsOf(d *render.Doc, forPages bool) *noteFacts {
	f := &noteFacts{hasMath: d.HasMath, hasMermaid: d.HasMermaid}
	for _, blk := range d.Bases {
		f.bases = append(f.bases, baseSource{src: bytes.Clone(blk.Src), offset: blk.Offset})
	}
	if !forPages {
		return f
	}
	f.search = strings.Clone(searchText(d)) // without the builder's spare capacity
	if strings.TrimSpace(d.Note.Props.Description) == "" {
		f.summary = firstSentence(firstParagraph(d))
	}
	return f
}

// context is the backlink excerpt of link i of the note, "" for none.
func (f *noteFacts) context(i int) template.HTML {
	if f == nil {
		return ""
	}
	return f.contexts[i]
}

// searchText returns the note's search words.
func (f *noteFacts) searchText() string { return f.search }

// takeSearch returns the note's search words and lets them go: the words
// of 10,000 notes are as many bytes as the notes.
func (f *noteFacts) takeSearch() string {
	s := f.search
	f.search = ""
	return s
}

// fillContexts makes the backlink excerpts that pages will show and the
// facts lack: for each note, of the first link to each note or canvas,
// parsing the note again only when one is missing. A rebuild keeps the
// excerpts of the notes it did not read again; a link whose target a new
// note changed gets its excerpt then. When ctx is done it stops with
// ctx's error.
func (a *Analysis) fillContexts(ctx context.Context) error {
	return parallel.Each(ctx, len(a.Vault.Notes), func(i int) error {
		n, f := a.Vault.Notes[i], a.facts[i]
		if f == nil {
			return nil
		}
		var d *render.Doc
		for _, k := range a.shownLinks(n) {
			if _, ok := f.contexts[k]; ok {
				continue
			}
			if d == nil {
				d = a.r.Parse(n, nil)
			}
			if f.contexts == nil {
				f.contexts = map[int]template.HTML{}
			}
			f.contexts[k] = d.LinkContext(k, backlinkContext)
		}
		return nil
	})
}

// shownLinks returns the index of the first body link of n to each note
// or canvas it resolves to: the links whose excerpts backlinks show.
func (a *Analysis) shownLinks(n *site.Note) []int {
	var out []int
	seen := map[site.VaultPath]bool{}
	for k, l := range n.Links {
		if l.InProperty {
			continue
		}
		t := a.Graph.Resolve(n, l.Path).Target
		if t.Note == nil && (t.Asset == nil || t.Asset.Kind != site.KindCanvas) || seen[t.Path()] {
			continue
		}
		seen[t.Path()] = true
		out = append(out, k)
	}
	return out
}

// factsOf returns the facts of note n of a's vault, or nil. The vault's
// notes are sorted by path.
func (a *Analysis) factsOf(n *site.Note) *noteFacts {
	notes := a.Vault.Notes
	i := sort.Search(len(notes), func(i int) bool { return notes[i].Path >= n.Path })
	if i == len(notes) || notes[i] != n || i >= len(a.facts) {
		return nil
	}
	return a.facts[i]
}
