package render

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkRefPriority: before goldmark's reference definitions (100).
const linkRefPriority = 90

// linkRefTransformer takes the link reference definitions that open a
// paragraph, as goldmark's own paragraph transformer does, but only those
// of the plainest form, one to a line: `[label]: /dest` or
// `[label]: /dest "title"`, with no escapes, entities, angle brackets or
// parentheses, and no title on the next line. It stops at the first line
// that is anything else and leaves the rest to goldmark, which decides
// as ever. goldmark cuts each definition out of the paragraph's lines by
// copying the lines after it, which made a paragraph of thousands of
// definitions quadratic (cmark's "many references"); here they go in one
// cut.
type linkRefTransformer struct{}

var _ parser.ParagraphTransformer = linkRefTransformer{}

func (linkRefTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	k := 0
	for ; k < lines.Len(); k++ {
		seg := lines.At(k)
		label, dest, title, ok := plainLinkRef(seg, src)
		if next := lines.At(min(k+1, lines.Len()-1)); !ok || k+1 < lines.Len() && titleLine(next.Value(src)) {
			break
		}
		ref := ast.NewLinkReferenceDefinition(label, dest, title)
		ref.Lines().Append(seg.TrimRightSpace(src))
		if k == 0 {
			ref.SetBlankPreviousLines(node.HasBlankPreviousLines())
		}
		node.Parent().InsertBefore(node.Parent(), node, ref)
		pc.AddReference(parser.NewReference(label, dest, title))
	}
	if k == 0 {
		return
	}
	if k == lines.Len() {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	rest := lines.Sliced(k, lines.Len())
	lines.Clear()
	lines.AppendAll(rest)
	// goldmark's transformer goes on from here. It gives its first
	// definition the paragraph's blank-line flag, which only the first
	// definition of all may have (it makes a list loose), so it runs
	// now, with the flag cleared for the while.
	blank := node.HasBlankPreviousLines()
	node.SetBlankPreviousLines(false)
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
	node.SetBlankPreviousLines(blank)
}

// plainLinkRef reads a definition of the plainest form from a line.
func plainLinkRef(seg text.Segment, src []byte) (label, dest, title []byte, ok bool) {
	if seg.Padding != 0 {
		return nil, nil, nil, false
	}
	line := bytes.TrimRight(seg.Value(src), " \t\r\n")
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	end := bytes.Index(line, []byte("]:"))
	if i >= len(line) || line[i] != '[' || end < 0 || end-i-1 > 999 {
		return nil, nil, nil, false
	}
	label = line[i+1 : end]
	if len(bytes.TrimSpace(label)) == 0 || bytes.ContainsAny(label, "[]\\") {
		return nil, nil, nil, false
	}
	rest := bytes.TrimLeft(line[end+2:], " \t")
	d := bytes.IndexAny(rest, " \t")
	if d < 0 {
		d = len(rest)
	}
	dest, rest = rest[:d], bytes.TrimLeft(rest[d:], " \t")
	if len(dest) == 0 || bytes.ContainsAny(dest, "<>()\\&\"'") {
		return nil, nil, nil, false
	}
	if len(rest) == 0 {
		return label, dest, nil, true
	}
	q := rest[0]
	if (q != '"' && q != '\'') || len(rest) < 2 || rest[len(rest)-1] != q {
		return nil, nil, nil, false
	}
	title = rest[1 : len(rest)-1]
	if bytes.ContainsAny(title, "\"'\\&") {
		return nil, nil, nil, false
	}
	return label, dest, title, true
}

// titleLine reports whether a line could hold the title of the
// definition on the line before it.
func titleLine(line []byte) bool {
	t := bytes.TrimLeft(line, " \t")
	return len(t) > 0 && (t[0] == '"' || t[0] == '\'' || t[0] == '(')
}
