package render

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Kinds of the callout nodes.
var (
	KindCallout        = ast.NewNodeKind("Callout")
	KindCalloutTitle   = ast.NewNodeKind("CalloutTitle")
	KindCalloutContent = ast.NewNodeKind("CalloutContent")
)

// Callout is a blockquote whose first line starts with "[!type]" (SPEC §5).
// Its children are a CalloutTitle and, unless the callout is its title
// alone, a CalloutContent.
type Callout struct {
	ast.BaseBlock
	// CalloutType is the type as written, trimmed and lower-cased: data-callout.
	CalloutType string
	// Canonical is the built-in type whose look Type takes: itself, the
	// type an alias stands for, or "note" for any other string (§5.3).
	Canonical string
	// Metadata is what follows "|" in "[!info|wide]".
	Metadata string
	// Fold is '-' (foldable, closed), '+' (foldable, open) or 0.
	Fold byte
}

// Kind implements ast.Node.
func (n *Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (n *Callout) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Type": n.CalloutType, "Metadata": n.Metadata, "Fold": string(n.Fold)}, nil)
}

// CalloutTitle holds the title of a callout as inline nodes: the rest of
// the first line, or the default title when that is empty.
type CalloutTitle struct {
	ast.BaseBlock
	// callout is the node the blockquote becomes, built when the first
	// line is read and put in place by calloutTransformer.
	callout *Callout
}

// Kind implements ast.Node.
func (n *CalloutTitle) Kind() ast.NodeKind { return KindCalloutTitle }

// Dump implements ast.Node.
func (n *CalloutTitle) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// CalloutContent holds the body of a callout: the blocks after the title.
type CalloutContent struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *CalloutContent) Kind() ast.NodeKind { return KindCalloutContent }

// Dump implements ast.Node.
func (n *CalloutContent) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// calloutTypes maps every built-in type and alias to its canonical type
// (SPEC §5.3).
var calloutTypes = map[string]string{
	"note":     "note",
	"abstract": "abstract", "summary": "abstract", "tldr": "abstract",
	"info": "info",
	"todo": "todo",
	"tip":  "tip", "hint": "tip", "important": "tip",
	"success": "success", "check": "success", "done": "success",
	"question": "question", "help": "question", "faq": "question",
	"warning": "warning", "caution": "warning", "attention": "warning",
	"failure": "failure", "fail": "failure", "missing": "failure",
	"danger": "danger", "error": "danger",
	"bug":     "bug",
	"example": "example",
	"quote":   "quote", "cite": "quote",
}

// calloutParagraphPriority runs before goldmark's link reference
// definitions (100) and tables (200), so the "[!type]" line is read as
// a callout header first and the lines after it are still free to form a
// definition or a table.
const calloutParagraphPriority = 50

// calloutParagraphTransformer splits the header line off the first
// paragraph of a blockquote, while the paragraph is still raw lines. In
// CommonMark "> [!note] Title\n> body" is one paragraph; Obsidian renders
// the title and the body separately, so nothing (an emphasis, a link)
// may run from one into the other. The title becomes a CalloutTitle block,
// inline-parsed like any other block; the rest stays a paragraph.
type calloutParagraphTransformer struct{}

var _ parser.ParagraphTransformer = calloutParagraphTransformer{}

func (calloutParagraphTransformer) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	bq, ok := p.Parent().(*ast.Blockquote)
	if !ok || p.PreviousSibling() != nil || p.Lines().Len() == 0 {
		return
	}
	src := reader.Source()
	first := p.Lines().At(0)
	first = first.TrimLeftSpace(src)
	c, titleAt, ok := parseCalloutHeader(first.Value(src))
	if !ok {
		return
	}
	title := &CalloutTitle{callout: c}
	title.SetPos(first.Start)
	seg := text.NewSegment(first.Start+titleAt, first.Stop)
	seg = seg.TrimLeftSpace(src)
	if seg = seg.TrimRightSpace(src); seg.Len() > 0 {
		title.Lines().Append(seg)
	}
	bq.InsertBefore(bq, p, title)
	lines := p.Lines()
	lines.SetSliced(1, lines.Len())
	if lines.Len() == 0 {
		bq.RemoveChild(bq, p)
		return
	}
	p.SetPos(lines.At(0).Start)
}

// parseCalloutHeader reads "[!type|metadata]" and a fold marker at the
// start of line. It returns the callout they describe and the offset of
// the title, or ok false when line is no callout header: no "[!", no "]"
// or an empty type.
func parseCalloutHeader(line []byte) (c *Callout, titleAt int, ok bool) {
	if !bytes.HasPrefix(line, []byte("[!")) {
		return nil, 0, false
	}
	end := bytes.IndexByte(line, ']')
	if end < 0 {
		return nil, 0, false
	}
	typ, meta, _ := strings.Cut(string(line[2:end]), "|")
	typ = strings.ToLower(strings.TrimSpace(typ))
	if typ == "" {
		return nil, 0, false
	}
	c = &Callout{CalloutType: typ, Canonical: "note", Metadata: strings.TrimSpace(meta)}
	if canon, known := calloutTypes[typ]; known {
		c.Canonical = canon
	}
	titleAt = end + 1
	if titleAt < len(line) && (line[titleAt] == '-' || line[titleAt] == '+') {
		c.Fold = line[titleAt]
		titleAt++
	}
	return c, titleAt, true
}

