package graphlayout

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/vaultsite/vaultsite/internal/parallel"
)

// Layout parameters. They are ForceAtlas2's own defaults (Gephi), except
// where a comment says why.
const (
	// layoutIterations is enough for a 10,000-note vault to settle: the
	// sum of displacements stops falling well before it.
	layoutIterations = 100
	fa2Gravity       = 1.0
	fa2Scaling       = 2.0 // a little more room between nodes than 1
	fa2Theta         = 1.2 // Barnes–Hut: a cell of size s at distance d counts as one body when s/d < theta
	fa2Jitter        = 1.0 // jitter tolerance
	fa2MaxRise       = 1.5 // the global speed grows at most 50% per iteration
	// layoutChunk is how many nodes a repulsion worker takes at a time.
	layoutChunk = 256
)

// Span is the half-width a layout is scaled to: the largest coordinate
// is ±Span, so one decimal keeps plenty of detail.
const Span = 1000.0

// Point is a node's position.
type Point struct{ X, Y float64 }

// fa2 is one layout's state; all slices are indexed by node.
type fa2 struct {
	adj        [][]int32 // neighbours
	pos        []Point
	mass       []float64 // degree + 1
	force      []Point
	prev       []Point // last iteration's force
	speed      float64 // global speed
	speedRatio float64 // the convergence factor that limits speed
	tree       quadtree
}

// Layout lays out the nodes joined by the undirected adjacency lists adj
// (node i's neighbours are adj[i], each edge listed at both ends) and
// returns their positions, scaled into ±Span and rounded to one decimal.
// seed fixes the starting positions. When ctx is done it gives up,
// between two iterations, with ctx's error.
func Layout(ctx context.Context, adj [][]int32, seed uint64) ([]Point, error) {
	l := &fa2{adj: adj, speed: 1, speedRatio: 1}
	n := len(adj)
	l.pos, l.mass = make([]Point, n), make([]float64, n)
	l.force, l.prev = make([]Point, n), make([]Point, n)
	rng := splitmix(seed)
	// A disc whose area grows with the node count, as the final layout's
	// does, so the start is neither a Point nor mostly empty.
	r := 10 * math.Sqrt(float64(n))
	for i := range n {
		l.mass[i] = float64(len(adj[i]) + 1)
		a, d := 2*math.Pi*rng.float(), r*math.Sqrt(rng.float())
		l.pos[i] = Point{d * math.Cos(a), d * math.Sin(a)}
	}
	for range layoutIterations {
		if err := l.step(ctx); err != nil {
			return nil, err
		}
	}
	pullIn(l.pos, l.mass)
	return normalize(l.pos), nil
}

// step runs one iteration: forces, then the adaptive move. When ctx is
// done it stops with ctx's error, leaving the layout unfinished.
func (l *fa2) step(ctx context.Context) error {
	l.prev, l.force = l.force, l.prev
	clear(l.force)
	l.tree.build(l.pos, l.mass)
	if err := l.repulse(ctx); err != nil {
		return err
	}
	for i, p := range l.pos {
		// Gravity: a pull of fa2Gravity*mass towards the centre, whatever
		// the distance, which keeps components and isolated notes near.
		if d := math.Hypot(p.X, p.Y); d > 0 {
			f := fa2Gravity * l.mass[i] / d
			l.force[i].X -= p.X * f
			l.force[i].Y -= p.Y * f
		}
	}
	for i, ns := range l.adj {
		// Linear attraction along each edge, counted once per end.
		for _, j := range ns {
			l.force[i].X -= l.pos[i].X - l.pos[j].X
			l.force[i].Y -= l.pos[i].Y - l.pos[j].Y
		}
	}
	l.move()
	return nil
}

// repulse adds the Barnes–Hut repulsion to every node's force. Workers
// take chunks of nodes; each node is summed by one worker only.
func (l *fa2) repulse(ctx context.Context) error {
	return parallel.Chunks(ctx, len(l.pos), layoutChunk, func(lo, hi int) error {
		l.repulseRange(lo, hi, make([]int32, 0, 64))
		return nil
	})
}

// repulseRange sums the repulsion on nodes lo to hi-1: kr·mi·mj/d from
// every other node, or from a cell's total mass at its centre of mass
// when the cell looks small enough from the node.
func (l *fa2) repulseRange(lo, hi int, stack []int32) []int32 {
	t := &l.tree
	for i := lo; i < hi; i++ {
		p, fx, fy := l.pos[i], 0.0, 0.0
		stack = append(stack[:0], 0)
		for len(stack) > 0 {
			c := &t.cells[stack[len(stack)-1]]
			stack = stack[:len(stack)-1]
			dx, dy := p.X-c.cx, p.Y-c.cy
			d2 := dx*dx + dy*dy
			if c.child < 0 || c.size*c.size < fa2Theta*fa2Theta*d2 {
				if c.child < 0 && c.body == int32(i) {
					continue // a leaf with this node alone
				}
				if d2 > 0 {
					f := fa2Scaling * l.mass[i] * c.mass / d2
					fx += dx * f
					fy += dy * f
				}
				continue
			}
			for k := range int32(4) {
				if t.cells[c.child+k].mass > 0 {
					stack = append(stack, c.child+k)
				}
			}
		}
		l.force[i].X += fx
		l.force[i].Y += fy
	}
	return stack
}

