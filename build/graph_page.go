package build

import (
	"context"
	"slices"

	"github.com/vaultsite/vaultsite/internal/graphlayout"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// graphOutput is the site's graph, built and laid out once per build,
// before the note pages, which draw their local graphs from it; the
// graph page draws it whole.
type graphOutput struct {
	sg   *siteGraph // made by placeGraph, unless the rebuild has it
	data []byte     // the graph JSON, written at graphDataPath
	// later lets a build whose edges changed write keep's file as it
	// was and leave the layout to Live.Settle; pending is then the graph
	// to lay out.
	later   bool
	pending *siteGraph
	// same says that data is the file of the build before.
	same bool
	// cache keeps layouts between builds (cache_graph.go), or is nil.
	cache Cache
}

// graphLayout is a graph as laid out, with its JSON, kept from one build
// to the next: laying out 10,000 notes takes most of a second, and most
// rebuilds of the live preview change text, not links.
type graphLayout struct {
	sg   *siteGraph
	pos  []graphlayout.Point
	data []byte
}

// placeGraph makes the build's graph and its layout, taking the last
// build's from the memo where it can, and records the layout there. When
// ctx is done it stops with ctx's error.
func (b *builder) placeGraph(ctx context.Context) error {
	g := &b.graphOut
	if g.sg == nil {
		g.sg = newSiteGraph(b.v, b.graph)
	}
	g.cache = b.opts.Cache
	next, same, err := g.place(ctx, b.memo.graphLayout)
	if err != nil {
		return err
	}
	g.data, g.same, b.memo.graphLayout = next.data, same, next
	return nil
}

// siteGraph returns the build's graph, which placeGraph made.
func (b *builder) siteGraph() *graphOutput { return &b.graphOut }

// place returns the layout of the build's graph: last's when the graph
// is the same; last's positions with new titles and URLs when only those
// changed; else a new layout, or, when later allows, last itself, stale,
// with the graph left pending. same says the file is last's.
func (g *graphOutput) place(ctx context.Context, last *graphLayout) (laid *graphLayout, same bool, err error) {
	switch {
	case last != nil && last.sg.same(g.sg):
		return &graphLayout{sg: g.sg, pos: last.pos, data: last.data}, true, nil
	case last != nil && last.sg.sameShape(g.sg):
		return &graphLayout{sg: g.sg, pos: last.pos, data: g.sg.encodeAt(last.pos)}, false, nil
	case last != nil && g.later:
		g.pending = g.sg
		return last, true, nil
	}
	pos, err := g.sg.layoutCached(ctx, g.cache) // cache_graph.go
	if err != nil {
		return nil, false, err
	}
	return &graphLayout{sg: g.sg, pos: pos, data: g.sg.encodeAt(pos)}, false, nil
}

// emitGraph writes the graph JSON, on every build and rebuild since any
// change to a note may change it, and the graph page.
func (b *builder) emitGraph() error {
	if g := b.siteGraph(); !g.same || !b.has(graphDataPath) {
		if err := b.emit(graphDataPath, g.data); err != nil {
			return err
		}
	}
	slug := site.GraphSlug
	return b.emitPage(slug, &templates.PageData{
		Site: b.opts.Site, Kind: templates.PageGraph, Root: slug.Root(), Nav: b.nav(slug),
		GraphData: slug.FileURL(graphDataPath),
	})
}

// addLocalGraph gives a note's page its local graph and the URL of the
// site's graph, from which the page can draw a second depth.
func (b *builder) addLocalGraph(data *templates.PageData, n *site.Note) {
	data.LocalGraph = b.siteGraph().sg.local(n)
	if data.LocalGraph != nil {
		data.GraphData = n.Slug.FileURL(graphDataPath)
	}
}

// localNeighbours is the most neighbours a local graph shows: the side
// panel has room for about that many, and a hub with thousands of
// backlinks must not put them all into every page that links to it. The
// best-connected neighbours stay.
const localNeighbours = 40

// local returns n's neighbourhood at depth 1, with URLs relative to n's
// page, or nil when n is not a node or has no neighbours.
func (sg *siteGraph) local(n *site.Note) *templates.LocalGraph {
	i, ok := sg.index[n]
	if !ok || len(sg.adj[i]) == 0 {
		return nil
	}
	keep := sg.adj[i]
	if len(keep) > localNeighbours {
		keep = slices.Clone(keep)
		slices.SortFunc(keep, sg.byDegree)
		keep = keep[:localNeighbours]
		slices.Sort(keep)
	}
	var root site.Slug
	lg := &templates.LocalGraph{Self: root.LinkTo(n.Slug, ""), More: len(sg.adj[i]) - len(keep)}
	nodes := append([]int32{i}, keep...)
	for k, j := range nodes {
		other := sg.notes[j]
		lg.Nodes = append(lg.Nodes, templates.GraphNode{Title: other.Title(), URL: n.Slug.LinkTo(other.Slug, "")})
		if k > 0 {
			lg.Edges = append(lg.Edges, 0, int32(k))
		}
	}
	for a := 1; a < len(nodes); a++ {
		for c := a + 1; c < len(nodes); c++ {
			if sg.linked(nodes[a], nodes[c]) {
				lg.Edges = append(lg.Edges, int32(a), int32(c))
			}
		}
	}
	return lg
}

// linked reports whether nodes a and b share an edge, searching the
// shorter of their neighbour lists.
func (sg *siteGraph) linked(a, b int32) bool {
	if len(sg.adj[a]) > len(sg.adj[b]) {
		a, b = b, a
	}
	_, found := slices.BinarySearch(sg.adj[a], b)
	return found
}
