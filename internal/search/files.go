package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/site"
)

// Dir holds the index files; "_site" is reserved for the site's own
// files, so no note can collide with them. templates/layouts/search.html
// names MetaFile in the page.
const (
	Dir      = "_site/search"
	MetaFile = Dir + "/index.json"
)

// searchFormat names the layout of index.json; search.js refuses any
// other, so a cached old script cannot misread a new index.
const searchFormat = "vaultsite-search-2"

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
	// Typos maps each key of the typo dictionary's files to the hash and
	// size of its file, "f/<key>.<hash>.json" (typos.go).
	Typos map[string]shardRef `json:"typos"`
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

// searchFile is one file of the index; rel is its path below Dir.
type searchFile struct {
	rel  string
	data []byte
}

// path returns the file's output path.
func (f searchFile) path() site.OutPath { return site.OutPath(Dir + "/" + f.rel) }

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
	m := &searchMeta{Format: searchFormat, Boost: map[string]float64{}, Shards: map[string]shardRef{}, Typos: map[string]shardRef{}, Docs: []string{}, DocsPerFile: searchDocsPerFile}
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

// runePrefix returns the first n characters of s, or s when shorter.
func runePrefix(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
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
