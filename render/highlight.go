package render

import (
	"github.com/gohugoio/hugo-goldmark-extensions/extras"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// "==highlight==" and "~~strike~~" (SPEC §6.3) print as extras' Mark and
// Delete do (<mark>, <del>), but are parsed here: extras' parser copies
// the rest of the line at every "=" and "~", which made a line of
// thousands of them quadratic. The rules are extras' own: a run of
// exactly two, not right after a third.

// inlineTagExtension installs the parsers below and extras' renderers.
type inlineTagExtension struct{}

func (inlineTagExtension) Extend(m goldmark.Markdown) {
	for _, tag := range []extras.InlineTag{extras.MarkTag, extras.DeleteTag} {
		m.Parser().AddOptions(parser.WithInlineParsers(
			util.Prioritized(inlineTagParser{tag: tag}, tag.ParsePriority),
		))
		m.Renderer().AddOptions(renderer.WithNodeRenderers(
			util.Prioritized(extras.NewInlineTagHTMLRenderer(tag), tag.RenderPriority),
		))
	}
}

// inlineTagParser pushes the delimiter of a pair of tag.Char.
type inlineTagParser struct{ tag extras.InlineTag }

var (
	_ parser.InlineParser       = inlineTagParser{}
	_ parser.DelimiterProcessor = inlineTagProcessor{}
	_ ast.Node                  = (*inlineTag)(nil)
	_ goldmark.Extender         = inlineTagExtension{}
	_ renderer.NodeRenderer     = extras.NewInlineTagHTMLRenderer(extras.MarkTag)
)

func (p inlineTagParser) Trigger() []byte { return []byte{p.tag.Char} }

// Parse returns the delimiter for a run of exactly two, or nil.
func (p inlineTagParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	if before == rune(p.tag.Char) {
		return nil
	}
	line, seg := block.PeekLine()
	d := parser.ScanDelimiter(line, before, 2, inlineTagProcessor(p))
	if d == nil || d.OriginalLength != 2 {
		return nil
	}
	d.Segment = seg.WithStop(seg.Start + 2)
	block.Advance(2)
	pc.PushDelimiter(d)
	return d
}

// inlineTagProcessor pairs delimiters of one character into an inlineTag.
type inlineTagProcessor inlineTagParser

func (p inlineTagProcessor) IsDelimiter(b byte) bool { return b == p.tag.Char }

func (p inlineTagProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (p inlineTagProcessor) OnMatch(int) ast.Node { return &inlineTag{kind: p.tag.TagKind} }

// inlineTag is a highlight or a strike, of extras' node kind, so extras'
// renderer prints it.
type inlineTag struct {
	ast.BaseInline
	kind ast.NodeKind
}

func (n *inlineTag) Kind() ast.NodeKind { return n.kind }

func (n *inlineTag) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