// move applies ForceAtlas2's adaptive speed: the global speed rises while
// nodes keep their direction (traction) and falls when they oscillate
// (swinging); each node also slows with its own swinging.
func (l *fa2) move() {
	var swinging, traction float64
	for i, f := range l.force {
		p := l.prev[i]
		swinging += l.mass[i] * math.Hypot(f.X-p.X, f.Y-p.Y)
		traction += l.mass[i] * math.Hypot(f.X+p.X, f.Y+p.Y) / 2
	}
	if swinging > 0 {
		// Gephi's estimate of the jitter a graph this size tolerates.
		n := float64(len(l.pos))
		est := 0.05 * math.Sqrt(n)
		jt := fa2Jitter * max(math.Sqrt(est), min(10, est*traction/(n*n)))
		target := jt * jt * traction / swinging
		if swinging/traction > 2 { // oscillating: lower the ceiling for good
			if l.speedRatio > 0.05 {
				l.speedRatio *= 0.5
			}
			jt = max(jt, fa2Jitter)
			target = jt * traction / swinging
		}
		l.speed += min(target-l.speed, l.speedRatio*l.speed, (fa2MaxRise-1)*l.speed)
	}
	for i, f := range l.force {
		p := l.prev[i]
		sw := l.mass[i] * math.Hypot(f.X-p.X, f.Y-p.Y)
		factor := l.speed / (1 + math.Sqrt(l.speed*sw))
		l.pos[i].X += f.X * factor
		l.pos[i].Y += f.Y * factor
	}
}

// Nodes outside the core of the layout are pulled in: everything past
// the radius that holds coreMass of the total mass (degree + 1) moves into
// a band coreBand times that radius wide, keeping its direction and its
// order from the centre. Without it, ForceAtlas2's constant gravity
// leaves notes with no links, or in small islands, hundreds of times
// further out than the rest, and fitting the view to them would shrink
// the whole graph to a dot.
const (
	coreMass = 0.9
	coreBand = 0.25
)

// pullIn compresses the layout's outskirts into the band around its core.
func pullIn(pos []Point, mass []float64) {
	var c Point
	var total float64
	for i, p := range pos {
		c.X += p.X * mass[i]
		c.Y += p.Y * mass[i]
		total += mass[i]
	}
	if total == 0 {
		return
	}
	c = Point{c.X / total, c.Y / total}
	order := make([]int, len(pos))
	r := make([]float64, len(pos))
	for i, p := range pos {
		order[i], r[i] = i, math.Hypot(p.X-c.X, p.Y-c.Y)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(r[a], r[b]) })
	core, acc := 0.0, 0.0
	for _, i := range order {
		if acc += mass[i]; acc >= coreMass*total {
			core = r[i]
			break
		}
	}
	band := coreBand * core
	for i, p := range pos {
		if r[i] <= core || band == 0 {
			continue
		}
		k := (core + band*(1-math.Exp(-(r[i]-core)/band))) / r[i]
		pos[i] = Point{c.X + (p.X-c.X)*k, c.Y + (p.Y-c.Y)*k}
	}
}

// normalize centres the positions on their bounding box, scales the
// larger side to ±Span and rounds to one decimal. A single node, or
// nodes all at one place, end at the origin.
func normalize(pos []Point) []Point {
	if len(pos) == 0 {
		return pos
	}
	lo, hi := pos[0], pos[0]
	for _, p := range pos {
		lo = Point{min(lo.X, p.X), min(lo.Y, p.Y)}
		hi = Point{max(hi.X, p.X), max(hi.Y, p.Y)}
	}
	c := Point{(lo.X + hi.X) / 2, (lo.Y + hi.Y) / 2}
	half := max(hi.X-lo.X, hi.Y-lo.Y) / 2
	scale := 0.0
	if half > 0 {
		scale = Span / half
	}
	out := make([]Point, len(pos))
	for i, p := range pos {
		out[i] = Point{round1((p.X - c.X) * scale), round1((p.Y - c.Y) * scale)}
	}
	return out
}

// round1 rounds to one decimal; -0 becomes 0 so it prints as "0".
func round1(v float64) float64 { return math.Round(v*10)/10 + 0 }

// splitmix is SplitMix64: a tiny generator of our own, so positions do not
// depend on the standard library's choice of algorithm.
type splitmix uint64

func (s *splitmix) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// float returns a number in [0, 1) with 53 random bits.
func (s *splitmix) float() float64 { return float64(s.next()>>11) / (1 << 53) }
