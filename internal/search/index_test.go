package search

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// TestNormTFMatchesBM25 checks the claim of normTF: with the browser's
// parameters from searchBM25 (b = 0), a term scores BM25+ with MiniSearch's
// default k, b and d times one constant, up to the rounding of normTF to
// tenths: within 10% for fields up to ten times longer than the average.
func TestNormTFMatchesBM25(t *testing.T) {
	t.Parallel()
	bm25 := func(tf, length, avg, k, b, d float64) float64 {
		return d + tf*(k+1)/(tf+k*(1-b+b*length/avg))
	}
	k, b, d := searchBM25()
	if b != 0 {
		t.Fatalf("searchBM25 b = %v, want 0", b)
	}
	factor := (k + 1) / (bm25K + 1)
	for _, tf := range []int{1, 2, 3, 5, 10, 40} {
		for _, avg := range []float64{2.5, 60, 300} {
			for _, ratio := range []float64{0.05, 0.2, 0.5, 1, 2, 5, 10} {
				length := max(1, int(ratio*avg))
				want := bm25(float64(tf), float64(length), avg, bm25K, bm25B, bm25D) * factor
				got := bm25(float64(normTF(tf, length, avg)), 1, 1, k, b, d)
				if math.Abs(got-want)/want > 0.10 {
					t.Errorf("tf %d, length %d, avg %v: score %.4f, want %.4f (BM25+ × %.3f)", tf, length, avg, got, want, factor)
				}
			}
		}
	}
}

