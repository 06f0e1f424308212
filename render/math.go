package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Math (SPEC §6.6) is parsed here and typeset in the browser. Render
// emits the TeX source, HTML-escaped, inside
//
//	<span class="math math-inline">\(…\)</span>   for $…$
//	<span class="math math-block">\[…\]</span>    for $$…$$ inside a paragraph
//	<div class="math math-block">\[…\]</div>      for a $$ block
//
// and the page loads KaTeX with its auto-render extension only when
// Doc.HasMath is set (templates/layouts/base.html). \(…\) and \[…\] are
// KaTeX auto-render's default delimiters, and unlike "$" they cannot be
// confused with a dollar sign inside the formula; ```math fences keep the
// $$…$$ of code.go, which auto-render's defaults also cover.
//
// The browser, not the build, typesets because the build stays pure Go
// and fast: server-side KaTeX needs a JavaScript VM (goja), which takes
// about 145 ms to start, cannot be shared between goroutines and then
// spends 4–15 ms per formula (DEPS §4), while the browser does the same
// work once per page view with fonts it caches. A page without math
// pays nothing. Without JavaScript the reader still sees the TeX source.
// The same holds where a note's text shows on another page (a hover
// preview, a search snippet, a backlink's context, LinkContext): the
// browser's mathrender.js typesets it there too, so every formula is
// drawn by one piece of code; the README's Math section has the figures.

// Kinds of the math nodes.
var (
	KindMath      = ast.NewNodeKind("Math")
	KindMathBlock = ast.NewNodeKind("MathBlock")
)

// Math is a formula inside a paragraph, heading, list item or table cell:
// $…$, or $$…$$, which Obsidian shows in display style even there. Its
// content is opaque: it has no children, only the segments of its TeX
// source, delimiters excluded, one per source line.
type Math struct {
	ast.BaseInline
	Display bool
	Source  text.Segments
	// InTable marks math in a table cell, where "\|" stands for "|"
	// (SPEC §1.4): the cell could not hold a bare "|".
	InTable bool
}

// Kind implements ast.Node.
func (n *Math) Kind() ast.NodeKind { return KindMath }

// Dump implements ast.Node.
func (n *Math) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Tex": string(n.Tex(source))}, nil)
}

// Tex returns the formula's TeX source, without its delimiters.
func (n *Math) Tex(source []byte) []byte {
	tex := n.Source.Value(source)
	if n.InTable {
		tex = bytes.ReplaceAll(tex, []byte(`\|`), []byte("|"))
	}
	return tex
}

// MathBlock is display math on lines of its own: "$$1$$" on one line, or
// from a line starting with "$$" to the next line holding "$$". Its Lines
// are the TeX source, delimiters excluded.
type MathBlock struct {
	ast.BaseBlock
	closed bool         // the closing $$ was seen (parse state)
	opener text.Segment // the whole first line, from "$$", should the block fall back to text
}

// Kind implements ast.Node.
func (n *MathBlock) Kind() ast.NodeKind { return KindMathBlock }

// IsRaw implements ast.Node: no inline parsing inside math.
func (n *MathBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *MathBlock) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// mathPriority puts inline math after code spans (100) and before
// wikilinks (199) and links (200): SPEC §0 step 4. Only this parser
// triggers on "$", so the number decides nothing: the scanner meets
// characters left to right, and a formula that starts first consumes a
// wikilink's or tag's syntax as TeX. Code spans beat math even then,
// because a formula may hold no backtick (see Parse).
const mathPriority = 150

// mathBlockPriority places the $$ block parser beside fenced code (700);
// it is the only block parser that "$" triggers besides the paragraph.
const mathBlockPriority = 750

type mathParser struct{}

var _ parser.InlineParser = mathParser{}

func (mathParser) Trigger() []byte { return []byte{'$'} }

