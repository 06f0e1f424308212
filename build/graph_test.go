package build

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/site"
)

// buildGraphSite builds vaultFile(t, "graph") with Private/ left unpublished and
// returns the emitted files and the decoded graph JSON.
func buildGraphSite(t *testing.T) (*MemEmitter, graphJSON, site.OutPath) {
	t.Helper()
	_, em := buildSite(t, vaultFile(t, "graph"), Options{Load: site.LoadOptions{Ignore: []string{"Private"}}})
	var path site.OutPath
	for _, p := range em.Paths() {
		if strings.HasPrefix(string(p), "_site/graph.") && strings.HasSuffix(string(p), ".json") {
			if path != "" {
				t.Fatalf("two graph files: %s and %s", path, p)
			}
			path = p
		}
	}
	if path == "" {
		t.Fatalf("no _site/graph.*.json among %v", em.Paths())
	}
	var g graphJSON
	if err := json.Unmarshal(em.Files[path], &g); err != nil {
		t.Fatal(err)
	}
	return em, g, path
}

// TestGraphNodesAndEdges checks the graph file: published notes only (no
// unpublished note, tag or attachment), an undirected edge per linked
// pair however often and in whichever direction they link, no self-loop,
// and URLs from the site root.
func TestGraphNodesAndEdges(t *testing.T) {
	t.Parallel()
	em, g, path := buildGraphSite(t)
	if path != graphDataPath {
		t.Errorf("the graph is at %s, want %s", path, graphDataPath)
	}
	wantTitles := []string{"Alpha", "Beta", "Deep Note", "Home", "Lonely"}
	wantURLs := []site.RelURL{"alpha/", "beta/", "folder/deep-note/", "./", "lonely/"}
	if strings.Join(g.Titles, ",") != strings.Join(wantTitles, ",") {
		t.Errorf("titles = %q, want %q: published notes only, by path", g.Titles, wantTitles)
	}
	for i, u := range wantURLs {
		if i < len(g.URLs) && g.URLs[i] != u {
			t.Errorf("url %d = %q, want %q", i, g.URLs[i], u)
		}
	}
	// Alpha–Beta (both ways, twice), Alpha–Home, Beta–Home, Deep Note–Home.
	want := []int32{0, 1, 0, 3, 1, 3, 2, 3}
	if !slices.Equal(g.Edges, want) {
		t.Errorf("edges = %v, want %v", g.Edges, want)
	}
	n := len(g.Titles)
	if len(g.X) != n || len(g.Y) != n || len(g.Sizes) != n || g.Version != graphJSONVersion {
		t.Errorf("columns of %d, %d, %d for %d nodes, version %d", len(g.X), len(g.Y), len(g.Sizes), n, g.Version)
	}
	if g.Sizes[4] != nodeSize(0) || g.Sizes[0] <= g.Sizes[4] {
		t.Errorf("sizes = %v: an isolated note is smallest", g.Sizes)
	}
	for _, p := range []string{"secret", "draft", "project", "diagram"} {
		if bytes.Contains(bytes.ToLower(em.Files[path]), []byte(p)) {
			t.Errorf("the graph names %q", p)
		}
	}
}

// siteRef finds a page's references to the site's own files.
var siteRef = regexp.MustCompile(`(?:\.\./)*_site/[^"'\s>]+`)

