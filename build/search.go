package build

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// The search index is written at build time, from published notes only,
// in MiniSearch's serialization format (version 2) cut into files, so a
// page downloads only what a query needs (search_files.go):
//
//   - _site/search/index.json: MiniSearch's header fields, the ranking
//     options and the list of the other files. Its name is fixed, so a
//     page need not change when the index does; every other file is
//     named by a hash of its content and can be cached for good.
//   - _site/search/t/<key>.<hash>.json: the "index" entries of MiniSearch's
//     format, [term, {fieldId: {docId: tf}}], for every term whose first
//     two characters are key. A query term needs exactly one of them;
//     prefix and typo-tolerant matches are found there too, so typos are
//     tolerated after a term's first two characters.
//   - _site/search/d/<n>.<hash>.json: the documents, searchDocsPerFile
//     per file in id order: [title, URL from the site root, folders].
//
// MiniSearch keeps a length per document and field for BM25. At 10,000
// notes that table alone would be several hundred kilobytes, so the
// length normalisation is done here instead and folded into the term
// frequencies (see normTF); the browser searches with b = 0, where
// lengths drop out, and fills documentIds and fieldLength itself.

// Search fields, in MiniSearch's fieldIds order.
const (
	fieldTitle = iota
	fieldAliases
	fieldHeadings
	fieldTags
	fieldText
	numFields
)

// searchFields names the fields and gives their boosts: a word in a title
// counts as much as six in the text, an alias almost as much, headings
// and tags between.
var searchFields = [numFields]struct {
	name  string
	boost float64
}{
	fieldTitle:    {"title", 6},
	fieldAliases:  {"aliases", 4},
	fieldHeadings: {"headings", 2},
	fieldTags:     {"tags", 2},
	fieldText:     {"text", 1},
}

// BM25+ parameters. k, b and d are MiniSearch's defaults. tfScale turns
// the normalised frequencies into integers with one decimal of
// precision; the browser then uses k·tfScale and a d scaled to match,
// which multiplies every score by the same constant (see searchBM25).
const (
	bm25K   = 1.2
	bm25B   = 0.7
	bm25D   = 0.5
	tfScale = 10
)

// searchEntry is what the index takes from one published note.
type searchEntry struct {
	Title  string
	URL    site.RelURL // from the site root
	Crumbs string      // the note's folders, "Projects / Alpha"
	Fields [numFields][]string
	// doc, when set, is the parsed note: its searchText is added to the
	// text field while the index is built, concurrently.
	doc *render.Doc
}

// posting is one document's normalised frequency of a term in a field.
type posting struct{ doc, tf int32 }

// searchIndex is the whole index, before it is cut into files.
type searchIndex struct {
	entries  []searchEntry // by document id
	postings map[string]*[numFields][]posting
	avgLen   [numFields]float64 // average distinct terms, over documents with the field
}

// docTerms is one document's term counts per field.
type docTerms [numFields]map[string]int

// newSearchIndex tokenizes the entries concurrently and builds the index,
// with document ids in entry order. The result does not depend on
// scheduling.
func newSearchIndex(ctx context.Context, entries []searchEntry) (*searchIndex, error) {
	counts := make([]docTerms, len(entries))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range entries {
		g.Go(func() error {
			e := &entries[i]
			if e.doc != nil {
				e.Fields[fieldText] = append(e.Fields[fieldText], searchText(e.doc))
			}
			for f, texts := range e.Fields {
				counts[i][f] = countTerms(texts)
			}
			return ctx.Err()
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	idx := &searchIndex{entries: entries, postings: map[string]*[numFields][]posting{}}
	idx.average(counts)
	for doc, c := range counts {
		for f, terms := range c {
			idx.add(int32(doc), f, terms)
		}
	}
	return idx, nil
}

// emitSearch writes the search index of the published notes
// (search_files.go).
func (b *builder) emitSearch() error {
	idx, err := newSearchIndex(context.Background(), b.searchEntries())
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	files, err := idx.files()
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	for _, f := range files {
		if err := b.emit(f.path(), f.data); err != nil {
			return err
		}
	}
	for _, f := range templates.SearchLibrary() {
		if err := b.emit(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// searchEntries returns the published notes in path order, with what the
// index takes from each: title, aliases, headings, tags and, through the
// parsed doc, the text.
func (b *builder) searchEntries() []searchEntry {
	var out []searchEntry
	for i, n := range b.v.Notes {
		if !n.Published {
			continue
		}
		e := searchEntry{Title: n.Title(), URL: site.Slug("").LinkTo(n.Slug, ""), Crumbs: crumbs(n.Path), doc: b.docs[i]}
		e.Fields[fieldTitle] = []string{n.Title()}
		e.Fields[fieldAliases] = n.Props.Aliases
		for _, h := range n.Headings {
			e.Fields[fieldHeadings] = append(e.Fields[fieldHeadings], h.Plain)
		}
		e.Fields[fieldTags] = noteTags(n)
		out = append(out, e)
	}
	return out
}

// countTerms counts the terms of texts.
func countTerms(texts []string) map[string]int {
	if len(texts) == 0 {
		return nil
	}
	m := make(map[string]int, 64)
	for _, t := range texts {
		for _, term := range searchTerms(t) {
			m[term]++
		}
	}
	return m
}

// average sets avgLen. A field's length is its number of distinct terms,
// as in MiniSearch.
func (idx *searchIndex) average(counts []docTerms) {
	var sum, n [numFields]int
	for _, c := range counts {
		for f, terms := range c {
			if len(terms) > 0 {
				sum[f] += len(terms)
				n[f]++
			}
		}
	}
	for f := range idx.avgLen {
		idx.avgLen[f] = float64(sum[f]) / float64(max(n[f], 1))
	}
}

// add records one document's terms in field f. Documents are added in id
// order, so every posting list is sorted whatever the map order.
func (idx *searchIndex) add(doc int32, f int, terms map[string]int) {
	for t, tf := range terms {
		p := idx.postings[t]
		if p == nil {
			p = new([numFields][]posting)
			idx.postings[t] = p
		}
		p[f] = append(p[f], posting{doc: doc, tf: normTF(tf, len(terms), idx.avgLen[f])})
	}
}

// normTF is BM25's length-normalised frequency tf / (1 − b + b·len/avg)
// times tfScale, rounded to an integer of at least 1. With it, BM25's
// saturation tf·(k+1) / (tf + k·norm) equals normTF·(k'+1) / (normTF + k')
// for k' = k·tfScale up to the constant factor (k'+1)/(k+1), which
// searchBM25 also applies to d: every score is multiplied by the same
// number and the ranking is BM25+'s.
func normTF(tf, length int, avg float64) int32 {
	norm := 1 - bm25B + bm25B*float64(length)/max(avg, 1)
	return int32(max(1, math.Round(tfScale*float64(tf)/norm)))
}

// searchBM25 returns the BM25 parameters the browser searches with, for
// frequencies made by normTF.
func searchBM25() (k, b, d float64) {
	k = bm25K * tfScale
	return k, 0, bm25D * (k + 1) / (bm25K + 1)
}

// crumbs returns the folders of p joined for display, "Projects / Alpha".
func crumbs(p site.VaultPath) string {
	return strings.ReplaceAll(p.Dir(), "/", " / ")
}
