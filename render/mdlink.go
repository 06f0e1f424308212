package render

import (
	"bytes"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mdlinkTransformerPriority: any order among our transformers works, as
// long as it runs before the heading ids, which read link text.
const mdlinkTransformerPriority = 100

// mdlinkTransformer turns CommonMark links and images whose destination
// has no URL scheme into InternalLinks (SPEC §2), and marks the others as
// external links.
type mdlinkTransformer struct{}

var _ parser.ASTTransformer = mdlinkTransformer{}

func (mdlinkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var links []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.Image:
			links = append(links, n)
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				links = append(links, n)
			}
		}
		return ast.WalkContinue, nil
	})
	src := reader.Source()
	for _, n := range links {
		switch n := n.(type) {
		case *ast.AutoLink:
			if unsafeURL(string(n.URL(src)), true, false) {
				n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.Label(src)))
				continue
			}
			markExternal(n)
		case *ast.Link:
			switch {
			case unsafeURL(string(n.Destination), true, false):
				unwrap(n)
			case hasScheme(n.Destination):
				markExternal(n)
			default:
				replace(n, internalFromDest(n.Destination, false, ""))
			}
		case *ast.Image:
			alt := plainText(n, src)
			switch {
			case unsafeURL(string(n.Destination), true, true):
				unwrap(n)
			case hasScheme(n.Destination):
				if !toWebEmbed(n, alt) {
					sizeExternalImage(n, alt)
				}
			default:
				replace(n, internalFromDest(n.Destination, true, alt))
			}
		}
	}
}

// unwrap puts a link's or image's children where it was: a javascript:,
// vbscript: or (but for images) data: destination would run code or fake
// a page when followed, so the link stays text, as raw HTML's unsafe
// URLs go (html.go).
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

func markExternal(n ast.Node) {
	n.SetAttributeString("class", []byte("external-link"))
	n.SetAttributeString("target", []byte("_blank"))
	n.SetAttributeString("rel", []byte("noopener nofollow"))
}

// sizeExternalImage applies "![alt|300](https://…)" and "![250](…)" to an
// image that stays external (SPEC §2.5).
func sizeExternalImage(n *ast.Image, alt string) {
	a, w, h := parseSize(alt, true)
	if w == 0 && strings.IndexByte(alt, '|') < 0 {
		if v, ok := atoi(strings.TrimSpace(alt)); ok && alt != "" {
			a, w = "", v
		}
	}
	if w == 0 {
		return
	}
	n.SetAttributeString("width", []byte(strconv.Itoa(w)))
	if h > 0 {
		n.SetAttributeString("height", []byte(strconv.Itoa(h)))
	}
	n.SetAttributeString("alt", []byte(a))
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		n.RemoveChild(n, c)
		c = next
	}
}

