package site

import (
	"encoding/json"
	"io/fs"
	"path"
	"strings"
)

// PublishOptionsFile is where a vault keeps the settings of its Obsidian
// Publish site, at the vault root (the help vault carries one).
const PublishOptionsFile = "site-options.json"

// PublishOptions are the settings of Obsidian Publish that vaultsite
// reads from PublishOptionsFile. Only IndexFile is read so far; the other
// keys of the file (logo, siteName, navigationOrdering, …) are for
// whoever adds them here, to this struct and its reader.
type PublishOptions struct {
	// IndexFile is the vault path of the site's home note, with or without
	// ".md" ("Home" in the help vault); "" when unset.
	IndexFile string `json:"indexFile"`
}

// readPublishOptions reads PublishOptionsFile; a missing file is the zero
// value, and a file that is not JSON is a warning and the zero value.
func readPublishOptions(fsys fs.FS, diags *Diagnostics) PublishOptions {
	var opts PublishOptions
	data, err := fs.ReadFile(fsys, PublishOptionsFile)
	if err != nil {
		return opts
	}
	if err := json.Unmarshal(data, &opts); err != nil {
		diags.Add(Pos{Path: PublishOptionsFile}, Warning, "invalid-config", "invalid %s: %v; its settings are not used", PublishOptionsFile, err)
		return PublishOptions{}
	}
	return opts
}

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
