package links

import (
	"slices"

	"github.com/vaultsite/vaultsite/site"
)

// Update returns the graph of v, which must be g's vault loaded again
// with the same files (the same notes and attachments, at the same
// paths): some notes read again, none added, removed or renamed. Where a
// link goes depends only on the note it is written in and on the
// vault's paths, so the new graph keeps g's index of files and every
// resolution of a note v shares with g's vault, and resolves only the
// links of the notes read again, instead of every link of the vault. It
// returns nil when the files differ;
// then NewGraph is needed. Call it before g's Index, or after; g itself
// is not changed.
func (g *Graph) Update(v *site.Vault) *Graph {
	if !sameFiles(g.v, v) {
		return nil
	}
	g.Index()
	next := &Graph{v: v, files: slices.Clone(g.files), byName: g.byName, noteIdx: make(map[*site.Note]int, len(v.Notes))}
	for i, n := range v.Notes {
		next.noteIdx[n] = i
	}
	for k := range next.files {
		f := &next.files[k]
		if f.note >= 0 {
			f.target = site.Target{Note: v.Notes[f.note]}
		} else {
			f.target = site.Target{Asset: v.Assets[f.asset]}
		}
	}
	next.once.Do(func() { next.indexFrom(g) })
	return next
}

// sameFiles reports whether two vaults hold files at the same paths.
func sameFiles(a, b *site.Vault) bool {
	return slices.EqualFunc(a.Notes, b.Notes, func(x, y *site.Note) bool { return x.Path == y.Path }) &&
		slices.EqualFunc(a.Assets, b.Assets, func(x, y *site.Asset) bool { return x.Path == y.Path })
}
