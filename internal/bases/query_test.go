package bases

import (
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

type testLinker struct{}

func (testLinker) FileURL(f *File) string {
	return "../" + strings.TrimSuffix(string(f.Path), ".md") + "/"
}
func (testLinker) LinkURL(l Link, _ *File) string {
	if strings.HasSuffix(l.Target, ".pdf") {
		return "../" + l.Target
	}
	return ""
}
func (testLinker) ImageURL(v Value, _ *File) string {
	if l, ok := v.(Link); ok {
		return "../" + l.Target
	}
	return ""
}

func book(path string, kv ...any) *File {
	f := &File{Path: site.VaultPath(path), Props: NewObject(), Tags: []string{"book"}}
	for i := 0; i < len(kv); i += 2 {
		f.Props.Set(kv[i].(string), kv[i+1])
	}
	return f
}

func runBase(t *testing.T, src string, rows []*File) (*Base, []*Result) {
	t.Helper()
	var diags site.Diagnostics
	b := Parse("Books.base", []byte(src), 0, &diags)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cx := &Context{Base: b, Now: testNow}
	var out []*Result
	for _, v := range b.Views {
		out = append(out, Run(cx, v, rows))
	}
	return b, out
}

func TestRunTable(t *testing.T) {
	t.Parallel()
	rows := []*File{
		book("Books/Dune.md", "rating", 5.0, "status", "read", "pages", 412.0),
		book("Books/Emma.md", "rating", 3.0, "status", "read", "pages", 474.0),
		book("Books/Ubik.md", "rating", 4.0, "status", "to read", "pages", 202.0),
		{Path: "Notes/Other.md", Props: NewObject()},
	}
	src := `filters: file.hasTag("book")
formulas:
  per100: (pages / 100).toFixed(1)
properties:
  note.rating:
    displayName: Stars
summaries:
  top: values.sort().reverse()[0]
views:
  - type: table
    name: All
    order: [file.name, rating, formula.per100, pages]
    sort:
      - property: rating
        direction: DESC
    groupBy:
      property: status
    summaries:
      pages: Sum
      rating: top
  - type: table
    name: Two
    limit: 2
    filters: 'rating > 3'
`
	_, res := runBase(t, src, rows)
	all := res[0]
	if len(all.Groups) != 2 || all.Groups[0].Key != "read" || all.Groups[1].Key != "to read" {
		t.Fatalf("groups = %+v", all.Groups)
	}
	if got := all.Groups[0].Rows[0].File.Path; got != "Books/Dune.md" {
		t.Errorf("first row %s, want Dune (rating 5, DESC)", got)
	}
	if got := all.Summaries[3].Value; got != 1088.0 {
		t.Errorf("Sum of pages = %v", got)
	}
	if got := all.Summaries[1].Value; got != 5.0 {
		t.Errorf("custom summary top = %v", got)
	}
	if got := all.Groups[0].Rows[0].Cells[2].Value; got != "4.1" {
		t.Errorf("formula per100 = %v", got)
	}
	html := RenderView(all, testLinker{}, "all", nil)
	for _, want := range []string{`<th scope="col" data-col="1">Stars</th>`, `<a class="internal-link" href="../Books/Dune/">Dune</a>`,
		`<td data-sort="5">5</td>`, `<span class="base-summary-name">Sum</span> 1088`, `scope="rowgroup">read</th>`} {
		if !strings.Contains(html, want) {
			t.Errorf("table lacks %s\n%s", want, html)
		}
	}
	two := res[1]
	if two.Total != 2 || len(two.Groups[0].Rows) != 2 {
		t.Errorf("view Two: total %d, rows %d", two.Total, len(two.Groups[0].Rows))
	}
}

func TestRenderCardsListMap(t *testing.T) {
	t.Parallel()
	rows := []*File{
		book("Books/Dune.md", "cover", Link{Target: "dune.jpg"}, "author", "Herbert", "where", "48.85, 2.29"),
		book("Books/Emma.md", "cover", "#336699", "where", []Value{"51.5", "-0.12"}),
		book("Books/Ubik.md", "where", "nowhere"),
	}
	src := `views:
  - type: cards
    order: [file.name, author]
    image: cover
  - type: list
    order: [file.name, author]
  - type: map
    coordinates: where
`
	_, res := runBase(t, src, rows)
	cards := RenderView(res[0], testLinker{}, "c", nil)
	list := RenderView(res[1], testLinker{}, "l", nil)
	m := RenderView(res[2], testLinker{}, "m", nil)
	for _, c := range []struct{ html, want string }{
		{cards, `<img src="../dune.jpg" alt="" loading="lazy">`},
		{cards, `style="background-color:#336699"`},
		{cards, `<dt>author</dt><dd>Herbert</dd>`},
		{list, `<li class="base-row"><a class="internal-link" href="../Books/Dune/">Dune</a> <span class="base-props"><span class="base-prop" title="author">Herbert</span>`},
		{m, `<span class="base-coords">51.5, -0.12</span>`},
		{m, `data-places="[{&#34;name&#34;:&#34;Dune&#34;`},
	} {
		if !strings.Contains(c.html, c.want) {
			t.Errorf("lacks %s\n%s", c.want, c.html)
		}
	}
	if strings.Contains(m, "Ubik") {
		t.Error("a place without coordinates is on the map")
	}
}

func TestCheckProperties(t *testing.T) {
	t.Parallel()
	rows := []*File{book("Books/Dune.md", "rating", 5.0)}
	var diags site.Diagnostics
	b := Parse("Books.base", []byte("filters:\n  and:\n    - rating > 2\n    - 'ratin > 2 && note.statuss == \"x\"'\n"), 0, &diags)
	b.CheckProperties(rows, &diags)
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`Books.base:4:8: warning: filter on property "ratin", which no published note has (missing-property)`,
		`Books.base:4:26: warning: filter on property "statuss", which no published note has (missing-property)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
