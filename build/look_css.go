package build

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// droppedImport replaces an @import of a remote URL.
const droppedImport = "/* vaultsite: @import of a remote URL dropped */"

// guardImports returns css with each @import of a remote URL replaced
// by a comment, and a warning per import, unless allow keeps them (then
// each is an info, so check still says what the site loads). A theme is
// the author's own CSS and is otherwise shipped as it is.
func (l *look) guardImports(file string, css []byte, allow bool) []byte {
	imps := cssImports(css)
	var out []byte
	last := 0
	for _, im := range imps {
		if !remoteURL(im.url) {
			continue
		}
		pos := site.Pos{Path: site.VaultPath(file), Line: bytes.Count(css[:im.start], []byte("\n")) + 1,
			Col: im.start - bytes.LastIndexByte(css[:im.start], '\n')}
		if allow {
			l.diags.Add(pos, site.Info, "remote-import", "@import of the remote URL %q is kept (themeRemoteImports)", im.url)
			continue
		}
		l.diags.Add(pos, site.Warning, "remote-import",
			"@import of the remote URL %q is dropped; set themeRemoteImports: true in vaultsite.yaml to keep it", im.url)
		out = append(append(out, css[last:im.start]...), droppedImport...)
		last = im.end
	}
	if out == nil {
		return css
	}
	return append(out, css[last:]...)
}

// cssImport is one @import rule: its bytes [start, end) and its URL.
type cssImport struct {
	start, end int
	url        string
}

// cssImports finds the @import rules of css, outside comments and
// strings. A rule ends at its ";" or at the end of the file.
func cssImports(css []byte) []cssImport {
	var out []cssImport
	for i := 0; i < len(css); {
		switch {
		case bytes.HasPrefix(css[i:], []byte("/*")):
			i = skipComment(css, i)
		case css[i] == '"' || css[i] == '\'':
			i = skipString(css, i)
		case css[i] == '@' && len(css)-i > 7 && strings.EqualFold(string(css[i:i+7]), "@import") && !isIdentByte(css[i+7]):
			end, url := importEnd(css, i+7)
			out = append(out, cssImport{start: i, end: end, url: url})
			i = end
		default:
			i++
		}
	}
	return out
}

func isIdentByte(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// skipComment returns the offset after the comment at i.
func skipComment(css []byte, i int) int {
	if j := bytes.Index(css[i+2:], []byte("*/")); j >= 0 {
		return i + 2 + j + 2
	}
	return len(css)
}

// skipString returns the offset after the string opened at i.
func skipString(css []byte, i int) int {
	q := css[i]
	for j := i + 1; j < len(css); j++ {
		switch css[j] {
		case '\\':
			j++
		case q, '\n':
			return j + 1
		}
	}
	return len(css)
}

// importRE reads the URL of an @import: url(x), url("x") or "x".
var importRE = regexp.MustCompile(`^\s*(?:url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|"([^"]*)"|'([^']*)')`)

// importEnd returns the end of the @import whose URL starts at i (after
// its ";"), and its URL.
func importEnd(css []byte, i int) (int, string) {
	var url string
	if m := importRE.FindSubmatch(css[i:]); m != nil {
		for _, g := range m[1:] {
			if len(g) > 0 {
				url = string(g)
			}
		}
		i += len(m[0])
	}
	for i < len(css) && css[i] != ';' {
		if css[i] == '"' || css[i] == '\'' {
			i = skipString(css, i)
			continue
		}
		i++
	}
	return min(i+1, len(css)), url
}

// schemeRE matches a URL with a scheme.
var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// remoteURL reports whether an @import reaches outside the site: a URL
// with a scheme other than data:, or one starting with "//".
func remoteURL(u string) bool {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "//") || strings.HasPrefix(u, `\\`) {
		return true
	}
	return schemeRE.MatchString(u) && !strings.HasPrefix(strings.ToLower(u), "data:")
}