// Parse reads $…$ or $$…$$ within the current block, across its lines.
// "$" opens inline math only when a non-space follows it, and closes it
// only after a non-space and before a non-digit, so "$5 and $10" stays
// text (the pandoc rule, SPEC §6.6). "$$" opens and closes display math
// anywhere, around any non-blank content. Inside math, a backslash
// escapes the next character ("\$" is a dollar sign in the formula); a
// "\$" outside never reaches this parser. A formula holds no backtick,
// so a code span in its way wins even when the "$" comes first. It returns nil, or a text node
// for a run of dollars, when nothing closes, so the dollars stay text. A
// blank display formula ("$$ $$") is math that shows nothing, as in
// Obsidian.
func (mathParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	l, pos := block.Position()
	run := 0
	for run < len(line) && line[run] == '$' {
		run++
	}
	if run == 1 && (len(line) < 2 || util.IsSpace(line[1])) {
		return nil
	}
	if run <= 2 {
		if n := scanMath(block, run == 2); n != nil {
			if n.Display || !util.IsBlank(n.Source.Value(block.Source())) {
				n.InTable = parent.Kind() == east.KindTableCell
				return n
			}
			block.SetPosition(l, pos)
		}
	}
	if run == 1 {
		return nil
	}
	block.Advance(run) // "$$" or "$$$" that opens nothing: text, not retried at its second "$"
	return ast.NewTextSegment(seg.WithStop(seg.Start + run))
}

// scanMath reads a formula whose opening delimiter starts the reader's
// line, up to its closing delimiter, and advances past it; it returns nil
// and leaves the reader where it was when the block ends first.
func scanMath(block text.Reader, display bool) *Math {
	width := 1
	if display {
		width = 2
	}
	l, pos := block.Position()
	block.Advance(width)
	n := &Math{Display: display}
	for {
		line, seg := block.PeekLine()
		if line == nil {
			break
		}
		end := closingDollar(line, display)
		body := line
		if end >= 0 {
			body = line[:end]
		}
		if bytes.IndexByte(body, '`') >= 0 {
			break // a code span beats math (SPEC §0): math holds no backtick
		}
		if end >= 0 {
			n.Source.Append(seg.WithStop(seg.Start + end))
			block.Advance(end + width)
			return n
		}
		n.Source.Append(seg)
		block.AdvanceLine()
	}
	block.SetPosition(l, pos)
	return nil
}

// closingDollar returns the index in line of the delimiter that closes a
// formula, or -1: the first unescaped "$$" for display math; for inline
// math the first unescaped "$" after a non-space and before a non-digit.
// A "$" at the start of line follows the opening delimiter or a line
// break, so it never closes inline math.
func closingDollar(line []byte, display bool) int {
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\':
			i++
		case line[i] != '$':
		case display:
			if i+1 < len(line) && line[i+1] == '$' {
				return i
			}
		case i == 0:
			// the formula's first character, or a "$" after a line break:
			// neither follows a non-space
		case util.IsSpace(line[i-1]):
		case i+1 < len(line) && line[i+1] >= '0' && line[i+1] <= '9':
		default:
			return i
		}
	}
	return -1
}

type mathBlockParser struct{}

var _ parser.BlockParser = mathBlockParser{}

func (mathBlockParser) Trigger() []byte { return []byte{'$'} }

// Open starts display math at a line that begins with "$$" (after at most
// three spaces of indent). It takes "$$…$$" alone on its line as a
// one-line block, and "$$" followed by anything without a closing "$$"
// as the first line of a block, when a later line of the same paragraph
// of text (before the next blank line) holds the closing "$$": math pairs
// only inside one block (SPEC §6.6), so an unmatched "$$" stays text. A
// line such as "$$a$$ and more" is a paragraph, whose inline math is
// still display style, and so is a paragraph whose text so far leaves a
// "$$" open: the "$$" of this line closes it. It returns nil for
// anything else.
func (mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || !bytes.HasPrefix(line[pos:], []byte("$$")) {
		return nil, parser.NoChildren
	}
	if p, ok := pc.LastOpenedBlock().Node.(*ast.Paragraph); ok && openDisplay(p.Lines().Value(reader.Source())) {
		return nil, parser.NoChildren // this "$$" closes the paragraph's inline $$
	}
	start := seg.Start + pos - seg.Padding
	rest := line[pos+2:]
	n := &MathBlock{opener: text.NewSegment(start, seg.Stop)}
	if end := closingDollar(rest, true); end >= 0 {
		if !util.IsBlank(rest[end+2:]) {
			return nil, parser.NoChildren
		}
		n.Lines().Append(text.NewSegment(start+2, start+2+end))
		n.closed = true
	} else {
		if !closesBeforeBlank(reader.Source(), seg.Stop) {
			return nil, parser.NoChildren
		}
		n.Lines().Append(text.NewSegment(start+2, seg.Stop))
	}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// openDisplay reports whether text, the lines of a paragraph so far,
// leaves a "$$" open: an odd number of unescaped "$$" pairs.
func openDisplay(text []byte) bool {
	open := false
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\\':
			i++
		case text[i] == '$' && i+1 < len(text) && text[i+1] == '$':
			open = !open
			i++
		}
	}
	return open
}

