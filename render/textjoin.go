package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// textJoinPriority: it triggers on nothing, so only its CloseBlock
// matters, which runs after the block's inlines and delimiters.
const textJoinPriority = 999

// textJoiner repairs two ways goldmark's cuts in text change what a reader
// sees. goldmark cuts the text of a line at every trigger character where
// a parser is tried, and joins the pieces again only at the line's next
// trigger; our "#" (tags) and linkify's " " add triggers plain CommonMark
// does not have, so a cut could be the line's last:
//   - "x&#8594;y", "&#9;foo", "p&#124;q" were cut between "&" and "#",
//     and as a character reference is decoded within one text node, each
//     showed literally;
//   - "aaa     \nbbb" was cut at a space, and goldmark trims the spaces
//     before a hard line break from the last piece only, so "aaa  "
//     kept two of them before the <br>.
type textJoiner struct{}

var (
	_ parser.InlineParser = textJoiner{}
	_ parser.CloseBlocker = textJoiner{}
)

func (textJoiner) Trigger() []byte { return nil }

func (textJoiner) Parse(ast.Node, text.Reader, parser.Context) ast.Node { return nil }

// CloseBlock makes the repairs in the block's inlines.
func (textJoiner) CloseBlock(parent ast.Node, block text.Reader, _ parser.Context) {
	src := block.Source()
	_ = ast.Walk(parent, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		for {
			next, ok := t.NextSibling().(*ast.Text)
			if !ok || !contiguous(t, next) {
				return ast.WalkContinue, nil
			}
			switch {
			case splitReference(t, next, src):
				t.Segment = t.Segment.WithStop(next.Segment.Stop)
			case spaceBreak(next, src):
				t.Segment = t.Segment.TrimRightSpace(src)
			default:
				return ast.WalkContinue, nil
			}
			t.SetSoftLineBreak(next.SoftLineBreak())
			t.SetHardLineBreak(next.HardLineBreak())
			t.Parent().RemoveChild(t.Parent(), next)
		}
	})
}

// contiguous reports whether b's text follows a's in the source with no
// line break between: two pieces of one run.
func contiguous(a, b *ast.Text) bool {
	return !a.IsRaw() && !b.IsRaw() && !a.SoftLineBreak() && !a.HardLineBreak() &&
		a.Segment.Padding == 0 && b.Segment.Padding == 0 && a.Segment.Stop == b.Segment.Start
}

// splitReference reports whether the cut between a and b is between "&"
// and "#": no other cut can fall inside a character reference.
func splitReference(a, b *ast.Text, src []byte) bool {
	return a.Segment.Stop > 0 && src[a.Segment.Stop-1] == '&' &&
		b.Segment.Start < len(src) && src[b.Segment.Start] == '#'
}

// spaceBreak reports whether b is the empty end of a line that ends in a
// hard line break of spaces (a backslash break keeps the spaces before
// it, in goldmark as in the spec).
func spaceBreak(b *ast.Text, src []byte) bool {
	return b.HardLineBreak() && b.Segment.Len() == 0 &&
		b.Segment.Stop < len(src) && src[b.Segment.Stop] == ' '
}
