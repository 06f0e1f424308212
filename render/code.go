package render

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// codeHTMLRenderer prints code blocks: highlighted by chroma with CSS
// classes (the stylesheets for light and dark live in templates), mermaid
// fences as diagrams for the browser to draw, math fences as display math.
type codeHTMLRenderer struct {
	cache CodeCache // Config.Code, or nil
}

var _ renderer.NodeRenderer = codeHTMLRenderer{}

func (r codeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderFenced)
	reg.Register(ast.KindCodeBlock, r.renderIndented)
}

func (r codeHTMLRenderer) renderFenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := strings.ToLower(string(n.Language(src)))
	code := codeText(n, src)
	switch lang {
	case "mermaid":
		_, _ = w.WriteString(`<pre class="mermaid"`)
		writeID(w, n)
		_ = w.WriteByte('>')
		_, _ = w.Write(util.EscapeHTML(code))
		writeMermaidClicks(w, n)
		_, _ = w.WriteString("</pre>\n")
	case "math", "latex-display":
		_, _ = w.WriteString(`<div class="math math-block"`)
		writeID(w, n)
		_, _ = w.WriteString(`>$$`)
		_, _ = w.Write(util.EscapeHTML(code))
		_, _ = w.WriteString("$$</div>\n")
	default:
		writeHighlighted(w, n, lang, code, r.cache)
	}
	return ast.WalkSkipChildren, nil
}

func (r codeHTMLRenderer) renderIndented(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		writeHighlighted(w, node, "", codeText(node, src), r.cache)
	}
	return ast.WalkSkipChildren, nil
}

func codeText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.Bytes()
}

// writeHighlighted writes a <pre> with chroma's spans when it knows the
// language, and plain escaped code otherwise; c, when set, keeps the
// highlighted code between builds.
func writeHighlighted(w util.BufWriter, n ast.Node, lang string, code []byte, c CodeCache) {
	_, _ = w.WriteString(`<pre class="chroma"`)
	writeID(w, n)
	_, _ = w.WriteString(`><code`)
	if lang != "" {
		writeAttr(w, "class", "language-"+lang)
		writeAttr(w, "data-lang", lang)
	}
	_ = w.WriteByte('>')
	if html, ok := highlightCached(c, lang, code); ok {
		_, _ = w.Write(html)
	} else {
		_, _ = w.Write(util.EscapeHTML(code))
	}
	_, _ = w.WriteString("</code></pre>\n")
}

// highlight returns chroma's spans for code, or ok false when no lexer
// knows lang or the lexer fails. A lexer can also panic on input it was
// not written for (a pop from an empty state stack); that code is shown
// plain rather than taking the build down.
func highlight(lang string, code []byte) (html []byte, ok bool) {
	if lexer := lexerFor(lang); lexer != nil {
		return highlightWith(lexer, code)
	}
	return nil, false
}

func highlightWith(lexer chroma.Lexer, code []byte) (html []byte, ok bool) {
	defer func() {
		if recover() != nil {
			html, ok = nil, false
		}
	}()
	it, err := lexer.Tokenise(nil, string(code))
	if err != nil {
		return nil, false
	}
	var buf bytes.Buffer
	writeTokens(&buf, it)
	return buf.Bytes(), true
}

// writeID writes the id a "^id" line gave a code block (SPEC §6.4), if
// any, so block links and embeds find it.
func writeID(w util.BufWriter, n ast.Node) {
	if id, ok := n.AttributeString("id"); ok {
		if b, ok := id.([]byte); ok {
			writeAttr(w, "id", string(b))
		}
	}
}

func lexerFor(lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	l := lexers.Get(lang)
	if l == nil {
		return nil
	}
	return chroma.Coalesce(fastLexerFor(l))
}
