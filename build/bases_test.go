package build

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/site"
)

// basesVault: a topic note whose base block replicates its backlinks with
// file.hasLink(this), notes in a folder, and a .base file whose formula
// reads this, the base's own file.
func basesVault() fstest.MapFS {
	return fstest.MapFS{
		"Topic.md":       {Data: []byte("---\npublish: true\n---\n# Topic\n\n```base\nfilters: file.hasLink(this)\nviews:\n  - type: list\n    name: Linking here\n```\n")},
		"Notes/One.md":   {Data: []byte("---\npublish: true\nscore: 3\n---\nAbout [[Topic]].\n")},
		"Notes/Two.md":   {Data: []byte("---\npublish: true\nscore: 5\n---\nNot about it.\n")},
		"Notes/Three.md": {Data: []byte("---\npublish: true\nscore: 4\n---\nAlso [[Topic]].\n")},
		"Index.base": {Data: []byte("formulas:\n  where: this.file.name\nviews:\n  - type: table\n    order: [file.name, score, formula.where]\n" +
			"    filters: file.inFolder(\"Notes\")\n    sort:\n      - property: score\n        direction: DESC\n")},
		"Notes/Embed.md": {Data: []byte("---\npublish: true\n---\n![[Index.base]]\n")},
		"Deep/Host.md":   {Data: []byte("---\npublish: true\n---\n![[Topic]]\n\n![[Topic]]\n")},
	}
}

func TestBasesThisAndLinks(t *testing.T) {
	t.Parallel()
	for _, optIn := range []bool{false, true} {
		em := NewMemEmitter()
		res, err := Build(context.Background(), basesVault(), Options{Load: site.LoadOptions{OptIn: optIn}}, em)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range res.Diags {
			if d.Code == "invalid-base" || d.Code == "missing-property" {
				t.Errorf("optIn %v: %s", optIn, d)
			}
		}
		topic := string(em.Files["topic/index.html"])
		for _, want := range []string{`href="../notes/one/">One</a>`, `href="../notes/three/">Three</a>`} {
			if !strings.Contains(topic, want) {
				t.Errorf("optIn %v: Topic's base block lacks %s", optIn, want)
			}
		}
		if strings.Contains(topic, `>Two</a>`) {
			t.Errorf("optIn %v: Two does not link to Topic but is listed", optIn)
		}
		// In a note, this is the embedding note; the rows link from the
		// embedding page's folder.
		embed := string(em.Files["notes/embed/index.html"])
		if !strings.Contains(embed, `<td data-sort="Embed.md">Embed.md</td>`) || !strings.Contains(embed, `href="../two/">Two</a>`) {
			t.Errorf("optIn %v: the embed does not evaluate this as the embedding note:\n%s", optIn, embed)
		}
		if i, j := strings.Index(embed, ">Two</a>"), strings.Index(embed, ">One</a>"); i < 0 || j < 0 || i > j {
			t.Errorf("optIn %v: rows not sorted by score DESC", optIn)
		}
		// A block in an embedded note: rendered once for every page that
		// shows it, with this the note holding it, URLs from the host's
		// folder, ids that differ between the two embeds, and the script.
		host := string(em.Files["deep/host/index.html"])
		for _, want := range []string{`href="../../notes/one/">One</a>`, `id="e1-base1-linking-here"`, `id="e2-base1-linking-here"`, `_site/bases.`} {
			if !strings.Contains(host, want) {
				t.Errorf("optIn %v: the host of an embedded base block lacks %s", optIn, want)
			}
		}
		page, published := em.Files["index.base/index.html"]
		switch {
		case optIn && published:
			t.Error("a .base page is published in opt-in mode, where it cannot opt in")
		case !optIn && !strings.Contains(string(page), `<td data-sort="Index.base">Index.base</td>`):
			t.Errorf("on its own page, this is not the base's file:\n%s", page)
		}
	}
}
