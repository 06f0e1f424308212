package templates

import (
	"bytes"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
)

// compact returns a layout's source with the whitespace a browser ignores
// taken out and its inline scripts minified. It runs once, when the
// layouts are parsed, so pages come out of the templates already small:
// minifying every page instead cost a 10,000-note build about a quarter
// of its time, to save 2.5% of its bytes, nearly all of it from here.
//
// Template actions, <pre>, <textarea> and <style> are copied as they
// are, and so is a script holding an action (its text is not JavaScript
// yet). Elsewhere a run of whitespace becomes one newline if it held one,
// else one space, and disappears beside a block-level tag, where a
// browser never shows it. Inside a tag, a run between attributes becomes
// one space; quoted values are kept.
func compact(src string) string {
	var out strings.Builder
	out.Grow(len(src))
	for i := 0; i < len(src); {
		switch {
		case strings.HasPrefix(src[i:], "{{"):
			i += copyAction(&out, src[i:])
		case src[i] == '<' && i+1 < len(src) && (isLetter(src[i+1]) || src[i+1] == '/' || src[i+1] == '!'):
			i += copyTag(&out, src, i)
		case isSpace(src[i]):
			j := i
			for j < len(src) && isSpace(src[j]) {
				j++
			}
			if !nextToBlock(src, i, j) {
				if strings.IndexByte(src[i:j], '\n') >= 0 {
					out.WriteByte('\n')
				} else {
					out.WriteByte(' ')
				}
			}
			i = j
		default:
			out.WriteByte(src[i])
			i++
		}
	}
	return out.String()
}

// copyAction copies the action at the start of s and returns its length.
// An action without its closing braces is left for the template parser
// to report: the rest of s is copied as it is.
func copyAction(out *strings.Builder, s string) int {
	end := strings.Index(s, "}}")
	if end < 0 {
		out.WriteString(s)
		return len(s)
	}
	out.WriteString(s[:end+2])
	return end + 2
}

// copyTag copies the tag starting at src[i] with the whitespace between
// its attributes collapsed, then the raw content of the elements whose
// text is not markup, and returns how far it went.
func copyTag(out *strings.Builder, src string, i int) int {
	start := i
	var quote byte
	for i < len(src) {
		c := src[i]
		switch {
		case strings.HasPrefix(src[i:], "{{"): // before quotes: an action may hold some
			i += copyAction(out, src[i:])
			continue
		case quote != 0:
			out.WriteByte(c)
			if c == quote {
				quote = 0
			}
			i++
			continue
		case c == '"' || c == '\'':
			quote = c
		case isSpace(c):
			j := i
			for j < len(src) && isSpace(src[j]) {
				j++
			}
			if j < len(src) && src[j] != '>' && !strings.HasPrefix(src[j:], "/>") {
				out.WriteByte(' ')
			}
			i = j
			continue
		case c == '>':
			out.WriteByte(c)
			i++
			if src[start+1] == '/' {
				return i - start
			}
			return i - start + copyRaw(out, tagName(src[start:]), src[i:])
		}
		out.WriteByte(c)
		i++
	}
	return i - start
}

// copyRaw copies the content of a raw-text element up to its end tag, and
// returns its length; for other elements it copies nothing. A script
// without template actions is minified.
func copyRaw(out *strings.Builder, name, s string) int {
	switch name {
	case "script", "style", "pre", "textarea":
	default:
		return 0
	}
	end := indexFold(s, "</"+name)
	if end < 0 {
		end = len(s)
	}
	body := s[:end]
	if name == "script" && !strings.Contains(body, "{{") {
		body = minifyScript(body)
	}
	out.WriteString(body)
	return end
}

var scriptMinifier = minify.New()

// jsParams keep "</script" escaped in what the minifier writes.
var jsParams = map[string]string{"escape-html": "1"}

// minifyScript returns the minified script, or the script as it is when
// the minifier cannot read it (the browser reports it then, as before).
func minifyScript(body string) string {
	var buf bytes.Buffer
	if err := js.Minify(scriptMinifier, &buf, strings.NewReader(body), jsParams); err != nil {
		return body
	}
	return buf.String()
}

// nextToBlock reports whether the whitespace src[i:j] touches the tag of
// a block-level element on either side.
func nextToBlock(src string, i, j int) bool {
	if i > 0 && src[i-1] == '>' {
		if k := strings.LastIndexByte(src[:i], '<'); k >= 0 && blockTags[tagName(src[k:])] {
			return true
		}
	}
	return j < len(src) && src[j] == '<' && blockTags[tagName(src[j:])]
}

// tagName returns the lower-case name of the tag at the start of s
// ("<div ...>", "</li>"), or "" when s does not start with a tag.
func tagName(s string) string {
	if len(s) < 2 || s[0] != '<' {
		return ""
	}
	s = strings.TrimPrefix(s[1:], "/")
	n := 0
	for n < len(s) && (isLetter(s[n]) || n > 0 && s[n] >= '0' && s[n] <= '9') {
		n++
	}
	return strings.ToLower(s[:n])
}

// blockTags are the elements beside which whitespace is never shown: the
// block-level ones, and the head's, which show nothing.
var blockTags = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`html head body title meta link script style base
		address article aside blockquote br caption col colgroup dd details dialog div dl dt
		fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li
		main menu nav noscript ol option p pre section summary table tbody td tfoot th thead tr ul`) {
		blockTags[t] = true
	}
}

func indexFold(s, sub string) int {
	return strings.Index(strings.ToLower(s), sub)
}

func isSpace(c byte) bool  { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
