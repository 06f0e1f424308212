package render

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// TestCJKEmphasisKeepsLatin checks the amendment's promise that text
// without CJK characters renders as CommonMark says: goldmark with our
// emphasis parser and goldmark with its own give the same HTML for the
// input of every other case file and for random runs of delimiters,
// punctuation, letters and spaces.
func TestCJKEmphasisKeepsLatin(t *testing.T) {
	t.Parallel()
	plain := goldmark.New()
	ours := goldmark.New(goldmark.WithParserOptions(
		parser.WithInlineParsers(util.Prioritized(cjkEmphasisParser{}, cjkEmphasisPriority))))
	var inputs []string
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		if filepath.Base(f) == "cjk.txt" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range strings.Split(string(data), caseEnd+"\n") {
			if parts := strings.SplitN(c, caseSep+"\n", 3); len(parts) == 3 {
				inputs = append(inputs, parts[1])
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "**__ab .,(\")-\n"
	for range 5000 {
		b := make([]byte, 1+rng.IntN(14))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		var want, got bytes.Buffer
		if err := plain.Convert([]byte(in), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert([]byte(in), &got); err != nil {
			t.Fatal(err)
		}
		if want.String() != got.String() {
			t.Errorf("%q:\ngoldmark %q\nours     %q", in, want.String(), got.String())
		}
	}
}