// defaultTitle is the title of a callout without one: the type as
// written, lower-cased, with an upper-case first letter ("[!FAQ]" gives
// "Faq"; hyphens stay).
func defaultTitle(typ string) string {
	r, size := utf8.DecodeRuneInString(typ)
	return string(unicode.ToUpper(r)) + typ[size:]
}

// calloutTransformerPriority: after the embed blocks (150), which a
// callout body may hold, and before the block ids (200), which name a
// callout by the lazy "^id" line at its end.
const calloutTransformerPriority = 180

// calloutTransformer turns each blockquote that starts with a
// CalloutTitle into a Callout, moving the rest of the quote into a
// CalloutContent. A blockquote without one stays a blockquote, even when
// it holds callouts.
type calloutTransformer struct{}

var _ parser.ASTTransformer = calloutTransformer{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if bq, ok := n.(*ast.Blockquote); ok && entering {
			if _, ok := bq.FirstChild().(*CalloutTitle); ok {
				quotes = append(quotes, bq)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, bq := range quotes {
		toCallout(bq)
	}
}

// toCallout replaces bq by its Callout, keeping bq's attributes (an id).
func toCallout(bq *ast.Blockquote) {
	title := bq.FirstChild().(*CalloutTitle)
	c := title.callout
	c.SetPos(bq.Pos())
	c.SetBlankPreviousLines(bq.HasBlankPreviousLines())
	for _, a := range bq.Attributes() {
		c.SetAttribute(a.Name, a.Value)
	}
	if !title.HasChildren() {
		title.AppendChild(title, ast.NewString([]byte(defaultTitle(c.CalloutType))))
	}
	content := &CalloutContent{}
	for n := title.NextSibling(); n != nil; {
		next := n.NextSibling()
		content.AppendChild(content, n)
		n = next
	}
	bq.Parent().ReplaceChild(bq.Parent(), bq, c)
	c.AppendChild(c, title)
	if content.HasChildren() {
		content.SetPos(content.FirstChild().Pos())
		c.AppendChild(c, content)
	}
}

// calloutHTMLRenderer prints callouts with Obsidian's DOM (SPEC §5.4). A
// foldable callout is <details>, open when its marker is "+", so folding
// works without JavaScript.
type calloutHTMLRenderer struct{}

var _ renderer.NodeRenderer = calloutHTMLRenderer{}

func (r calloutHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, r.renderCallout)
	reg.Register(KindCalloutTitle, r.renderTitle)
	reg.Register(KindCalloutContent, r.renderContent)
}

// renderCallout writes the callout element. Every callout carries the
// class of its canonical type, so an alias or an unknown type looks like
// the type it stands for, while data-callout keeps what was written for
// theme snippets.
func (r calloutHTMLRenderer) renderCallout(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Callout)
	tag := "div"
	if n.Fold != 0 {
		tag = "details"
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	class := "callout callout-" + n.Canonical
	if n.Fold != 0 {
		class = "callout is-collapsible callout-" + n.Canonical
	}
	_, _ = w.WriteString("<" + tag)
	writeAttr(w, "class", class)
	writeAttr(w, "data-callout", n.CalloutType)
	fold := ""
	if n.Fold != 0 {
		fold = string(n.Fold)
	}
	writeAttr(w, "data-callout-fold", fold)
	writeAttr(w, "data-callout-metadata", n.Metadata)
	writeID(w, n)
	if n.Fold == '+' {
		_, _ = w.WriteString(" open")
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// renderTitle writes the title row: the type's icon, the title, and on a
// foldable callout the fold chevron, inside the <summary> that toggles it.
func (r calloutHTMLRenderer) renderTitle(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	c, _ := node.Parent().(*Callout)
	if c == nil {
		return ast.WalkContinue, nil // a title left outside a callout shows as text
	}
	// A summary holds phrasing content only, so a foldable callout's
	// parts are spans where Obsidian, which folds without <details>, has
	// divs; themes select them by class, and the CSS gives them the
	// same boxes.
	tag, part := "div", "div"
	if c.Fold != 0 {
		tag, part = "summary", "span"
	}
	if entering {
		_, _ = w.WriteString("<" + tag + ` class="callout-title"><` + part + ` class="callout-icon">`)
		_, _ = w.WriteString(calloutIcon(c.Canonical))
		_, _ = w.WriteString(`</` + part + `><` + part + ` class="callout-title-inner">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</" + part + ">")
	if c.Fold != 0 {
		_, _ = w.WriteString(`<span class="callout-fold">` + foldIcon + `</span>`)
	}
	_, _ = w.WriteString("</" + tag + ">\n")
	return ast.WalkContinue, nil
}

func (r calloutHTMLRenderer) renderContent(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"callout-content\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
