package build

import (
	"context"

	"github.com/vaultsite/vaultsite/internal/parallel"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
)

// CheckEmbeds expands the embeds of every published note as a build
// would, measuring their HTML instead of writing it, and returns the
// embed-budget diagnostics the build would report, so check finds the
// pages whose embeds pass the budget. Each embedded section is rendered
// once, as in a build. Only the notes that embed a note are parsed again
// (the analysis keeps no trees), since only a note's section counts
// against the budget. The embeds of canvas cards are not measured.
// (Cycles check finds on its own, in the links package.)
func CheckEmbeds(ctx context.Context, a *Analysis, opts Options) (site.Diagnostics, error) {
	b := &builder{a: a, memo: &memo{}, opts: opts, v: a.Vault, r: a.r, graph: a.Graph,
		use: &usage{assets: map[site.VaultPath]*site.Asset{}}}
	b.canvasIdx.parsed = a.canvases
	notes := a.Vault.Notes
	err := parallel.Each(ctx, len(notes), func(i int) error {
		n := notes[i]
		if !n.Published || !embedsNote(a, n) {
			return nil
		}
		embeds := b.newEmbeds()
		embeds.discard = true
		pb := &pageBinder{b: b, from: n, page: n.Slug, stack: []string{embedKey(n.Path, "")}, use: b.use, embeds: embeds}
		render.Bind(a.r.Parse(n, nil), pb)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out site.Diagnostics
	for _, d := range b.use.diags {
		if d.Code == "embed-budget" {
			out = append(out, d)
		}
	}
	out.RemoveMultiples()
	return out, nil
}

// embedsNote reports whether n's body embeds a note.
func embedsNote(a *Analysis, n *site.Note) bool {
	for _, l := range n.Links {
		if l.Embed && !l.InProperty && a.Graph.Resolve(n, l.Path).Target.Note != nil {
			return true
		}
	}
	return false
}
