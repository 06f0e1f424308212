package search

import (
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/internal/parallel"
)

// Index is the search index cut into files (doc.go describes them). It
// is kept from one build to the next, so that a rebuild that updated the
// index encodes again only the terms whose postings changed and writes
// again only the shards and documents files that hold them; at 10,000
// notes that is a few of about 370 shards instead of 13 MB of JSON.
type Index struct {
	idx *searchIndex
	// frags holds each term's entry in the shard format (entryJSON), by
	// term id; nil for a term without postings. A shard is its terms'
	// entries joined, so a shard's size is known before it is written.
	frags  [][]byte
	terms  []uint32    // the terms with postings, sorted
	shards []shard     // in key order
	typos  []typoShard // the typo dictionary's files, in key order (typos.go)
	docs   []namedFile // the documents files, in order
}

// shard is the entries of the terms that start with key, as a file.
type shard struct {
	key string
	ids []uint32 // its terms, sorted
	namedFile
}

// namedFile is a file named by the hash of its content.
type namedFile struct {
	file searchFile
	hash string
}

// Shards are cut by the first characters of their terms: two, and more
// where the terms sharing a prefix would make a file over shardBudget
// bytes, up to maxKeyLen. A query term then needs the shard of the
// longest key it starts with, plus, for its prefix matches, the shards
// of keys it is the start of. In the generated 10,000-note vault a shard
// is at most about 18 KB compressed, while "re" as one shard would be
// 790 KB (212 KB compressed).
const (
	shardBudget = 64 << 10
	maxKeyLen   = 6
)

// cutIndex encodes every term of idx and cuts the index into files.
func cutIndex(ctx context.Context, idx *searchIndex) (*Index, error) {
	o := &Index{idx: idx, frags: make([][]byte, len(idx.postings))}
	for id, p := range idx.postings {
		if p != nil {
			o.terms = append(o.terms, uint32(id))
		}
	}
	if err := o.encode(ctx, o.terms); err != nil {
		return nil, err
	}
	terms := idx.dict.terms
	sort.Slice(o.terms, func(i, j int) bool { return terms[o.terms[i]] < terms[o.terms[j]] })
	o.shards = o.cutAll(nil, nil)
	o.typos = cutTypos(o.termStrings())
	return o, o.writeDocs(nil)
}

// rewrite returns the files of idx, an update of o's index in which the
// terms dirty changed (searchIndex.update): those terms are encoded
// again, and every shard and documents file that did not change is o's.
func (o *Index) rewrite(ctx context.Context, idx *searchIndex, dirty []uint32) (*Index, error) {
	n := len(idx.postings)
	next := &Index{idx: idx, frags: append(slices.Clone(o.frags), make([][]byte, n-len(o.frags))...)}
	if err := next.encode(ctx, dirty); err != nil {
		return nil, err
	}
	isDirty := make([]bool, n)
	for _, id := range dirty {
		isDirty[id] = true
	}
	next.terms = o.liveTerms(next, dirty)
	next.shards = next.cutAll(o.shards, isDirty)
	if next.typos = o.typos; !slices.Equal(next.terms, o.terms) {
		next.typos = cutTypos(next.termStrings()) // the dictionary depends on the set of terms only
	}
	return next, next.writeDocs(o)
}

// termStrings returns the terms with postings, sorted.
func (o *Index) termStrings() []string {
	out := make([]string, len(o.terms))
	for i, id := range o.terms {
		out[i] = o.idx.dict.terms[id]
	}
	return out
}

// liveTerms returns o's sorted terms, less the dirty ones that lost
// their postings in next, plus those that gained some.
func (o *Index) liveTerms(next *Index, dirty []uint32) []uint32 {
	terms := next.idx.dict.terms
	out := slices.Clone(o.terms)
	for _, id := range dirty {
		was := int(id) < len(o.frags) && o.frags[id] != nil
		if is := next.frags[id] != nil; was == is {
			continue
		}
		i := sort.Search(len(out), func(i int) bool { return terms[out[i]] >= terms[id] })
		if was {
			out = slices.Delete(out, i, i+1)
		} else {
			out = slices.Insert(out, i, id)
		}
	}
	return out
}

