package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/site"
)

// searchDir holds the index files; "_site" is reserved for the site's own
// files, so no note can collide with them. templates/layouts/search.html
// names searchMetaFile in the page.
const (
	searchDir      = "_site/search"
	searchMetaFile = searchDir + "/index.json"
)

// searchFormat names the layout of index.json; search.js refuses any
// other, so a cached old script cannot misread a new index.
const searchFormat = "vaultsite-search-1"

// searchDocsPerFile is how many documents one file of the documents table
// holds. A query shows its ten best results, which fall in at most ten
// files; 64 entries (about 6.5 KB, 1.5 KB compressed, at the generated
// vault's title and path lengths) keep those ten small.
const searchDocsPerFile = 64

// searchHashLen is how many hex digits of the SHA-256 name a file: as for
// the static files, 32 bits tell apart the versions a cache holds.
const searchHashLen = 8

// searchMeta is index.json.
type searchMeta struct {
	Format string `json:"format"`
	// MiniSearch holds the fields of MiniSearch's serialization other
	// than index (in the shards), documentIds (the identity, 0 to
	// documentCount−1), fieldLength (all 1, see normTF) and storedFields
	// (none): search.js adds these before MiniSearch.loadJS.
	MiniSearch struct {
		DocumentCount        int            `json:"documentCount"`
		NextID               int            `json:"nextId"`
		FieldIDs             map[string]int `json:"fieldIds"`
		AverageFieldLength   []float64      `json:"averageFieldLength"`
		DirtCount            int            `json:"dirtCount"`
		SerializationVersion int            `json:"serializationVersion"`
	} `json:"minisearch"`
	Boost map[string]float64 `json:"boost"`
	BM25  struct {
		K float64 `json:"k"`
		B float64 `json:"b"`
		D float64 `json:"d"`
	} `json:"bm25"`
	// Shards maps each shard key to the hash and size of its file,
	// "t/<key>.<hash>.json" with the key spelt by shardFileName.
	Shards map[string]shardRef `json:"shards"`
	// Docs lists the hashes of the documents files, "d/<n>.<hash>.json";
	// document id i is entry i % DocsPerFile of file i / DocsPerFile.
	Docs        []string `json:"docs"`
	DocsPerFile int      `json:"docsPerFile"`
}

// shardRef is a shard's file hash and size in bytes, as a JSON pair: the
// browser skips a prefix search whose shards would cost too much.
type shardRef struct {
	Hash string
	Size int
}

// MarshalJSON writes ["hash",size].
func (r shardRef) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "[%q,%d]", r.Hash, r.Size), nil
}

// files returns the index cut into files, index.json first and then the
// shards and document files in name order.
func (idx *searchIndex) files() ([]searchFile, error) {
	meta := idx.meta()
	var out []searchFile
	for _, s := range idx.shards() {
		f, hash := hashedFile("t/"+shardFileName(s.key), s.data)
		meta.Shards[s.key] = shardRef{Hash: hash, Size: len(s.data)}
		out = append(out, f)
	}
	for i := 0; i*searchDocsPerFile < len(idx.entries); i++ {
		data, err := idx.docsJSON(i)
		if err != nil {
			return nil, err
		}
		f, hash := hashedFile("d/"+strconv.Itoa(i), data)
		meta.Docs = append(meta.Docs, hash)
		out = append(out, f)
	}
	data, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return append([]searchFile{{rel: "index.json", data: data}}, out...), nil
}

// searchFile is one file of the index; rel is its path below searchDir.
type searchFile struct {
	rel  string
	data []byte
}

// path returns the file's output path.
func (f searchFile) path() site.OutPath { return site.OutPath(searchDir + "/" + f.rel) }

// hashedFile names data "<name>.<hash>.json" and returns the hash too.
func hashedFile(name string, data []byte) (searchFile, string) {
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])[:searchHashLen]
	return searchFile{rel: name + "." + hash + ".json", data: data}, hash
}

// shardFileName spells a shard key for a file name: ASCII letters and
// digits as they are, any other character as "_" and its code point in
// hex, so names stay portable and distinct ("é" cannot occur: it is
// folded to "e").
func shardFileName(key string) string {
	var b strings.Builder
	for _, r := range key {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x", r)
		}
	}
	return b.String()
}

