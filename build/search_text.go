package build

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/vaultsite/vaultsite/render"
)

// searchText returns the words a reader sees in the body of d, for the
// search index's text field: paragraphs, lists, tables, callouts, code
// and footnotes, with a line break after every block so words of
// adjacent blocks never run together. It leaves out what the headings
// field already holds (headings), what a reader does not see as words
// (math, raw HTML, image alt text) and everything embeds bring in: an
// embed's content belongs to another note, which may be unpublished.
// Frontmatter and %% comments are already blanked in the Doc's source.
func searchText(d *render.Doc) string {
	var b strings.Builder
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		return searchTextNode(&b, n, d.Src), nil
	})
	return b.String()
}

// searchTextNode writes the text n itself holds and says whether to walk
// into its children.
func searchTextNode(b *strings.Builder, n ast.Node, src []byte) ast.WalkStatus {
	switch n := n.(type) {
	case *ast.Heading, *ast.HTMLBlock, *ast.RawHTML, *ast.Image, *render.Math, *render.MathBlock:
		return ast.WalkSkipChildren
	case *ast.Text:
		b.Write(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(n.Value)
	case *ast.AutoLink:
		b.Write(n.Label(src))
	case *ast.FencedCodeBlock:
		lang := n.Language(src)
		if bytes.EqualFold(lang, []byte("math")) || bytes.EqualFold(lang, []byte("latex-display")) {
			return ast.WalkSkipChildren // shown as a formula (render.isMathFence)
		}
		writeLines(b, n, src)
	case *ast.CodeBlock:
		writeLines(b, n, src)
	case *render.InternalLink:
		if n.Embed {
			return ast.WalkSkipChildren
		}
		if n.Wiki {
			b.WriteString(n.Display)
			return ast.WalkSkipChildren
		}
	case *render.Tag:
		b.WriteString(n.Name)
		b.WriteByte(' ')
	}
	return ast.WalkContinue
}

func writeLines(b *strings.Builder, n ast.Node, src []byte) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
}
