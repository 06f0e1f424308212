package render

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blankComments blanks every %%…%% comment in src[start:] in place
// (SPEC §6.2), skipping fenced code blocks and inline code spans, so no
// comment byte reaches the parser, the output or the search index. A
// comment may span lines, paragraphs and code fences. When the last
// comment is never closed, the rest of the file is blanked, as Obsidian's
// editor shows it, and ok is false with off at the opening "%%".
//
// Blanking keeps newlines, so block structure and line numbers survive,
// and on the later lines of a comment it keeps the ">" markers of the
// quote or callout the comment opened in, so a comment inside a callout
// does not cut the callout in two.
//
// Blanks are not always neutral: before text they are indentation
// ("%%note%% text" would be an indented code block), and at the end of a
// line two of them make a hard line break. There one byte stays "%" as a
// marker (commentLine.mark), and marks maps its offset to the end of the
// comment: commentParser reads the pair as nothing, and
// commentTransformer drops a marker that lands in a raw block.
//
// A "%%" inside an indented code block is code too: the lines of the
// ranges code (indentedCode) are skipped.
func blankComments(src []byte, start int, code [][2]int) (marks map[int]int, off int, ok bool) {
	marks = map[int]int{}
	var fence []byte // the open fence's marker run, nil outside a fence
	memo := &codeSpanMemo{}
	for i := start; i < len(src); {
		lineEnd := endOfLine(src, i)
		if inCode(&code, i, lineEnd) {
			i = lineEnd + 1
			continue
		}
		if marker := fenceMarker(src[i:lineEnd]); marker != nil {
			switch {
			case fence == nil:
				fence = marker
				i = lineEnd + 1
				continue
			case marker[0] == fence[0] && len(marker) >= len(fence) && closingFence(src[i:lineEnd]):
				fence = nil
				i = lineEnd + 1
				continue
			}
		}
		if fence != nil {
			i = lineEnd + 1
			continue
		}
		next, open, closed := scanLine(src, i, lineEnd, marks, memo)
		if open >= 0 && !closed {
			blank(src[open:])
			return marks, open, false
		}
		i = next
	}
	return marks, 0, true
}

// endOfLine returns the offset of the newline ending the line at i, or
// len(src).
func endOfLine(src []byte, i int) int {
	if e := bytes.IndexByte(src[i:], '\n'); e >= 0 {
		return i + e
	}
	return len(src)
}

// scanLine blanks the comments that open on the line src[i:end] and
// returns where scanning goes on (past the last comment, which may end on
// a later line). open is the offset of a comment that never closes.
func scanLine(src []byte, i, end int, marks map[int]int, memo *codeSpanMemo) (next, open int, closed bool) {
	var l commentLine
	l.reset(i)
	for i < end {
		switch {
		case src[i] == '`':
			i = skipCodeSpan(src, i, memo)
		case src[i] == '\\' && i+1 < end:
			i += 2
		case src[i] == '%' && i+1 < len(src) && src[i+1] == '%':
			c := bytes.Index(src[i+2:], []byte("%%"))
			if c < 0 {
				return len(src), i, false
			}
			stop := i + 2 + c + 2
			from := blankComment(src, l.depth(src, i), i, stop)
			if from > i {
				// The comment ended on a later line: go on from there.
				l.mark(src, end, marks)
				l.reset(bytes.LastIndexByte(src[:stop], '\n') + 1)
				end = endOfLine(src, stop)
			}
			l.add(src, from, stop)
			i = stop
		default:
			i++
		}
	}
	l.mark(src, end, marks)
	return end + 1, -1, true
}

// commentLine follows the comments on one line, to leave markers where
// blanks alone would change the line's meaning.
type commentLine struct {
	start                int
	lead, leadStop       int // the comment that begins the line's content, or -1
	last, lastFrom, stop int // the last comment on the line, or -1
	// text is set once text precedes a comment: no later comment on
	// the line can begin its content.
	text bool
	// The ">" markers counted so far, up to qpos (see quoteDepth).
	qpos, qdepth int
}

func (l *commentLine) reset(start int) {
	*l = commentLine{start: start, lead: -1, last: -1, qpos: start}
}

// depth returns how many ">" markers open the line before offset open.
func (l *commentLine) depth(src []byte, open int) int {
	l.qpos, l.qdepth = quoteDepth(src, l.qpos, open, l.qdepth)
	return l.qdepth
}

// add records the comment whose blanked part on this line is src[from:stop].
func (l *commentLine) add(src []byte, from, stop int) {
	if l.lead < 0 && !l.text {
		if blockPrefix(src[l.start:from]) {
			l.lead, l.leadStop = from, stop
		} else {
			l.text = true
		}
	}
	l.last, l.lastFrom, l.stop = from, from, stop
}

