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

	"github.com/vaultsite/vaultsite/internal/sanitize"
)

// Raw HTML is allowed and sanitised, as Obsidian does (SPEC §6.10), by
// the allowlist of internal/sanitize: what DOMPurify (Obsidian's
// sanitizer) keeps by default stays, plus <iframe> for web embeds; the
// rest goes. Only the author's raw HTML passes through it, inline and in
// blocks: math, callouts, embeds, code and canvases come from our own
// renderers, which write their HTML directly.
//
// Inline, goldmark gives each tag its own RawHTML node with Markdown
// between, so the filter sees one tag at a time; htmlTransformer removes
// whatever lies between the tags of an element whose content must go.

// urlSpaceRemover drops the characters browsers ignore inside a URL's
// scheme; it is built once, as building one per call showed in profiles.
var urlSpaceRemover = strings.NewReplacer("\t", "", "\n", "", "\r", "")

// unsafeURL reports whether v, a Markdown link's or image's destination
// (mdlink.go), is a javascript: or vbscript: URL, or, when isURL, a data:
// URL that is not an image (when image) or any data: URL. It reads v as a
// browser would: without leading spaces and control characters, without
// tabs and newlines, in any case.
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

// htmlTransformer removes inline elements whose content goes (<script>,
// <noscript>, <foreignObject>, sanitize.DropsContent) with what lies
// between their tags, which goldmark parses as separate nodes: the start
// tag, Markdown text, the end tag. One never closed takes the rest of its
// block with it, as a browser would hide it.
//
// Without keepStyle (html.remoteStylesheets), an inline <style> goes the
// same way: its CSS reaches the page as Markdown text nodes that the
// filter never sees, so the @import rules it disables in a <style> block
// would load. Only a <style> after text on its line is inline; one that
// starts a line is an HTML block.
type htmlTransformer struct{ keepStyle bool }

var _ parser.ASTTransformer = htmlTransformer{}

func (t htmlTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var starts []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*ast.RawHTML); ok && entering {
			if tag := rawTag(r, src); sanitize.DropsContent(tag) || tag == "style" && !t.keepStyle {
				starts = append(starts, r)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, start := range starts {
		parent := start.Parent()
		if parent == nil {
			continue // already taken with an earlier one
		}
		end := "/" + rawTag(start, src)
		for n := ast.Node(start); n != nil; {
			next := n.NextSibling()
			parent.RemoveChild(parent, n)
			if r, ok := n.(*ast.RawHTML); ok && rawTag(r, src) == end {
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

// htmlHTMLRenderer prints raw HTML, inline and in blocks, sanitised by
// policy.
type htmlHTMLRenderer struct{ policy sanitize.Policy }

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
	if open := r.policy.HTML(w, raw); open != "" {
		_, _ = w.WriteString("</" + open + ">\n")
	}
	return ast.WalkSkipChildren, nil
}

func (r htmlHTMLRenderer) renderInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r.policy.HTML(w, node.(*ast.RawHTML).Segments.Value(src))
	}
	return ast.WalkSkipChildren, nil
}