// TestGraphPages checks the pages around the graph: the graph page loads
// sigma, graph.js and the graph file, all emitted; every page links to
// it; a note with links embeds its neighbourhood, a note without none.
func TestGraphPages(t *testing.T) {
	t.Parallel()
	em, _, path := buildGraphSite(t)
	page := string(em.Files["graph/index.html"])
	for _, want := range []string{`data-graph="../` + string(path) + `"`, "sigma-graphology.min.js", "_site/graph.", `class="graph-list"`} {
		if !strings.Contains(page, want) {
			t.Errorf("graph page lacks %s", want)
		}
	}
	for _, ref := range siteRef.FindAllString(page, -1) {
		if _, ok := em.Files[site.OutPath(strings.TrimPrefix(ref, "../"))]; !ok {
			t.Errorf("graph page refers to %s, which was not emitted", ref)
		}
	}
	alpha := string(em.Files["alpha/index.html"])
	for _, want := range []string{`class="local-graph-data"`, `"title":"Beta","url":"../beta/"`, `"title":"Home","url":"../"`, "graphlocal.", `data-graph="../` + string(path) + `"`} {
		if !strings.Contains(alpha, want) {
			t.Errorf("alpha's page lacks %s", want)
		}
	}
	if _, data, ok := strings.Cut(alpha, `class="local-graph-data">`); !ok || strings.Contains(strings.SplitN(data, "</script>", 2)[0], "Secret") {
		t.Error("alpha's local graph is missing or shows an unpublished note")
	}
	if lonely := string(em.Files["lonely/index.html"]); strings.Contains(lonely, "local-graph-data") || strings.Contains(lonely, "graphlocal.") {
		t.Error("a note without links has a local graph")
	}
	if !strings.Contains(string(em.Files["folder/deep-note/index.html"]), `href="../../graph/"`) {
		t.Error("a page does not link to the graph page")
	}
}

// TestLocalGraphCap checks that a hub's local graph keeps its
// best-connected neighbours and counts the rest.
func TestLocalGraphCap(t *testing.T) {
	t.Parallel()
	notes := make([]*site.Note, localNeighbours+11)
	for i := range notes {
		p := site.VaultPath("n" + string(rune('a'+i/26)) + string(rune('a'+i%26)) + ".md")
		notes[i] = &site.Note{Path: p, Slug: p.Slug()}
	}
	sg := &siteGraph{notes: notes, index: map[*site.Note]int32{}, adj: make([][]int32, len(notes))}
	for i, n := range notes {
		sg.index[n] = int32(i)
		if i > 0 {
			sg.adj[0] = append(sg.adj[0], int32(i))
			sg.adj[i] = append(sg.adj[i], 0)
		}
	}
	// The last node also links to node 1: it is better connected.
	last := int32(len(notes) - 1)
	sg.adj[1], sg.adj[last] = append(sg.adj[1], last), append(sg.adj[last], 1)
	lg := sg.local(notes[0])
	if len(lg.Nodes) != localNeighbours+1 || lg.More != 10 {
		t.Fatalf("%d nodes, %d more; want %d and 10", len(lg.Nodes), lg.More, localNeighbours+1)
	}
	if lg.Nodes[len(lg.Nodes)-1].URL != notes[0].Slug.LinkTo(notes[last].Slug, "") {
		t.Errorf("the best-connected neighbour %d was dropped", last)
	}
	if n := len(lg.Edges) / 2; n != localNeighbours+1 {
		t.Errorf("%d edges, want %d (one per neighbour and 1–%d)", n, localNeighbours+1, last)
	}
}

// TestGraphLayoutKept checks that a rebuild reuses the last layout while
// the graph is the same, and lays out again when a link changes it.
func TestGraphLayoutKept(t *testing.T) {
	t.Parallel()
	opts := Options{Load: site.LoadOptions{Ignore: []string{"Private"}}}
	var m *memo // what each build leaves for the next
	build := func(a *Analysis) []byte {
		t.Helper()
		em := NewMemEmitter()
		b, _, err := buildFrom(context.Background(), a, opts, em, m, nil)
		if err != nil {
			t.Fatal(err)
		}
		m = b.memo
		return em.Files[graphDataPath]
	}
	a, err := Analyze(context.Background(), vaultFile(t, "graph"), opts)
	if err != nil {
		t.Fatal(err)
	}
	first := build(a)
	kept := m.graphLayout
	if again := build(a); &m.graphLayout.data[0] != &kept.data[0] || !bytes.Equal(again, first) {
		t.Error("an unchanged graph was laid out again")
	}
	changed := fstest.MapFS{}
	for name, f := range vaultFile(t, "graph") {
		changed[name] = f
	}
	changed["Lonely.md"] = &fstest.MapFile{Data: []byte("Now linked to [[Beta]].\n")}
	b, err := Analyze(context.Background(), changed, opts)
	if err != nil {
		t.Fatal(err)
	}
	if next := build(b); bytes.Equal(next, first) || m.graphLayout == kept {
		t.Error("a new link kept the old graph")
	}
}