// appearanceCSS returns the variables appearance.json sets: the accent
// (as Obsidian's --accent-h/s/l and the colours made from it), the
// fonts and the text size; "" when it sets none. The accent sits on
// body, below a theme's .theme-dark rules, as Obsidian's does; the fonts
// and size are the author's explicit choice and sit on the theme classes
// too. Values are checked, never copied raw into the CSS.
func appearanceCSS(a site.Appearance) string {
	var s strings.Builder
	if r, g, b, ok := parseHex(a.AccentColor); ok {
		h, sat, lum := hsl(r, g, b)
		hex := fmt.Sprintf("#%02x%02x%02x", r, g, b)
		fmt.Fprintf(&s, "body {\n  --accent-h: %d;\n  --accent-s: %d%%;\n  --accent-l: %d%%;\n", h, sat, lum)
		fmt.Fprintf(&s, "  --interactive-accent: %s;\n  --text-accent: %s;\n  --text-accent-hover: %s;\n  --accent-rgb: %d, %d, %d;\n}\n", hex, hex, hex, r, g, b)
	}
	var fonts strings.Builder
	if f := fontList(a.TextFontFamily); f != "" {
		fmt.Fprintf(&fonts, "  --font-text-override: %s;\n", f)
	}
	if f := fontList(a.MonospaceFontFamily); f != "" {
		fmt.Fprintf(&fonts, "  --font-monospace-override: %s;\n", f)
	}
	// 10 to 30 px is the range of Obsidian's font size slider.
	if a.BaseFontSize >= 10 && a.BaseFontSize <= 30 {
		fmt.Fprintf(&fonts, "  --font-text-size: %spx;\n", strconv.FormatFloat(a.BaseFontSize, 'f', -1, 64))
	}
	if fonts.Len() > 0 {
		s.WriteString("body, body.theme-dark, body.theme-light {\n" + fonts.String() + "}\n")
	}
	if s.Len() == 0 {
		return ""
	}
	return "/* The author's appearance settings, from .obsidian/appearance.json. */\n" + s.String()
}

var hexRE = regexp.MustCompile(`^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$`)

// parseHex reads "#rrggbb" or "#rgb".
func parseHex(s string) (r, g, b int, ok bool) {
	if !hexRE.MatchString(s) {
		return 0, 0, 0, false
	}
	s = s[1:]
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	v, _ := strconv.ParseUint(s, 16, 32)
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff), true
}

// hsl converts a colour to hue (degrees) and saturation and lightness
// (percent), rounded, as Obsidian's --accent-h/s/l hold them.
func hsl(r, g, b int) (h, s, l int) {
	rf, gf, bf := float64(r)/255, float64(g)/255, float64(b)/255
	mx, mn := max(rf, gf, bf), min(rf, gf, bf)
	lf := (mx + mn) / 2
	if mx == mn {
		return 0, 0, int(math.Round(lf * 100))
	}
	d := mx - mn
	sf := d / (1 - math.Abs(2*lf-1))
	var hf float64
	switch mx {
	case rf:
		hf = math.Mod((gf-bf)/d, 6)
	case gf:
		hf = (bf-rf)/d + 2
	default:
		hf = (rf-gf)/d + 4
	}
	hf *= 60
	if hf < 0 {
		hf += 360
	}
	return int(math.Round(hf)), int(math.Round(sf * 100)), int(math.Round(lf * 100))
}

// fontNameRE is what a font name may hold to be written into CSS.
var fontNameRE = regexp.MustCompile(`^[\p{L}\p{N} ._-]+$`)

// genericFonts are CSS's generic families, written without quotes.
var genericFonts = map[string]bool{"serif": true, "sans-serif": true, "monospace": true, "cursive": true,
	"fantasy": true, "system-ui": true, "ui-serif": true, "ui-sans-serif": true, "ui-monospace": true}

// fontList turns Obsidian's font setting ("Inter, 'Fira Sans'") into a
// CSS font list of quoted names; a name with other characters is left
// out, so the setting cannot end the declaration.
func fontList(s string) string {
	var names []string
	for _, n := range strings.Split(s, ",") {
		n = strings.Trim(strings.TrimSpace(n), `"'`)
		switch {
		case n == "" || !fontNameRE.MatchString(n):
		case genericFonts[strings.ToLower(n)]:
			names = append(names, strings.ToLower(n))
		default:
			names = append(names, `"`+n+`"`)
		}
	}
	return strings.Join(names, ", ")
}
