package sanitize

import (
	"strconv"
	"strings"
)

// blockedImport replaces the at-keyword of an @import rule: CSS skips an
// at-rule it does not know up to its ";", so the rule loads nothing.
const blockedImport = "@blocked-import"

// blockImports returns css with every @import rule disabled, however its
// keyword is spelled (@IMPORT, @\69mport): an @import in a <style> loads
// a stylesheet from anywhere, which the policy allows only with
// RemoteStylesheets. A "@import" inside a comment or string is disabled
// too, which changes nothing a reader sees.
func blockImports(css string) string {
	if !strings.Contains(css, "@") {
		return css
	}
	var b strings.Builder
	for {
		at := strings.IndexByte(css, '@')
		if at < 0 {
			b.WriteString(css)
			return b.String()
		}
		name, n := cssIdent(css[at+1:])
		b.WriteString(css[:at])
		if strings.EqualFold(name, "import") {
			b.WriteString(blockedImport)
		} else {
			b.WriteString(css[at : at+1+n])
		}
		css = css[at+1+n:]
	}
}

// cssIdent reads the identifier at the start of s, with CSS escapes
// decoded, and returns it and the bytes it took.
func cssIdent(s string) (name string, n int) {
	var b strings.Builder
	for n < len(s) {
		c := s[n]
		switch {
		case c == '\\' && n+1 < len(s) && s[n+1] != '\n':
			r, k := cssEscape(s[n+1:])
			b.WriteRune(r)
			n += 1 + k
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c >= 0x80:
			b.WriteByte(c)
			n++
		default:
			return b.String(), n
		}
	}
	return b.String(), n
}

// cssEscape decodes the escape after a backslash at the start of s: up to
// six hex digits and one optional whitespace, or any one character.
func cssEscape(s string) (r rune, n int) {
	for n < len(s) && n < 6 && strings.IndexByte("0123456789abcdefABCDEF", s[n]) >= 0 {
		n++
	}
	if n == 0 {
		return rune(s[0]), 1
	}
	v, _ := strconv.ParseUint(s[:n], 16, 32)
	if n < len(s) && strings.IndexByte(" \t\n\r\f", s[n]) >= 0 {
		n++
	}
	return rune(v), n
}
