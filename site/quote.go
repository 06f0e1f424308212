package site

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Unsafe reports whether r must not reach a terminal or a CI log as it
// is: the C0 and C1 control characters and DEL (ESC starts terminal
// sequences, BEL rings, CR overwrites the line, LF starts a new one that
// GitHub Actions may run as a workflow command), the line and paragraph
// separators, and the bidirectional controls that make text read
// otherwise than it is stored. A file name may hold any of them.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // Arabic letter mark, LRM, RLM
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // embeddings, overrides, isolates
		return true
	}
	return false
}

// hasUnsafe reports whether s holds an unsafe character or is not UTF-8.
func hasUnsafe(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	return strings.IndexFunc(s, Unsafe) >= 0
}

// QuoteUnsafe returns s unchanged when it holds nothing unsafe, so that
// editors can still jump to an ordinary path, and otherwise quoted as
// Go's %q quotes it ("a\x1b[31m.md"), which shows every character and
// leaves no doubt where the name ends.
func QuoteUnsafe(s string) string {
	if !hasUnsafe(s) {
		return s
	}
	return strconv.Quote(s)
}

// EscapeUnsafe replaces each unsafe character of s, and each byte that is
// not UTF-8, by its Go escape (\x1b, \r, \n, \u202e, \xff) and keeps the
// rest: for messages, whose user text is mostly quoted already, but not
// always (an error from the file system names the file raw).
func EscapeUnsafe(s string) string {
	if !hasUnsafe(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case Unsafe(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