// encodeChunk is how many terms an encoding worker takes at a time: a
// term's entry takes about a microsecond, so a chunk keeps the workers'
// shared counter cheap.
const encodeChunk = 256

// encode sets the entries of the terms ids, concurrently; a term without
// postings gets nil.
func (o *Index) encode(ctx context.Context, ids []uint32) error {
	return parallel.Chunks(ctx, len(ids), encodeChunk, func(lo, hi int) error {
		for _, id := range ids[lo:hi] {
			o.frags[id] = o.idx.entryJSON(id)
		}
		return nil
	})
}

// cutAll cuts the sorted terms into shards: first by their first two
// characters, then as cut says. A shard of prev with the same key and
// terms, none of them dirty, is taken as it is.
func (o *Index) cutAll(prev []shard, dirty []bool) []shard {
	old := make(map[string]*shard, len(prev))
	for i := range prev {
		old[prev[i].key] = &prev[i]
	}
	terms := o.idx.dict.terms
	var out []shard
	for i := 0; i < len(o.terms); {
		key := shardKey(terms[o.terms[i]])
		j := i + 1
		for j < len(o.terms) && strings.HasPrefix(terms[o.terms[j]], key) {
			j++
		}
		out = o.cut(out, key, o.terms[i:j])
		i = j
	}
	for i := range out {
		if s := old[out[i].key]; s != nil && slices.Equal(s.ids, out[i].ids) && !anyDirty(s.ids, dirty) {
			out[i] = *s
		} else {
			o.write(&out[i])
		}
	}
	return out
}

func anyDirty(ids []uint32, dirty []bool) bool {
	for _, id := range ids {
		if dirty[id] {
			return true
		}
	}
	return false
}

// shardKey returns the shortest key of the shard of term: its first two
// characters, or its first one when that is a CJK character. CJK terms
// are one or two characters long, so two would give each bigram a file
// of its own; by its first character, "日" holds "日", "日本" and "日曜", and
// a query for the lone "日" finds its bigrams as prefix matches there.
func shardKey(term string) string {
	if r, _ := utf8.DecodeRuneInString(term); isCJK(r) {
		return runePrefix(term, 1)
	}
	return runePrefix(term, minTermLen)
}

// cut appends the shards of the terms ids, sorted, which all start with
// key, to out, without their files: one shard when they fit the budget,
// else the term equal to key (if any) and the shards of each longer key.
func (o *Index) cut(out []shard, key string, ids []uint32) []shard {
	n := utf8.RuneCountInString(key)
	if o.size(ids) <= shardBudget || n >= maxKeyLen || len(ids) == 1 {
		return append(out, shard{key: key, ids: ids})
	}
	term := func(i int) string { return o.idx.dict.terms[ids[i]] }
	if term(0) == key { // sorted first
		out = append(out, shard{key: key, ids: ids[:1]})
		ids = ids[1:]
	}
	for i := 0; i < len(ids); {
		sub := runePrefix(term(i), n+1)
		j := i + 1
		for j < len(ids) && strings.HasPrefix(term(j), sub) {
			j++
		}
		out = o.cut(out, sub, ids[i:j])
		i = j
	}
	return out
}

// size returns the length of the shard file of the terms ids: a JSON
// array of their entries.
func (o *Index) size(ids []uint32) int {
	n := 2 + max(len(ids)-1, 0)
	for _, id := range ids {
		n += len(o.frags[id])
	}
	return n
}

// write joins the shard's entries into its file. The terms' entries are
// then slices of the file, so a shard's bytes are held once.
func (o *Index) write(s *shard) {
	data := make([]byte, 0, o.size(s.ids))
	data = append(data, '[')
	for i, id := range s.ids {
		if i > 0 {
			data = append(data, ',')
		}
		at := len(data)
		data = append(data, o.frags[id]...)
		o.frags[id] = data[at:len(data):len(data)]
	}
	data = append(data, ']')
	s.file, s.hash = hashedFile("t/"+shardFileName(s.key), data)
}

