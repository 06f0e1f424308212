package bases

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vaultsite/vaultsite/site"
)

func TestParseDiagnostics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"plain", "filters: price >> 2\n", []string{"B.base:1:17: unexpected \">\""}},
		{"quoted", "formulas:\n  a: 'if(price, price.toFixd(2)'\n", []string{"B.base:2:32: expected \")\", found the end of the expression"}},
		{"unknown function", "formulas:\n  a: \"prise.toFixd(2)\"\n  b: nofunc(1)\n", []string{
			"B.base:2:13: unknown function \"toFixd\"", "B.base:3:6: unknown function \"nofunc\""}},
		{"block", "filters:\n  and:\n    - |\n      file.hasTag(\"a\") &&\n        ) x\n", []string{"B.base:5:9: unexpected \")\""}},
		{"yaml", "views: [\n", []string{"B.base:2:1: invalid YAML: did not find expected node content"}},
		{"cycle", "formulas:\n  a: formula.b + 1\n  b: formula.a\n", []string{
			"B.base:2:3: formula \"a\" refers to itself through formula.b", "B.base:3:3: formula \"b\" refers to itself through formula.a"}},
		{"view keys", "views:\n  - type: table\n    limit: ten\n    summaries:\n      price: Avg\n    sort:\n      - property: x\n        direction: UP\n", []string{
			"B.base:3:12: limit must be a whole number, not \"ten\"", "B.base:5:14: unknown summary \"Avg\"",
			"B.base:8:20: direction must be ASC or DESC, not \"UP\""}},
		{"view type", "views:\n  - type: calendar\n", []string{"B.base:2:11: view type \"calendar\" is not built in; it is shown as a table"}},
		{"aliases", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
			"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
			[]string{"B.base:1:1: invalid YAML: aliases expand to too many values"}},
		{"filter op", "filters:\n  nand:\n    - a\n", []string{"B.base:2:3: unknown filter operator \"nand\"; use and, or or not"}},
		{"good", "filters:\n  or:\n    - file.hasTag(\"tag\")\n    - not:\n        - file.inFolder(\"x\")\nviews:\n  - type: cards\n    name: Shelf\n    image: cover\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var diags site.Diagnostics
			Parse("B.base", []byte(tt.give), 0, &diags)
			var got []string
			for _, d := range diags {
				got = append(got, d.Pos.String()+": "+d.Msg)
			}
			for i := range got {
				if i < len(tt.want) && strings.HasPrefix(got[i], tt.want[i]) {
					got[i] = tt.want[i]
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseModel(t *testing.T) {
	t.Parallel()
	src := `filters:
  and:
    - file.hasTag("book")
formulas:
  ppu: "(price / age).toFixed(2)"
properties:
  status:
    displayName: Status
views:
  - type: table
    name: "My table"
    limit: 10
    groupBy:
      property: note.age
      direction: DESC
    order:
      - file.name
      - status
      - formula.ppu
    summaries:
      formula.ppu: Average
  - type: cards
    image: note.cover
`
	var diags site.Diagnostics
	b := Parse("B.base", []byte(src), 0, &diags)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	v := b.Views[0]
	if v.Name != "My table" || v.Limit != 10 || v.GroupBy.Property != "note.age" || !v.GroupBy.Desc {
		t.Errorf("view = %+v", v)
	}
	if diff := cmp.Diff([]string{"file.name", "note.status", "formula.ppu"}, v.Order); diff != "" {
		t.Error(diff)
	}
	if b.Properties["note.status"].DisplayName != "Status" || v.Summaries["formula.ppu"] != "Average" {
		t.Errorf("properties %v, summaries %v", b.Properties, v.Summaries)
	}
	if b.Views[1].Name != "Cards" || b.Views[1].Image != "note.cover" || b.ViewNamed("Cards") != b.Views[1] {
		t.Errorf("second view = %+v", b.Views[1])
	}
}

func TestCompileDepth(t *testing.T) {
	t.Parallel()
	for _, src := range []string{strings.Repeat("(", 100000) + "1", strings.Repeat("!", 100000) + "x", strings.Repeat("[", 100000)} {
		if _, err := Compile(src); err == nil || !strings.Contains(err.Msg, "nested too deeply") {
			t.Errorf("Compile(%.10q…) = %v, want a nesting error", src, err)
		}
	}
}
