package render

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkClosePriority: after the inline footnote's "]" (190), before
// goldmark's link parser (200), whose "](" it may answer first.
const linkClosePriority = 195

// linkCloseParser keeps goldmark's link parser linear at "]". goldmark
// does three things there whose cost grows with the text since the "["
// it closes, so that a line of thousands of "[" and "]" was quadratic:
//
//   - at "](" it reads the destination up to the first blank or
//     unbalanced ")", or "<…" up to a ">", to the end of the line,
//     before it finds that no link closes; for a line of "[a](b" or
//     "[a](<b" repeated, from each of them;
//   - it walks every node after the "[" to see that the link holds no
//     link, and each "[" that closed no link is left as a node of its
//     own ("[[[a]]]" gives three);
//   - it copies the text since the "[" to look it up as a reference.
//
// So this parser takes each "]" that closes a label first and hands it
// to goldmark's own link parser, which decides as always, after
// merging the text nodes that end the paragraph (they are one text), on a
// reader whose Value does not copy within a line, and, when the line
// shows that the link after "](" cannot close (linkFails, from linkLine,
// made once per line), with the "(" hidden: goldmark then does exactly
// what it does after a failed inline link, the label becoming text or a
// shortcut reference link. A link that closes consumes what it read.
type linkCloseParser struct{}

var _ parser.InlineParser = linkCloseParser{}

func (linkCloseParser) Trigger() []byte { return []byte{']'} }

var (
	goldmarkLinkParser = parser.NewLinkParser()
	scratchKey         = parser.NewContextKey()
	linkLineKey        = parser.NewContextKey()
)

// Parse returns nil for a "]" that closes no label (goldmark does nothing
// with it either), else what goldmark's link parser makes of it: a link,
// or the text "]".
func (linkCloseParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if getFootnoteState(pc).closedAt != seg.Start {
		return nil
	}
	mergeText(parent, getFootnoteState(pc).closing)
	at, pos := block.Position()
	r := lineValues{Reader: block, line: parent.Lines().At(at)}
	hide := len(line) > 1 && line[1] == '(' && linkFails(block, pc)
	if hide {
		r.Reader = hidden(parent, block, pc)
	}
	n := goldmarkLinkParser.Parse(parent, r, pc)
	if hide {
		r.Reader.Source()[seg.Start+1] = '(' // the real reader has not moved
	}
	if n == nil || hide {
		block.SetPosition(at, pos)
		block.Advance(1)
	}
	if n == nil {
		return ast.NewTextSegment(seg.WithStop(seg.Start + 1))
	}
	return n
}

// hidden returns a reader over a copy of the source, at the block
// reader's place, whose "(" after the "]" there is a blank until Parse
// puts it back. The copy is made once per parse.
func hidden(parent ast.Node, block text.Reader, pc parser.Context) text.BlockReader {
	scratch, _ := pc.Get(scratchKey).([]byte)
	if scratch == nil {
		scratch = bytes.Clone(block.Source())
		pc.Set(scratchKey, scratch)
	}
	_, seg := block.PeekLine()
	scratch[seg.Start+1] = ' '
	r := text.NewBlockReader(scratch, parent.Lines())
	r.SetPosition(block.Position())
	return r
}

// lineValues is a reader whose Value, for a stretch within line (one
// line of the block, without padding), is the source itself, not a copy
// found by searching the block's lines from its last.
type lineValues struct {
	text.Reader
	line text.Segment
}

func (r lineValues) Value(seg text.Segment) []byte {
	if r.line.Padding == 0 && r.line.Start <= seg.Start && seg.Stop <= r.line.Stop {
		return seg.Value(r.Source())
	}
	return r.Reader.Value(seg)
}

// mergeText merges the text nodes that sit side by side in the source,
// within a line, right after the label and at the end of parent: after
// the label is what goldmark walks, and each "[" that closed no link
// left a text node there. Each stretch is merged up to the first pair
// that does not merge, so a node is passed over once at most.
func mergeText(parent, label ast.Node) {
	if label != nil {
		if t, ok := label.NextSibling().(*ast.Text); ok {
			for next, ok := t.NextSibling().(*ast.Text); ok && mergeable(t, next); next, ok = t.NextSibling().(*ast.Text) {
				merge(t, next)
			}
		}
	}
	for {
		last, ok := parent.LastChild().(*ast.Text)
		if !ok {
			return
		}
		prev, ok := last.PreviousSibling().(*ast.Text)
		if !ok || !mergeable(prev, last) {
			return
		}
		merge(prev, last)
	}
}

// mergeable reports whether b continues a in the source on a's line.
func mergeable(a, b *ast.Text) bool {
	return a.Segment.Stop == b.Segment.Start && !a.SoftLineBreak() && !a.HardLineBreak() &&
		!a.IsRaw() && !b.IsRaw() && a.Segment.Padding == 0 && b.Segment.Padding == 0
}

// merge moves b's text and line break into a and drops b.
func merge(a, b *ast.Text) {
	a.Segment = a.Segment.WithStop(b.Segment.Stop)
	a.SetSoftLineBreak(b.SoftLineBreak())
	a.SetHardLineBreak(b.HardLineBreak())
	a.Parent().RemoveChild(a.Parent(), b)
}

// linkLine is what linkFails needs of the rest of a line, src[start:stop],
// found in one pass each way, by offset-start. goldmark's escapes count:
// a backslash before punctuation.
type linkLine struct {
	start, stop int
	// nonSpace and space: the next offset at or after i holding a
	// non-blank, a blank; gt, quote, apos, paren: the next unescaped ">",
	// '"', "'", "(" or ")"; -1 for none.
	nonSpace, space, gt, quote, apos, paren []int32
	// unbalanced: the first unescaped ")" after i that closes more than
	// the parentheses opened from i, or -1.
	unbalanced []int32
}

