package links

import (
	"cmp"
	"context"
	"slices"

	"github.com/vaultsite/vaultsite/internal/parallel"
	"github.com/vaultsite/vaultsite/site"
)

// Backlink is one link that points at a note.
type Backlink struct {
	From  *site.Note // the published note the link is written in
	Link  site.Link
	Index int // the link's position in From.Links
}

// linkRef names one link: v.Notes[src].Links[link].
type linkRef struct{ src, link int32 }

// Index reads every note's Links and computes backlinks and outlinks. It
// runs once; later calls, and Backlinks and Outlinks, which call it, reuse
// the result. Call it after the parse phase has filled every note's Links.
func (g *Graph) Index() { g.once.Do(g.index) }

// index resolves every link, then groups them by target (backs, from
// published notes only) and by source (outs, distinct notes). Both are
// flat arrays cut by backAt and outAt, which keeps 80,000 links to a few
// allocations.
func (g *Graph) index() {
	g.at = linkOffsets(g.v.Notes)
	g.to = make([]int32, g.at[len(g.v.Notes)])
	all := make([]int, len(g.v.Notes))
	for i := range all {
		all[i] = i
	}
	g.resolveAll(all)
	g.group()
}

// indexFrom is index for a graph made by Update: the notes that old's
// vault has too keep their resolutions.
func (g *Graph) indexFrom(old *Graph) {
	notes := g.v.Notes
	g.at = linkOffsets(notes)
	g.to = make([]int32, g.at[len(notes)])
	var fresh []int
	for i, n := range notes {
		if n == old.v.Notes[i] {
			copy(g.to[g.at[i]:g.at[i+1]], old.to[old.at[i]:old.at[i+1]])
		} else {
			fresh = append(fresh, i)
		}
	}
	g.resolveAll(fresh)
	g.group()
}

// linkOffsets returns at: notes[i]'s links resolve into to[at[i]:at[i+1]].
func linkOffsets(notes []*site.Note) []int32 {
	at := make([]int32, len(notes)+1)
	for i, n := range notes {
		at[i+1] = at[i] + int32(len(n.Links))
	}
	return at
}

// group fills backs and outs from the resolutions.
func (g *Graph) group() {
	notes, at, to := g.v.Notes, g.at, g.to
	g.backAt = make([]int32, len(notes)+1)
	for i, src := range notes {
		for _, t := range to[at[i]:at[i+1]] {
			if src.Published && t >= 0 && int(t) != i {
				g.backAt[t+1]++
			}
		}
	}
	for i := range notes {
		g.backAt[i+1] += g.backAt[i]
	}
	g.backs = make([]linkRef, g.backAt[len(notes)])
	fill := slices.Clone(g.backAt)
	g.outAt = make([]int32, len(notes)+1)
	var scratch []int32
	for i, src := range notes {
		links := to[at[i]:at[i+1]]
		for j, t := range links {
			if src.Published && t >= 0 && int(t) != i {
				g.backs[fill[t]] = linkRef{int32(i), int32(j)}
				fill[t]++
			}
		}
		scratch = append(scratch[:0], links...)
		slices.Sort(scratch)
		for _, t := range slices.Compact(scratch) {
			if t >= 0 && int(t) != i {
				g.outs = append(g.outs, t)
			}
		}
		g.outAt[i+1] = int32(len(g.outs))
	}
	g.sortBacklinks()
}

// resolveAll resolves the links of the notes at the positions only on
// GOMAXPROCS goroutines into to: each link's target note's position in
// v.Notes, or -1 for an asset, the note itself or nothing.
func (g *Graph) resolveAll(only []int) {
	// Background: Index runs once, for whoever asks first, and must
	// finish for every caller.
	_ = parallel.Chunks(context.Background(), len(only), indexChunk, func(lo, hi int) error {
		for _, i := range only[lo:hi] {
			g.resolveNote(i)
		}
		return nil
	})
}

// resolveNote resolves the links of v.Notes[i] into to.
func (g *Graph) resolveNote(i int) {
	n := g.v.Notes[i]
	for j, l := range n.Links {
		g.to[int(g.at[i])+j] = -1
		if _, k := g.resolve(n, l.Path); k >= 0 {
			g.to[int(g.at[i])+j] = g.files[k].note
		}
	}
}

// indexChunk is how many notes a worker resolves at a time: enough to make
// the shared counter cheap, few enough to balance uneven notes.
const indexChunk = 64

// sortBacklinks puts each target's backlinks in (source, offset) order.
// They arrive in source order, which is path order because v.Notes is
// sorted, and within a source in the order of its Links; only a parser
// that lists a note's links out of offset order needs the stable sort,
// so only targets linked from such a note are looked at.
func (g *Graph) sortBacklinks() {
	unsorted := make([]bool, len(g.v.Notes))
	some := false
	for i, n := range g.v.Notes {
		unsorted[i] = !slices.IsSortedFunc(n.Links, func(a, b site.Link) int { return cmp.Compare(a.Offset, b.Offset) })
		some = some || unsorted[i]
	}
	if !some {
		return
	}
	byOffset := func(a, b linkRef) int {
		return cmp.Or(cmp.Compare(a.src, b.src),
			cmp.Compare(g.v.Notes[a.src].Links[a.link].Offset, g.v.Notes[b.src].Links[b.link].Offset))
	}
	for i := range len(g.backAt) - 1 {
		refs := g.backs[g.backAt[i]:g.backAt[i+1]]
		if slices.ContainsFunc(refs, func(r linkRef) bool { return unsorted[r.src] }) && !slices.IsSortedFunc(refs, byOffset) {
			slices.SortStableFunc(refs, byOffset)
		}
	}
}

// Backlinks returns the links to n from published notes other than n, as
// resolved by Resolve, sorted by source path and then offset; nil when
// there are none or n is not in the vault. Embeds count as links.
func (g *Graph) Backlinks(n *site.Note) []Backlink {
	g.Index()
	i, ok := g.noteIdx[n]
	if !ok || g.backAt[i] == g.backAt[i+1] {
		return nil
	}
	refs := g.backs[g.backAt[i]:g.backAt[i+1]]
	out := make([]Backlink, len(refs))
	for j, r := range refs {
		src := g.v.Notes[r.src]
		out[j] = Backlink{From: src, Link: src.Links[r.link], Index: int(r.link)}
	}
	return out
}

// OutlinkPositions is Outlinks for the note at position i in the vault's
// notes, as positions: it allocates nothing, for a caller that walks
// every note. The slice is the graph's own and must not be changed.
func (g *Graph) OutlinkPositions(i int) []int32 {
	g.Index()
	return g.outs[g.outAt[i]:g.outAt[i+1]:g.outAt[i+1]]
}

// Outlinks returns the distinct notes other than n that n's links resolve
// to, published or not, sorted by path; nil when there are none or n is not
// in the vault.
func (g *Graph) Outlinks(n *site.Note) []*site.Note {
	g.Index()
	i, ok := g.noteIdx[n]
	if !ok || g.outAt[i] == g.outAt[i+1] {
		return nil
	}
	ks := g.outs[g.outAt[i]:g.outAt[i+1]]
	out := make([]*site.Note, len(ks))
	for j, k := range ks {
		out[j] = g.v.Notes[k]
	}
	return out
}
