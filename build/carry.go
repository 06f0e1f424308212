package build

import (
	"slices"

	"github.com/vaultsite/vaultsite/site"
)

// A rebuild that adds, removes, renames, publishes and unpublishes
// nothing, and moves no page, leaves the site's layout as it was: the
// same pages, folders and files. The listings that depend only on that
// layout and on what the notes read again did not change can then be
// kept from the last build instead of being made anew, which in a large
// vault is a good part of a save's rebuild.

// kept is what a rebuild takes from the last build; a nil field is made
// anew.
type kept struct {
	tags      *tagIndex  // positions in the vault, which stay
	redirects []Redirect // with the last vault's notes as targets
	// reread maps the last vault's versions of the notes read again to
	// this vault's; every other note is the same in both.
	reread map[*site.Note]*site.Note
}

// samePages reports whether the rebuild keeps the last build's pages:
// its layout, its tag pages and its redirects. A nil k keeps nothing.
func (k *kept) samePages() bool { return k != nil && k.tags != nil && k.redirects != nil }

// keeps returns what the rebuild from old to the analysis a may keep,
// or nil when the layout changed.
func keeps(old *state, a *Analysis) *kept {
	oldV, v := old.a.Vault, a.Vault
	if !sameLayout(old, v) {
		return nil
	}
	k := &kept{tags: old.tags, redirects: old.redirects, reread: map[*site.Note]*site.Note{}}
	for i, n := range v.Notes {
		o := oldV.Notes[i]
		if o == n {
			continue
		}
		k.reread[o] = n
		if !slices.Equal(noteTags(o), noteTags(n)) {
			k.tags = nil
		}
		if !sameRedirects(o, n) {
			k.redirects = nil
		}
	}
	return k
}

// sameLayout reports whether v holds the last build's notes at the same
// positions, each published alike and at the same URL, and its
// attachments.
func sameLayout(old *state, v *site.Vault) bool {
	oldV := old.a.Vault
	samePath := func(a, b *site.Asset) bool { return a.Path == b.Path }
	if len(oldV.Notes) != len(v.Notes) || !slices.EqualFunc(oldV.Assets, v.Assets, samePath) {
		return false
	}
	for i, n := range v.Notes {
		slug, was := old.slugs[n.Path]
		if n.Path != oldV.Notes[i].Path || was != n.Published || was && slug != n.Slug {
			return false
		}
	}
	return true
}

// sameRedirects reports whether two versions of a note ask for the same
// redirects, from the same lines.
func sameRedirects(o, n *site.Note) bool {
	return o.Props.Permalink == n.Props.Permalink && slices.Equal(o.Props.Aliases, n.Props.Aliases) &&
		propLine(o, "permalink") == propLine(n, "permalink") && propLine(o, "aliases", "alias") == propLine(n, "aliases", "alias")
}

// siteRedirects returns the site's redirects: the kept ones, pointed at
// this vault's notes, or else made anew.
func (b *builder) siteRedirects() []Redirect {
	if b.kept == nil || b.kept.redirects == nil {
		return b.redirects(b.tree)
	}
	out := slices.Clone(b.kept.redirects)
	for i := range out {
		if n, ok := b.kept.reread[out[i].To]; ok {
			out[i].To = n
		}
	}
	return out
}
