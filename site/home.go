package site

import (
	"path"
	"strings"
)

// chooseHome picks the published note shown as the home page, by the
// first of these rules that names one:
//  1. "home:" in vaultsite.yaml (LoadOptions.Home): the site's own setting;
//  2. "permalink: /" (Obsidian Publish's convention): the first such note
//     in path order, the others warned about and published at their
//     paths' URLs;
//  3. Obsidian Publish's indexFile (PublishOptionsFile);
//  4. index.md, then Home.md, at the root.
//
// A setting that names no published note is a warning, and the next
// rule decides. It returns nil when no rule names a note; the root is
// then a listing of the vault.
func (v *Vault) chooseHome(diags *Diagnostics) *Note {
	var home *Note
	if v.home != "" {
		if home = v.publishedNote(v.home); home == nil {
			diags.Add(Pos{Path: "vaultsite.yaml"}, Warning, "invalid-config",
				"home: %q is not a published note of the vault; the next rule picks the home page", v.home)
		}
	}
	for _, n := range v.Notes {
		if !n.Published || n.Props.Permalink == "" || PermalinkSlug(n.Props.Permalink) != "" {
			continue
		}
		if home == nil {
			home = n
			continue
		}
		if n != home {
			line, col := n.Props.pos("permalink")
			diags.Add(Pos{Path: n.Path, Line: line, Col: col}, Warning, "slug-collision",
				"permalink %q names the home page, which is %q; this note is published at its path's URL", n.Props.Permalink, home.Path)
		}
	}
	if home == nil && v.Publish.IndexFile != "" {
		if home = v.publishedNote(v.Publish.IndexFile); home == nil {
			diags.Add(Pos{Path: PublishOptionsFile}, Warning, "invalid-config",
				"indexFile %q is not a published note of the vault; the next rule picks the home page", v.Publish.IndexFile)
		}
	}
	for _, want := range []string{"index.md", "home.md"} {
		if home == nil {
			home = v.publishedNote(want)
		}
	}
	return home
}

// publishedNote returns the published note at the vault path p, compared
// without case, ".md" added when p has no extension; nil when there is
// none.
func (v *Vault) publishedNote(p string) *Note {
	p = strings.Trim(p, "/")
	if path.Ext(p) == "" {
		p += ".md"
	}
	for _, n := range v.Notes {
		if n.Published && strings.EqualFold(string(n.Path), p) {
			return n
		}
	}
	return nil
}
