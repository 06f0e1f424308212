package search_test

import (
	"context"
	"encoding/json"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/internal/browsertest"
	"github.com/vaultsite/vaultsite/internal/search"
)

// TestSearchTokenizerParity builds a site and runs the tokenizer's test
// strings, and every
// assigned character of a list of Unicode blocks, through search.js's
// tokenize in chromium and through search.Terms: the browser must cut and
// fold queries exactly as the build cut and folded the notes, or words
// would not be found.
func TestSearchTokenizerParity(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	em := build.NewMemEmitter()
	fsys := fstest.MapFS{"Home.md": {Data: []byte("# Home\n")}}
	if _, err := build.Build(context.Background(), fsys, build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	site := browsertest.Serve(t, em.Files)
	tab := b.Tab(t, browsertest.Viewport(1000, 800))
	tab.Navigate(site.URL + "/")
	tab.Click(".search-button")
	tab.WaitFor(`window.vaultsiteSearch && document.querySelector("dialog.search-dialog[open]")`)
	inputs := parityInputs()
	js, _ := json.Marshal(inputs)
	got := browsertest.Eval[[][]string](tab, `(`+string(js)+`).map(s => vaultsiteSearch.tokenize(s))`)
	if len(got) != len(inputs) {
		t.Fatalf("%d results for %d inputs", len(got), len(inputs))
	}
	mismatches := 0
	for i, s := range inputs {
		want := search.Terms(s)
		if len(want) == 0 && len(got[i]) == 0 {
			continue
		}
		if diff := cmp.Diff(want, got[i]); diff != "" {
			if mismatches++; mismatches <= 10 {
				t.Errorf("tokenize(%q) in the browser differs from search.Terms (-go +js):\n%s", s, diff)
			}
		}
	}
	t.Logf("%d strings compared, %d differ", len(inputs), mismatches)
}

// parityBlocks are the Unicode ranges TestSearchTokenizerParity walks:
// scripts with and without case and diacritics, compatibility forms, CJK,
// symbols and punctuation.
var parityBlocks = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0x2ff}, {0x300, 0x36f}, {0x370, 0x52f}, {0x590, 0x6ff}, {0x900, 0x97f},
	{0xe00, 0xe7f}, {0x1e00, 0x1fff}, {0x2000, 0x218f}, {0x2460, 0x24ff}, {0x3000, 0x30ff},
	{0x3130, 0x318f}, {0x3200, 0x33ff}, {0x4e00, 0x4e7f}, {0xac00, 0xac7f}, {0xf900, 0xf97f},
	{0xfb00, 0xfb4f}, {0xfe70, 0xfeff}, {0xff00, 0xffef}, {0x1d400, 0x1d7ff}, {0x1f100, 0x1f1ff},
	{0x1f600, 0x1f64f},
}

// parityInputs returns the test strings: the tokenizer cases, each
// assigned character of parityBlocks between two letters, and the blocks
// in strings of 24 characters.
func parityInputs() []string {
	out := search.TokenizerInputs()
	// CJK characters next to others of their kind, to marks and to Latin
	// letters: the bigram rule must cut them alike.
	for r := rune(0x3040); r <= 0x30ff; r++ {
		if assigned(r) {
			out = append(out, "漢"+string(r)+"字\u3099ab", string(r)+"\u3099ー"+string(r)+"x"+string(r))
		}
	}
	for _, blk := range parityBlocks {
		var run []rune
		for r := blk[0]; r <= blk[1]; r++ {
			if !assigned(r) {
				continue
			}
			out = append(out, "ab"+string(r)+"cd")
			if run = append(run, r); len(run) == 24 {
				out = append(out, string(run))
				run = run[:0]
			}
		}
		if len(run) > 0 {
			out = append(out, string(run))
		}
	}
	return out
}

// assigned reports whether Go's Unicode tables (15.0) know r. Characters
// assigned later may be letters to the browser's newer ICU, so they are
// left out.
func assigned(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf)
}
