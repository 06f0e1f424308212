package render

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindInlineFootnote is the kind of InlineFootnote.
var KindInlineFootnote = ast.NewNodeKind("InlineFootnote")

// InlineFootnote is "^[text]", a footnote written where it is referenced
// (SPEC §6.5); its children are the note's inline content. It lives only
// between parsing and footnoteNumberer, which turns it into goldmark's
// footnote link and definition, so goldmark's footnote renderer prints it
// like any other footnote.
type InlineFootnote struct{ ast.BaseInline }

// Kind implements ast.Node.
func (n *InlineFootnote) Kind() ast.NodeKind { return KindInlineFootnote }

// Dump implements ast.Node.
func (n *InlineFootnote) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// kindFootnoteOpener is the kind of footnoteOpener.
var kindFootnoteOpener = ast.NewNodeKind("InlineFootnoteOpener")

// footnoteOpener is a "^[" waiting for its "]" during inline parsing, as
// goldmark's link parser leaves a label state for "[". An opener never
// closed becomes the text "^[" again.
type footnoteOpener struct {
	ast.BaseInline
	seg text.Segment
	// bottom is the last emphasis delimiter before the opener: delimiters
	// above it pair inside the footnote.
	bottom ast.Node
}

func (n *footnoteOpener) Kind() ast.NodeKind { return kindFootnoteOpener }

func (n *footnoteOpener) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// inlineFootnotePriority: before goldmark's link parser (200), which
// otherwise takes every "]" as the end of a link label; after wikilinks
// (199) is not needed, as they trigger on "[" and "!", not "]".
const inlineFootnotePriority = 190

// inlineFootnoteParser reads "^[" and the "]" that closes it. Between
// them goldmark parses as usual (links, wikilinks, emphasis, code), so
// brackets of links inside the note pair with each other first.
type inlineFootnoteParser struct{}

var (
	_ parser.InlineParser = inlineFootnoteParser{}
	_ parser.CloseBlocker = inlineFootnoteParser{}
)

func (inlineFootnoteParser) Trigger() []byte { return []byte{'^', ']'} }

// footnoteState is what the inline footnote parser keeps while a block
// is parsed, so that neither a "]" nor the block's end searches the tree:
// searching made a paragraph of thousands of "]" or "[", or a deep nest
// of lists, quadratic.
type footnoteState struct {
	// open are the "^[" not yet closed, in the order they opened.
	open []*footnoteOpener
	// labels counts the link labels ("[" or "![" that goldmark's link
	// parser took) still open: labels[0] those opened before open[0],
	// labels[i+1] those after open[i]. goldmark closes the latest label
	// at each "]" it sees, so a count goes down only at the top.
	labels []int
	// labelNodes are the open labels themselves, in the order they opened.
	labelNodes []ast.Node
	// stranded are openers a link took in, which can no longer close.
	stranded []*footnoteOpener
	// closedAt is the offset of the last "]" left to goldmark while a
	// label was open, and closing that label, which goldmark's link
	// parser takes (linkclose.go).
	closedAt int
	closing  ast.Node
}

var footnoteStateKey = parser.NewContextKey()

func getFootnoteState(pc parser.Context) *footnoteState {
	s, _ := pc.Get(footnoteStateKey).(*footnoteState)
	if s == nil {
		s = &footnoteState{labels: []int{0}, closedAt: -1}
		pc.Set(footnoteStateKey, s)
	}
	return s
}

// labelOpened records a link label that goldmark's link parser opened:
// the wikilink parser, the last of ours to see a "[", has it open one
// when the "[" opens no wikilink.
func labelOpened(pc parser.Context, label ast.Node) {
	s := getFootnoteState(pc)
	s.labels[len(s.labels)-1]++
	s.labelNodes = append(s.labelNodes, label)
}

