package render

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// wikilinkPriority runs before goldmark's link parser (200), which would
// otherwise take "[[" as a link label; code spans (100) still win, so
// `[[x]]` stays code (DEPS §4).
const wikilinkPriority = 199

// wikilinkParser reads [[…]] and ![[…]] (SPEC §1.1), and, for a "[" that
// opens no wikilink, the raw-space Markdown links of SPEC §13.
type wikilinkParser struct{}

var _ parser.InlineParser = wikilinkParser{}

func (wikilinkParser) Trigger() []byte { return []byte{'[', '!'} }

// Parse returns an InternalLink, or nil to leave the text to the parsers
// after it. A wikilink lives on one line, closes at the first "]]", and
// starts at the last "[[" before it: when another "[[" lies between, the
// scanner meets that later one itself.
func (p wikilinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if n := p.parse(block, pc); n != nil {
		return n
	}
	if line, _ := block.PeekLine(); line[0] == '[' || len(line) > 1 && line[1] == '[' {
		// A link label: goldmark's link parser opens it, here, so that
		// the inline footnote and linkclose.go know it.
		label := goldmarkLinkParser.Parse(parent, block, pc)
		labelOpened(pc, label)
		return label
	}
	return nil
}

func (wikilinkParser) parse(block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	embed := len(line) > 0 && line[0] == '!'
	rest := line
	if embed {
		rest = line[1:]
	}
	if !bytes.HasPrefix(rest, []byte("[[")) {
		if !embed {
			return parseRawSpaceLink(block, pc)
		}
		return nil
	}
	_, seg := block.PeekLine()
	end := findClose(rest[2:], seg.Stop-len(rest)+2, pc)
	if end < 0 {
		return nil
	}
	inner := rest[2 : 2+end]
	if bytes.Contains(inner, []byte("[[")) || len(bytes.TrimSpace(inner)) == 0 {
		return nil
	}
	n := newWikilink(string(inner), embed)
	block.Advance(len(line) - len(rest) + 2 + end + 2)
	return n
}

// newWikilink splits linktext at the first "|" (or "\|", whose backslash
// is dropped: goldmark's table parser leaves it in the cell, SPEC §1.4),
// then the target at the first "#".
func newWikilink(inner string, embed bool) *InternalLink {
	target, display, hasDisplay := splitDisplay(inner)
	path, sub := splitSubpath(target)
	n := &InternalLink{Embed: embed, Wiki: true, Raw: strings.TrimSpace(target), Path: path, Subpath: sub, HasDisplay: hasDisplay}
	if hasDisplay {
		n.Display = strings.TrimSpace(strings.ReplaceAll(display, `\|`, "|"))
	} else {
		n.Display = defaultDisplay(path, sub)
	}
	if embed {
		n.Alt, n.Width, n.Height = parseSize(n.Display, hasDisplay)
		if n.Alt == "" {
			n.Alt = path // Obsidian's default alt is the linkpath
		}
	}
	return n
}

func splitDisplay(inner string) (target, display string, ok bool) {
	i := strings.IndexByte(inner, '|')
	if i < 0 {
		return inner, "", false
	}
	target = inner[:i]
	target = strings.TrimSuffix(target, `\`)
	return target, inner[i+1:], true
}

// splitSubpath cuts the target at the first "#" and trims the linkpath and
// each heading of the chain (SPEC §1.2).
func splitSubpath(target string) (path, sub string) {
	path, sub, found := strings.Cut(target, "#")
	path = strings.TrimSpace(path)
	if !found {
		return path, ""
	}
	parts := strings.Split(sub, "#")
	kept := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return path, strings.Join(kept, "#")
}

// defaultDisplay is the text of a wikilink without "|" (SPEC §1.6):
// "Note", "Note > Heading", "Note > A > B", "Heading" for [[#Heading]].
func defaultDisplay(path, sub string) string {
	parts := []string{}
	if path != "" {
		parts = append(parts, path)
	}
	if sub != "" {
		parts = append(parts, strings.Split(sub, "#")...)
	}
	return strings.Join(parts, " > ")
}

// parseSize reads an image size from a display or alt text (SPEC §4.3):
// "300", "300x200", "alt|300", "alt|300x200". Anything else is alt text.
func parseSize(display string, has bool) (alt string, w, h int) {
	if !has {
		return "", 0, 0
	}
	alt = display
	sizePart := display
	if i := strings.LastIndexByte(display, '|'); i >= 0 {
		alt, sizePart = strings.TrimSpace(display[:i]), strings.TrimSpace(display[i+1:])
	} else {
		alt = ""
	}
	ws, hs, _ := strings.Cut(sizePart, "x")
	w, okW := atoi(ws)
	h, okH := atoi(hs)
	if !okW || (hs != "" && !okH) || (strings.Contains(sizePart, "x") && hs == "") {
		return display, 0, 0
	}
	return alt, w, h
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 6 {
		return 0, s == ""
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// closeKey holds the lastClose of a parse.
var closeKey = parser.NewContextKey()

// lastClose is the last search for "]]": from offset from to the end of
// its line, to, the first one is at at, or nowhere (-1). A search from a
// later offset on the line and not past at has the same answer; without
// it a line of thousands of "[[" was searched to its end, or to the one
// "]]" at its end, from each of them.
type lastClose struct{ from, to, at int }

// findClose returns the index of the first "]]" in b, which starts at
// offset at of the source and ends its line, or -1.
func findClose(b []byte, at int, pc parser.Context) int {
	end := at + len(b)
	if k, ok := pc.Get(closeKey).(lastClose); ok && k.from <= at && k.to == end && (k.at < 0 || at <= k.at) {
		if k.at < 0 {
			return -1
		}
		return k.at - at
	}
	i := bytes.Index(b, []byte("]]"))
	k := lastClose{from: at, to: end, at: -1}
	if i >= 0 {
		k.at = at + i
	}
	pc.Set(closeKey, k)
	return i
}
