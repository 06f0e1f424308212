package templates

import "github.com/vaultsite/vaultsite/site"

// LocalGraph is a note's neighbourhood in the link graph: the note, the
// notes it links to and the notes that link to it, and the links among
// them. The page embeds it as JSON for local-graph.js, which lays it out
// and draws it; a second depth comes from the site's graph JSON
// (PageData.GraphData) when the reader asks for it.
type LocalGraph struct {
	// Self is the note's URL from the site root, as the site's graph JSON
	// writes it: how the script finds the note there.
	Self site.RelURL `json:"self"`
	// Nodes are the note itself first, then its neighbours.
	Nodes []GraphNode `json:"nodes"`
	// Edges holds pairs of indexes into Nodes.
	Edges []int32 `json:"edges"`
	// More counts the neighbours left out of a crowded graph.
	More int `json:"more,omitempty"`
}

// GraphNode is one note of a local graph.
type GraphNode struct {
	Title string `json:"title"`
	// URL is relative to the page that shows the graph.
	URL site.RelURL `json:"url"`
}