// labelClosed records that goldmark's link parser takes the "]" at at:
// it closes the latest open label, if there is one.
func (s *footnoteState) labelClosed(at int) {
	for i := len(s.labels) - 1; i >= 0; i-- {
		if s.labels[i] > 0 {
			s.labels[i]--
			s.closing = s.labelNodes[len(s.labelNodes)-1]
			s.labelNodes = s.labelNodes[:len(s.labelNodes)-1]
			s.closedAt = at
			return
		}
	}
}

// top returns the latest open "^[" that is still one of parent's
// children, moving openers a link took in to stranded.
func (s *footnoteState) top(parent ast.Node) *footnoteOpener {
	for len(s.open) > 0 {
		op := s.open[len(s.open)-1]
		if op.Parent() == parent {
			return op
		}
		s.pop()
		if op.Parent() != nil {
			s.stranded = append(s.stranded, op)
		}
	}
	return nil
}

// pop drops the latest opener, whose labels count as the ones before it.
func (s *footnoteState) pop() {
	n := len(s.labels)
	s.labels[n-2] += s.labels[n-1]
	s.labels = s.labels[:n-1]
	s.open = s.open[:len(s.open)-1]
}

// Parse returns an opener for "^[", an InlineFootnote for the "]" that
// closes the latest open "^[", or nil for anything else: a "^" without
// "[", a "]" that closes a link label opened after the "^[", an empty
// note "^[]".
func (inlineFootnoteParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	s := getFootnoteState(pc)
	if line[0] == '^' {
		if len(line) < 2 || line[1] != '[' {
			return nil
		}
		block.Advance(2)
		op := &footnoteOpener{seg: seg.WithStop(seg.Start + 2), bottom: pc.LastDelimiter()}
		s.open, s.labels = append(s.open, op), append(s.labels, 0)
		return op
	}
	op := s.top(parent)
	if op == nil || s.labels[len(s.labels)-1] > 0 || op.NextSibling() == nil {
		s.labelClosed(seg.Start)
		return nil
	}
	s.pop()
	parser.ProcessDelimiters(op.bottom, pc)
	fn := &InlineFootnote{}
	fn.SetPos(op.seg.Start)
	for c := op.NextSibling(); c != nil; {
		next := c.NextSibling()
		fn.AppendChild(fn, c)
		c = next
	}
	parent.RemoveChild(parent, op)
	block.Advance(1)
	return fn
}

// CloseBlock turns the openers left unclosed in a block back into text.
func (inlineFootnoteParser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	s := getFootnoteState(pc)
	for _, op := range append(s.open, s.stranded...) {
		if p := op.Parent(); p != nil {
			p.ReplaceChild(p, op, ast.NewTextSegment(op.seg))
		}
	}
	*s = footnoteState{labels: []int{0}, closedAt: -1}
}

// footnoteNumberPriority runs after goldmark's footnote transformer
// (999), which has already numbered the "[^label]" footnotes alone.
const footnoteNumberPriority = 1000

// footnoteNumberer numbers all footnotes of a document, "[^label]" and
// "^[inline]" alike, in the order of their first reference (SPEC §6.5).
// Each inline footnote becomes a footnote link and a definition at its
// number; backlinks and reference counts are rebuilt. A document without
// inline footnotes is left as goldmark made it.
type footnoteNumberer struct{}

var _ parser.ASTTransformer = footnoteNumberer{}

func (footnoteNumberer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	refs, list, inline := footnoteRefs(doc)
	if !inline {
		return
	}
	defs := map[int]*east.Footnote{}
	if list == nil {
		list = east.NewFootnoteList()
		doc.AppendChild(doc, list)
	}
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		if fn, ok := c.(*east.Footnote); ok {
			defs[fn.Index] = fn
			removeBacklinks(fn)
		}
	}
	var links []footnoteRef
	for _, r := range refs {
		switch r := r.(type) {
		case *east.FootnoteLink:
			if def := defs[r.Index]; def != nil {
				links = append(links, footnoteRef{r, def})
			}
		case *InlineFootnote:
			links = append(links, inlineToFootnote(r, len(links)))
		}
	}
	renumber(list, links)
}