// schemeRE is RFC 3986's scheme followed by ":". One letter is not a
// scheme here: "C:" is a Windows drive, never a web link.
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]+:`)

func hasScheme(dest []byte) bool { return schemeRE.Match(dest) }

// internalFromDest builds the InternalLink of a scheme-less destination:
// its backslash escapes and character references decoded, as CommonMark
// decodes every destination (goldmark keeps the source and decodes only
// when it prints a URL), then percent-decoded ("+" stays a plus), cut at
// the first "#" (SPEC §2.2). "/bar\*" names the note "bar*", and
// "/f&ouml;&ouml;" the note "föö".
func internalFromDest(dest []byte, embed bool, alt string) *InternalLink {
	raw := string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
	dec, err := url.PathUnescape(raw)
	if err != nil {
		dec = raw
	}
	path, sub := splitSubpath(dec)
	n := &InternalLink{Embed: embed, Raw: dec, Path: path, Subpath: sub}
	if embed {
		n.Alt, n.Width, n.Height = parseSize(alt, true)
		if n.Width == 0 && strings.IndexByte(alt, '|') < 0 {
			if v, ok := atoi(strings.TrimSpace(alt)); ok && alt != "" {
				n.Alt, n.Width = "", v
			}
		}
		if n.Alt == "" && n.Width == 0 {
			n.Alt = alt
		}
	}
	return n
}

// replace puts l where n was, adopting n's children as the link text.
func replace(n ast.Node, l *InternalLink) {
	l.SetPos(n.Pos())
	if !l.Embed {
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			l.AppendChild(l, c)
			c = next
		}
	}
	n.Parent().ReplaceChild(n.Parent(), n, l)
}

// plainText returns the text of n's inline children, as an alt attribute
// would show it.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *Tag:
			b.WriteString("#" + c.Name)
		case *InlineFootnote:
			return ast.WalkSkipChildren, nil // a note, not part of the text
		case *InternalLink:
			if c.Wiki {
				b.WriteString(c.Display)
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// parseRawSpaceLink reads "[text](dest with spaces)" on one line, which
// CommonMark and Obsidian leave as text (SPEC §2.3) and vaultsite turns
// into a link candidate (SPEC §13): Bind keeps it only if it resolves.
// It returns nil for anything CommonMark parses itself, including a
// destination followed by a title, for destinations with a scheme, and
// for a text that holds a link of its own, which the repair would flatten
// into text (links do not nest), and for a text that is a defined
// reference label, which CommonMark links as a shortcut reference.
func parseRawSpaceLink(block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	brackets := lineBrackets(block, pc)
	labelEnd := brackets.match(seg.Start) - seg.Start
	if labelEnd < 0 || labelEnd+1 >= len(line) || line[labelEnd+1] != '(' {
		return nil
	}
	destEnd := brackets.match(seg.Start+labelEnd+1) - seg.Start
	if destEnd < 0 || !brackets.hasSpace(seg.Start+labelEnd+2, seg.Start+destEnd) {
		return nil
	}
	dest := bytes.TrimSpace(line[labelEnd+2 : destEnd])
	if bytes.IndexByte(dest, ' ') < 0 || dest[0] == '<' || hasScheme(dest) || titledDest.Match(dest) {
		return nil
	}
	if label := line[1:labelEnd]; bytes.Contains(label, []byte("](")) || bytes.Contains(label, []byte("[[")) {
		return nil // a link inside: CommonMark keeps it, and the outer text stays text
	}
	if _, ok := pc.Reference(util.ToLinkReference(line[1:labelEnd])); ok {
		return nil // "[foo](not a link)" is the reference link foo, then text
	}
	n := internalFromDest(dest, false, "")
	n.RawSpace = true
	n.Literal = bytes.Clone(line[:destEnd+1])
	label := text.NewSegment(seg.Start+1, seg.Start+labelEnd)
	if label.Len() > 0 {
		n.AppendChild(n, ast.NewTextSegment(label))
	}
	block.Advance(destEnd + 1)
	return n
}

// titledDest is a valid CommonMark destination followed by a title; a
// title may hold its own quote escaped ("title \"x\"").
var titledDest = regexp.MustCompile(`^\S+\s+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^)\\]|\\.)*\))$`)

// bracketsKey holds the *brackets of the line being parsed.
var bracketsKey = parser.NewContextKey()

// brackets pairs the "[" with "]" and "(" with ")" of the rest of a line,
// src[start:stop], honouring nesting and backslash escapes, in one pass:
// searching for each opener's closer anew made a line of thousands of
// unclosed "[" or "(" quadratic. spaces counts the spaces before each
// offset, so a destination is known to hold one without reading it.
type brackets struct {
	start, stop int
	close       []int32 // by offset-start: the closer's offset-start, or -1
	spaces      []int32 // by offset-start: spaces in src[start:offset]
}

// lineBrackets returns the brackets of the line the block reader is on,
// made once per line.
func lineBrackets(block text.Reader, pc parser.Context) *brackets {
	line, seg := block.PeekLine()
	if b, ok := pc.Get(bracketsKey).(*brackets); ok && b.start <= seg.Start && seg.Stop == b.stop {
		return b
	}
	b := &brackets{start: seg.Start, stop: seg.Stop, close: make([]int32, len(line)), spaces: make([]int32, len(line)+1)}
	var squares, parens []int32
	for i := 0; i < len(line); i++ {
		b.close[i] = -1
		b.spaces[i+1] = b.spaces[i]
		switch line[i] {
		case ' ':
			b.spaces[i+1]++
		case '\\':
			if i+1 < len(line) {
				b.close[i+1], b.spaces[i+2] = -1, b.spaces[i+1]+int32(btoi(line[i+1] == ' '))
				i++
			}
		case '[':
			squares = append(squares, int32(i))
		case '(':
			parens = append(parens, int32(i))
		case ']':
			squares = pair(b.close, squares, i)
		case ')':
			parens = pair(b.close, parens, i)
		}
	}
	pc.Set(bracketsKey, b)
	return b
}

// pair closes the latest opener on the stack at i and returns the stack.
func pair(close, stack []int32, i int) []int32 {
	if len(stack) == 0 {
		return stack
	}
	close[stack[len(stack)-1]] = int32(i)
	return stack[:len(stack)-1]
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// match returns the offset of the bracket closing the one at offset at,
// or -1.
func (b *brackets) match(at int) int {
	if c := b.close[at-b.start]; c >= 0 {
		return b.start + int(c)
	}
	return -1
}

// hasSpace reports whether src[from:to] holds a space.
func (b *brackets) hasSpace(from, to int) bool {
	return b.spaces[to-b.start] > b.spaces[from-b.start]
}