// closesBeforeBlank reports whether a line of src from offset from on
// holds "$$" before a blank line or the end; a line of only quote markers
// counts as blank, as it would end a paragraph in a callout.
func closesBeforeBlank(src []byte, from int) bool {
	for from < len(src) {
		line := src[from:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		from += len(line)
		if util.IsBlank(bytes.TrimLeft(line, " \t>")) {
			return false
		}
		if closingDollar(line, true) >= 0 {
			return true
		}
	}
	return false
}

// Continue adds a line of TeX, or ends the block: at its closing "$$"
// (text before it on that line is TeX, text after it becomes a paragraph
// of its own), after a one-line block, or at a blank line, which leaves
// the block unclosed.
func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MathBlock)
	if n.closed {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Close
	}
	if end := closingDollar(line, true); end >= 0 {
		n.Lines().Append(seg.WithStop(seg.Start + end))
		n.closed = true
		reader.Advance(end + 2)
		return parser.Close
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close turns a block that never saw its closing "$$" (its quote or list
// item ended first) back into the paragraph its lines would have been.
func (mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	n := node.(*MathBlock)
	if n.closed || n.Parent() == nil {
		return
	}
	src := reader.Source()
	p := ast.NewParagraph()
	p.Lines().Append(n.opener)
	for i := 1; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		p.Lines().Append(seg.TrimLeftSpace(src))
	}
	last := p.Lines().At(p.Lines().Len() - 1)
	p.Lines().Set(p.Lines().Len()-1, last.TrimRightSpace(src))
	p.SetPos(n.Pos())
	p.SetBlankPreviousLines(n.HasBlankPreviousLines())
	n.Parent().ReplaceChild(n.Parent(), n, p)
}

func (mathBlockParser) CanInterruptParagraph() bool { return true }

func (mathBlockParser) CanAcceptIndentedLine() bool { return false }

// mathHTMLRenderer prints math as escaped TeX between KaTeX auto-render's
// delimiters (see the comment at the top of this file).
type mathHTMLRenderer struct{}

var _ renderer.NodeRenderer = mathHTMLRenderer{}

func (r mathHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMath, r.renderInline)
	reg.Register(KindMathBlock, r.renderBlock)
}

func (r mathHTMLRenderer) renderInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*Math)
	switch tex := bytes.TrimSpace(n.Tex(src)); {
	case n.Display && len(tex) == 0:
		_, _ = w.WriteString(`<span class="math math-block"></span>`) // "$$ $$": nothing to typeset
	case n.Display:
		_, _ = w.WriteString(`<span class="math math-block">\[`)
		_, _ = w.Write(util.EscapeHTML(tex))
		_, _ = w.WriteString(`\]</span>`)
	default:
		_, _ = w.WriteString(`<span class="math math-inline">\(`)
		_, _ = w.Write(util.EscapeHTML(n.Tex(src)))
		_, _ = w.WriteString(`\)</span>`)
	}
	return ast.WalkSkipChildren, nil
}

func (r mathHTMLRenderer) renderBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<div class="math math-block"`)
	if id, ok := node.AttributeString("id"); ok {
		if b, ok := id.([]byte); ok {
			writeAttr(w, "id", string(b))
		}
	}
	_ = w.WriteByte('>')
	if tex := bytes.TrimSpace(node.Lines().Value(src)); len(tex) > 0 { // "$$ $$" shows nothing
		_, _ = w.WriteString(`\[`)
		_, _ = w.Write(util.EscapeHTML(tex))
		_, _ = w.WriteString(`\]`)
	}
	_, _ = w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}

// isMathFence reports whether a fenced code block's language makes it
// display math (code.go renders it).
func isMathFence(lang []byte) bool {
	return bytes.EqualFold(lang, []byte("math")) || bytes.EqualFold(lang, []byte("latex-display"))
}

// mathExtension installs $ and $$ math: both parsers and the renderer.
type mathExtension struct{}

var _ goldmark.Extender = mathExtension{}

func (e mathExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(mathBlockParser{}, mathBlockPriority)),
		parser.WithInlineParsers(util.Prioritized(mathParser{}, mathPriority)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(mathHTMLRenderer{}, overridePriority)))
}
