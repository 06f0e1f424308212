package render

import (
	"bytes"
	"html/template"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// LinkContext returns the block that holds link i (a paragraph, list
// item line, heading or table cell) as inline HTML, cut to about max
// characters of text around the link: the excerpt a backlink shows. It
// keeps code spans as <code> and emphasis as <em> and <strong>, so a
// note quoting "`[[Figure 1.png]]`" shows code, not link syntax; links
// show their text, formulas stay whole as the math span math.go emits
// (\(…\), typeset in the browser like the page's own), and everything
// else is escaped text. It is "" for a link in a block of embeds, which
// has no text of its own.
func (d *Doc) LinkContext(i, max int) template.HTML {
	if i < 0 || i >= len(d.linkNodes) {
		return ""
	}
	var block ast.Node = d.linkNodes[i]
	for block.Parent() != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	if _, ok := block.(*EmbedBlock); ok {
		return ""
	}
	count := &snippet{src: d.Src, link: d.linkNodes[i]}
	count.children(block)
	total := count.pos
	from, to := 0, total
	if total > max {
		from = max0(count.linkAt - max/2)
		to = min(total, from+max)
		from = max0(to - max)
	}
	s := &snippet{src: d.Src, from: from, to: to, out: &bytes.Buffer{}}
	if from > 0 {
		s.out.WriteString("…")
	}
	s.children(block)
	if to < total {
		s.out.WriteString("…")
	}
	return template.HTML(s.out.String())
}

// snippet writes the text of inline nodes with whitespace collapsed,
// keeping the characters at positions [from, to) of that text. Without
// out it only counts, and notes where link starts.
type snippet struct {
	src      []byte
	from, to int
	out      *bytes.Buffer // nil when counting
	pos      int           // characters of collapsed text so far
	space    bool          // whitespace seen since the last character
	link     *InternalLink
	linkAt   int
}

func (s *snippet) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		s.node(c)
	}
}

func (s *snippet) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		s.text(n.Segment.Value(s.src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			s.space = true
		}
	case *ast.String:
		s.text(n.Value)
	case *ast.CodeSpan:
		s.wrap("code", func() {
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					s.text(t.Segment.Value(s.src))
				}
			}
		})
	case *ast.Emphasis:
		tag := "em"
		if n.Level == 2 {
			tag = "strong"
		}
		s.wrap(tag, func() { s.children(n) })
	case *InternalLink:
		if n == s.link {
			s.linkAt = s.pos
		}
		if n.Wiki {
			s.text([]byte(n.Display))
		} else {
			s.children(n)
		}
	case *ast.AutoLink:
		s.text(n.Label(s.src))
	case *Tag:
		s.text([]byte("#" + n.Name))
	case *Math:
		s.formula(n.Tex(s.src))
	case *InlineFootnote, *ast.RawHTML:
		// a note or markup: not part of the sentence
	default:
		s.children(n)
	}
}

// text adds the characters of t, each run of whitespace as one space
// between characters.
func (s *snippet) text(t []byte) {
	for len(t) > 0 {
		r, size := utf8.DecodeRune(t)
		t = t[size:]
		if unicode.IsSpace(r) {
			s.space = true
			continue
		}
		if s.space && s.pos > 0 {
			s.put(' ')
		}
		s.space = false
		s.put(r)
	}
}

// put counts r and writes it when it lies in the window, but for a space
// at either edge, which would stand between the text and its "…".
func (s *snippet) put(r rune) {
	edge := s.pos == s.from || s.pos == s.to-1
	if s.out != nil && s.pos >= s.from && s.pos < s.to && !(r == ' ' && edge) {
		var buf [utf8.UTFMax]byte
		s.out.Write(util.EscapeHTML(buf[:utf8.EncodeRune(buf[:], r)]))
	}
	s.pos++
}

// formula writes a formula whole, inline, in the span render's math
// emits, counted as the characters of its source and kept when it
// starts in the window: half a formula could not be typeset.
func (s *snippet) formula(tex []byte) {
	tex = bytes.TrimSpace(tex)
	if len(tex) == 0 {
		return
	}
	if s.space && s.pos > 0 {
		s.put(' ')
	}
	s.space = false
	if s.out != nil && s.pos >= s.from && s.pos < s.to {
		s.out.WriteString(`<span class="math math-inline">\(`)
		s.out.Write(util.EscapeHTML(tex))
		s.out.WriteString(`\)</span>`)
	}
	s.pos += utf8.RuneCount(tex)
}

// wrap writes body inside <tag>, or nothing when body keeps no character;
// a pending space goes before the tag, not inside it.
func (s *snippet) wrap(tag string, body func()) {
	if s.space && s.pos > 0 {
		s.put(' ')
	}
	s.space = false
	if s.out == nil {
		body()
		return
	}
	mark := s.out.Len()
	s.out.WriteString("<" + tag + ">")
	inner := s.out.Len()
	body()
	if s.out.Len() == inner {
		s.out.Truncate(mark)
		return
	}
	s.out.WriteString("</" + tag + ">")
}
