package search

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// lookUpTypos does what search.js's corrections does with the index
// read back: for q and each of its one-letter deletions it reads the
// file of the longest key that starts it, and keeps the terms of those
// files one typo away. It also returns the files it read.
func lookUpTypos(c *Contents, q string) (fixes []string, files []string) {
	if utf8.RuneCountInString(q) <= typoMinTerm {
		return nil, nil // search.js's typoQuery
	}
	fileKeys := map[string]bool{}
	for k := range c.Typos {
		fileKeys[k] = true
	}
	keys := []string{q}
	for i := range utf8.RuneCountInString(q) {
		r := []rune(q)
		keys = append(keys, string(append(r[:i:i], r[i+1:]...)))
	}
	for _, k := range keys {
		f := homeKey(k, fileKeys)
		if f == "" || slices.Contains(files, f) {
			continue
		}
		files = append(files, f)
		for _, t := range c.Typos[f] {
			if t != q && oneTypo(q, t) && !slices.Contains(fixes, t) {
				fixes = append(fixes, t)
			}
		}
	}
	slices.Sort(fixes)
	return fixes, files
}

// oneTypo is search.js's: b is one insertion, deletion, substitution or
// swap of neighbours away from a.
func oneTypo(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) < len(y) {
		x, y = y, x
	}
	i := 0
	for i < len(y) && x[i] == y[i] {
		i++
	}
	switch len(x) - len(y) {
	case 1:
		return string(x[i+1:]) == string(y[i:])
	case 0:
		return i == len(x) || string(x[i+1:]) == string(y[i+1:]) ||
			i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
	}
	return false
}

// TestSearchTypoDictionary builds an index and corrects the typos people
// make through its dictionary, read back from the files: a swapped pair,
// a missing, wrong, extra or swapped letter at the start, in the middle
// or at the end; words too short, numbers, CJK and path terms are not
// filed, and nothing is two typos away.
func TestSearchTypoDictionary(t *testing.T) {
	t.Parallel()
	body := func(s string) func() string { return func() string { return s } }
	docs := []Document{
		{ID: "Net/a.md", Title: "Handshake", Body: body("subnet submit handshakes handshake 2024 cafés 日本語 sets seat")},
		{ID: "Net/b.md", Title: "Networks", Body: body("network rollout letter latter")},
	}
	x, err := Build(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, err := x.Files()
	if err != nil {
		t.Fatal(err)
	}
	c := readFiles(t, files)
	for _, tt := range []struct {
		give string
		want []string
	}{
		{"subent", []string{"subnet"}},
		{"hndshake", []string{"handshake"}},
		{"ahndshake", []string{"handshake"}},
		{"jandshake", []string{"handshake"}},
		{"hhandshake", []string{"handshake"}},
		{"handshkae", []string{"handshake"}},
		{"handshakes", []string{"handshake"}}, // and the term itself, which is no correction
		{"rollot", []string{"rollout"}},
		{"lettar", []string{"letter"}},
		{"lattre", []string{"latter"}},
		{"setts", []string{"sets"}},  // four-letter terms: their own key only
		{"sett", nil},                // four-letter queries are not looked up
		{"cafse", []string{"cafes"}}, // folded terms
		{"sbuent", nil},              // two typos
		{"hsnsshake", nil},
	} {
		got, _ := lookUpTypos(c, tt.give)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("corrections of %q (-want +got):\n%s", tt.give, diff)
		}
	}
	for key, terms := range c.Typos {
		for _, term := range terms {
			if !typoTerm(term) || strings.HasPrefix(term, pathMark) {
				t.Errorf("file %q holds %q, which is no word to correct to", key, term)
			}
		}
	}
}

// TestSearchTypoFilesCut fills the dictionary with thousands of terms
// sharing their first letters: every file stays within typoBudget unless
// it holds one key, and a query term needs a handful of files, however
// the keys are cut.
func TestSearchTypoFilesCut(t *testing.T) {
	t.Parallel()
	var terms []string
	for i := range 6000 {
		terms = append(terms, fmt.Sprintf("re%c%c%cing", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26))
	}
	slices.Sort(terms)
	shards := cutTypos(terms)
	c := &Contents{Typos: map[string][]string{}}
	for _, s := range shards {
		if len(s.file.data) > typoBudget && utf8.RuneCountInString(s.key) < maxKeyLen {
			t.Errorf("file %q has %d bytes", s.key, len(s.file.data))
		}
		if err := c.readTypos(func(_ string, v any) error { return json.Unmarshal(s.file.data, v) }, s.key, [2]any{s.hash, 0}); err != nil {
			t.Fatal(err)
		}
	}
	if len(shards) < 10 {
		t.Errorf("%d files: the dictionary was not cut", len(shards))
	}
	for _, q := range []string{"erbacing", "rbeacing", "rebacign", "rebaicng", "rebcing"} {
		fixes, files := lookUpTypos(c, q)
		if !slices.Contains(fixes, "rebacing") {
			t.Errorf("%q: corrections %q, want rebacing among them", q, fixes)
		}
		if len(files) > 8 {
			t.Errorf("%q needs %d files: %q", q, len(files), files)
		}
	}
}

// TestSearchTypoKeys checks the keys a term is filed under.
func TestSearchTypoKeys(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		give string
		want []string
	}{
		{"subnet", []string{"subnet", "ubnet", "sbnet", "sunet", "subet", "subnt", "subne"}},
		{"letter", []string{"letter", "etter", "ltter", "leter", "lettr", "lette"}}, // one key for the double t
		{"sets", []string{"sets"}},
		{"café", []string{"café"}},
	} {
		var got []string
		typoKeys(tt.give, func(key string) { got = append(got, key) })
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("typoKeys(%q) (-want +got):\n%s", tt.give, diff)
		}
	}
}