// footnoteRef is one reference and the definition it points to.
type footnoteRef struct {
	link *east.FootnoteLink
	def  *east.Footnote
}

// footnoteRefs returns the footnote links and inline footnotes of doc in
// document order (those inside definitions last), the footnote list, and
// whether any footnote is inline.
func footnoteRefs(doc *ast.Document) (refs []ast.Node, list *east.FootnoteList, inline bool) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.FootnoteList:
			list = n
		case *east.FootnoteLink:
			refs = append(refs, n)
		case *InlineFootnote:
			refs = append(refs, n)
			inline = true
		}
		return ast.WalkContinue, nil
	})
	return refs, list, inline
}

// inlineToFootnote replaces an inline footnote by a footnote link and
// returns it with a new definition holding the note's content.
func inlineToFootnote(fn *InlineFootnote, i int) footnoteRef {
	def := east.NewFootnote([]byte("^inline-" + strconv.Itoa(i)))
	p := ast.NewParagraph()
	for c := fn.FirstChild(); c != nil; {
		next := c.NextSibling()
		p.AppendChild(p, c)
		c = next
	}
	def.AppendChild(def, p)
	link := east.NewFootnoteLink(0)
	link.SetPos(fn.Pos())
	fn.Parent().ReplaceChild(fn.Parent(), fn, link)
	return footnoteRef{link, def}
}

// renumber gives each definition the number of its first reference,
// fills the links' numbers and counts, adds one backlink per reference
// and lists the definitions in number order.
func renumber(list *east.FootnoteList, refs []footnoteRef) {
	number := map[*east.Footnote]int{}
	total := map[*east.Footnote]int{}
	var order []*east.Footnote
	for _, r := range refs {
		if number[r.def] == 0 {
			order = append(order, r.def)
			number[r.def] = len(order)
		}
		total[r.def]++
	}
	seen := map[*east.Footnote]int{}
	for _, r := range refs {
		r.link.Index, r.link.RefCount, r.link.RefIndex = number[r.def], total[r.def], seen[r.def]
		seen[r.def]++
	}
	list.RemoveChildren(list)
	for _, def := range order {
		def.Index = number[def]
		addBacklinks(def, total[def])
		list.AppendChild(list, def)
	}
	list.Count = len(order)
}

// addBacklinks appends n backlinks to a definition's last paragraph, or
// to the definition itself, as goldmark does.
func addBacklinks(def *east.Footnote, n int) {
	var container ast.Node = def
	if last := def.LastChild(); last != nil && ast.IsParagraph(last) {
		container = last
	}
	for i := 0; i < n; i++ {
		b := east.NewFootnoteBacklink(def.Index)
		b.RefCount, b.RefIndex = n, i
		container.AppendChild(container, b)
	}
}

// removeBacklinks takes out the backlinks goldmark gave a definition.
func removeBacklinks(def *east.Footnote) {
	var bl []ast.Node
	_ = ast.Walk(def, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*east.FootnoteBacklink); ok && entering {
			bl = append(bl, n)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range bl {
		b.Parent().RemoveChild(b.Parent(), b)
	}
}

// footnotePrefixAttr holds, on a Document, the prefix of its footnotes'
// ids, when it is not the page's own.
var footnotePrefixAttr = []byte("vs-footnote-prefix")

// footnotePrefix is the prefix of the ids of a footnote's reference and
// note: "fn-", or the one SetFootnotePrefix gave the node's document.
func footnotePrefix(n ast.Node) []byte {
	if d := n.OwnerDocument(); d != nil {
		if p, ok := d.Attribute(footnotePrefixAttr); ok {
			return p.([]byte)
		}
	}
	return []byte("fn-")
}

// SetFootnotePrefix gives the footnotes of d ids that start with "fn-"
// and then key: for a document shown inside a page (an embed, a canvas
// card), whose footnotes would otherwise take the ids of the page's own.
func (d *Doc) SetFootnotePrefix(key string) {
	d.Root.SetAttribute(footnotePrefixAttr, []byte("fn-"+key+"-"))
}
