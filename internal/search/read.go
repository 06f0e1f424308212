package search

import (
	"encoding/json"
	"fmt"

	"github.com/vaultsite/vaultsite/site"
)

// Contents is an index read back from its files the way search.js reads
// them: what tests of this package and of the build check.
type Contents struct {
	// DocumentCount is index.json's documentCount.
	DocumentCount int
	// Entries maps each term to its postings as MiniSearch serializes
	// them: fieldId → document id → frequency, with JSON's string keys.
	Entries map[string]Entry
	// ShardOf maps each term to the key of the shard that holds it.
	ShardOf map[string]string
	// Typos maps the key of each file of the typo dictionary to the
	// terms the file holds.
	Typos map[string][]string
	// Docs are the documents' rows: title, URL, folders.
	Docs [][3]string
	meta searchMeta
}

// Entry is a term's postings: fieldId → document id → frequency.
type Entry map[string]map[string]int

// Read reads the index from the files that file returns by output path.
// It fails on a file that index.json names and file lacks, or that does
// not decode.
func Read(file func(site.OutPath) ([]byte, bool)) (*Contents, error) {
	read := func(rel string, v any) error {
		data, ok := file(searchFile{rel: rel}.path())
		if !ok {
			return fmt.Errorf("index.json names %s, which is missing", rel)
		}
		if err := json.Unmarshal(data, v); err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		return nil
	}
	c := &Contents{Entries: map[string]Entry{}, ShardOf: map[string]string{}, Typos: map[string][]string{}}
	var raw struct {
		searchMeta
		Shards map[string][2]any `json:"shards"`
		Typos  map[string][2]any `json:"typos"`
	}
	if err := read("index.json", &raw); err != nil {
		return nil, err
	}
	c.meta, c.DocumentCount = raw.searchMeta, raw.MiniSearch.DocumentCount
	for key, ref := range raw.Shards {
		if err := c.readShard(read, key, ref); err != nil {
			return nil, err
		}
	}
	for key, ref := range raw.Typos {
		if err := c.readTypos(read, key, ref); err != nil {
			return nil, err
		}
	}
	for i, hash := range c.meta.Docs {
		var rows [][3]string
		if err := read(fmt.Sprintf("d/%d.%s.json", i, hash), &rows); err != nil {
			return nil, err
		}
		c.Docs = append(c.Docs, rows...)
	}
	return c, nil
}

// readShard reads the shard of key, whose reference in index.json is ref.
func (c *Contents) readShard(read func(string, any) error, key string, ref [2]any) error {
	hash, _ := ref[0].(string)
	var packed [][]json.RawMessage
	if err := read("t/"+shardFileName(key)+"."+hash+".json", &packed); err != nil {
		return err
	}
	for _, e := range packed {
		term, entry, err := unpackEntry(e)
		if err != nil {
			return fmt.Errorf("shard %q: %w", key, err)
		}
		c.Entries[term], c.ShardOf[term] = entry, key
	}
	return nil
}

// readTypos reads the typo dictionary's file of key, whose reference in
// index.json is ref.
func (c *Contents) readTypos(read func(string, any) error, key string, ref [2]any) error {
	hash, _ := ref[0].(string)
	var terms []string
	if err := read("f/"+shardFileName(key)+"."+hash+".json", &terms); err != nil {
		return err
	}
	c.Typos[key] = terms
	return nil
}

// unpackEntry does what search.js's unpack does: [term, field, [deltas],
// [tfs], …] becomes MiniSearch's [term, {field: {doc: tf}}].
func unpackEntry(e []json.RawMessage) (string, Entry, error) {
	var term string
	if len(e) == 0 || json.Unmarshal(e[0], &term) != nil || len(e)%3 != 1 {
		return "", nil, fmt.Errorf("malformed entry %s", e)
	}
	out := Entry{}
	for i := 1; i < len(e); i += 3 {
		var field int
		var deltas, tfs []int
		for j, v := range []any{&field, &deltas, &tfs} {
			if err := json.Unmarshal(e[i+j], v); err != nil {
				return "", nil, fmt.Errorf("%s: %w", term, err)
			}
		}
		if len(deltas) != len(tfs) || len(deltas) == 0 {
			return "", nil, fmt.Errorf("%s: %d documents, %d frequencies", term, len(deltas), len(tfs))
		}
		m := map[string]int{}
		doc := 0
		for k := range deltas {
			doc += deltas[k]
			m[fmt.Sprint(doc)] = tfs[k]
		}
		out[fmt.Sprint(field)] = m
	}
	return term, out, nil
}
