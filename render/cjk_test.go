package render

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

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

// TestCaseFilesShowNoCJKStars checks the expected HTML of every case file:
// no literal "**" sits next to a CJK character, where Obsidian shows bold.
func TestCaseFilesShowNoCJKStars(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range strings.Split(string(data), caseEnd+"\n") {
			parts := strings.SplitN(c, caseSep+"\n", 3)
			if len(parts) < 3 {
				continue
			}
			html := parts[2]
			for i := strings.Index(html, "**"); i >= 0; i = nextStars(html, i) {
				before, _ := utf8.DecodeLastRuneInString(html[:i])
				after, _ := utf8.DecodeRuneInString(html[i+2:])
				if isCJK(before) || isCJK(after) {
					t.Errorf("%s, case %s: literal ** next to CJK text: %q", f, strings.SplitN(parts[0], ":", 2)[0], html[max(0, i-12):min(len(html), i+14)])
				}
			}
		}
	}
}

func nextStars(s string, i int) int {
	j := strings.Index(s[i+2:], "**")
	if j < 0 {
		return -1
	}
	return i + 2 + j
}

// TestCJKEmphasisKeepsCommonMark runs CommonMark's own examples, from the
// spec.json that goldmark's module ships, through goldmark with and
// without our emphasis parser: the output must not change. It skips when
// the go command cannot locate the module.
func TestCJKEmphasisKeepsCommonMark(t *testing.T) {
	t.Parallel()
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Skipf("goldmark's module not found: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "_test", "spec.json"))
	if err != nil {
		t.Skipf("no CommonMark examples: %v", err)
	}
	var examples []struct{ Markdown string }
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) < 600 {
		t.Fatalf("only %d CommonMark examples", len(examples))
	}
	plain := goldmark.New()
	ours := goldmark.New(goldmark.WithParserOptions(
		parser.WithInlineParsers(util.Prioritized(cjkEmphasisParser{}, cjkEmphasisPriority))))
	for _, e := range examples {
		var want, got bytes.Buffer
		_ = plain.Convert([]byte(e.Markdown), &want)
		_ = ours.Convert([]byte(e.Markdown), &got)
		if want.String() != got.String() {
			t.Errorf("%q:\ngoldmark %q\nours     %q", e.Markdown, want.String(), got.String())
		}
	}
}
