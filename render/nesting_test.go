package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// TestNestingCap checks MaxNesting: blocks nest 100 deep as usual, the
// line that would open the 101st level is a paragraph of its own text,
// and Parse reports nesting-too-deep once, at that line, counting the
// others.
func TestNestingCap(t *testing.T) {
	t.Parallel()
	var list strings.Builder
	for i := range MaxNesting + 3 {
		list.WriteString(strings.Repeat("  ", i) + "- i\n")
	}
	for _, tt := range []struct {
		name, give string
		quotes     int    // <blockquote>s in the output
		text       string // what the deepest line shows, or ""
		diag       string
	}{
		{name: "100 quotes", give: strings.Repeat("> ", 100) + "a\n", quotes: 100},
		{name: "101 quotes", give: "x\n\n" + strings.Repeat("> ", 101) + "a *b*\n", quotes: 100,
			text: "<p>&gt; a <em>b</em></p>",
			diag: "T.md:3:201: blocks nest deeper than 100 levels; this line is shown as text (nesting-too-deep)"},
		{name: "a callout", give: "> [!note]\n" + strings.Repeat("> ", 101) + "a\n", quotes: 99,
			text: "<p>&gt; a</p>",
			diag: "T.md:2:201: blocks nest deeper than 100 levels; this line is shown as text (nesting-too-deep)"},
		{name: "a rule stays", give: strings.Repeat("> ", 100) + "- - -\n", quotes: 100, text: "<hr>"},
		{name: "list", give: list.String(), text: "<p>- i</p>\n<p>- i</p>\n<p>- i</p>",
			diag: "T.md:101:201: blocks nest deeper than 100 levels; this line and 2 more like it are shown as text (nesting-too-deep)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Config{StrictLineBreaks: true})
			var diags site.Diagnostics
			d := r.Parse(&site.Note{Path: "T.md", Source: []byte(tt.give)}, &diags)
			var b bytes.Buffer
			if err := r.Render(&b, d); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			if n := strings.Count(got, "<blockquote"); n != tt.quotes {
				t.Errorf("%d quotes, want %d", n, tt.quotes)
			}
			if !strings.Contains(got, tt.text) {
				t.Errorf("output lacks %q:\n%s", tt.text, got)
			}
			var gotDiag string
			for _, dg := range diags {
				gotDiag += dg.Pos.String() + ": " + dg.Msg + " (" + dg.Code + ")"
			}
			if gotDiag != tt.diag {
				t.Errorf("diagnostics:\n got %q\nwant %q", gotDiag, tt.diag)
			}
		})
	}
}
