package render

import (
	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindEmbedBlock is the kind of EmbedBlock.
var KindEmbedBlock = ast.NewNodeKind("EmbedBlock")

// EmbedBlock holds a paragraph made only of note embeds. A note embed is
// block content (a <div>), which must not sit inside a <p>.
type EmbedBlock struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *EmbedBlock) Kind() ast.NodeKind { return KindEmbedBlock }

// Dump implements ast.Node.
func (n *EmbedBlock) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// embedBlockPriority runs after the Markdown-link transformer, which makes
// the InternalLinks of "![](note.md)" embeds.
const embedBlockPriority = 150

type embedBlockTransformer struct{}

var _ parser.ASTTransformer = embedBlockTransformer{}

// Transform replaces each paragraph whose content is only note or base
// embeds (and the line breaks between them) with an EmbedBlock.
func (embedBlockTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering && onlyNoteEmbeds(p, reader.Source()) {
			paras = append(paras, p)
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		b := &EmbedBlock{}
		b.SetPos(p.Pos())
		b.SetLines(p.Lines())
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			b.AppendChild(b, c)
			c = next
		}
		p.Parent().ReplaceChild(p.Parent(), p, b)
	}
}

func onlyNoteEmbeds(p *ast.Paragraph, src []byte) bool {
	found := false
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *InternalLink:
			if !c.Embed || !looksLikeNote(c.Path) && site.KindOf(site.VaultPath(c.Path)) != site.KindBase {
				return false
			}
			found = true
		case *ast.Text:
			for _, b := range c.Segment.Value(src) {
				if b != ' ' && b != '\t' {
					return false
				}
			}
		default:
			return false
		}
	}
	return found
}

// looksLikeNote reports whether a linkpath names a note: ".md", or no
// extension of a known file type, since ".md" is implied for notes only
// (SPEC §3.2); "Release v1.2" is a note.
func looksLikeNote(p string) bool {
	k := site.KindOf(site.VaultPath(p))
	return k == site.KindNote || k == site.KindOther
}
