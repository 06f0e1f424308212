package sanitize

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Policy says what HTML may keep beyond DOMPurify's defaults. The zero
// value is the default.
type Policy struct {
	// RemoteStylesheets keeps <link rel="stylesheet"> to an http(s) URL
	// and @import rules in <style>, which let a page load styles (and
	// report its visitors) from any server; off, such a link goes like
	// every other <link>, and @import is disabled (css.go).
	RemoteStylesheets bool
}

// Writer is what the filter writes to; bufio.Writer and goldmark's
// util.BufWriter are Writers.
type Writer interface {
	io.Writer
	io.StringWriter
}

// HTML writes raw, one piece of author HTML, to w without what the
// allowlist does not keep, and returns the raw-text element (<style>,
// <textarea>, <title>, <iframe>) left open at its end, or "".
//
// It filters token by token with the HTML5 tokenizer, never with
// regular expressions, and writes each kept tag anew from its token, so
// attribute values come out escaped. An element outside the allowlist
// loses its tags and keeps its content, as DOMPurify's KEEP_CONTENT does,
// except the contentDropped ones, which go whole. Comments and doctypes
// go: they show nothing, and a comment is where markup hides from one
// parser and not another. Text inside a kept raw-text element keeps no
// "<": inside <svg> a browser parses <style> as markup, where the
// tokenizer sees text. So every piece of output means the same to the
// browser in any state the piece before it left it in, which is why the
// filter needs no tree and no namespace tracking (DOMPurify's namespace
// checks guard against a parse differing from a re-parse; here nothing
// is parsed twice).
func (p Policy) HTML(w Writer, raw []byte) (open string) {
	f := filter{w: w, p: p, z: html.NewTokenizer(bytes.NewReader(raw))}
	for f.next() {
	}
	return f.open
}

// filter is the state of one HTML call.
type filter struct {
	w Writer
	z *html.Tokenizer
	p Policy
	// open is the kept raw-text element whose content is being read.
	open string
	// drop is the contentDropped element being skipped, depth how many
	// of its kind are open (raw-text ones end at their end tag).
	drop  string
	depth int
}

func (f *filter) next() bool {
	switch f.z.Next() {
	case html.ErrorToken:
		return false
	case html.TextToken:
		f.text()
	case html.StartTagToken, html.SelfClosingTagToken:
		f.start(f.z.Token())
	case html.EndTagToken:
		f.end(f.z.Token())
	}
	return true
}

func (f *filter) text() {
	raw := f.z.Raw()
	switch {
	case f.drop != "":
	case f.open == "style" && !f.p.RemoteStylesheets:
		_, _ = f.w.WriteString(strings.ReplaceAll(blockImports(string(raw)), "<", "&lt;"))
	default:
		// A "<" in text opens no tag here, but it would once a dropped tag
		// beside it is gone ("<<img0>img onerror=…>"), so it is never
		// written raw: escaped, it reads the same and parses once.
		_, _ = f.w.Write(bytes.ReplaceAll(raw, []byte("<"), []byte("&lt;")))
	}
}

func (f *filter) start(tok html.Token) {
	name := tok.Data
	switch {
	case f.drop != "":
		if name == f.drop && tok.Type == html.StartTagToken {
			f.depth++
		}
		return
	case contentDropped[name]:
		if rawText[name] || tok.Type == html.StartTagToken {
			f.drop, f.depth = name, 1 // a raw-text one even when self-closing, as in a browser
		}
		return
	case !f.keepElement(name, tok.Attr):
		return
	}
	if rawText[name] {
		f.open = name // even when self-closing, as in a browser
	}
	tok.Attr = cleanAttrs(name, tok.Attr)
	_, _ = f.w.WriteString(tok.String())
}

func (f *filter) end(tok html.Token) {
	name := tok.Data
	if f.drop != "" {
		if name == f.drop {
			if f.depth--; rawText[name] || f.depth == 0 {
				f.drop, f.depth = "", 0
			}
		}
		return
	}
	if name == f.open {
		f.open = ""
	}
	if allowedElements[name] {
		_, _ = f.w.WriteString("</" + name + ">")
	}
}

// keepElement reports whether the start tag of name stays: an allowed
// element does, and a <link rel="stylesheet"> to an http(s) URL when the
// policy allows remote stylesheets.
func (f *filter) keepElement(name string, attrs []html.Attribute) bool {
	if name != "link" {
		return allowedElements[name]
	}
	if !f.p.RemoteStylesheets {
		return false
	}
	rel, href := "", ""
	for _, a := range attrs {
		switch a.Key {
		case "rel":
			rel = strings.ToLower(strings.TrimSpace(a.Val))
		case "href":
			href = a.Val
		}
	}
	return rel == "stylesheet" && href != "" && safeValue("link", "href", href)
}

// cleanAttrs keeps the attributes keepAttr allows, in their order.
func cleanAttrs(tag string, attrs []html.Attribute) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		if a.Namespace == "" && keepAttr(tag, a.Key, a.Val) {
			out = append(out, a)
		}
	}
	return out
}

// DropsContent reports whether the element name (lower case) goes with
// everything inside it, so a caller that hands HTML over one tag at a
// time can drop what lies between its tags.
func DropsContent(name string) bool { return contentDropped[name] }
