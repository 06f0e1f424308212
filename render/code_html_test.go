package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestTokensAsChromaWrites runs every lexer on chroma's test inputs and on
// token streams made to hit the edges (tokens spanning lines, empty
// tokens alone on a line, at the start and at the end, types without a
// class) and wants writeTokens to write the bytes chroma's formatter
// writes with classes and no <pre>.
func TestTokensAsChromaWrites(t *testing.T) {
	t.Parallel()
	f := chtml.New(chtml.WithClasses(true), chtml.PreventSurroundingPre(true))
	compare := func(name string, tokens []chroma.Token) {
		t.Helper()
		var want, got bytes.Buffer
		if err := f.Format(&want, styles.Fallback, chroma.Literator(tokens...)); err != nil {
			t.Fatal(err)
		}
		writeTokens(&got, chroma.Literator(tokens...))
		if got.String() != want.String() {
			t.Errorf("%s: writeTokens wrote\n%q\nchroma's formatter\n%q", name, got.String(), want.String())
		}
	}
	k, s, c, e := chroma.Keyword, chroma.LiteralString, chroma.CommentSingle, chroma.Text
	odd := chroma.TokenType(99999) // no class, nor any parent's
	for i, tokens := range [][]chroma.Token{
		{},
		{{Type: k, Value: ""}},
		{{Type: k, Value: "a"}, {Type: s, Value: ""}},
		{{Type: k, Value: "a\n"}, {Type: s, Value: ""}},
		{{Type: k, Value: "a\n"}, {Type: s, Value: ""}, {Type: c, Value: ""}},
		{{Type: s, Value: ""}, {Type: k, Value: "x"}},
		{{Type: c, Value: "// one\n// two\n\n"}, {Type: e, Value: "\n"}, {Type: k, Value: "if"}},
		{{Type: s, Value: "\"<a href='x'>&\"\n"}, {Type: odd, Value: "q\nr"}, {Type: e, Value: ""}},
		{{Type: k, Value: "\n"}, {Type: k, Value: ""}, {Type: e, Value: "\n"}, {Type: k, Value: ""}},
	} {
		compare("stream "+string(rune('a'+i)), tokens)
	}
	inputs := chromaTestInputs(t)
	for _, l := range lexers.GlobalLexerRegistry.Lexers {
		for i, text := range inputs[strings.ToLower(l.Config().Name)] {
			tokens, err := chroma.Tokenise(l, nil, text)
			if err != nil {
				continue
			}
			compare(l.Config().Name+" input "+string(rune('0'+i%10)), tokens)
		}
	}
}
