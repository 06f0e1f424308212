package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// TestSearchUpdateEqualsNew edits 300 generated documents round after
// round (text, titles, headings, tags, words no other document has) and
// updates the index each time: it must write exactly the files of an
// index made anew, while encoding again only some of the terms. Some
// rounds must move a document's frequencies only through the average
// length, which the update has to find in documents it did not read
// again.
func TestSearchUpdateEqualsNew(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	docs := make([]Document, 300)
	for i := range docs {
		docs[i] = randomDoc(rng, i, i)
	}
	ctx := context.Background()
	out := mustBuild(t, docs, nil)
	renormalized := 0
	for round := range 40 {
		docs = editRandomDocs(rng, docs, 1000+round)
		if !out.idx.sameDocs(docs) {
			t.Fatalf("round %d: the same notes are not the same documents", round)
		}
		idx, dirty, err := out.idx.update(ctx, docs)
		if err != nil {
			t.Fatal(err)
		}
		renormalized += outsideOf(idx, out.idx, dirty)
		next, err := out.rewrite(ctx, idx, dirty)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(mustFiles(t, next), mustFiles(t, mustBuild(t, docs, nil))); diff != "" {
			t.Fatalf("round %d: the updated index differs (-updated +new):\n%s", round, diff)
		}
		if len(dirty) == 0 || len(dirty) >= len(next.terms)/2 {
			t.Errorf("round %d: %d of %d terms encoded again", round, len(dirty), len(next.terms))
		}
		out = next
	}
	if renormalized == 0 {
		t.Error("no round changed a posting of a document it did not read again; the test does not exercise renormalize")
	}
}

// TestSearchReusesTerms builds an index twice, the second time from the
// first: it tokenizes nothing again, reuses every document's terms and
// the dictionary, and writes the same files.
func TestSearchReusesTerms(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	docs := []Document{randomDoc(rng, 0, 0), randomDoc(rng, 1, 1)}
	first := mustBuild(t, docs, nil)
	moved := append([]Document{randomDoc(rng, 2, 2)}, docs...) // not the same documents: no update
	moved[0].ID = "a.md"
	second := mustBuild(t, moved, first)
	if second.idx.dict != first.idx.dict {
		t.Fatal("the dictionary was not kept")
	}
	for i, c := range first.idx.counts {
		if second.idx.counts[i+1] != c {
			t.Errorf("%s was tokenized again", first.idx.entries[i].ID)
		}
	}
	if diff := cmp.Diff(mustFiles(t, mustBuild(t, moved, nil)), mustFiles(t, second)); diff != "" {
		t.Errorf("the index built from the first differs (-fresh +reused):\n%s", diff)
	}
}

// editRandomDocs returns docs with one to three of them rewritten by
// randomDoc (serial for their own words).
func editRandomDocs(rng *rand.Rand, docs []Document, serial int) []Document {
	docs = slices.Clone(docs)
	for range 1 + rng.IntN(3) {
		i := rng.IntN(len(docs))
		docs[i] = randomDoc(rng, i, serial)
	}
	return docs
}

// outsideOf counts the dirty terms that no changed document has, before
// or after: those whose postings moved with the average length only.
func outsideOf(idx, prev *searchIndex, dirty []uint32) int {
	own := map[uint32]bool{}
	for i := range idx.counts {
		if idx.counts[i] == prev.counts[i] {
			continue
		}
		for _, c := range []*docTerms{idx.counts[i], prev.counts[i]} {
			for _, terms := range c {
				for _, tc := range terms {
					own[tc.id] = true
				}
			}
		}
	}
	n := 0
	for _, id := range dirty {
		if !own[id] {
			n++
		}
	}
	return n
}

func mustBuild(t *testing.T, docs []Document, prev *Index) *Index {
	t.Helper()
	x, err := Build(context.Background(), docs, prev)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func mustFiles(t *testing.T, x *Index) []File {
	t.Helper()
	files, err := x.Files()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// searchWords is the vocabulary of randomNote: few enough that notes
// share terms, so one note's edit touches other notes' postings.
var searchWords = strings.Fields(`alpha beta gamma delta epsilon zeta theta iota kappa lambda
	route packet cache shard index query token vault graph layout render parse
	resolve emit build serve watch debounce reload event socket stream buffer
	window frame cursor scroll anchor heading table list quote callout embed
	canvas node edge weight degree cluster force gravity spring seed`)

// randomDoc returns document i with a title, a heading, tags and text
// drawn from searchWords, plus a word of its own (serial) that no other
// document has, so that edits add and remove whole terms. Each has a Key
// of its own, as a note read again gets a new parse.
func randomDoc(rng *rand.Rand, i, serial int) Document {
	word := func() string { return searchWords[rng.IntN(len(searchWords))] }
	d := Document{ID: site.VaultPath(fmt.Sprintf("n%03d.md", i)), Key: new(int)}
	d.Title = word() + " " + word()
	d.URL = site.RelURL(fmt.Sprintf("n%03d/", i))
	d.Tags = []string{word()}
	d.Headings = []string{word() + " " + word()}
	var b strings.Builder
	for range 5 + rng.IntN(60) {
		b.WriteString(word() + " ")
	}
	fmt.Fprintf(&b, "own%d\n", serial)
	text := b.String()
	d.Body = func() string { return text }
	return d
}
