package render

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

func TestParseCanvas(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		give      string
		wantNodes []CanvasNode
		wantEdges []CanvasEdge
		wantDiags []string
	}{
		{name: "empty file", give: ""},
		{name: "only white space", give: " \n\t\n"},
		{name: "empty object", give: "{}"},
		{name: "null", give: "null"},
		{
			name:      "syntax error at its line and column",
			give:      "{\n  \"nodes\": [\n    {\"id\": \"a\",}\n  ]\n}",
			wantDiags: []string{`c.canvas:3:16: warning: invalid canvas: invalid character '}' looking for beginning of object key string; drawn empty (invalid-canvas)`},
		},
		{
			name:      "truncated file",
			give:      `{"nodes": [`,
			wantDiags: []string{`c.canvas:1:11: warning: invalid canvas: unexpected end of JSON input; drawn empty (invalid-canvas)`},
		},
		{
			name:      "wrong type is skipped, the rest kept",
			give:      `{"nodes": "none", "edges": [{"id": "e", "fromNode": "a", "toNode": "b"}]}`,
			wantEdges: []CanvasEdge{{ID: "e", FromNode: "a", ToNode: "b", FromEnd: "none", ToEnd: "arrow"}},
			wantDiags: []string{`c.canvas:1:16: warning: invalid canvas: "nodes" cannot be a JSON string; skipped (invalid-canvas)`},
		},
		{
			name: "unknown keys ignored, missing size defaulted, lenient numbers",
			give: `{"metadata": {}, "nodes": [{"id": 7, "type": "Text", "x": "12", "y": 3.5, "width": -4, "text": "hi", "portalToFile": "x"}]}`,
			wantNodes: []CanvasNode{{ID: "7", Type: "text", X: 12, Y: 3.5, Width: defaultNodeWidth,
				Height: defaultNodeHeight, Text: "hi"}},
		},
		{
			name: "colours: presets and hex kept, the rest dropped",
			give: `{"nodes": [{"id": "a", "color": "3"}, {"id": "b", "color": "#AbC123"}, {"id": "c", "color": "7"},
				{"id": "d", "color": "red;x:y"}, {"id": "e", "color": "#abc"}]}`,
			wantNodes: []CanvasNode{
				{ID: "a", Color: "3", Width: defaultNodeWidth, Height: defaultNodeHeight},
				{ID: "b", Color: "#abc123", Width: defaultNodeWidth, Height: defaultNodeHeight},
				{ID: "c", Width: defaultNodeWidth, Height: defaultNodeHeight},
				{ID: "d", Width: defaultNodeWidth, Height: defaultNodeHeight},
				{ID: "e", Color: "#abc", Width: defaultNodeWidth, Height: defaultNodeHeight},
			},
		},
		{
			name:      "edge sides and ends checked and defaulted",
			give:      `{"edges": [{"id": "e", "fromSide": "LEFT", "toSide": "middle", "fromEnd": "arrow", "toEnd": "dot"}]}`,
			wantEdges: []CanvasEdge{{ID: "e", FromSide: "left", FromEnd: "arrow", ToEnd: "arrow"}},
		},
		{
			name:      "huge numbers clamped",
			give:      `{"nodes": [{"id": "a", "x": 1e300, "y": -1e300, "width": 1e300, "height": 5}]}`,
			wantNodes: []CanvasNode{{ID: "a", X: maxCoord, Y: -maxCoord, Width: maxSize, Height: 5}},
		},
		{
			name: "subpath gets its #",
			give: `{"nodes": [{"id": "a", "type": "file", "file": " Note.md ", "subpath": "^blk"}]}`,
			wantNodes: []CanvasNode{{ID: "a", Type: "file", File: "Note.md", Subpath: "#^blk",
				Width: defaultNodeWidth, Height: defaultNodeHeight}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var diags site.Diagnostics
			c := ParseCanvas("c.canvas", []byte(tt.give), &diags)
			if diff := cmp.Diff(tt.wantNodes, c.Nodes); diff != "" {
				t.Errorf("nodes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantEdges, c.Edges); diff != "" {
				t.Errorf("edges (-want +got):\n%s", diff)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if diff := cmp.Diff(tt.wantDiags, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCanvasLinks(t *testing.T) {
	t.Parallel()
	c := ParseCanvas("c.canvas", []byte(`{"nodes": [
		{"id": "t", "type": "text", "text": "[[Not a backlink]]"},
		{"id": "f", "type": "file", "file": "a/Note.md", "subpath": "#Head"},
		{"id": "g", "type": "file", "file": ""},
		{"id": "i", "type": "file", "file": "img.png"}]}`), nil)
	want := []site.Link{
		{Kind: site.WikiLink, Embed: true, Path: "a/Note.md", Subpath: "Head", Raw: "a/Note.md#Head"},
		{Kind: site.WikiLink, Embed: true, Path: "img.png", Raw: "img.png"},
	}
	if diff := cmp.Diff(want, c.Links); diff != "" {
		t.Errorf("Links (-want +got):\n%s", diff)
	}
}

func TestFacingSides(t *testing.T) {
	t.Parallel()
	a := rect{0, 0, 100, 100}
	tests := []struct {
		give         rect
		wantA, wantB string
	}{
		{rect{300, 0, 100, 100}, "right", "left"},
		{rect{-300, 50, 100, 100}, "left", "right"},
		{rect{50, 300, 100, 100}, "bottom", "top"},
		{rect{0, -300, 100, 100}, "top", "bottom"},
		{rect{200, 200, 100, 100}, "right", "left"}, // a tie goes across
		{a, "right", "left"},                        // the node itself
	}
	for _, tt := range tests {
		gotA, gotB := facingSides(a, tt.give)
		if gotA != tt.wantA || gotB != tt.wantB {
			t.Errorf("facingSides(%v, %v) = %s, %s; want %s, %s", a, tt.give, gotA, gotB, tt.wantA, tt.wantB)
		}
	}
}

func TestLayoutEdge(t *testing.T) {
	t.Parallel()
	a := &CanvasNode{ID: "a", X: 0, Y: 0, Width: 100, Height: 60}
	b := &CanvasNode{ID: "b", X: 300, Y: 200, Width: 100, Height: 60}
	byID := map[string]*CanvasNode{"a": a, "b": b}
	tests := []struct {
		name string
		give CanvasEdge
		want edgeGeom
	}{
		{
			name: "named sides, arrow at the end only",
			give: CanvasEdge{FromNode: "a", ToNode: "b", FromSide: "bottom", ToSide: "top", FromEnd: "none", ToEnd: "arrow"},
			// ends at (50,60) and (350,200); distance 331, so the
			// control points stand out 165.5; the end stops 12 short of
			// the arrow's tip.
			want: edgeGeom{from: point{50, 60}, c1: point{50, 225.5}, c2: point{350, 34.5}, to: point{350, 188},
				toArrow: []point{{350, 200}, {356, 186}, {344, 186}}},
		},
		{
			name: "no sides: facing sides, arrows at both ends",
			give: CanvasEdge{FromNode: "a", ToNode: "b", FromEnd: "arrow", ToEnd: "arrow"},
			want: edgeGeom{from: point{112, 30}, c1: point{241.4, 30}, c2: point{158.6, 230}, to: point{288, 230},
				fromArrow: []point{{100, 30}, {114, 36}, {114, 24}}, toArrow: []point{{300, 230}, {286, 224}, {286, 236}}},
		},
		{
			name: "short edges still bend by minCurve",
			give: CanvasEdge{FromNode: "a", ToNode: "a", FromSide: "right", ToSide: "right", FromEnd: "none", ToEnd: "none"},
			want: edgeGeom{from: point{100, 30}, c1: point{140, 30}, c2: point{140, 30}, to: point{100, 30}},
		},
	}
	round := func(p point) point { return point{roundTo(p.x), roundTo(p.y)} }
	for _, tt := range tests {
		g, ok := layoutEdge(&tt.give, byID)
		if !ok {
			t.Fatalf("%s: not laid out", tt.name)
		}
		got := []point{round(g.from), round(g.c1), round(g.c2), round(g.to)}
		want := []point{tt.want.from, tt.want.c1, tt.want.c2, tt.want.to}
		got = append(append(got, roundAll(g.fromArrow)...), roundAll(g.toArrow)...)
		want = append(append(want, tt.want.fromArrow...), tt.want.toArrow...)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(point{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
		mid := bezier(g.from, g.c1, g.c2, g.to, 0.5)
		if g.mid != mid {
			t.Errorf("%s: mid = %v, want the curve at t=0.5, %v", tt.name, g.mid, mid)
		}
	}
	if _, ok := layoutEdge(&CanvasEdge{FromNode: "a", ToNode: "gone"}, byID); ok {
		t.Error("an edge to a missing node was laid out")
	}
}

func roundTo(v float64) float64 { return math.Round(v*10) / 10 }

func roundAll(ps []point) []point {
	var out []point
	for _, p := range ps {
		out = append(out, point{roundTo(p.x), roundTo(p.y)})
	}
	return out
}

func TestCanvasBounds(t *testing.T) {
	t.Parallel()
	c := &Canvas{Nodes: []CanvasNode{
		{Type: "group", Label: "G", X: -100, Y: 0, Width: 50, Height: 50},
		{Type: "text", X: 0, Y: 200, Width: 100, Height: 100},
	}}
	p := float64(canvasPadding)
	want := rect{-100 - p, -groupLabelHeight - p, 200 + 2*p, 300 + groupLabelHeight + 2*p}
	if got := c.bounds(nil); got != want {
		t.Errorf("bounds = %v, want %v", got, want)
	}
	// A control point beyond the nodes widens the box.
	e := []edgeGeom{{c1: point{500, 100}}}
	if got := c.bounds(e); got.w != 600+2*p {
		t.Errorf("bounds with an edge = %v, want width %v", got, 600+2*p)
	}
	if got := (&Canvas{}).bounds(e); got != (rect{}) {
		t.Errorf("bounds of an empty canvas = %v, want zero", got)
	}
}

func TestNum(t *testing.T) {
	t.Parallel()
	for give, want := range map[float64]string{0: "0", -0.01: "0", 1.25: "1.3", -3.04: "-3", 120: "120", 1e6: "1000000"} {
		if got := num(give); got != want {
			t.Errorf("num(%v) = %q, want %q", give, got, want)
		}
	}
}

// TestRenderCanvas draws testdata/canvas/*.canvas with fakeBinder and
// compares with the .html beside each; -update rewrites them.
func TestRenderCanvas(t *testing.T) {
	files, _ := filepath.Glob("testdata/canvas/*.canvas")
	if len(files) == 0 {
		t.Fatal("no canvas fixtures")
	}
	r := New(Config{})
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var diags site.Diagnostics
		c := ParseCanvas(site.VaultPath(filepath.Base(f)), data, &diags)
		out, err := r.RenderCanvas(c, fakeBinder{})
		if err != nil {
			t.Fatal(err)
		}
		got := out.HTML
		for _, d := range diags {
			got = append(got, []byte("<!-- "+d.String()+" -->\n")...)
		}
		golden := strings.TrimSuffix(f, ".canvas") + ".html"
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (-want +got):\n%s", f, golden, cmp.Diff(string(want), string(got)))
		}
	}
}
