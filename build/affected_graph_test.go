package build

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// testGraph makes a site graph of the notes n0…n(count−1) with the
// undirected edges given as pairs.
func testGraph(count int, edges ...[2]int32) *siteGraph {
	sg := &siteGraph{index: map[*site.Note]int32{}, adj: make([][]int32, count)}
	for i := range count {
		n := &site.Note{Path: site.VaultPath(fmt.Sprintf("n%02d.md", i)), Slug: site.VaultPath(fmt.Sprintf("n%02d.md", i)).Slug()}
		sg.notes = append(sg.notes, n)
		sg.index[n] = int32(i)
	}
	for _, e := range edges {
		sg.adj[e[0]] = append(sg.adj[e[0]], e[1])
		sg.adj[e[1]] = append(sg.adj[e[1]], e[0])
	}
	for i := range sg.adj {
		slices.Sort(sg.adj[i])
	}
	return sg
}

// TestLocalGraphsAffected: an edge added between two notes marks the
// two, the notes linked with both, and a crowded neighbour of an end,
// and nothing else.
func TestLocalGraphsAffected(t *testing.T) {
	t.Parallel()
	// n0 and n1 are both linked with n2; n3 is a hub linked with n1 and
	// with more notes than a local graph shows; n4 is linked with n0 only.
	var base [][2]int32
	base = append(base, [2]int32{0, 2}, [2]int32{1, 2}, [2]int32{3, 1}, [2]int32{4, 0})
	for i := int32(10); i < 10+localNeighbours; i++ {
		base = append(base, [2]int32{3, i})
	}
	count := 10 + localNeighbours
	old := testGraph(count, base...)
	now := testGraph(count, append(base, [2]int32{0, 1})...)
	w := &affectedSet{pages: map[site.Slug]bool{}}
	w.localGraphs(old, now)
	var got []string
	for slug := range w.pages {
		got = append(got, string(slug))
	}
	slices.Sort(got)
	if diff := cmp.Diff([]string{"n00", "n01", "n02", "n03"}, got); diff != "" {
		t.Errorf("pages marked (-want +got):\n%s", diff)
	}
}
