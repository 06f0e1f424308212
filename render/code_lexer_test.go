package render

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// TestFastLexerMatchesChroma runs every chroma lexer that has test
// inputs in chroma's module, fast and as chroma does, and wants the same
// tokens; the languages notes use most also get awkward samples (foreign
// lexers are not run on them: some of chroma's never end on text that is
// not their language).
func TestFastLexerMatchesChroma(t *testing.T) {
	t.Parallel()
	inputs := chromaTestInputs(t)
	samples := []string{
		"func main() {\n\tfmt.Println(\"hi\") // c\n}\n",
		"def f(x, *, y=1):\n    return [a for a in x if a > 0]  # c\n",
		"<div class=\"a\">&amp; {{ x }}</div>\n<script>var a = 1;</script>\n",
		"SELECT * FROM t WHERE a = 'x''y' -- c\n",
		"echo \"$HOME\" | grep -v '^#' && exit 1\r\nünïcødé 🙂 \\ \t\n",
		"", "\n", "unclosed \"string\n'and another\n/* comment",
	}
	for _, lang := range []string{"go", "python", "javascript", "typescript", "bash", "html", "css", "json", "yaml", "sql", "c", "rust", "java", "markdown"} {
		l := lexers.Get(lang)
		inputs[strings.ToLower(l.Config().Name)] = append(inputs[strings.ToLower(l.Config().Name)], samples...)
	}
	fast, compared := 0, 0
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		f := fastLexerFor(l)
		if f == l {
			continue // not a RegexLexer: chroma's own is used
		}
		fast++
		name := l.Config().Name
		for i, text := range inputs[strings.ToLower(name)] {
			compared++
			if err := sameTokens(l, f, text); err != nil {
				t.Errorf("%s, text %d: %v", name, i, err)
			}
		}
	}
	if fast < 200 || compared < 240 {
		t.Errorf("%d fast lexers, %d texts compared", fast, compared)
	}
}

// sameTokens compares the two lexers' tokens of text. chroma's own lexer
// gives a rule 250 ms of wall clock, and on a loaded machine a match
// sometimes takes that long and becomes an error token: a difference
// counts only when chroma's run took less than that, so that its timeout
// cannot have fired; otherwise it is tried again, up to five times.
func sameTokens(chromas, fast chroma.Lexer, text string) error {
	for range 5 {
		start := time.Now()
		want, err1 := chroma.Tokenise(chromas, nil, text)
		slow := time.Since(start) >= chromaTimeout
		got, err2 := chroma.Tokenise(fast, nil, text)
		switch {
		case (err1 == nil) != (err2 == nil) && !slow:
			return fmt.Errorf("errors %v and %v", err1, err2)
		case !equalTokens(got, want) && !slow:
			return errors.New("tokens differ from chroma's")
		case !slow:
			return nil
		}
	}
	return nil // chroma's own run never finished inside its timeout here
}

// chromaTimeout is the match timeout chroma's lexers set for each rule.
const chromaTimeout = 250 * time.Millisecond

func equalTokens(a, b []chroma.Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// chromaTestInputs reads chroma's lexer test inputs (lexers/testdata/
// NAME.actual) from the module cache, by lexer name in lower case.
func chromaTestInputs(t *testing.T) map[string][]string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil {
		t.Fatalf("go list chroma: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "lexers", "testdata")
	files, err := filepath.Glob(filepath.Join(dir, "*.actual"))
	if err != nil || len(files) < 100 {
		t.Fatalf("chroma's test inputs in %s: %d files, %v", dir, len(files), err)
	}
	inputs := map[string][]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".actual")
		if l := lexers.Get(name); l != nil {
			name = strings.ToLower(l.Config().Name)
		}
		inputs[name] = append(inputs[name], string(data))
	}
	return inputs
}

// TestHighlightSurvivesLexerPanic: a lexer that panics on its input
// leaves the code plain instead of stopping the render.
func TestHighlightSurvivesLexerPanic(t *testing.T) {
	t.Parallel()
	popper := chroma.MustNewLexer(&chroma.Config{Name: "vaultsite-test-panic"}, func() chroma.Rules {
		return chroma.Rules{"root": {{Pattern: `x`, Type: chroma.Text, Mutator: chroma.Pop(5)}}}
	})
	if _, ok := highlightWith(chroma.Coalesce(fastLexerFor(popper)), []byte("x <y>\n")); ok {
		t.Error("a panicking lexer's output was used")
	}
	if got, ok := highlight("go", []byte("package main\n")); !ok || !strings.Contains(string(got), `<span class="kn">package</span>`) {
		t.Errorf("go is not highlighted: %q", got)
	}
}

// TestHighlightTimeoutLeavesBlockPlain: a rule that backtracks past its
// timeout leaves the whole block plain. Matching on after it, as chroma
// does, made an error token of one character and went on, so the page
// depended on how long the machine took to match.
func TestHighlightTimeoutLeavesBlockPlain(t *testing.T) {
	t.Parallel()
	slow := chroma.MustNewLexer(&chroma.Config{Name: "vaultsite-test-backtrack"}, func() chroma.Rules {
		return chroma.Rules{"root": {
			{Pattern: `(a+)+b`, Type: chroma.Keyword},
			{Pattern: `.|\n`, Type: chroma.Text},
		}}
	})
	f, err := newFastLexerTimeout(slow, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := highlightWith(chroma.Coalesce(f), []byte(strings.Repeat("a", 40)+"c\n")); ok {
		t.Errorf("a timed-out block was highlighted: %.200q", got)
	}
	if _, ok := highlightWith(chroma.Coalesce(f), []byte("ab ab\n")); !ok {
		t.Error("a block that matches fast is not highlighted")
	}
}
