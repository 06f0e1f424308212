package render

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/vaultsite/vaultsite/site"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockIDTransformerPriority: after the link transformers (an id may
// follow an embed with no space), before heading ids.
const blockIDTransformerPriority = 200

// blockIDRE finds "^id" at the end of a paragraph's text: Latin letters,
// digits, "-" and "_" (SPEC §6.4), after a space, at the start, or right
// after another node such as an embed.
var blockIDRE = regexp.MustCompile(`(?:^|[ \t])\^([A-Za-z0-9_-]+)[ \t]*$`)

// findBlockID is blockIDRE.FindSubmatchIndex(val), run only from the
// last "^": an id holds no "^", so a match starts there or nowhere, and
// running the expression over every paragraph in full showed in a
// 10,000-note build's profile.
func findBlockID(val []byte) []int {
	i := bytes.LastIndexByte(val, '^')
	if i < 0 || i > 0 && val[i-1] != ' ' && val[i-1] != '\t' {
		return nil
	}
	off := max(i-1, 0)
	m := blockIDRE.FindSubmatchIndex(val[off:])
	for k := range m {
		m[k] += off
	}
	return m
}

// blockIDTransformer names blocks by their "^id" (SPEC §6.4) and hides
// the marker: it sets id="^id" on the named node, which links and block
// embeds aim at. A "^id" ends a paragraph (or the title of a callout
// that is its title alone) and names:
//
//   - the outermost quote or callout that the paragraph ends: Obsidian
//     names whole sections, and a lazy "^id" line under a callout is
//     the last line of its last paragraph (SPEC §12.2 #4);
//   - for a paragraph that is only "^id", the block before it (a list,
//     quote, callout, table or code block); the paragraph goes away;
//   - the list item whose first paragraph it ends, with its children;
//   - otherwise the paragraph itself.
//
// When two blocks claim one id (case aside), the first keeps it and the
// second only loses its marker, so ids stay unique on the page.
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
		case *CalloutTitle:
			if entering && n.NextSibling() == nil {
				paras = append(paras, n)
			}
		case *ast.HTMLBlock:
			if entering {
				paras = append(paras, n)
			}
		}
		return ast.WalkContinue, nil
	})
	var blocks []site.Block
	seen := map[string]bool{}
	for _, p := range paras {
		var b namedBlock
		var ok bool
		if h, isHTML := p.(*ast.HTMLBlock); isHTML {
			b, ok = nameHTMLBlock(h, src)
		} else {
			b, ok = nameBlock(p, src)
		}
		if !ok || seen[strings.ToLower(b.ID)] {
			continue
		}
		if h, isHTML := b.target.(*ast.HTMLBlock); isHTML {
			b.target = anchorHTML(h)
		}
		seen[strings.ToLower(b.ID)] = true
		b.target.SetAttributeString("id", []byte("^"+b.ID))
		blocks = append(blocks, b.Block)
	}
	pc.Set(blocksKey, blocks)
}

// blocksKey holds the []site.Block a parse found, for Parse to collect.
var blocksKey = parser.NewContextKey()

// namedBlock is a block id found in the text and the node it names.
type namedBlock struct {
	site.Block
	target ast.Node
}

// nameBlock finds a "^id" ending paragraph p (a Paragraph, the TextBlock
// of a tight list item, or a callout's title), hides it and returns the
// node it names; ok is false when p ends in no id, or in an id that names
// nothing (a lone "^id" at the start of the document).
func nameBlock(p ast.Node, src []byte) (b namedBlock, ok bool) {
	run := trailingText(p)
	if len(run) == 0 {
		return b, false
	}
	start := run[0].Segment.Start
	val := src[start:run[len(run)-1].Segment.Stop]
	m := findBlockID(val)
	if m == nil {
		return b, false
	}
	prevInline := run[0].PreviousSibling()
	ownLine := m[0] == 0 && (prevInline == nil || isLineEnd(prevInline))
	_, isTitle := p.(*CalloutTitle)
	alone := ownLine && prevInline == nil && !isTitle
	b.Block = site.Block{ID: string(val[m[2]:m[3]]), Offset: start + m[2] - 1}
	if b.target = blockTarget(p, alone); b.target == nil {
		return b, false
	}
	if alone {
		removeBlock(p)
		return b, true
	}
	cutText(p, run, start+m[0])
	if t, ok := prevInline.(*ast.Text); ok && ownLine {
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
	}
	return b, true
}

// trailingText returns the Text nodes that end p and sit side by side in
// the source, within one line: goldmark splits "snake_id" at the "_",
// which pairs with nothing, so an id may span several of them. The run
// is gathered backwards and turned round once: prepending each node
// copied the run every time, quadratic in a line of thousands of
// unpaired delimiters.
func trailingText(p ast.Node) []*ast.Text {
	var run []*ast.Text
	for n := p.LastChild(); n != nil; n = n.PreviousSibling() {
		t, ok := n.(*ast.Text)
		if !ok {
			break
		}
		if len(run) > 0 && (t.Segment.Stop != run[len(run)-1].Segment.Start || isLineEnd(t)) {
			break
		}
		run = append(run, t)
	}
	slices.Reverse(run)
	return run
}