// entryJSON writes the postings of the term id in the shard format, a
// JSON array:
//
//	[term, fieldId, [doc, doc, …], [tf, tf, …], fieldId, …]
//
// with each field's documents as differences from the previous one (the
// first from 0) and their normalised frequencies. It is MiniSearch's
// index entry [term, {fieldId: {doc: tf}}] with the numbers packed:
// search.js unpacks it before MiniSearch.loadJS. The packing halves the
// size, compressed or not: at 10,000 notes the whole index is 2.8 MB
// compressed instead of 6.4 MB. It returns nil for a term without
// postings.
func (idx *searchIndex) entryJSON(id uint32) []byte {
	if idx.postings[id] == nil {
		return nil
	}
	q, _ := json.Marshal(idx.dict.terms[id]) // a string always marshals
	buf := append([]byte{'['}, q...)
	for f, ps := range idx.postings[id] {
		if len(ps) == 0 {
			continue
		}
		buf = strconv.AppendInt(append(buf, ','), int64(f), 10)
		buf = append(buf, ",["...)
		prev := int32(0)
		for k, p := range ps {
			if k > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(p.doc-prev), 10)
			prev = p.doc
		}
		buf = append(buf, "],["...)
		for k, p := range ps {
			if k > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(p.tf), 10)
		}
		buf = append(buf, ']')
	}
	return append(buf, ']')
}

// writeDocs writes the documents files, taking from prev, an index of
// the same documents, each file whose rows are the same.
func (o *Index) writeDocs(prev *Index) error {
	entries := o.idx.entries
	for i := 0; i*searchDocsPerFile < len(entries); i++ {
		lo, hi := i*searchDocsPerFile, min(len(entries), (i+1)*searchDocsPerFile)
		if prev != nil && slices.EqualFunc(entries[lo:hi], prev.idx.entries[lo:hi], sameRow) {
			o.docs = append(o.docs, prev.docs[i])
			continue
		}
		data, err := o.idx.docsJSON(i)
		if err != nil {
			return err
		}
		f, hash := hashedFile("d/"+strconv.Itoa(i), data)
		o.docs = append(o.docs, namedFile{f, hash})
	}
	return nil
}

// sameRow reports whether two entries make the same row of a documents
// file.
func sameRow(a, b Document) bool {
	return a.Title == b.Title && a.URL == b.URL && a.Crumbs == b.Crumbs
}

// keptFiles returns the files (by their path below Dir) that next
// took from o as they were: the very same bytes. o may be nil. Every
// file is a JSON array, never empty.
func (o *Index) keptFiles(next *Index) map[string]bool {
	out := map[string]bool{}
	if o == nil {
		return out
	}
	was := map[string]*byte{}
	for _, f := range o.allFiles() {
		was[f.rel] = &f.data[0]
	}
	for _, f := range next.allFiles() {
		if p, ok := was[f.rel]; ok && p == &f.data[0] {
			out[f.rel] = true
		}
	}
	return out
}

// allFiles returns the shards, typo dictionary and documents files.
func (o *Index) allFiles() []searchFile {
	out := append(o.shardFiles(), o.docFiles()...)
	for _, t := range o.typos {
		out = append(out, t.file)
	}
	return out
}

func (o *Index) shardFiles() []searchFile {
	out := make([]searchFile, len(o.shards))
	for i, s := range o.shards {
		out[i] = s.file
	}
	return out
}

func (o *Index) docFiles() []searchFile {
	out := make([]searchFile, len(o.docs))
	for i, d := range o.docs {
		out[i] = d.file
	}
	return out
}

// files returns the index as files, index.json first and then the shards
// and documents files in name order.
func (o *Index) files() ([]searchFile, error) {
	meta := o.idx.meta()
	out := make([]searchFile, 0, 1+len(o.shards)+len(o.typos)+len(o.docs))
	for _, s := range o.shards {
		meta.Shards[s.key] = shardRef{Hash: s.hash, Size: len(s.file.data)}
		out = append(out, s.file)
	}
	for _, t := range o.typos {
		meta.Typos[t.key] = shardRef{Hash: t.hash, Size: len(t.file.data)}
		out = append(out, t.file)
	}
	for _, d := range o.docs {
		meta.Docs = append(meta.Docs, d.hash)
		out = append(out, d.file)
	}
	data, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return append([]searchFile{{rel: "index.json", data: data}}, out...), nil
}
