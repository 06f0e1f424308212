package render

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Raw HTML is allowed and sanitised, as Obsidian does (SPEC §6.10): what
// Obsidian keeps stays (<mark>, <span>, <iframe>, <details>, <u>, <br>,
// <h1>, styles, classes), what it strips goes. HTML is filtered token by
// token with the HTML5 tokenizer of golang.org/x/net/html, never with
// regular expressions, and every start tag is written anew from its
// token, so attribute values come out escaped:
//
//   - <script> goes with its content; <object>, <embed> and <applet>
//     (active content), <base> and <meta> (they change the whole page)
//     and <plaintext> (it can never be closed) go, but what they enclose
//     stays, as a browser shows fallback content;
//   - event handlers (on…=), srcdoc (a document that may hold scripts),
//     and javascript: and vbscript: values go; so do data: URLs in URL
//     attributes, except data:image/ ones, which run no code here;
//   - <!-- comments --> and doctypes go: they show nothing, and a comment
//     is where markup could hide from one parser and not another;
//   - the text inside raw-text elements (<style>, <textarea>, <title>,
//     <iframe> …) keeps no "<": inside <svg> a browser parses <style> as
//     markup, where the tokenizer sees text.
//
// Each RawHTML node is one tag, so every piece of output is safe in any
// state the browser may be in, whatever came before it.

// droppedTags lose their tags but keep their content.
var droppedTags = map[string]bool{
	"object": true, "embed": true, "applet": true, "base": true, "meta": true, "plaintext": true,
}

// rawTextTags are the elements whose content the tokenizer reads as raw
// text, up to their end tag.
var rawTextTags = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// urlAttrs hold URLs, where data: is refused too.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "data": true, "poster": true,
	"background": true, "cite": true, "xlink:href": true, "lowsrc": true, "dynsrc": true,
}

// sanitizer filters one piece of raw HTML.
type sanitizer struct {
	w util.BufWriter
	z *html.Tokenizer
	// open is the raw-text element whose content is being read, if any.
	open string
}

// sanitizeHTML writes raw without what it must not keep, and returns the
// raw-text element left open at its end, or "".
func sanitizeHTML(w util.BufWriter, raw []byte) (open string) {
	s := sanitizer{w: w, z: html.NewTokenizer(bytes.NewReader(raw))}
	for s.next() {
	}
	return s.open
}

// next filters one token and reports whether there was one.
func (s *sanitizer) next() bool {
	switch s.z.Next() {
	case html.ErrorToken:
		return false
	case html.TextToken:
		s.text()
	case html.StartTagToken, html.SelfClosingTagToken:
		s.startTag()
	case html.EndTagToken:
		s.endTag()
	}
	return true
}

func (s *sanitizer) text() {
	raw := s.z.Raw()
	switch s.open {
	case "script":
		return
	case "":
		_, _ = s.w.Write(raw)
	default:
		_, _ = s.w.Write(bytes.ReplaceAll(raw, []byte("<"), []byte("&lt;")))
	}
}

func (s *sanitizer) startTag() {
	tok := s.z.Token()
	if rawTextTags[tok.Data] {
		s.open = tok.Data // even when self-closing, as in a browser
	}
	if tok.Data == "script" || droppedTags[tok.Data] {
		return
	}
	tok.Attr = cleanAttrs(tok.Attr)
	_, _ = s.w.WriteString(tok.String())
}

func (s *sanitizer) endTag() {
	tok := s.z.Token()
	if tok.Data == s.open {
		s.open = ""
	}
	if tok.Data == "script" || droppedTags[tok.Data] {
		return
	}
	_, _ = s.w.WriteString("</" + tok.Data + ">")
}

// cleanAttrs drops event handlers, srcdoc and attributes with unsafe
// values (an attribute that is not a URL may still become one, as SVG's
// <animate to="javascript:…">, so every value is checked).
func cleanAttrs(attrs []html.Attribute) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		if strings.HasPrefix(a.Key, "on") || a.Key == "srcdoc" || unsafeURL(a.Val, urlAttrs[a.Key], true) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// unsafeURL reports whether v is a javascript: or vbscript: URL, or, for
// an attribute that holds a URL, a data: URL that is not an image (when
// image) or any data: URL. It reads v as a browser would: without leading
// spaces and control characters, without tabs and newlines, in any case.
// urlSpaceRemover drops the characters browsers ignore inside a URL's
// scheme; it is built once, as building one per call showed in profiles.
var urlSpaceRemover = strings.NewReplacer("\t", "", "\n", "", "\r", "")

func unsafeURL(v string, isURL, image bool) bool {
	v = strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	v = strings.ToLower(urlSpaceRemover.Replace(v))
	switch {
	case strings.HasPrefix(v, "javascript:"), strings.HasPrefix(v, "vbscript:"):
		return true
	case isURL && strings.HasPrefix(v, "data:"):
		return !image || !strings.HasPrefix(v, "data:image/")
	}
	return false
}

// htmlTransformerPriority: any slot works; it only removes inline nodes.
const htmlTransformerPriority = 120

// htmlTransformer removes inline <script> elements with what lies between
// their tags, which goldmark parses as separate nodes: the start tag,
// Markdown text, the end tag. A script never closed takes the rest of its
// block with it, as a browser would hide it.
type htmlTransformer struct{}

var _ parser.ASTTransformer = htmlTransformer{}

func (htmlTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var starts []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*ast.RawHTML); ok && entering && rawTag(r, src) == "script" {
			starts = append(starts, r)
		}
		return ast.WalkContinue, nil
	})
	for _, start := range starts {
		parent := start.Parent()
		if parent == nil {
			continue // already taken with an earlier script
		}
		for n := ast.Node(start); n != nil; {
			next := n.NextSibling()
			parent.RemoveChild(parent, n)
			if r, ok := n.(*ast.RawHTML); ok && rawTag(r, src) == "/script" {
				break
			}
			n = next
		}
	}
}

// rawTag returns the name of the tag a RawHTML node holds, with "/" before
// an end tag's name, or "" for a comment or anything else.
func rawTag(n *ast.RawHTML, src []byte) string {
	z := html.NewTokenizer(bytes.NewReader(n.Segments.Value(src)))
	switch z.Next() {
	case html.StartTagToken, html.SelfClosingTagToken:
		name, _ := z.TagName()
		return string(name)
	case html.EndTagToken:
		name, _ := z.TagName()
		return "/" + string(name)
	}
	return ""
}

// htmlHTMLRenderer prints raw HTML, inline and in blocks, sanitised.
type htmlHTMLRenderer struct{}

var _ renderer.NodeRenderer = htmlHTMLRenderer{}

func (r htmlHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, r.renderBlock)
	reg.Register(ast.KindRawHTML, r.renderInline)
}

// renderBlock writes an HTML block. A raw-text element it leaves open
// (an <iframe> without </iframe>) is closed, or the browser would read the
// rest of the page as its content; Obsidian renders blocks one by one.
func (r htmlHTMLRenderer) renderBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	raw := n.Lines().Value(src)
	if n.HasClosure() {
		raw = append(raw, n.ClosureLine.Value(src)...)
	}
	if open := sanitizeHTML(w, raw); open != "" && open != "script" && open != "plaintext" {
		_, _ = w.WriteString("</" + open + ">\n")
	}
	return ast.WalkSkipChildren, nil
}

func (r htmlHTMLRenderer) renderInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		sanitizeHTML(w, node.(*ast.RawHTML).Segments.Value(src))
	}
	return ast.WalkSkipChildren, nil
}
