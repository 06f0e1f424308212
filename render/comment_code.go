package render

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blockParser reads only CommonMark's block structure, to find indented
// code blocks before comments are blanked. It is shared: goldmark's
// parser holds no state between calls.
var blockParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithInlineParsers(),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// indentedCode returns the byte ranges of src's indented code blocks, in
// order, where a "%%" is code and opens no comment (SPEC §6.2). Whether
// four spaces make code depends on the whole block structure (a list
// item's paragraph may be indented as far), which only a parse knows; it
// runs only for a note with a "%%" on a line indented that far, so other
// notes are parsed once, as before.
func indentedCode(src []byte, start int) [][2]int {
	if !indentedPercent(src[start:]) {
		return nil
	}
	var out [][2]int
	doc := blockParser.Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*ast.CodeBlock); ok && entering && c.Lines().Len() > 0 {
			out = append(out, [2]int{c.Lines().At(0).Start, c.Lines().At(c.Lines().Len() - 1).Stop})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// indentedPercent reports whether a line holds "%%" after leading
// whitespace (among any ">" markers) with a tab or four spaces in it.
func indentedPercent(src []byte) bool {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if !bytes.Contains(line, []byte("%%")) {
			continue
		}
		lead := line[:len(line)-len(bytes.TrimLeft(line, " \t>"))]
		if bytes.IndexByte(lead, '\t') >= 0 || bytes.Contains(lead, []byte("    ")) {
			return true
		}
	}
	return false
}

// inCode reports whether the line src[from:to] overlaps one of the
// sorted ranges, dropping from the front those that end before it:
// blankComments asks line by line, in order.
func inCode(code *[][2]int, from, to int) bool {
	for len(*code) > 0 && (*code)[0][1] <= from {
		*code = (*code)[1:]
	}
	return len(*code) > 0 && (*code)[0][0] <= to
}