// meta returns index.json without its file lists.
func (idx *searchIndex) meta() *searchMeta {
	m := &searchMeta{Format: searchFormat, Boost: map[string]float64{}, Shards: map[string]shardRef{}, Docs: []string{}, DocsPerFile: searchDocsPerFile}
	ms := &m.MiniSearch
	ms.DocumentCount, ms.NextID, ms.SerializationVersion = len(idx.entries), len(idx.entries), 2
	ms.FieldIDs = map[string]int{}
	for f, sf := range searchFields {
		ms.FieldIDs[sf.name] = f
		ms.AverageFieldLength = append(ms.AverageFieldLength, 1)
		m.Boost[sf.name] = sf.boost
	}
	m.BM25.K, m.BM25.B, m.BM25.D = searchBM25()
	return m
}

// shard is the index entries of one key, encoded.
type shard struct {
	key  string
	data []byte
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

// shards returns the index's shards in key order.
func (idx *searchIndex) shards() []shard {
	var ids []uint32
	for id, p := range idx.postings {
		if p != nil {
			ids = append(ids, uint32(id))
		}
	}
	term := func(id uint32) string { return idx.dict.terms[id] }
	sort.Slice(ids, func(i, j int) bool { return term(ids[i]) < term(ids[j]) })
	var out []shard
	for i := 0; i < len(ids); {
		key := runePrefix(term(ids[i]), minTermLen)
		j := i + 1
		for j < len(ids) && strings.HasPrefix(term(ids[j]), key) {
			j++
		}
		out = idx.cut(out, key, ids[i:j])
		i = j
	}
	return out
}

// cut appends the shards of the terms ids, sorted, which all start with
// key, to out: one shard when they fit the budget, else the term equal to
// key (if any) and the shards of each longer key.
func (idx *searchIndex) cut(out []shard, key string, ids []uint32) []shard {
	data := idx.entriesJSON(ids)
	n := utf8.RuneCountInString(key)
	if len(data) <= shardBudget || n >= maxKeyLen || len(ids) == 1 {
		return append(out, shard{key: key, data: data})
	}
	term := func(i int) string { return idx.dict.terms[ids[i]] }
	if term(0) == key { // sorted first
		out = append(out, shard{key: key, data: idx.entriesJSON(ids[:1])})
		ids = ids[1:]
	}
	for i := 0; i < len(ids); {
		sub := runePrefix(term(i), n+1)
		j := i + 1
		for j < len(ids) && strings.HasPrefix(term(j), sub) {
			j++
		}
		out = idx.cut(out, sub, ids[i:j])
		i = j
	}
	return out
}

// runePrefix returns the first n characters of s, or s when shorter.
func runePrefix(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// entriesJSON writes the postings of the terms ids in the shard format, a JSON
// array with one array per term:
//
//	[term, fieldId, [doc, doc, …], [tf, tf, …], fieldId, …]
//
// with each field's documents as differences from the previous one (the
// first from 0) and their normalised frequencies. It is MiniSearch's
// index entry [term, {fieldId: {doc: tf}}] with the numbers packed:
// search.js unpacks it before MiniSearch.loadJS. The packing halves the
// size, compressed or not: at 10,000 notes the whole index is 2.8 MB
// compressed instead of 6.4 MB.
func (idx *searchIndex) entriesJSON(ids []uint32) []byte {
	buf := []byte{'['}
	for i, id := range ids {
		if i > 0 {
			buf = append(buf, ',')
		}
		q, _ := json.Marshal(idx.dict.terms[id]) // a string always marshals
		buf = append(append(buf, '['), q...)
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
		buf = append(buf, ']')
	}
	return append(buf, ']')
}

// docsJSON writes documents file i: [[title, url, folders],…].
func (idx *searchIndex) docsJSON(i int) ([]byte, error) {
	entries := idx.entries[i*searchDocsPerFile : min(len(idx.entries), (i+1)*searchDocsPerFile)]
	rows := make([][3]string, len(entries))
	for k, e := range entries {
		rows[k] = [3]string{e.Title, string(e.URL), e.Crumbs}
	}
	return json.Marshal(rows)
}
