package build

import "github.com/vaultsite/vaultsite/site"

// bases marks every page that shows a base view: the notes with a base
// block or a base embed, and, as seeds, the pages that embed those. A
// rebuild runs only when some file changed, and any note's properties,
// tags, links or name can move it into or out of a view, while a .base
// file's edit changes its views; working out which views a change
// really touches would cost an evaluation of each, so all are drawn
// again. They are few; the .base pages themselves are always drawn.
func (w *affectedSet) bases() {
	for i, n := range w.a.Vault.Notes {
		if !n.Published || w.a.docs[i] == nil {
			continue
		}
		if len(w.a.docs[i].Bases) > 0 || w.embedsBase(n) {
			w.page(n)
			w.seeds = append(w.seeds, n)
		}
	}
}

func (w *affectedSet) embedsBase(n *site.Note) bool {
	for _, l := range n.Links {
		if l.Embed && site.KindOf(site.VaultPath(l.Path)) == site.KindBase {
			return true
		}
		if l.Embed {
			if a := w.a.Graph.Resolve(n, l.Path).Target.Asset; a != nil && a.Kind == site.KindBase {
				return true
			}
		}
	}
	return false
}
