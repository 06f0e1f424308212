package templates

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestThemeContrast computes the WCAG 2 contrast ratio of the themes'
// text colours (style.css's variables) on the backgrounds they are used
// on, and requires level AA for normal text, 4.5:1, in both themes. A
// translucent background (a tag's, the explorer's current page) is laid
// over the page background first.
func TestThemeContrast(t *testing.T) {
	t.Parallel()
	css := string(mustRead("assets/style.css"))
	light := cssVars(t, css, ":root {")
	dark := cssVars(t, css, `:root[data-theme="dark"] {`)
	system := cssVars(t, css, `:root:not([data-theme="light"]) {`)
	if diff := cmp.Diff(dark, system); diff != "" {
		t.Errorf("the dark theme of the toggle and of the system differ (-toggle +system):\n%s", diff)
	}
	pairs := []struct{ fg, bg string }{
		{"var(--text-normal)", "var(--background-primary)"},
		{"var(--text-normal)", "var(--background-secondary)"},
		{"var(--text-muted)", "var(--background-primary)"},
		{"var(--text-muted)", "var(--background-secondary)"}, // backlink excerpts
		{"var(--text-faint)", "var(--background-primary)"},   // footer, canvas paths
		{"var(--text-accent)", "var(--background-primary)"},  // links
		{"var(--text-accent)", "var(--background-secondary)"},
		{"var(--text-accent-hover)", "var(--background-primary)"},
		{"var(--background-primary)", "var(--interactive-accent)"}, // the skip link
		{"var(--tag-color)", "var(--tag-background)"},
		{"var(--text-normal)", "var(--pill-background)"},
		{"var(--text-normal)", "rgba(var(--accent-rgb), 0.12)"}, // the explorer's current page
		{"var(--code-normal)", "var(--code-background)"},
	}
	merged := map[string]string{}
	for k, v := range light {
		merged[k] = v
	}
	for k, v := range dark {
		merged[k] = v
	}
	for name, vars := range map[string]map[string]string{"light": light, "dark": merged} {
		page := parseColor(t, resolve(t, vars, "var(--background-primary)"), rgb{1, 1, 1})
		for _, p := range pairs {
			bg := parseColor(t, resolve(t, vars, p.bg), page)
			fg := parseColor(t, resolve(t, vars, p.fg), bg)
			r := contrast(fg, bg)
			t.Logf("%s: %s on %s: %.2f:1", name, p.fg, p.bg, r)
			if r < 4.5 {
				t.Errorf("%s theme: %s on %s has contrast %.2f:1, below AA's 4.5:1", name, p.fg, p.bg, r)
			}
		}
	}
}

var declRE = regexp.MustCompile(`(--[a-z0-9-]+)\s*:\s*([^;]+);`)

// cssVars returns the custom properties declared in the first block of
// css that opens with head.
func cssVars(t *testing.T, css, head string) map[string]string {
	t.Helper()
	i := strings.Index(css, head)
	if i < 0 {
		t.Fatalf("style.css has no block %q", head)
	}
	block := css[i+len(head):]
	block = block[:strings.IndexByte(block, '}')]
	vars := map[string]string{}
	for _, m := range declRE.FindAllStringSubmatch(block, -1) {
		vars[m[1]] = strings.TrimSpace(m[2])
	}
	return vars
}

var varRE = regexp.MustCompile(`var\((--[a-z0-9-]+)\)`)

// resolve replaces every var(--x) in v by its value.
func resolve(t *testing.T, vars map[string]string, v string) string {
	t.Helper()
	for range 10 {
		if !strings.Contains(v, "var(") {
			return v
		}
		v = varRE.ReplaceAllStringFunc(v, func(ref string) string {
			name := varRE.FindStringSubmatch(ref)[1]
			val, ok := vars[name]
			if !ok {
				t.Fatalf("undefined %s", name)
			}
			return val
		})
	}
	t.Fatalf("var() loop in %q", v)
	return ""
}

type rgb struct{ r, g, b float64 } // each 0 to 1

// parseColor reads #rrggbb, rgb(r, g, b) or rgba(r, g, b, a); a
// translucent colour is laid over under.
func parseColor(t *testing.T, s string, under rgb) rgb {
	t.Helper()
	if strings.HasPrefix(s, "#") && len(s) == 7 {
		n, err := strconv.ParseUint(s[1:], 16, 32)
		if err != nil {
			t.Fatalf("colour %q: %v", s, err)
		}
		return rgb{float64(n>>16) / 255, float64(n>>8&0xff) / 255, float64(n&0xff) / 255}
	}
	var c rgb
	a := 1.0
	inner, ok := strings.CutSuffix(strings.TrimPrefix(strings.TrimPrefix(s, "rgba("), "rgb("), ")")
	parts := strings.Split(inner, ",")
	if !ok || len(parts) < 3 || len(parts) > 4 {
		t.Fatalf("colour %q: not #rrggbb, rgb() or rgba()", s)
	}
	f := make([]float64, len(parts))
	for i, p := range parts {
		var err error
		if f[i], err = strconv.ParseFloat(strings.TrimSpace(p), 64); err != nil {
			t.Fatalf("colour %q: %v", s, err)
		}
	}
	c = rgb{f[0] / 255, f[1] / 255, f[2] / 255}
	if len(f) == 4 {
		a = f[3]
	}
	return rgb{c.r*a + under.r*(1-a), c.g*a + under.g*(1-a), c.b*a + under.b*(1-a)}
}

// luminance is WCAG 2's relative luminance.
func (c rgb) luminance() float64 {
	lin := func(v float64) float64 {
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestContrastRatio(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give [2]string
		want float64
	}{
		{[2]string{"#000000", "#ffffff"}, 21},
		{[2]string{"#767676", "#ffffff"}, 4.54},
		{[2]string{"#ffffff", "#ffffff"}, 1},
		{[2]string{"rgba(0, 0, 0, 0.5)", "#ffffff"}, 3.98}, // #7f7f7f and a half
	}
	for _, tt := range tests {
		bg := parseColor(t, tt.give[1], rgb{1, 1, 1})
		got := contrast(parseColor(t, tt.give[0], bg), bg)
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", tt.give[0], tt.give[1], got, tt.want)
		}
	}
}
