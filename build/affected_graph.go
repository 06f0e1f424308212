package build

import (
	"slices"

	"github.com/vaultsite/vaultsite/site"
)

// A note's page draws its local graph (graph_page.go): its neighbours,
// the edges between them, and, for a note with more than
// localNeighbours, only the best-connected ones. So an added or removed
// link changes more pages than the two it joins: every note linked with
// both ends draws the edge between them, and a crowded note next to an
// end may keep other neighbours now that the end's degree moved.

// localGraphs marks the pages whose local graph differs between the site
// graphs old (of the last build; nil when it had none) and sg.
func (w *affectedSet) localGraphs(old, sg *siteGraph) {
	before := oldAdjacency(old, sg)
	for i, was := range before {
		w.pages[sg.notes[i].Slug] = true
		now := sg.adj[i]
		for _, p := range union(was, now) {
			if len(sg.adj[p]) > localNeighbours || len(adjOf(before, sg, p)) > localNeighbours {
				w.pages[sg.notes[p].Slug] = true // it ranks i among its neighbours by degree
			}
		}
		for _, b := range symmetricDifference(was, now) {
			for _, p := range intersection(now, sg.adj[b]) {
				w.pages[sg.notes[p].Slug] = true
			}
			for _, p := range intersection(was, adjOf(before, sg, b)) {
				w.pages[sg.notes[p].Slug] = true
			}
		}
	}
}

// oldAdjacency returns, for every node of sg whose neighbours differ in
// old, its neighbours in old, as sg's node numbers (a neighbour that is
// gone is left out); a node that is new has none.
func oldAdjacency(old, sg *siteGraph) map[int32][]int32 {
	out := map[int32][]int32{}
	toNew, fromNew := renumber(old, sg)
	for i := range sg.notes {
		var was []int32
		if j := fromNew[i]; j >= 0 {
			was = old.adj[j]
			if toNew != nil {
				was = mapNodes(was, toNew)
			}
		}
		if fromNew[i] < 0 || !slices.Equal(was, sg.adj[i]) {
			out[int32(i)] = was
		}
	}
	return out
}

// renumber matches the nodes of old and sg by path: toNew gives each old
// node's number in sg (−1: gone), fromNew each node's number in old (−1:
// new). toNew is nil when both have the same nodes, the common case.
func renumber(old, sg *siteGraph) (toNew, fromNew []int32) {
	fromNew = make([]int32, len(sg.notes))
	if old != nil && slices.EqualFunc(old.notes, sg.notes, func(a, b *site.Note) bool { return a.Path == b.Path }) {
		for i := range fromNew {
			fromNew[i] = int32(i)
		}
		return nil, fromNew
	}
	byPath := make(map[site.VaultPath]int32, len(sg.notes))
	for i, n := range sg.notes {
		byPath[n.Path] = int32(i)
		fromNew[i] = -1
	}
	if old == nil {
		return []int32{}, fromNew
	}
	toNew = make([]int32, len(old.notes))
	for j, n := range old.notes {
		i, ok := byPath[n.Path]
		if toNew[j] = -1; ok {
			toNew[j], fromNew[i] = i, int32(j)
		}
	}
	return toNew, fromNew
}

// mapNodes renumbers the nodes ns through to, leaving out the gone ones,
// sorted.
func mapNodes(ns []int32, to []int32) []int32 {
	out := make([]int32, 0, len(ns))
	for _, n := range ns {
		if m := to[n]; m >= 0 {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return out
}

// adjOf returns node p's neighbours in the old graph.
func adjOf(before map[int32][]int32, sg *siteGraph, p int32) []int32 {
	if was, changed := before[p]; changed {
		return was
	}
	return sg.adj[p]
}

// union, intersection and symmetricDifference work on sorted lists of
// distinct nodes.
func union(a, b []int32) []int32 {
	return slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(a), b...))))
}

func intersection(a, b []int32) []int32 {
	var out []int32
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); found {
			out = append(out, x)
		}
	}
	return out
}

func symmetricDifference(a, b []int32) []int32 {
	var out []int32
	for _, x := range union(a, b) {
		_, inA := slices.BinarySearch(a, x)
		_, inB := slices.BinarySearch(b, x)
		if inA != inB {
			out = append(out, x)
		}
	}
	return out
}
