package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindBaseBlock is the kind of BaseBlock.
var KindBaseBlock = ast.NewNodeKind("BaseBlock")

// BaseBlock is a ```base code block: a Bases view written in the note.
// The build evaluates it when binding (it needs the whole vault); until
// then, or for a binder that does not, it renders as code.
type BaseBlock struct {
	ast.BaseBlock
	// Src is the block's YAML; Offset the byte offset of its first line
	// in the note, for positions.
	Src    []byte
	Offset int
	// HTML is what the binder made of it, or nil.
	HTML []byte
}

// Kind implements ast.Node.
func (n *BaseBlock) Kind() ast.NodeKind { return KindBaseBlock }

// Dump implements ast.Node.
func (n *BaseBlock) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// BaseBinder is a Binder that evaluates base blocks; BindBase returns the
// block's HTML, or nil to show it as code.
type BaseBinder interface {
	BindBase(n *BaseBlock) []byte
}

// baseBlockPriority: any order among the transformers will do, since
// only fenced code blocks are touched; after the mermaid one (which
// looks at other fences).
const baseBlockPriority = 160

type baseBlockTransformer struct{}

var _ parser.ASTTransformer = baseBlockTransformer{}

// Transform replaces each fenced block whose language is "base".
func (baseBlockTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var fences []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && strings.EqualFold(string(f.Language(src)), "base") {
			fences = append(fences, f)
		}
		return ast.WalkContinue, nil
	})
	for _, f := range fences {
		b := &BaseBlock{Src: codeText(f, src), Offset: f.Pos()}
		if f.Lines().Len() > 0 {
			b.Offset = f.Lines().At(0).Start
		}
		b.SetPos(f.Pos())
		b.SetLines(f.Lines())
		f.Parent().ReplaceChild(f.Parent(), f, b)
	}
}

type baseBlockHTMLRenderer struct{}

var _ renderer.NodeRenderer = baseBlockHTMLRenderer{}

func (r baseBlockHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBaseBlock, r.render)
}

func (r baseBlockHTMLRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*BaseBlock)
	if n.HTML == nil {
		writeHighlighted(w, n, "yaml", n.Src, nil)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<div class="block-language-base">`)
	_, _ = w.Write(n.HTML)
	_, _ = w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}