// cutText drops the text of run from offset at on, removing the nodes
// that lie wholly after it.
func cutText(p ast.Node, run []*ast.Text, at int) {
	for _, t := range run {
		switch {
		case t.Segment.Start >= at:
			p.RemoveChild(p, t)
		case t.Segment.Stop > at:
			t.Segment = t.Segment.WithStop(at)
		}
	}
}

// blockTarget returns the node an id at the end of p names, by the rules
// of blockIDTransformer, or nil. alone says p is nothing but the id.
func blockTarget(p ast.Node, alone bool) ast.Node {
	switch {
	case endedQuote(p) != nil:
		return endedQuote(p)
	case alone:
		return p.PreviousSibling()
	case p.PreviousSibling() == nil && isListItem(p.Parent()):
		return p.Parent()
	}
	return p
}

// endedQuote returns the outermost blockquote or callout whose last block
// n is, directly or through quotes nested at their ends, or nil.
func endedQuote(n ast.Node) ast.Node {
	var q ast.Node
	for n.NextSibling() == nil && n.Parent() != nil {
		switch parent := n.Parent().(type) {
		case *ast.Blockquote, *Callout:
			q = parent
		case *CalloutContent:
			q = parent.Parent()
		default:
			return q
		}
		n = q
	}
	return q
}

// removeBlock takes a paragraph that held only an id out of the tree, and
// the content of a callout it leaves empty, so the callout is its title
// alone.
func removeBlock(p ast.Node) {
	parent := p.Parent()
	parent.RemoveChild(parent, p)
	if c, ok := parent.(*CalloutContent); ok && !c.HasChildren() {
		c.Parent().RemoveChild(c.Parent(), c)
	}
}

func isLineEnd(n ast.Node) bool {
	t, ok := n.(*ast.Text)
	return ok && (t.SoftLineBreak() || t.HardLineBreak())
}

func isListItem(n ast.Node) bool { _, ok := n.(*ast.ListItem); return ok }

// htmlBlockIDRE is a line that is only "^id", ending an HTML block: an
// HTML block runs to the next blank line, so "<iframe …>" then "^id" on
// the next line is one block, and its last line names it.
var htmlBlockIDRE = regexp.MustCompile(`^[ \t]*\^([A-Za-z0-9_-]+)[ \t]*\r?\n?$`)

// nameHTMLBlock finds a "^id" line ending h, takes it out of the HTML,
// and returns h as the block it names.
func nameHTMLBlock(h *ast.HTMLBlock, src []byte) (b namedBlock, ok bool) {
	lines := h.Lines()
	if h.HasClosure() || lines.Len() < 2 {
		return b, false
	}
	last := lines.At(lines.Len() - 1)
	m := htmlBlockIDRE.FindSubmatchIndex(last.Value(src))
	if m == nil {
		return b, false
	}
	lines.SetSliced(0, lines.Len()-1)
	b.Block = site.Block{ID: string(last.Value(src)[m[2]:m[3]]), Offset: last.Start + m[2] - 1}
	b.target = h
	return b, true
}

// KindBlockAnchor is the kind of BlockAnchor.
var KindBlockAnchor = ast.NewNodeKind("BlockAnchor")

// BlockAnchor carries the id of an HTML block, whose HTML is printed as
// written and so has no place for an id of ours. It renders as a <div>
// around the HTML, as Obsidian puts every block in a <div> of its own, so
// "[[note#^id]]" lands on the <iframe> or table the note wrote.
type BlockAnchor struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *BlockAnchor) Kind() ast.NodeKind { return KindBlockAnchor }

// Dump implements ast.Node.
func (n *BlockAnchor) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// anchorHTML puts h inside a BlockAnchor and returns the anchor.
func anchorHTML(h *ast.HTMLBlock) ast.Node {
	a := &BlockAnchor{}
	a.SetPos(h.Pos())
	h.Parent().ReplaceChild(h.Parent(), h, a)
	a.AppendChild(a, h)
	return a
}

// blockAnchorHTMLRenderer prints a BlockAnchor as a <div> with its id;
// an embed, which drops ids (Unanchor), gets the HTML alone.
type blockAnchorHTMLRenderer struct{}

var _ renderer.NodeRenderer = blockAnchorHTMLRenderer{}

func (r blockAnchorHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlockAnchor, r.render)
}

func (r blockAnchorHTMLRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	id, ok := node.AttributeString("id")
	b, _ := id.([]byte)
	if !ok || len(b) == 0 {
		return ast.WalkContinue, nil
	}
	if entering {
		_, _ = w.WriteString("<div")
		writeAttr(w, "id", string(b))
		_, _ = w.WriteString(">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
