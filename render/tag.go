package render

import (
	"unicode"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindTag is the kind of Tag.
var KindTag = ast.NewNodeKind("Tag")

// Tag is a #tag in the text (SPEC §6.3). Bind sets URL, the tag's page.
type Tag struct {
	ast.BaseInline
	Name string // without "#", as written
	URL  site.RelURL
}

// Kind implements ast.Node.
func (n *Tag) Kind() ast.NodeKind { return KindTag }

// Dump implements ast.Node.
func (n *Tag) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// tagPriority: any slot works, since only this parser triggers on "#";
// code spans (100) and raw HTML (400) consume their "#" before the
// scanner reaches it.
const tagPriority = 450

type tagParser struct{}

var _ parser.InlineParser = tagParser{}

func (tagParser) Trigger() []byte { return []byte{'#'} }

// Parse reads a tag: "#" at the start of a line or after whitespace, then
// the longest run of allowed characters, which must not be digits and
// slashes alone ("#1984" is no tag, "#y1984" is).
func (tagParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if prev := block.PrecendingCharacter(); prev != '\n' && !unicode.IsSpace(prev) && prev != utf8.RuneError {
		return nil
	}
	line, _ := block.PeekLine()
	end, letter := 1, false
	for end < len(line) {
		r, size := utf8.DecodeRune(line[end:])
		if !site.TagRune(r) {
			break
		}
		if !unicode.IsDigit(r) && r != '/' {
			letter = true
		}
		end += size
	}
	if end == 1 || !letter {
		return nil
	}
	n := &Tag{Name: string(line[1:end])}
	block.Advance(end)
	return n
}

type tagHTMLRenderer struct{}

var _ renderer.NodeRenderer = tagHTMLRenderer{}

func (r tagHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTag, r.render)
}

// render prints Obsidian's <a class="tag">, linked to the tag's page.
func (r tagHTMLRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Tag)
	_, _ = w.WriteString(`<a class="tag"`)
	if n.URL != "" {
		writeAttr(w, "href", string(n.URL))
	}
	_, _ = w.WriteString(">#")
	_, _ = w.Write(util.EscapeHTML([]byte(n.Name)))
	_, _ = w.WriteString("</a>")
	return ast.WalkSkipChildren, nil
}