// readFiles reads the index from files, failing t on an error.
func readFiles(t *testing.T, files []File) *Contents {
	t.Helper()
	byPath := map[site.OutPath][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	c, err := Read(func(p site.OutPath) ([]byte, bool) {
		data, ok := byPath[p]
		return data, ok
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// miniSearchJSON assembles the whole index the way search.js hands it to
// MiniSearch.loadJS, as JSON.
func miniSearchJSON(t *testing.T, s *Contents) []byte {
	t.Helper()
	n := s.meta.MiniSearch.DocumentCount
	ids, lengths := map[string]int{}, map[string][]int{}
	ones := make([]int, numFields)
	for f := range ones {
		ones[f] = 1
	}
	for i := range n {
		ids[fmt.Sprint(i)] = i
		lengths[fmt.Sprint(i)] = ones
	}
	terms := make([]string, 0, len(s.Entries))
	for term := range s.Entries {
		terms = append(terms, term)
	}
	sort.Strings(terms)
	index := make([][2]any, 0, len(terms))
	for _, term := range terms {
		index = append(index, [2]any{term, s.Entries[term]})
	}
	ms := s.meta.MiniSearch
	data, err := json.Marshal(map[string]any{
		"documentCount": ms.DocumentCount, "nextId": ms.NextID, "documentIds": ids,
		"fieldIds": ms.FieldIDs, "fieldLength": lengths, "averageFieldLength": ms.AverageFieldLength,
		"storedFields": map[string]any{}, "dirtCount": ms.DirtCount, "index": index,
		"serializationVersion": ms.SerializationVersion,
	})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSearchIndexFormat builds an index of three entries and reads it
// back: MiniSearch's serialization version 2 with its field ids, every
// posting in the field it came from, documents in order.
func TestSearchIndexFormat(t *testing.T) {
	t.Parallel()
	body := func(s string) func() string { return func() string { return s } }
	docs := []Document{
		{ID: "a.md", Title: "Alpha", URL: "alpha/", Body: body("zeppelin zeppelin noon")},
		{ID: "b.md", Title: "Beta", URL: "notes/beta/", Crumbs: "Notes", Aliases: []string{"Second"}, Body: body("zeppelin")},
		{ID: "c/Noon Plans.md", Title: "Gamma", URL: "gamma/", Headings: []string{"Noon plans"}, Tags: []string{"plan/noon"}},
	}
	x, err := Build(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, err := x.Files()
	if err != nil {
		t.Fatal(err)
	}
	s := readFiles(t, files)
	var full struct {
		SerializationVersion int            `json:"serializationVersion"`
		FieldIDs             map[string]int `json:"fieldIds"`
		DocumentCount        int            `json:"documentCount"`
		Index                [][2]json.RawMessage
	}
	if err := json.Unmarshal(miniSearchJSON(t, s), &full); err != nil {
		t.Fatal(err)
	}
	if full.SerializationVersion != 2 || full.DocumentCount != 3 || len(full.Index) != len(s.Entries) {
		t.Errorf("serializationVersion %d, documentCount %d, %d index entries", full.SerializationVersion, full.DocumentCount, len(full.Index))
	}
	wantFields := map[string]int{"title": 0, "aliases": 1, "headings": 2, "tags": 3, "text": 4, "path": 5}
	if diff := cmp.Diff(wantFields, full.FieldIDs); diff != "" {
		t.Errorf("fieldIds (-want +got):\n%s", diff)
	}
	// "noon": text of 0, headings and tags of 2. "zeppelin" twice in a
	// short text outweighs once in a shorter one.
	noon := s.Entries["noon"]
	if len(noon) != 3 || noon["4"]["0"] == 0 || noon["2"]["2"] == 0 || noon["3"]["2"] == 0 {
		t.Errorf("noon = %v, want text of 0, headings and tags of 2", noon)
	}
	if z := s.Entries["zeppelin"]["4"]; len(z) != 2 || z["0"] <= z["1"] {
		t.Errorf("zeppelin in text = %v, want documents 0 and 1, 0 higher", z)
	}
	// The path's words, folders and file name, are marked and kept apart.
	if p := s.Entries["/noon"]; len(p) != 1 || p["5"]["2"] == 0 || s.Entries["/plans"]["5"]["2"] == 0 {
		t.Errorf("/noon = %v, /plans = %v, want the path field of 2", p, s.Entries["/plans"])
	}
	// A tag's whole terms, with its parents, are marked in the tags field.
	if s.Entries["#plan"]["3"]["2"] == 0 || s.Entries["#plan/noon"]["3"]["2"] == 0 || s.Entries["#noon"] != nil {
		t.Errorf("#plan = %v, #plan/noon = %v, #noon = %v, want the first two in the tags field of 2", s.Entries["#plan"], s.Entries["#plan/noon"], s.Entries["#noon"])
	}
	if s.Entries["/md"] != nil || s.Entries["noon"]["5"] != nil {
		t.Errorf("the path field holds the extension or unmarked words: %v %v", s.Entries["/md"], s.Entries["noon"])
	}
	if s.Entries["second"]["1"]["1"] == 0 {
		t.Errorf("the alias of document 1 is not in the aliases field: %v", s.Entries["second"])
	}
	wantDocs := [][3]string{{"Alpha", "alpha/", ""}, {"Beta", "notes/beta/", "Notes"}, {"Gamma", "gamma/", ""}}
	if diff := cmp.Diff(wantDocs, s.Docs); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	if s.meta.Format != searchFormat || s.meta.BM25.B != 0 || s.meta.Boost["title"] <= s.meta.Boost["text"] {
		t.Errorf("index.json: format %q, bm25 %+v, boost %v", s.meta.Format, s.meta.BM25, s.meta.Boost)
	}
}

// TestSearchShardsCut fills the index with terms whose postings overflow
// shardBudget: the shards split by longer prefixes until they fit, every
// term lands in exactly one shard, and that shard is the one search.js
// looks in first, the longest key the term starts with.
func TestSearchShardsCut(t *testing.T) {
	t.Parallel()
	idx := &searchIndex{dict: &termDict{ids: map[string]uint32{}}}
	add := func(term string, n int) {
		var p [numFields][]posting
		for i := range n {
			p[fieldText] = append(p[fieldText], posting{doc: int32(i * 3), tf: 12})
		}
		idx.dict.intern(map[string]int{term: 1})
		idx.postings = append(idx.postings, &p)
	}
	for _, term := range []string{"re", "rea", "reach", "read", "reader", "reading", "rebase", "zz", "東", "東京", "東北", "京は", "京都"} {
		add(term, 4000) // about 12 KB each
	}
	add("readme", 30000) // over the budget on its own
	out, err := cutIndex(context.Background(), idx)
	if err != nil {
		t.Fatal(err)
	}
	shards := out.shards
	keys := map[string]bool{}
	var got []string
	for _, s := range shards {
		if keys[s.key] {
			t.Errorf("key %q twice", s.key)
		}
		keys[s.key] = true
		got = append(got, s.key)
		if len(s.file.data) > shardBudget && strings.Count(string(s.file.data), `",4,[`) != 1 {
			t.Errorf("shard %q has %d bytes and more than one term", s.key, len(s.file.data))
		}
	}
	want := []string{"re", "rea", "reac", "read", "reade", "readi", "readm", "reb", "zz", "京", "東"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shard keys (-want +got):\n%s", diff)
	}
	for _, s := range shards {
		var packed [][]json.RawMessage
		if err := json.Unmarshal(s.file.data, &packed); err != nil {
			t.Fatalf("shard %q: %v", s.key, err)
		}
		for _, e := range packed {
			term, _, err := unpackEntry(e)
			if err != nil {
				t.Fatal(err)
			}
			if home := homeKey(term, keys); home != s.key {
				t.Errorf("%q is in shard %q, but search.js looks in %q", term, s.key, home)
			}
		}
	}
}

// homeKey is search.js's first choice of shard for a term: the longest
// key the term starts with.
func homeKey(term string, keys map[string]bool) string {
	r := []rune(term)
	for n := len(r); n > 0; n-- {
		if keys[string(r[:n])] {
			return string(r[:n])
		}
	}
	return ""
}
