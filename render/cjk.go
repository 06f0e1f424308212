package render

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/width"
)

// cjkEmphasisPriority runs before goldmark's emphasis parser (500). Ours
// reads every run of "*" or "_", so goldmark's never sees one: that is how
// it is replaced, since goldmark has no option to remove a parser.
const cjkEmphasisPriority = 499

// cjkEmphasisParser reads emphasis delimiters with the CommonMark
// CJK-friendly amendment: in "**設定**を開きます。" or "**[[設定]]**を", a
// run between a punctuation mark and a CJK letter opens or closes, where
// CommonMark's flanking rules, written for languages that put spaces
// between words, leave literal "**". Obsidian shows bold there. For text
// without CJK characters or variation selectors the rules are
// CommonMark's, so Latin text renders as before.
type cjkEmphasisParser struct{}

var (
	_ parser.InlineParser       = cjkEmphasisParser{}
	_ parser.DelimiterProcessor = cjkEmphasisProcessor{}
)

func (cjkEmphasisParser) Trigger() []byte { return []byte{'*', '_'} }

// Parse pushes the delimiter run at the reader onto the delimiter stack,
// as goldmark's emphasis parser does, with can-open and can-close decided
// by cjkFlanking.
func (cjkEmphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	after := ' ' // the end of the line counts as whitespace
	if n < len(line) {
		after = util.ToRune(line, n)
	}
	open, closing := cjkFlanking(line[0], precedingSequence(block), after)
	d := parser.NewDelimiter(open, closing, n, line[0], cjkEmphasisProcessor{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// cjkEmphasisProcessor pairs "*" with "*" and "_" with "_" into
// emphasis, like goldmark's own (unexported) processor.
type cjkEmphasisProcessor struct{}

func (cjkEmphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (cjkEmphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (cjkEmphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

// before describes what precedes a delimiter run: the character, or a
// character and the variation selector after it (U+FE00–U+FE0E), which
// the amendment reads as one sequence ("。︁" is still a CJK full stop).
type before struct {
	space      bool // Unicode whitespace, or the start of the line
	punct      bool // a Unicode punctuation sequence, CJK or not
	nonCJKP    bool // a non-CJK punctuation sequence
	cjk        bool // a CJK sequence
	ideoVarSel bool // an ideographic variation selector (U+E0100–U+E01EF)
}

// precedingSequence classifies what comes before the reader's position.
// The character itself is goldmark's PrecendingCharacter; only after a
// variation selector does it look one character further back.
func precedingSequence(block text.Reader) before {
	r := block.PrecendingCharacter()
	switch {
	case r >= 0xE0100 && r <= 0xE01EF:
		return before{ideoVarSel: true}
	case r < 0xFE00 || r > 0xFE0E:
		return classifyBefore(r, false)
	}
	_, seg := block.Position()
	src := block.Source()
	end := seg.Start - utf8.RuneLen(r)
	if end <= 0 || end > len(src) {
		return before{}
	}
	base, _ := utf8.DecodeLastRune(src[:end])
	if isFullwidthQuote(base, r) {
		return before{punct: true} // a CJK punctuation sequence
	}
	return classifyBefore(base, true)
}

// classifyBefore classifies r; afterVS says a variation selector followed
// it, and then whitespace does not count as such (the amendment leaves
// that case unspecified; we read it as an ordinary letter).
func classifyBefore(r rune, afterVS bool) before {
	if util.IsSpaceRune(r) {
		return before{space: !afterVS}
	}
	cjk := isCJK(r)
	p := util.IsPunctRune(r)
	return before{punct: p, nonCJKP: p && !cjk, cjk: cjk}
}

// isFullwidthQuote reports whether r and the variation selector vs make
// a CJK ambiguous punctuation sequence: a quotation mark of East Asian
// width A in its "fullwidth form" (StandardizedVariants.txt, Unicode 16).
func isFullwidthQuote(r, vs rune) bool {
	return vs == 0xFE01 && (r == '‘' || r == '’' || r == '“' || r == '”')
}

// cjkFlanking decides whether a run of c can open and close emphasis,
// given what precedes it and the character after it. It is CommonMark's
// rule with the amendment's changes to the meaning of "punctuation" on
// either side (specification.md of markdown-cjk-friendly, §6.2).
func cjkFlanking(c byte, b before, after rune) (open, closing bool) {
	afterSpace := util.IsSpaceRune(after)
	afterPunct := util.IsPunctRune(after)
	afterCJK := isCJK(after)
	afterNonCJKP := afterPunct && !afterCJK

	left := !afterSpace && (!afterNonCJKP || b.space || b.nonCJKP || b.cjk || b.ideoVarSel)
	right := !b.space && (!b.nonCJKP || afterSpace || afterNonCJKP || afterCJK)
	if c == '_' {
		return left && (!right || b.punct), right && (!left || afterPunct)
	}
	return left, right
}

// isCJK reports whether r is a CJK character: East Asian Width W, F or H
// and not shown as an emoji by default, or a Hangul letter of any width.
func isCJK(r rune) bool {
	if r < 0x1100 { // nothing below Hangul Jamo is wide
		return false
	}
	if unicode.Is(unicode.Hangul, r) {
		return true
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return !unicode.Is(emojiPresentation, r)
	}
	return false
}
