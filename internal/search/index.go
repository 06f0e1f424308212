package search

import (
	"context"
	"math"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/internal/parallel"
	"github.com/vaultsite/vaultsite/site"
)

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

// posting is one document's frequency of a term in a field: n times,
// normalised to tf. n is kept so that a rebuild can normalise again when
// the average length moves (update.go).
type posting struct{ doc, n, tf int32 }

// searchIndex is the whole index, before it is cut into files.
type searchIndex struct {
	entries  []Document  // by document id
	counts   []*docTerms // by document id; never modified once made
	dict     *termDict
	postings []*[numFields][]posting // by term id; nil for a term no entry has
	// sum and with give avgLen: the distinct terms of each field summed
	// over the documents, and how many documents have the field.
	sum, with [numFields]int
	avgLen    [numFields]float64 // average distinct terms, over documents with the field
}

// termDict numbers terms. An index built from an earlier one shares its
// dictionary, so counts kept from an earlier build keep their meaning; it
// only grows, by the few terms an edit brings.
type termDict struct {
	mu    sync.Mutex
	ids   map[string]uint32
	terms []string
}

// intern returns m's terms as ids with their counts, adding new terms.
func (d *termDict) intern(m map[string]int) []termCount {
	out := make([]termCount, 0, len(m))
	d.mu.Lock()
	defer d.mu.Unlock()
	for t, n := range m {
		id, ok := d.ids[t]
		if !ok {
			id = uint32(len(d.terms))
			t = strings.Clone(t) // not the whole text it was cut from
			d.ids[t] = id
			d.terms = append(d.terms, t)
		}
		out = append(out, termCount{id: id, n: uint32(n)})
	}
	return out
}

// size returns how many terms d holds.
func (d *termDict) size() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.terms)
}

// termCount is how often a term occurs in one field of one document.
type termCount struct{ id, n uint32 }

// docTerms is one document's terms per field, each once. It holds term
// ids, not maps of strings, which would take about twenty times the
// memory.
type docTerms [numFields][]termCount

// newSearchIndex tokenizes the entries concurrently and builds the index,
// with document ids in entry order. An entry whose doc prev also indexed
// keeps its terms from prev instead of being tokenized again: a rebuild
// reuses the docs of the notes that did not change, and everything the
// index takes from a note comes with its doc. The result does not depend
// on scheduling.
func newSearchIndex(ctx context.Context, entries []Document, prev *searchIndex) (*searchIndex, error) {
	idx := &searchIndex{entries: entries, dict: &termDict{ids: map[string]uint32{}}, counts: make([]*docTerms, len(entries))}
	type keyed struct { // the path field comes from the ID, the rest with the Key
		key any
		id  site.VaultPath
	}
	kept := map[keyed]*docTerms{}
	if prev != nil {
		idx.dict = prev.dict
		for i, e := range prev.entries {
			if e.Key != nil {
				kept[keyed{e.Key, e.ID}] = prev.counts[i]
			}
		}
	}
	var fresh []int
	for i, e := range entries {
		if c := kept[keyed{e.Key, e.ID}]; e.Key != nil && c != nil {
			idx.counts[i] = c
		} else {
			fresh = append(fresh, i)
		}
	}
	if err := idx.count(ctx, fresh); err != nil {
		return nil, err
	}
	idx.postings = make([]*[numFields][]posting, idx.dict.size())
	idx.average()
	for doc, c := range idx.counts {
		for f, terms := range c {
			idx.add(int32(doc), f, terms)
		}
	}
	return idx, nil
}

// count tokenizes the entries at the positions docs, concurrently.
func (idx *searchIndex) count(ctx context.Context, docs []int) error {
	return parallel.Each(ctx, len(docs), func(k int) error {
		i := docs[k]
		idx.counts[i] = idx.entries[i].count(idx.dict)
		return nil
	})
}

// count returns the document's terms, with its body's.
func (e *Document) count(d *termDict) *docTerms {
	var c docTerms
	for f, texts := range e.fields() {
		if f == fieldText && e.Body != nil {
			texts = append(texts[:len(texts):len(texts)], e.Body())
		}
		c[f] = d.intern(countTerms(texts))
	}
	c[fieldTags] = d.intern(countMore(countTerms(e.Tags), tagTerms(e.Tags)))
	c[fieldPath] = d.intern(countMore(map[string]int{}, pathTerms(e.ID)))
	return &c
}

// countMore adds terms to the counts m and returns m.
func countMore(m map[string]int, terms []string) map[string]int {
	for _, t := range terms {
		m[t]++
	}
	return m
}

// countTerms counts the terms of texts.
func countTerms(texts []string) map[string]int {
	m := make(map[string]int, 64)
	for _, t := range texts {
		for _, term := range Terms(t) {
			m[term]++
		}
	}
	return m
}

// average sets sum, with and avgLen. A field's length is its number of
// distinct terms, as in MiniSearch.
func (idx *searchIndex) average() {
	idx.sum, idx.with = [numFields]int{}, [numFields]int{}
	for _, c := range idx.counts {
		for f, terms := range c {
			if len(terms) > 0 {
				idx.sum[f] += len(terms)
				idx.with[f]++
			}
		}
	}
	idx.setAverage()
}

// setAverage sets avgLen from sum and with.
func (idx *searchIndex) setAverage() {
	for f := range idx.avgLen {
		idx.avgLen[f] = float64(idx.sum[f]) / float64(max(idx.with[f], 1))
	}
}

// add records one document's terms in field f. Documents are added in id
// order, so every posting list is sorted whatever the order of terms.
func (idx *searchIndex) add(doc int32, f int, terms []termCount) {
	for _, tc := range terms {
		p := idx.postings[tc.id]
		if p == nil {
			p = new([numFields][]posting)
			idx.postings[tc.id] = p
		}
		p[f] = append(p[f], posting{doc: doc, n: int32(tc.n), tf: normTF(int(tc.n), len(terms), idx.avgLen[f])})
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
