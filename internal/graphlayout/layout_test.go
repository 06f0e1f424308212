package graphlayout

import (
	"context"
	"math"
	"runtime"
	"testing"
)

// seed is any seed: the layout's properties hold for all.
const seed = 1

func mustLayout(t *testing.T, adj [][]int32) []Point {
	t.Helper()
	pos, err := Layout(context.Background(), adj, seed)
	if err != nil {
		t.Fatal(err)
	}
	return pos
}

// clusteredGraph returns k groups of size nodes, densely linked inside
// and sparsely between, with a hub and a few isolated nodes.
func clusteredGraph(k, size int) [][]int32 {
	n := k*size + 3
	adj := make([][]int32, n)
	link := func(a, b int) {
		if a != b {
			adj[a] = append(adj[a], int32(b))
			adj[b] = append(adj[b], int32(a))
		}
	}
	rng := splitmix(42)
	for c := range k {
		for i := range size {
			for range 3 {
				link(c*size+i, c*size+int(rng.next()%uint64(size)))
			}
		}
		link(c*size, ((c+1)%k)*size+1)
	}
	for i := range k * size / 4 {
		link(0, i*4) // a hub
	}
	return adj
}

// TestGraphLayoutDeterministic lays the same graph out with one and with
// two goroutines: the bytes must not differ.
func TestGraphLayoutDeterministic(t *testing.T) {
	adj := clusteredGraph(12, 250) // over layoutChunk nodes, so two workers run
	prev := runtime.GOMAXPROCS(1)
	one := mustLayout(t, adj)
	runtime.GOMAXPROCS(2)
	two := mustLayout(t, adj)
	runtime.GOMAXPROCS(prev)
	for i := range one {
		if math.Float64bits(one[i].X) != math.Float64bits(two[i].X) || math.Float64bits(one[i].Y) != math.Float64bits(two[i].Y) {
			t.Fatalf("node %d: %v with one goroutine, %v with two", i, one[i], two[i])
		}
	}
}

// TestGraphLayoutSanity checks a layout's shape: finite, within the
// span, and linked notes closer together than notes picked at random.
func TestGraphLayoutSanity(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		adj  [][]int32
	}{
		{"empty", nil},
		{"one", [][]int32{nil}},
		{"pair", [][]int32{{1}, {0}}},
		{"clusters", clusteredGraph(8, 60)},
	} {
		pos := mustLayout(t, tt.adj)
		if len(pos) != len(tt.adj) {
			t.Fatalf("%s: %d positions for %d nodes", tt.name, len(pos), len(tt.adj))
		}
		for i, p := range pos {
			if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.Abs(p.X) > Span || math.Abs(p.Y) > Span {
				t.Errorf("%s: node %d at %v", tt.name, i, p)
			}
			if p.X != math.Round(p.X*10)/10 || p.Y != math.Round(p.Y*10)/10 {
				t.Errorf("%s: node %d at %v is not rounded to a decimal", tt.name, i, p)
			}
		}
		if len(pos) < 10 {
			continue
		}
		edge, random := meanDistances(tt.adj, pos)
		t.Logf("%s: mean edge length %.1f, mean distance %.1f", tt.name, edge, random)
		if edge > 0.5*random {
			t.Errorf("%s: linked notes are %.1f apart on average, random pairs %.1f", tt.name, edge, random)
		}
	}
}

func meanDistances(adj [][]int32, pos []Point) (edge, random float64) {
	var ne float64
	for i, ns := range adj {
		for _, j := range ns {
			edge += math.Hypot(pos[i].X-pos[j].X, pos[i].Y-pos[j].Y)
			ne++
		}
	}
	rng := splitmix(7)
	const pairs = 20000
	for range pairs {
		i, j := rng.next()%uint64(len(pos)), rng.next()%uint64(len(pos))
		random += math.Hypot(pos[i].X-pos[j].X, pos[i].Y-pos[j].Y)
	}
	return edge / ne, random / pairs
}

// TestLayoutCancelled checks that a layout whose context is done stops
// with the context's error instead of laying out.
func TestLayoutCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if pos, err := Layout(ctx, clusteredGraph(2, 10), seed); err != context.Canceled || pos != nil {
		t.Errorf("Layout with a cancelled context = %d positions, %v; want none, context.Canceled", len(pos), err)
	}
}
