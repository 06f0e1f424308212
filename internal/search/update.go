package search

import (
	"cmp"
	"context"
	"slices"
	"sort"
)

// A rebuild in the live preview changes a note or two of thousands, yet
// the index is one whole: document ids are positions, and every term
// frequency is normalised by the average length of its field. When the
// rebuild indexes the same notes in the same order, update carries the
// index over instead: it tokenizes the changed notes, replaces their
// postings, normalises again only the postings whose rounded value the
// new average moves, and reports which terms changed, so that only the
// shards holding them are written again (shards.go). The result
// is the index newSearchIndex makes, posting for posting.

// sameDocs reports whether entries index the notes idx does, in the same
// order, so that every document keeps its id.
func (idx *searchIndex) sameDocs(entries []Document) bool {
	if idx == nil || len(entries) != len(idx.entries) {
		return false
	}
	for i := range entries {
		if entries[i].ID != idx.entries[i].ID {
			return false
		}
	}
	return true
}

// update returns the index of entries, which sameDocs accepted, and the
// terms whose postings differ from idx's, sorted. idx is not modified.
func (idx *searchIndex) update(ctx context.Context, entries []Document) (*searchIndex, []uint32, error) {
	next := &searchIndex{entries: entries, dict: idx.dict, counts: slices.Clone(idx.counts), sum: idx.sum, with: idx.with}
	var changed []int
	for i, e := range entries {
		if e.Key == nil || e.Key != idx.entries[i].Key {
			changed = append(changed, i)
		}
	}
	if err := next.count(ctx, changed); err != nil {
		return nil, nil, err
	}
	for _, i := range changed {
		next.resum(idx.counts[i], -1)
		next.resum(next.counts[i], +1)
	}
	next.setAverage()
	next.postings = append(slices.Clone(idx.postings), make([]*[numFields][]posting, next.dict.size()-len(idx.postings))...)
	ed := postingEdits{}
	for f := range numFields {
		if next.avgLen[f] != idx.avgLen[f] {
			next.renormalize(ed, f, idx.avgLen[f])
		}
	}
	for _, i := range changed { // after renormalize, so that these edits win
		next.replace(ed, int32(i), idx.counts[i])
	}
	return next, next.apply(ed), nil
}

// resum adds (sign +1) or takes away (−1) one document's lengths.
func (idx *searchIndex) resum(c *docTerms, sign int) {
	for f, terms := range c {
		if len(terms) > 0 {
			idx.sum[f] += sign * len(terms)
			idx.with[f] += sign
		}
	}
}

// postingEdits collects, by term, the postings to set in each field; a
// posting with tf 0 removes the document's. A later edit of the same
// document wins.
type postingEdits map[uint32]*[numFields][]posting

func (ed postingEdits) set(id uint32, f int, p posting) {
	e := ed[id]
	if e == nil {
		e = new([numFields][]posting)
		ed[id] = e
	}
	e[f] = append(e[f], p)
}

// renormalize edits every posting of field f whose normalised frequency
// differs under the new average from what it was under old. The average
// moves by a hair when one note gains or loses a distinct term, so few
// postings change; each is found from its document's counts.
func (idx *searchIndex) renormalize(ed postingEdits, f int, old float64) {
	for d, c := range idx.counts {
		terms := c[f]
		tf := tfPairs{length: len(terms), old: old, now: idx.avgLen[f]}
		for _, tc := range terms {
			if before, now := tf.pair(tc.n); now != before {
				ed.set(tc.id, f, posting{doc: int32(d), n: int32(tc.n), tf: now})
			}
		}
	}
}

// tfPairs gives one field's normalised frequencies under two averages,
// remembering those of the small counts that make up most postings.
type tfPairs struct {
	length   int
	old, now float64
	memo     [16][2]int32 // by count; zero: not computed yet
}

func (t *tfPairs) pair(n uint32) (before, now int32) {
	if n < uint32(len(t.memo)) && t.memo[n][0] != 0 {
		return t.memo[n][0], t.memo[n][1]
	}
	before, now = normTF(int(n), t.length, t.old), normTF(int(n), t.length, t.now)
	if n < uint32(len(t.memo)) {
		t.memo[n] = [2]int32{before, now}
	}
	return before, now
}

// replace edits the postings of document d, whose terms were old: every
// old term loses its posting, every current one gets a new one.
func (idx *searchIndex) replace(ed postingEdits, d int32, old *docTerms) {
	for f, terms := range old {
		for _, tc := range terms {
			ed.set(tc.id, f, posting{doc: d})
		}
	}
	for f, terms := range idx.counts[d] {
		for _, tc := range terms {
			ed.set(tc.id, f, posting{doc: d, n: int32(tc.n), tf: normTF(int(tc.n), len(terms), idx.avgLen[f])})
		}
	}
}

// apply makes the edits on copies of the posting lists and returns the
// terms whose lists came out different, sorted. A term left without
// postings becomes nil, as newSearchIndex leaves a term no entry has.
func (idx *searchIndex) apply(ed postingEdits) []uint32 {
	var dirty []uint32
	for id, e := range ed {
		old := idx.postings[id]
		var next [numFields][]posting
		empty, changed := true, false
		for f := range next {
			if old != nil {
				next[f] = old[f]
			}
			edits := e[f]
			sort.SliceStable(edits, func(i, j int) bool { return edits[i].doc < edits[j].doc })
			if len(edits) > 0 && !noop(next[f], edits) {
				next[f], changed = mergePostings(next[f], edits), true
			}
			empty = empty && len(next[f]) == 0
		}
		if !changed {
			continue
		}
		if idx.postings[id] = &next; empty {
			idx.postings[id] = nil
		}
		dirty = append(dirty, id)
	}
	slices.Sort(dirty)
	return dirty
}

// mergePostings returns a copy of list, sorted by document, with the
// edits, sorted likewise, made.
func mergePostings(list, edits []posting) []posting {
	out := make([]posting, 0, len(list)+len(edits))
	i := 0
	for k, e := range edits {
		if k+1 < len(edits) && edits[k+1].doc == e.doc {
			continue // a later edit of the same document wins
		}
		for ; i < len(list) && list[i].doc < e.doc; i++ {
			out = append(out, list[i])
		}
		if i < len(list) && list[i].doc == e.doc {
			i++
		}
		if e.tf != 0 {
			out = append(out, e)
		}
	}
	return append(out, list[i:]...)
}

// noop reports whether the edits, sorted by document, leave list as it
// is: each document's last edit sets the posting it has, or removes one
// it does not have, as for a note read again whose frequency of the
// term stayed.
func noop(list, edits []posting) bool {
	for k, e := range edits {
		if k+1 < len(edits) && edits[k+1].doc == e.doc {
			continue
		}
		i, found := slices.BinarySearchFunc(list, e.doc, func(p posting, d int32) int { return cmp.Compare(p.doc, d) })
		if found != (e.tf != 0) || found && list[i] != e {
			return false
		}
	}
	return true
}
