package build

// bases marks the pages whose base views changed, and, as seeds, the
// pages that embed those: any note's properties, tags, links or name
// can move it into or out of a view, or change a value a view shows,
// and a .base file's edit changes its views. A page is drawn again when
// the sum of the views it shows differs from the last analysis's
// (bases_sig.go), or when it is new; the .base pages themselves are
// always drawn, as canvas pages are.
func (w *affectedSet) bases() {
	before, after := w.old.baseSums(), w.a.baseSums()
	for n, sum := range after {
		o := w.old.Vault.Note(n.Path)
		if was, ok := before[o]; o == nil || !ok || was != sum {
			w.page(n)
			w.seeds = append(w.seeds, n)
		}
	}
	for o := range before {
		if n := w.a.Vault.Note(o.Path); n != nil && n.Published {
			if _, ok := after[n]; !ok {
				w.page(n) // shows no view now
				w.seeds = append(w.seeds, n)
			}
		}
	}
}
