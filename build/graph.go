package build

import (
	"cmp"
	"context"
	"encoding/json"
	"math"
	"slices"

	"github.com/vaultsite/vaultsite/internal/graphlayout"
	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/site"
)

// siteGraph is the link graph of the published notes, as the graph page
// draws it and each note's local graph shows a piece of it. Its nodes
// are published notes only: never unpublished notes, tags, attachments
// or canvases. Two notes share an edge when either links to the other
// (links.Graph's resolution, embeds included), so edges have no
// direction.
type siteGraph struct {
	notes []*site.Note // the nodes, in path order
	index map[*site.Note]int32
	adj   [][]int32 // each node's neighbours, sorted and distinct
	edges int       // how many edges
	// faces are each node's slug and title when the graph was made: a
	// reused note's fields change in place when a rebuild moves its slug
	// (a new home page), so same compares these instead.
	faces []noteFace
}

type noteFace struct {
	slug  site.Slug
	title string
}

// newSiteGraph builds the graph of v's published notes from g's outlinks.
func newSiteGraph(v *site.Vault, g *links.Graph) *siteGraph {
	sg := &siteGraph{notes: make([]*site.Note, 0, len(v.Notes)), index: map[*site.Note]int32{}}
	node := make([]int32, len(v.Notes)) // each note's node, or -1 when unpublished
	for k, n := range v.Notes {
		if node[k] = -1; n.Published {
			node[k] = int32(len(sg.notes))
			sg.index[n] = node[k]
			sg.notes = append(sg.notes, n)
			sg.faces = append(sg.faces, noteFace{n.Slug, n.Title()})
		}
	}
	sg.adj = make([][]int32, len(sg.notes))
	for k, i := range node {
		for _, t := range g.OutlinkPositions(k) {
			if j := node[t]; i >= 0 && j >= 0 { // published notes only
				sg.adj[i] = append(sg.adj[i], j)
				sg.adj[j] = append(sg.adj[j], i)
			}
		}
	}
	for i, ns := range sg.adj {
		slices.Sort(ns)
		sg.adj[i] = slices.Compact(ns)
		sg.edges += len(sg.adj[i])
	}
	sg.edges /= 2
	return sg
}

// graphSeed fixes the layout's starting positions: the same vault gives
// the same picture on every build.
const graphSeed = 1

// graphJSON is the file the graph page loads, column by column, which
// is smaller than an object per node. Node i is Titles[i], at URLs[i]
// (relative to the site root), drawn at X[i], Y[i] (within
// ±graphlayout.Span;
// y grows upwards) with radius Sizes[i]. Edges holds pairs of node
// indexes, lower first, sorted.
type graphJSON struct {
	Version int           `json:"version"`
	Titles  []string      `json:"titles"`
	URLs    []site.RelURL `json:"urls"`
	X       []float64     `json:"x"`
	Y       []float64     `json:"y"`
	Sizes   []float64     `json:"sizes"`
	Edges   []int32       `json:"edges"`
}

// graphJSONVersion changes when graphJSON's shape does.
const graphJSONVersion = 1

// layout lays the graph out (internal/graphlayout); when ctx is done it
// stops early with ctx's error.
func (sg *siteGraph) layout(ctx context.Context) ([]graphlayout.Point, error) {
	return graphlayout.Layout(ctx, sg.adj, graphSeed)
}

// encodeAt returns the graph's JSON with the nodes at pos.
func (sg *siteGraph) encodeAt(pos []graphlayout.Point) []byte {
	var root site.Slug // the home page: URLs are relative to the site root
	n := len(sg.notes)
	out := graphJSON{ // empty columns, not nulls, for a site without notes
		Version: graphJSONVersion, Titles: make([]string, 0, n), URLs: make([]site.RelURL, 0, n),
		X: make([]float64, 0, n), Y: make([]float64, 0, n), Sizes: make([]float64, 0, n),
		Edges: make([]int32, 0, 2*sg.edges),
	}
	for i, n := range sg.notes {
		out.Titles = append(out.Titles, n.Title())
		out.URLs = append(out.URLs, root.LinkTo(n.Slug, ""))
		out.X = append(out.X, pos[i].X)
		out.Y = append(out.Y, pos[i].Y)
		out.Sizes = append(out.Sizes, nodeSize(len(sg.adj[i])))
		for _, j := range sg.adj[i] {
			if j > int32(i) {
				out.Edges = append(out.Edges, int32(i), j)
			}
		}
	}
	data, err := json.Marshal(out)
	if err != nil {
		panic(err) // strings and finite numbers only: a bug
	}
	return data
}

// nodeSize is a node's radius from its degree: 2 for an isolated note,
// growing with the logarithm so a hub with thousands of links stays
// under about 16 and does not hide its neighbours.
func nodeSize(degree int) float64 {
	return math.Round(10*(2+1.8*math.Log1p(float64(degree)))) / 10 // one decimal, as the positions
}

// graphDataPath is where the graph's JSON is written. Like the explorer
// file, and unlike the site's other files, its name carries no hash of
// its content: every note page with a local graph names it, and a hashed
// name would change with every link added or removed, and with it every
// such page, so an incremental rebuild could no longer render only the
// pages a change touches. The scripts ask the server whether it changed
// (a conditional request) instead.
const graphDataPath site.OutPath = "_site/graph.json"

// same reports whether sg and o have the same nodes, with the same titles
// and pages, and the same edges: whether they give the same JSON.
func (sg *siteGraph) same(o *siteGraph) bool {
	if len(sg.notes) != len(o.notes) || sg.edges != o.edges {
		return false
	}
	return slices.Equal(sg.faces, o.faces) && slices.EqualFunc(sg.adj, o.adj, slices.Equal)
}

// sameShape reports whether sg and o have the same edges between the
// same number of nodes, whatever the notes: then they have the same
// layout, which depends on nothing else.
func (sg *siteGraph) sameShape(o *siteGraph) bool {
	return len(sg.adj) == len(o.adj) && sg.edges == o.edges && slices.EqualFunc(sg.adj, o.adj, slices.Equal)
}

// byDegree orders nodes by degree, highest first, then by path: which
// neighbours a crowded local graph keeps.
func (sg *siteGraph) byDegree(a, b int32) int {
	return cmp.Or(cmp.Compare(len(sg.adj[b]), len(sg.adj[a])), cmp.Compare(a, b))
}
