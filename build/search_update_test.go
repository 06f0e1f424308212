package build

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// TestSearchUpdateEqualsNew edits a generated vault round after round
// (text, titles, headings, tags, words no other note has) and updates
// the index each time: it must write exactly the files of an index made
// anew, while encoding again only some of the terms. Some rounds must
// move a note's frequencies only through the average length, which the
// update has to find in notes it did not read again.
func TestSearchUpdateEqualsNew(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	fsys := fstest.MapFS{}
	for i := range 300 {
		fsys[fmt.Sprintf("n%03d.md", i)] = &fstest.MapFile{Data: []byte(randomNote(rng, i))}
	}
	ctx := context.Background()
	a, err := Analyze(ctx, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := cutIndex(mustIndex(t, a, nil))
	if err != nil {
		t.Fatal(err)
	}
	renormalized := 0
	for round := range 40 {
		a = editRandomNotes(t, rng, fsys, a, 1000+round)
		b := &builder{v: a.Vault, docs: a.docs}
		entries := b.searchEntries(out)
		if !out.idx.sameDocs(entries) {
			t.Fatalf("round %d: the same notes are not the same documents", round)
		}
		idx, dirty, err := out.idx.update(ctx, entries)
		if err != nil {
			t.Fatal(err)
		}
		renormalized += outsideOf(idx, out.idx, dirty)
		next, err := out.rewrite(idx, dirty)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(mustFiles(t, next), cutFiles(t, mustIndex(t, a, nil)), cmp.AllowUnexported(searchFile{})); diff != "" {
			t.Fatalf("round %d: the updated index differs (-updated +new):\n%s", round, diff)
		}
		if len(dirty) == 0 || len(dirty) >= len(next.terms)/2 {
			t.Errorf("round %d: %d of %d terms encoded again", round, len(dirty), len(next.terms))
		}
		out = next
	}
	if renormalized == 0 {
		t.Error("no round changed a posting of a note it did not read again; the test vault does not exercise renormalize")
	}
}

// editRandomNotes rewrites one to three notes of fsys with randomNote
// (serial for their own words) and returns the analysis of a rebuild.
func editRandomNotes(t *testing.T, rng *rand.Rand, fsys fstest.MapFS, a *Analysis, serial int) *Analysis {
	t.Helper()
	changed := map[site.VaultPath]bool{}
	for range 1 + rng.IntN(3) {
		p := site.VaultPath(fmt.Sprintf("n%03d.md", rng.IntN(300)))
		fsys[string(p)] = &fstest.MapFile{Data: []byte(randomNote(rng, serial))}
		changed[p] = true
	}
	v, diags, err := reload(fsys, Options{}, a.Vault, changed)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = reanalyze(context.Background(), v, diags, a); err != nil {
		t.Fatal(err)
	}
	return a
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

func mustIndex(t *testing.T, a *Analysis, prev *searchIndex) *searchIndex {
	t.Helper()
	b := &builder{v: a.Vault, docs: a.docs}
	idx, err := newSearchIndex(context.Background(), b.searchEntries(nil), prev)
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func mustFiles(t *testing.T, o *searchOut) []searchFile {
	t.Helper()
	files, err := o.files()
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

// randomNote returns a note with a title, a heading, tags and text drawn
// from searchWords, plus a word of its own (serial) that no other note
// has, so that edits add and remove whole terms.
func randomNote(rng *rand.Rand, serial int) string {
	word := func() string { return searchWords[rng.IntN(len(searchWords))] }
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s %s\ntags: [%s]\n---\n## %s %s\n\n", word(), word(), word(), word(), word())
	for range 5 + rng.IntN(60) {
		b.WriteString(word() + " ")
	}
	fmt.Fprintf(&b, "own%d\n", serial)
	return b.String()
}
