package build

import (
	"strings"

	"github.com/vaultsite/vaultsite/internal/bases"
	"github.com/vaultsite/vaultsite/internal/search"
	"github.com/vaultsite/vaultsite/site"
)

// baseSearchDocuments returns a search document for each .base page, in
// path order: its title, its views' names (searched as headings) and, as
// its text, the names of the notes each view lists, as the page shows
// them. The cells' values stay out: they are the listed notes'
// properties, which the index does not hold for the notes themselves
// either, and a query for one would find every base that shows it. Rows
// are published notes only, so nothing of an unpublished note enters.
func (b *builder) baseSearchDocuments() []search.Document {
	var out []search.Document
	for _, c := range b.canvases().pages {
		if !c.isBase() {
			continue
		}
		d := search.Document{ID: c.asset.Path, Title: c.title, URL: c.slug.FromRoot(), Crumbs: crumbs(c.asset.Path)}
		var text strings.Builder
		if base := b.a.bases.files[c.asset.Path]; base != nil {
			env := b.a.baseEnv()
			this := env.this(&site.Note{Path: c.asset.Path, Slug: c.slug, Published: true})
			cx := &bases.Context{Base: base, Env: env, Now: env.now, This: this}
			for _, v := range base.Views {
				d.Headings = append(d.Headings, v.Name)
				for _, g := range bases.Run(cx, v, env.files).Groups {
					for _, r := range g.Rows {
						text.WriteString(r.File.Path.Name() + "\n")
					}
				}
			}
		}
		body := text.String()
		d.Body = func() string { return body }
		d.Key = baseSearchKey{path: c.asset.Path, views: strings.Join(d.Headings, "\n"), body: body}
		out = append(out, d)
	}
	return out
}

// baseSearchKey is a base document's content, so the index keeps its
// terms while its title, views and rows stay the same.
type baseSearchKey struct {
	path        site.VaultPath
	views, body string
}
