package render

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// TestCodeSpanParserMatchesGoldmark renders random texts of backticks,
// letters, escapes, blank lines and block markers with goldmark's code
// span parser and with ours: the remedy may only skip searches that
// would fail, so the HTML is the same.
func TestCodeSpanParserMatchesGoldmark(t *testing.T) {
	plain := goldmark.New()
	ours := goldmark.New(goldmark.WithParserOptions(
		parser.WithInlineParsers(util.Prioritized(codeSpanParser{}, codeSpanPriority))))
	pieces := []string{"`", "``", "```", "a", " ", "\\", "\n", "\n\n", "> ", "- ", "    ", "*", "|"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var src bytes.Buffer
		for range rng.IntN(40) {
			src.WriteString(pieces[rng.IntN(len(pieces))])
		}
		var want, got bytes.Buffer
		if err := plain.Convert(src.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		if err := ours.Convert(src.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if want.String() != got.String() {
			t.Fatalf("%q:\ngoldmark %q\nours     %q", src.String(), want.String(), got.String())
		}
	}
}
