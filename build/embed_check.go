package build

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
)

// CheckEmbeds expands the embeds of every published note as a build
// would, measuring their HTML instead of writing it, and returns the
// embed-budget diagnostics the build would report, so check finds the
// pages whose embeds pass the budget. Each embedded section is rendered
// once, as in a build; notes without embeds cost nothing. The embeds of
// canvas cards are not measured. (Cycles check finds on its own, in the
// links package.)
func CheckEmbeds(ctx context.Context, a *Analysis, opts Options) (site.Diagnostics, error) {
	b := &builder{a: a, opts: opts, v: a.Vault, r: a.r, graph: a.Graph, docs: a.docs,
		use: &usage{assets: map[site.VaultPath]*site.Asset{}}}
	b.canvasIdx.parsed = a.canvases
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, n := range a.Vault.Notes {
		if !n.Published || !hasEmbed(n) {
			continue
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			embeds := b.newEmbeds()
			embeds.discard = true
			pb := &pageBinder{b: b, from: n, page: n.Slug, stack: []string{embedKey(n.Path, "")}, use: b.use, embeds: embeds}
			render.Bind(a.docs[i], pb)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
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

func hasEmbed(n *site.Note) bool {
	for _, l := range n.Links {
		if l.Embed && !l.InProperty {
			return true
		}
	}
	return false
}