// mark leaves a "%" marker, once the line (ending at end) is blanked:
//
//   - at the start of a comment that begins the line's content when text
//     follows it, since the blanks would indent the text (an indented
//     code block, a list item's code);
//   - at the last byte of a comment that ends a line after text, since
//     trailing blanks would make a hard line break; not in an ATX heading,
//     whose trailing blanks are trimmed and whose raw text is kept.
//
// marks maps a marker to the end of its comment, which for the second
// kind is the byte after the marker.
func (l *commentLine) mark(src []byte, end int, marks map[int]int) {
	if l.lead >= 0 && len(bytes.TrimSpace(src[l.leadStop:end])) > 0 {
		src[l.lead] = '%'
		marks[l.lead] = l.leadStop
	}
	if l.last < 0 || len(bytes.TrimSpace(src[l.stop:end])) > 0 {
		return
	}
	before := src[l.start:l.lastFrom]
	if blockPrefix(before) || atxHeading(before) {
		return
	}
	src[l.stop-1] = '%'
	marks[l.stop-1] = l.stop
}

// blankComment blanks the comment src[open:stop], which opens on a line
// whose prefix holds depth ">" markers. On its later lines it keeps as
// many ">". It returns where the blanked part of the comment's last line
// begins.
func blankComment(src []byte, depth, open, stop int) (lastFrom int) {
	from := open
	for {
		e := stop // the end of the comment, or of its line before that
		if k := bytes.IndexByte(src[from:stop], '\n'); k >= 0 {
			e = from + k
		}
		blank(src[from:e])
		if e == stop {
			return from
		}
		from = keepQuotePrefix(src, e+1, stop, depth)
	}
}

// commentMarksKey holds the marks of blankComments for one parse.
var commentMarksKey = parser.NewContextKey()

// commentPriority: no other inline parser triggers on "%", so any slot
// works; code spans (100) never hold a marker, as blankComments skips
// them.
const commentPriority = 90

// commentParser reads a comment marker left by blankComments as nothing:
// a leading marker with the blanks after it and the whitespace that
// followed the comment ("%%note%% text" is the paragraph "text"), or the
// one-byte marker that ends a line.
type commentParser struct{}

var _ parser.InlineParser = commentParser{}

func (commentParser) Trigger() []byte { return []byte{'%'} }

// Parse returns an empty text node for a marker, or nil for any other
// "%", which is text.
func (commentParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	marks, _ := pc.Get(commentMarksKey).(map[int]int)
	line, seg := block.PeekLine()
	stop, ok := marks[seg.Start]
	if !ok || stop-seg.Start > len(line) {
		return nil
	}
	n := stop - seg.Start
	if n == 1 {
		block.Advance(1)
		at := trimTrailingBlanks(parent, block.Source(), seg.Start)
		return ast.NewTextSegment(text.NewSegment(at, at))
	}
	for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		n++
	}
	block.Advance(n)
	return ast.NewTextSegment(text.NewSegment(seg.Start+n, seg.Start+n))
}

// trimTrailingBlanks cuts the blanks of a comment that ends a line off
// the text before it and returns where that text now ends (or at, when
// no text precedes): the empty node goes right there, so a "^id" before
// the comment still ends the block's text.
func trimTrailingBlanks(parent ast.Node, src []byte, at int) int {
	t, ok := parent.LastChild().(*ast.Text)
	if !ok || t.Segment.Stop != at {
		return at
	}
	t.Segment = t.Segment.TrimRightSpace(src)
	return t.Segment.Stop
}

// commentTransformerPriority: any order works; it only edits raw blocks.
const commentTransformerPriority = 50

// commentTransformer drops the comment markers that landed in blocks
// whose lines are printed raw (an HTML block, an indented code block), so
// not even the marker byte reaches the output.
type commentTransformer struct{}

var _ parser.ASTTransformer = commentTransformer{}

func (commentTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	marks, _ := pc.Get(commentMarksKey).(map[int]int)
	if len(marks) == 0 {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeBlock && n.IsRaw() {
			dropMarks(n.Lines(), marks)
		}
		return ast.WalkContinue, nil
	})
}

// dropMarks cuts the marker byte out of every line segment holding one.
func dropMarks(lines *text.Segments, marks map[int]int) {
	var out []text.Segment
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		var in []int
		for m := range marks {
			if seg.Start <= m && m < seg.Stop {
				in = append(in, m)
			}
		}
		slices.Sort(in)
		for _, m := range in {
			out = append(out, seg.WithStop(m))
			seg = text.NewSegment(m+1, seg.Stop)
		}
		out = append(out, seg)
	}
	lines.Clear()
	lines.AppendAll(out)
}
