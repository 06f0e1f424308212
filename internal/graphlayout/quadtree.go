package graphlayout

// quadtree is the Barnes–Hut tree of one layout iteration: each cell
// holds the total mass and centre of mass of the nodes inside its square,
// so a far cell acts on a node as one body. Cells live in one slice that
// is reused from iteration to iteration; cell 0 is the root.
type quadtree struct{ cells []qcell }

type qcell struct {
	bx, by, half float64 // the square: its centre and half its side
	size         float64 // its side, 2*half
	cx, cy, mass float64 // centre of mass and total mass of the nodes in it
	child        int32   // the first of four children, or -1 for a leaf
	body         int32   // a leaf's one node; -1 when it holds several
}

// quadMaxDepth bounds the tree where nodes coincide: a leaf that deep
// keeps every node that lands in it as one body.
const quadMaxDepth = 30

// build makes the tree of the nodes at pos with their masses, inserting
// them in index order.
func (t *quadtree) build(pos []Point, mass []float64) {
	t.cells = t.cells[:0]
	if len(pos) == 0 {
		return
	}
	lo, hi := pos[0], pos[0]
	for _, p := range pos {
		lo = Point{min(lo.X, p.X), min(lo.Y, p.Y)}
		hi = Point{max(hi.X, p.X), max(hi.Y, p.Y)}
	}
	half := max(hi.X-lo.X, hi.Y-lo.Y)/2 + 1 // +1: no node sits on the outer edge
	t.cells = append(t.cells, newCell((lo.X+hi.X)/2, (lo.Y+hi.Y)/2, half))
	for i, p := range pos {
		t.insert(int32(i), p, mass[i])
	}
}

func newCell(bx, by, half float64) qcell {
	return qcell{bx: bx, by: by, half: half, size: 2 * half, child: -1, body: -1}
}

// insert adds node i at p with mass m: down the tree to an empty leaf,
// splitting a leaf that already holds a node.
func (t *quadtree) insert(i int32, p Point, m float64) {
	c := int32(0)
	for depth := 0; ; depth++ {
		if t.cells[c].child < 0 {
			cell := &t.cells[c]
			if cell.mass == 0 {
				cell.body, cell.cx, cell.cy, cell.mass = i, p.X, p.Y, m
				return
			}
			if depth == quadMaxDepth {
				cell.body = -1
				t.cells[c].add(p, m)
				return
			}
			t.split(c)
		}
		t.cells[c].add(p, m)
		c = t.cells[c].child + t.cells[c].quadrant(p)
	}
}

// split turns the leaf c into an inner cell with four children and moves
// its node into the child that covers it.
func (t *quadtree) split(c int32) {
	first := int32(len(t.cells))
	cell := t.cells[c]
	q := cell.half / 2
	t.cells = append(t.cells,
		newCell(cell.bx-q, cell.by-q, q), newCell(cell.bx+q, cell.by-q, q),
		newCell(cell.bx-q, cell.by+q, q), newCell(cell.bx+q, cell.by+q, q))
	p := Point{cell.cx, cell.cy}
	k := first + cell.quadrant(p)
	t.cells[k].body, t.cells[k].cx, t.cells[k].cy, t.cells[k].mass = cell.body, p.X, p.Y, cell.mass
	t.cells[c].child, t.cells[c].body = first, -1
}

// quadrant is the index (0–3) of the child of c that covers p.
func (c *qcell) quadrant(p Point) int32 {
	var k int32
	if p.X >= c.bx {
		k++
	}
	if p.Y >= c.by {
		k += 2
	}
	return k
}

// add puts mass m at p into the cell's total and centre of mass.
func (c *qcell) add(p Point, m float64) {
	total := c.mass + m
	c.cx = (c.cx*c.mass + p.X*m) / total
	c.cy = (c.cy*c.mass + p.Y*m) / total
	c.mass = total
}
