package build

import (
	"strings"

	"github.com/vaultsite/vaultsite/internal/bases"
	"github.com/vaultsite/vaultsite/site"
)

// analysisBases is what an analysis knows of the vault's bases.
type analysisBases struct {
	// files are the .base files that the path rules let out, parsed.
	files map[site.VaultPath]*bases.Base
	env   baseEnvOnce
	// sums are what the pages show of the views (bases_sig.go).
	sums baseSums
}

// maxBaseSize bounds a .base file as canvases are bounded.
const maxBaseSize = maxCanvasSize

// parseBases parses every .base file that may be published, so check
// reports an invalid base as build does; one the path rules keep out is
// not read at all.
func (a *Analysis) parseBases() site.Diagnostics {
	var diags site.Diagnostics
	a.bases.files = map[site.VaultPath]*bases.Base{}
	for _, as := range a.Vault.Assets {
		if as.Kind != site.KindBase {
			continue
		}
		if ok, _ := a.Vault.PathPublished(as.Path); !ok {
			continue
		}
		var src []byte
		if as.Size > maxBaseSize {
			diags.Add(site.Pos{Path: as.Path}, site.Warning, "too-large", "base is %d MiB, over the %d MiB limit; it shows no views", as.Size>>20, maxBaseSize>>20)
		} else if data, err := a.Vault.ReadFile(as.Path); err != nil {
			diags.Add(site.Pos{Path: as.Path}, site.Warning, "unreadable", "cannot read: %v", err)
		} else {
			src = data
		}
		a.bases.files[as.Path] = bases.Parse(as.Path, src, 0, &diags)
	}
	return diags
}

// blockBase parses a base block of note n, its YAML src whose first line
// is at byte offset; diags may be nil.
func blockBase(n *site.Note, src []byte, offset int, diags *site.Diagnostics) *bases.Base {
	if diags == nil {
		diags = &site.Diagnostics{}
	}
	return bases.Parse(n.Path, src, n.Pos(offset).Line-1, diags)
}

// checkBaseEmbeds reports each embed of n that names a view its base
// does not have: the embed shows the first view instead.
func (a *Analysis) checkBaseEmbeds(n *site.Note, diags *site.Diagnostics) {
	for _, l := range n.Links {
		sub := strings.TrimSpace(l.Subpath)
		if !l.Embed || sub == "" {
			continue
		}
		t := a.Graph.Resolve(n, l.Path).Target.Asset
		if t == nil || a.bases.files[t.Path] == nil || a.bases.files[t.Path].ViewNamed(sub) != nil {
			continue
		}
		diags.Add(n.Pos(l.Offset), site.Warning, "missing-view", "%q has no view %q; the first view is shown", t.Path.Base(), sub)
	}
}

// checkBases reports what only evaluation finds: in every base block of
// a published note and every .base file, a filter on a property no
// published note has, and each expression that fails or cannot be
// evaluated at build time, once per position. Each view is evaluated
// with this as the note holding the block, or the base's own file.
func (a *Analysis) checkBases() site.Diagnostics {
	var diags site.Diagnostics
	type shown struct {
		b    *bases.Base
		this *site.Note
	}
	var all []shown
	for i, n := range a.Vault.Notes {
		if !n.Published || a.facts[i] == nil {
			continue
		}
		for _, blk := range a.facts[i].bases {
			all = append(all, shown{blockBase(n, blk.src, blk.offset, &diags), n})
		}
		a.checkBaseEmbeds(n, &diags)
	}
	for _, as := range a.Vault.Assets {
		if b := a.bases.files[as.Path]; b != nil {
			all = append(all, shown{b, &site.Note{Path: as.Path, Published: true}})
		}
	}
	if len(all) == 0 {
		return diags
	}
	env := a.baseEnv()
	for _, s := range all {
		s.b.CheckProperties(env.files, &diags)
		cx := &bases.Context{Base: s.b, Env: env, Now: env.now, This: env.this(s.this)}
		for _, v := range s.b.Views {
			for _, e := range bases.Run(cx, v, env.files).Errors {
				diags.Add(e.Pos(), site.Warning, bases.CodeInvalid, "%s", e.Msg)
			}
		}
	}
	return diags
}
