package build

import (
	"github.com/vaultsite/vaultsite/site"
)

// nameDiags reports the names whose URL had to change so the site can be
// written (site.SlugFixes), where each is written: tags of published
// notes (a frontmatter tag at its property's line), aliases, canvases,
// and the attachments that published notes link to at a path the site
// uses for its own files (site.VaultPath.AssetOut). Notes, their folders
// and permalinks are reported when load gives them their slugs. It runs
// in Analyze, so check and build report the same.
func (a *Analysis) nameDiags() site.Diagnostics {
	var diags site.Diagnostics
	renamed := map[site.VaultPath]bool{}
	moved := false // whether any attachment is, so most vaults resolve nothing here
	for _, as := range a.Vault.Assets {
		moved = moved || string(a.Vault.AssetOut(as.Path)) != string(as.Path)
	}
	for _, n := range a.Vault.Notes {
		if !n.Published {
			continue
		}
		reportTagFixes(n, &diags)
		for _, alias := range n.Props.Aliases {
			for _, f := range site.SlugFixes(alias) {
				f.Report(&diags, site.Pos{Path: n.Path, Line: propLine(n, "aliases", "alias")}, "alias")
			}
		}
		for _, l := range n.Links {
			if !moved {
				break
			}
			if as := a.Graph.Link(n, l).Target.Asset; as != nil && string(a.Vault.AssetOut(as.Path)) != string(as.Path) {
				renamed[as.Path] = true
			}
		}
	}
	for _, as := range a.Vault.Assets {
		switch {
		case renamed[as.Path]:
			diags.Add(site.Pos{Path: as.Path}, site.Warning, "slug-collision",
				"attachment %q would take the place of a page or of the site's own file; it is published at %q", string(as.Path), string(a.Vault.AssetOut(as.Path)))
		case as.Kind == site.KindCanvas:
			if ok, _ := a.Vault.CanvasPublished(as.Path); ok {
				reportCanvasFixes(as.Path, &diags)
			}
		}
	}
	return diags
}

// reportTagFixes reports each tag of n whose page's URL had to change,
// once per note, at its first use.
func reportTagFixes(n *site.Note, diags *site.Diagnostics) {
	seen := map[string]bool{}
	// pos is asked only for a name not seen yet: a position costs the
	// length of its line, so asking it of every tag made a line of
	// thousands of tags quadratic.
	report := func(name string, pos func() site.Pos) {
		if seen[name] {
			return
		}
		seen[name] = true
		for _, f := range site.SlugFixes(name) {
			f.Report(diags, pos(), "tag")
		}
	}
	for _, t := range n.Props.Tags {
		report(t, func() site.Pos { return site.Pos{Path: n.Path, Line: propLine(n, "tags", "tag")} })
	}
	for _, t := range n.Tags {
		report(t.Name, func() site.Pos { return n.Pos(t.Offset) })
	}
}

// reportCanvasFixes reports a published canvas whose file name gave its
// page a changed URL; its folders are reported with the notes in them.
func reportCanvasFixes(p site.VaultPath, diags *site.Diagnostics) {
	name := p.Name()
	for _, f := range site.SlugFixes(name) {
		f.Report(diags, site.Pos{Path: p}, "file name")
	}
}
