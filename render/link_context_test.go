package render

import (
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// TestLinkContext checks the backlink excerpt: inline Markdown rendered
// (code stays code, so quoted link syntax is not read as a link), text
// escaped, formulas kept whole for KaTeX, and a long block cut around
// the link without cutting a tag.
func TestLinkContext(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 60)
	tests := []struct{ give, want string }{
		{
			give: "Write `[[Figure 1.png]]` to embed, see [[Note]].\n",
			want: "Write <code>[[Figure 1.png]]</code> to embed, see Note.",
		},
		{
			give: "A *b* **c** <b>x</b> & 1 < 2 in [the note](Note.md)\nnext line\n",
			want: "A <em>b</em> <strong>c</strong> x &amp; 1 &lt; 2 in the note next line",
		},
		{
			give: "Since $a < b^2$ holds, [[Note]] proves $$\\frac{1}{2}$$.\n",
			want: `Since <span class="math math-inline">\(a &lt; b^2\)</span> holds, Note proves <span class="math math-inline">\(\frac{1}{2}\)</span>.`,
		},
		{
			give: long + "`code` [[Note]] " + long,
			want: "…" + strings.Repeat("word ", 8) + "word <code>code</code> Note " + strings.Repeat("word ", 8) + "word…",
		},
	}
	r := New(Config{})
	for _, tt := range tests {
		d := r.Parse(&site.Note{Path: "T.md", Source: []byte(tt.give)}, nil)
		if len(d.Links) == 0 {
			t.Fatalf("%q: no link found", tt.give)
		}
		if got := string(d.LinkContext(len(d.Links)-1, 100)); got != tt.want {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.give, got, tt.want)
		}
	}
}
