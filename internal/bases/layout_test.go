package bases

import (
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// TestRenderLayout: the Layouts pages' view settings change the views:
// cards' size, cover ratio and fit; a list's markers, separator and
// nested properties; a map's centre, zoom and height.
func TestRenderLayout(t *testing.T) {
	t.Parallel()
	rows := []*File{
		book("Books/Dune.md", "cover", Link{Target: "dune.jpg"}, "author", "Herbert", "year", 1965.0, "where", "48.85, 2.29"),
		book("Books/Emma.md", "author", "Austen", "year", 1815.0),
	}
	src := `views:
  - type: cards
    image: cover
    cardSize: 240
    imageAspectRatio: 1.5
    imageFit: contain
  - type: list
    order: [file.name, author, year]
    markers: number
    separator: " · "
  - type: list
    order: [file.name, author, year]
    markers: none
    indentProperties: true
  - type: map
    coordinates: where
    center: "[45.5, 3.25]"
    defaultZoom: 6
    minZoom: 3
    maxZoom: 30
    mapHeight: 250
  - type: cards
  - type: list
    order: [file.name, author, year]
`
	_, res := runBase(t, src, rows)
	html := make([]string, len(res))
	for i, r := range res {
		html[i] = RenderView(r, testLinker{}, "v", nil)
	}
	for _, c := range []struct {
		view int
		want string
	}{
		{0, `<div class="base-cards base-cards-contain" style="--base-card-size:240px;--base-cover-ratio:1.5;">`},
		{1, `<ol class="base-list"><li class="base-row">`},
		{1, `<span class="base-prop" title="author">Herbert</span><span class="base-sep"> · </span><span class="base-prop" title="year">1965</span>`},
		{2, `<ul class="base-list base-list-plain"><li class="base-row"><a class="internal-link" href="../Books/Dune/">Dune</a><ul class="base-props"><li class="base-prop" title="author">Herbert</li><li class="base-prop" title="year">1965</li></ul></li>`},
		{3, `data-center="45.5,3.25" data-zoom="6" data-min-zoom="3" data-max-zoom="24" style="height:250px" hidden>`},
		{4, `<div class="base-cards">`},
		{5, `<ul class="base-list">`},
		{5, `Herbert</span><span class="base-sep">, </span>`},
	} {
		if !strings.Contains(html[c.view], c.want) {
			t.Errorf("view %d lacks %s\n%s", c.view, c.want, html[c.view])
		}
	}
}

// TestLayoutDiagnostics: a setting the view cannot use is an error at
// its value, and the default stays.
func TestLayoutDiagnostics(t *testing.T) {
	t.Parallel()
	src := "views:\n  - type: cards\n    cardSize: big\n    imageFit: stretch\n  - type: list\n    markers: roman\n  - type: map\n    center: \"north\"\n    defaultZoom: far\n"
	var diags site.Diagnostics
	b := Parse("B.base", []byte(src), 0, &diags)
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+": "+d.Msg)
	}
	want := []string{
		`B.base:3:15: cardSize must be a number, not "big"`,
		`B.base:4:15: imageFit must be cover or contain, not "stretch"`,
		`B.base:6:14: markers must be bullet, number or none, not "roman"`,
		`B.base:8:13: center must be a latitude and a longitude, "lat, lng", not "north"`,
		`B.base:9:18: defaultZoom must be a number, not "far"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l := b.Views[0].Layout; l.CardSize != 0 || l.ImageFit != "" {
		t.Errorf("a bad setting changed the layout: %+v", l)
	}
}
