package render

import (
	"regexp"

	"github.com/vaultsite/vaultsite/site"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blockIDTransformerPriority: after the link transformers (an id may
// follow an embed with no space), before heading ids.
const blockIDTransformerPriority = 200

// blockIDRE finds "^id" at the end of a paragraph's text: Latin letters,
// digits, "-" and "_" (SPEC §6.4), after a space, at the start, or right
// after another node such as an embed.
var blockIDRE = regexp.MustCompile(`(?:^|[ \t])\^([A-Za-z0-9_-]+)[ \t]*$`)

// blockIDTransformer names blocks by their "^id" (SPEC §6.4) and hides
// the marker: it sets id="^id" on the named node, which links and block
// embeds aim at.
//
//   - "text ^id" ends a paragraph: the paragraph, or the list item whose
//     first paragraph it is.
//   - A paragraph that is only "^id": the block before it (a list, quote,
//     callout or table); the paragraph goes away.
//   - "^id" on the last, lazy line of a quote's last paragraph: the quote.
type blockIDTransformer struct{}

var _ parser.ASTTransformer = blockIDTransformer{}

func (blockIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var paras []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if entering {
				paras = append(paras, n)
			}
		}
		return ast.WalkContinue, nil
	})
	var blocks []site.Block
	for _, p := range paras {
		if b, ok := nameBlock(p, src); ok {
			blocks = append(blocks, b)
		}
	}
	pc.Set(blocksKey, blocks)
}

// blocksKey holds the []site.Block a parse found, for Parse to collect.
var blocksKey = parser.NewContextKey()

// nameBlock finds a "^id" ending paragraph p (a Paragraph, or the
// TextBlock of a tight list item), hides it and sets the id on the node it
// names.
func nameBlock(p ast.Node, src []byte) (site.Block, bool) {
	last, ok := p.LastChild().(*ast.Text)
	if !ok {
		return site.Block{}, false
	}
	val := last.Segment.Value(src)
	m := blockIDRE.FindSubmatchIndex(val)
	if m == nil {
		return site.Block{}, false
	}
	prevInline := last.PreviousSibling()
	b := site.Block{ID: string(val[m[2]:m[3]]), Offset: last.Segment.Start + m[2] - 1}
	attr := []byte("^" + b.ID)
	ownLine := m[0] == 0 && (prevInline == nil || isLineEnd(prevInline))
	target := ast.Node(p)
	switch {
	case ownLine && prevInline == nil:
		// A paragraph that is only "^id" names the block before it.
		prev := p.PreviousSibling()
		if prev == nil {
			return site.Block{}, false
		}
		prev.SetAttributeString("id", attr)
		p.Parent().RemoveChild(p.Parent(), p)
		return b, true
	case ownLine && p.NextSibling() == nil && isQuote(p.Parent()):
		target = p.Parent() // a lazy "^id" line under a callout names it
	case p.PreviousSibling() == nil && isListItem(p.Parent()):
		target = p.Parent()
	}
	last.Segment = last.Segment.WithStop(last.Segment.Start + m[0])
	if t, ok := prevInline.(*ast.Text); ok && ownLine {
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
	}
	target.SetAttributeString("id", attr)
	return b, true
}

func isLineEnd(n ast.Node) bool {
	t, ok := n.(*ast.Text)
	return ok && (t.SoftLineBreak() || t.HardLineBreak())
}

func isQuote(n ast.Node) bool    { _, ok := n.(*ast.Blockquote); return ok }
func isListItem(n ast.Node) bool { _, ok := n.(*ast.ListItem); return ok }
