package render

import (
	"fmt"

	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxNesting is how deep blocks nest: quotes and callouts, list items,
// footnote definitions. A line that would open a block deeper shows as
// text, and Parse reports nesting-too-deep.
//
// Obsidian documents no limit. goldmark has none either, and its cost
// grows with the square of the depth: a note of "> " or "- " repeated
// 100,000 times on one line took minutes. 100 is markdown-it's default
// (maxNesting), deeper than any note written by hand, and keeps a page
// under the 512 nested elements at which browsers stop nesting (a list
// level is two: <ul><li>).
const MaxNesting = 100

// KindDeepText is the kind of DeepText.
var KindDeepText = ast.NewNodeKind("DeepText")

// DeepText is the rest of a line that would have opened a block nested
// deeper than MaxNesting: a paragraph of that one line, markers and all.
type DeepText struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *DeepText) Kind() ast.NodeKind { return KindDeepText }

// Dump implements ast.Node.
func (n *DeepText) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// nestingPriority: after the thematic break (200), so "- - -" stays a
// rule at any depth, and before lists (300), list items (400),
// blockquotes (800) and footnote definitions (999), which it stops.
const nestingPriority = 250

// nestingParser opens a DeepText where a list item, a quote or a
// footnote definition would open beyond MaxNesting.
type nestingParser struct{}

var (
	_ parser.BlockParser    = nestingParser{}
	_ renderer.NodeRenderer = deepTextHTMLRenderer{}
)

func (nestingParser) Trigger() []byte {
	return []byte{'>', '-', '+', '*', '[', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}
}

// deepKey holds the offsets of the DeepTexts of a parse, for Parse to
// report.
var deepKey = parser.NewContextKey()

// reportDeep adds one nesting-too-deep warning for the note, at its first
// DeepText, which counts the others: a note nested that deep usually has
// many such lines.
func reportDeep(n *site.Note, pc parser.Context, diags *site.Diagnostics) {
	deep, _ := pc.Get(deepKey).([]int)
	if len(deep) == 0 || diags == nil {
		return
	}
	what := "this line is"
	if len(deep) > 1 {
		what = fmt.Sprintf("this line and %d more like it are", len(deep)-1)
	}
	diags.Add(n.Pos(deep[0]), site.Warning, "nesting-too-deep", "blocks nest deeper than %d levels; %s shown as text", MaxNesting, what)
}

// Open returns a DeepText for a line that opens a block in parent when
// parent is already MaxNesting deep, or nil.
func (nestingParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	pos := pc.BlockOffset()
	line, seg := reader.PeekLine()
	if pos < 0 || !opensBlock(line[pos:]) || depth(parent) < MaxNesting {
		return nil, parser.NoChildren
	}
	start := seg.Start + pos - seg.Padding
	n := &DeepText{}
	body := text.NewSegment(start, seg.Stop)
	n.Lines().Append(body.TrimRightSpace(reader.Source()))
	n.SetPos(start)
	at, _ := pc.Get(deepKey).([]int)
	pc.Set(deepKey, append(at, start))
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

func (nestingParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

func (nestingParser) Close(ast.Node, text.Reader, parser.Context) {}

func (nestingParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine is true so that the deeper lines of a list nested
// by indentation stay text too, rather than turning into code once their
// indentation passes four spaces.
func (nestingParser) CanAcceptIndentedLine() bool { return true }

// depth counts the blocks that hold n's content, n included: quotes,
// list items, footnote definitions; a list and the document hold only
// other blocks. It stops counting at MaxNesting, so asking costs no more
// than that.
func depth(n ast.Node) int {
	d := 0
	for ; n != nil && d < MaxNesting; n = n.Parent() {
		switch n.Kind() {
		case ast.KindDocument, ast.KindList:
		default:
			d++
		}
	}
	return d
}

// opensBlock reports whether a line, from its first non-blank byte,
// opens a quote (">"), a list item ("-", "+", "*", "1." or "1)" then a
// blank or the end) or a footnote definition ("[^").
func opensBlock(line []byte) bool {
	switch {
	case len(line) == 0:
		return false
	case line[0] == '>':
		return true
	case line[0] == '[':
		return len(line) > 1 && line[1] == '^'
	case line[0] == '-' || line[0] == '+' || line[0] == '*':
		return len(line) == 1 || util.IsSpace(line[1])
	}
	i := 0
	for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') && (i+1 == len(line) || util.IsSpace(line[i+1]))
}

// deepTextHTMLRenderer prints a DeepText as a paragraph.
type deepTextHTMLRenderer struct{}

func (deepTextHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDeepText, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<p>")
		} else {
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkContinue, nil
	})
}
