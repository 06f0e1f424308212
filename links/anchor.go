package links

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/site"
)

// Resolved is a whole link resolved: the file, and the heading or block its
// subpath names.
type Resolved struct {
	Resolution
	Heading *site.Heading // the heading the subpath names, or nil
	Block   *site.Block   // the block a "^id" subpath names, or nil
	// SubpathMissing says that the file resolved to a note but the heading
	// or block does not exist in it; the link still goes to the note
	// (SPEC §3.3).
	SubpathMissing bool
}

// Link resolves l as written in note from: the file by Resolve, then, when
// that is a note and l.Subpath holds more than "#" and white space, the
// block it names when it starts with "^" (Block), else the heading chain
// (Heading). A subpath on an asset ("img.png#interface") or on an
// unresolved link is left alone and never missing.
func (g *Graph) Link(from *site.Note, l site.Link) Resolved {
	r := Resolved{Resolution: g.Resolve(from, l.Path)}
	n := r.Target.Note
	sub := strings.TrimSpace(l.Subpath)
	if n == nil || strings.Trim(sub, "# \t") == "" {
		return r
	}
	var ok bool
	if id, isBlock := strings.CutPrefix(sub, "^"); isBlock {
		r.Block, ok = g.Block(n, id)
	} else {
		r.Heading, ok = g.Heading(n, sub)
	}
	r.SubpathMissing = !ok
	return r
}

// Heading finds the heading that subpath names in n, by SPEC §9.2. The
// subpath is a chain "A#B#C"; each part, and each heading's text, is
// compared after stripHeading and case-insensitively. A part matches the
// first heading after the previous part's match that is deeper than it;
// empty parts are skipped. Heading returns the last part's heading, or
// false when some part matches nothing or the chain is empty.
func (g *Graph) Heading(n *site.Note, subpath string) (*site.Heading, bool) {
	var prev *site.Heading
	next := 0
	for part := range strings.SplitSeq(nfc(subpath), "#") {
		if it := (stripper{s: part}); !it.more() {
			continue
		}
		i := next
		for ; i < len(n.Headings); i++ {
			h := &n.Headings[i]
			if (prev == nil || h.Level > prev.Level) && headingEqual(h.Text, part) {
				break
			}
		}
		if i == len(n.Headings) {
			return nil, false
		}
		prev, next = &n.Headings[i], i+1
	}
	return prev, prev != nil
}

// Block finds the block id (with or without its "^") in n, ignoring case;
// the first definition wins (SPEC §6.4). It returns false when n has none.
func (g *Graph) Block(n *site.Note, id string) (*site.Block, bool) {
	id = strings.TrimPrefix(strings.TrimSpace(id), "^")
	for i := range n.Blocks {
		if strings.EqualFold(n.Blocks[i].ID, id) {
			return &n.Blocks[i], true
		}
	}
	return nil, false
}

// HeadingNames returns the text of n's headings in document order, for
// hints such as "did you mean".
func (g *Graph) HeadingNames(n *site.Note) []string {
	out := make([]string, len(n.Headings))
	for i, h := range n.Headings {
		out[i] = h.Text
	}
	return out
}

// headingEqual reports whether a and b are equal after stripHeading and
// simple case folding, without allocating for text already in NFC.
func headingEqual(a, b string) bool {
	x, y := stripper{s: nfc(a)}, stripper{s: nfc(b)}
	for {
		r1, ok1 := x.next()
		r2, ok2 := y.next()
		if !ok1 || !ok2 {
			return ok1 == ok2
		}
		if r1 != r2 {
			return false
		}
	}
}

// stripped marks the ASCII characters stripHeading turns into spaces.
var stripped = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "!\"#$%&()*+,.:;<=>?@^`{|}~/[]\\" {
		t[c] = true
	}
	return t
}()

// stripper yields the runes of s after stripHeading, folded: stripped
// characters and white space become spaces, runs of them one space, and
// none at either end.
type stripper struct {
	s              string
	i              int
	started, space bool
}

// more reports whether any rune is left, without consuming it.
func (it stripper) more() bool {
	_, ok := it.next()
	return ok
}

func (it *stripper) next() (rune, bool) {
	for it.i < len(it.s) {
		r, size := utf8.DecodeRuneInString(it.s[it.i:])
		if r < utf8.RuneSelf && stripped[r] || unicode.IsSpace(r) {
			it.i += size
			it.space = it.started
			continue
		}
		if it.space {
			it.space = false
			return ' ', true
		}
		it.i += size
		it.started = true
		return foldRune(r), true
	}
	return 0, false
}