// lineOf returns the linkLine of the line the block reader is on, made
// once per line.
func lineOf(block text.Reader, pc parser.Context) *linkLine {
	line, seg := block.PeekLine()
	if l, ok := pc.Get(linkLineKey).(*linkLine); ok && l.start <= seg.Start && l.stop == seg.Stop {
		return l
	}
	n := len(line)
	l := &linkLine{start: seg.Start, stop: seg.Stop}
	escaped := make([]bool, n+1)
	for i := 0; i+1 < n; i++ {
		if line[i] == '\\' && util.IsPunct(line[i+1]) {
			escaped[i+1] = true
			i++
		}
	}
	next := func(is func(c byte) bool) []int32 {
		out := make([]int32, n+1)
		out[n] = -1
		for i := n - 1; i >= 0; i-- {
			out[i] = out[i+1]
			if !escaped[i] && is(line[i]) {
				out[i] = int32(i)
			}
		}
		return out
	}
	l.nonSpace = next(func(c byte) bool { return !util.IsSpace(c) })
	l.space = next(util.IsSpace)
	l.gt = next(func(c byte) bool { return c == '>' })
	l.quote = next(func(c byte) bool { return c == '"' })
	l.apos = next(func(c byte) bool { return c == '\'' })
	l.paren = next(func(c byte) bool { return c == '(' || c == ')' })
	l.unbalanced = unbalancedParens(line, escaped)
	pc.Set(linkLineKey, l)
	return l
}

// unbalancedParens returns, for each offset i, the first ")" after i
// that closes more than was opened from i, or -1. With depth[k] the
// parentheses open before k, that ")" sits just before the first k > i
// where depth[k] < depth[i]: the next smaller value, which one pass from
// the end with a stack finds for every i.
func unbalancedParens(line []byte, escaped []bool) []int32 {
	n := len(line)
	depth := make([]int32, n+1)
	for i, c := range line {
		depth[i+1] = depth[i]
		switch {
		case escaped[i]:
		case c == '(':
			depth[i+1]++
		case c == ')':
			depth[i+1]--
		}
	}
	out := make([]int32, n+1)
	var stack []int32
	for i := n; i >= 0; i-- {
		for len(stack) > 0 && depth[stack[len(stack)-1]] >= depth[i] {
			stack = stack[:len(stack)-1]
		}
		out[i] = -1
		if len(stack) > 0 {
			out[i] = stack[len(stack)-1] - 1
		}
		stack = append(stack, int32(i))
	}
	return out
}

// at returns the offset in the source for an index into l's arrays, or
// -1 for none.
func (l *linkLine) at(i int32) int {
	if i < 0 {
		return -1
	}
	return l.start + int(i)
}

// linkFails reports whether goldmark's inline link, at the "](" the block
// reader is on, certainly fails, by the steps of its parseLink: blanks,
// a destination ("<…>" or up to a blank or an unbalanced ")"), blanks, a
// ")" or a title and a ")". When a step would look past the line it says
// false, unless no line follows.
func linkFails(block text.Reader, pc parser.Context) bool {
	l := lineOf(block, pc)
	_, seg := block.PeekLine()
	c, q := nextNonBlank(l, block, seg.Start+2)
	switch {
	case c == 0:
		return true
	case c == ')' || q < 0:
		return false
	}
	var e int
	if c == '<' {
		if e = l.at(l.gt[q+1-l.start]); e < 0 {
			return true
		}
		e++
	} else {
		e = l.stop
		for _, k := range []int{l.at(l.space[q-l.start]), l.at(l.unbalanced[q-l.start])} {
			if k >= 0 && k < e {
				e = k
			}
		}
	}
	c, q = nextNonBlank(l, block, e)
	switch {
	case c == ')' || c != 0 && q < 0 && bytes.IndexByte([]byte(`"'(`), c) >= 0:
		return false
	case c == 0 || bytes.IndexByte([]byte(`"'(`), c) < 0:
		return true
	}
	return titleFails(l, block, c, q)
}

// titleFails is linkFails for a title opening at offset q with c.
func titleFails(l *linkLine, block text.Reader, c byte, q int) bool {
	var t int
	switch c {
	case '"':
		t = l.at(l.quote[q+1-l.start])
	case '\'':
		t = l.at(l.apos[q+1-l.start])
	default:
		if t = l.at(l.paren[q+1-l.start]); t >= 0 && block.Source()[t] == '(' {
			return true // goldmark's title does not nest
		}
	}
	if t < 0 {
		return false // the title may close on a later line
	}
	c, _ = nextNonBlank(l, block, t+1)
	return c != ')'
}

// nextNonBlank returns the first non-blank byte at or after offset i and
// its offset, looking on to the block's later lines (offset -1) when the
// rest of this one is blank; c is 0 when there is none.
func nextNonBlank(l *linkLine, block text.Reader, i int) (c byte, at int) {
	if i < l.stop {
		if k := l.at(l.nonSpace[i-l.start]); k >= 0 {
			return block.Source()[k], k
		}
	}
	line, pos := block.Position()
	defer block.SetPosition(line, pos)
	for block.AdvanceLine(); ; block.AdvanceLine() {
		b, _ := block.PeekLine()
		if b == nil {
			return 0, -1
		}
		if k := bytes.IndexFunc(b, func(r rune) bool { return r >= 0x80 || !util.IsSpace(byte(r)) }); k >= 0 {
			return b[k], -1
		}
	}
}
