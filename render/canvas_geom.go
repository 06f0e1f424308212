package render

import (
	"math"
	"strconv"
)

// point and rect are in canvas pixels, y growing downwards.
type point struct{ x, y float64 }

type rect struct{ x, y, w, h float64 }

func (r rect) center() point { return point{r.x + r.w/2, r.y + r.h/2} }

// union returns the smallest rect holding r and s; a zero-sized r is
// empty and gives s.
func (r rect) union(s rect) rect {
	if r.w == 0 && r.h == 0 {
		return s
	}
	x0, y0 := math.Min(r.x, s.x), math.Min(r.y, s.y)
	x1, y1 := math.Max(r.x+r.w, s.x+s.w), math.Max(r.y+r.h, s.y+s.h)
	return rect{x0, y0, x1 - x0, y1 - y0}
}

func (n *CanvasNode) rect() rect { return rect{n.X, n.Y, n.Width, n.Height} }

// Room left around the drawing, in canvas pixels.
const (
	// groupLabelHeight is the space above a group that its label takes:
	// one line of text at the label's font size, plus a gap.
	groupLabelHeight = 34
	// canvasPadding keeps cards and curves off the drawing's edge.
	canvasPadding = 40
)

// bounds returns the box that holds every node, the labels above groups
// and every edge's curve (a cubic Bézier stays inside the hull of its
// control points), with canvasPadding around it. A canvas without nodes
// has a zero box.
func (c *Canvas) bounds(edges []edgeGeom) rect {
	var b rect
	for i := range c.Nodes {
		r := c.Nodes[i].rect()
		if c.Nodes[i].Type == "group" && c.Nodes[i].Label != "" {
			r.y -= groupLabelHeight
			r.h += groupLabelHeight
		}
		b = b.union(r)
	}
	if b.w == 0 && b.h == 0 {
		return b
	}
	for _, e := range edges {
		for _, p := range []point{e.from, e.c1, e.c2, e.to} {
			b = b.union(rect{p.x, p.y, 0, 0})
		}
	}
	return rect{b.x - canvasPadding, b.y - canvasPadding, b.w + 2*canvasPadding, b.h + 2*canvasPadding}
}

// edgeGeom is an edge laid out: a cubic Bézier from from to to through
// c1 and c2, the point halfway along it for the label, and an arrowhead
// (tip, then the two corners of its base) at each end that has one.
type edgeGeom struct {
	edge               *CanvasEdge
	from, c1, c2, to   point
	mid                point
	fromArrow, toArrow []point
}

// Curve and arrow sizes, in canvas pixels.
const (
	// The control points stand out from each side by half the distance
	// between the ends, kept between these two, so short edges still
	// bend and long ones do not balloon.
	minCurve = 40
	maxCurve = 220
	// An arrowhead is this long and twice halfArrow wide, sized for the
	// 2px line the stylesheet draws.
	arrowLen  = 14
	halfArrow = 6
)

// layoutEdge places e between its nodes. An end on a named side sits at
// that side's middle; a missing side is the one facing the other node. It
// returns false when either node does not exist.
func layoutEdge(e *CanvasEdge, byID map[string]*CanvasNode) (edgeGeom, bool) {
	a, b := byID[e.FromNode], byID[e.ToNode]
	if a == nil || b == nil {
		return edgeGeom{}, false
	}
	fs, ts := facingSides(a.rect(), b.rect())
	if e.FromSide != "" {
		fs = e.FromSide
	}
	if e.ToSide != "" {
		ts = e.ToSide
	}
	p0, p3 := anchor(a.rect(), fs), anchor(b.rect(), ts)
	d := math.Min(math.Max(math.Hypot(p3.x-p0.x, p3.y-p0.y)/2, minCurve), maxCurve)
	n0, n3 := normal(fs), normal(ts)
	g := edgeGeom{edge: e, c1: p0.add(n0, d), c2: p3.add(n3, d), from: p0, to: p3}
	if e.FromEnd == "arrow" {
		g.fromArrow = arrowhead(p0, n0)
		g.from = p0.add(n0, arrowLen-2) // under the arrow's base, not its tip
	}
	if e.ToEnd == "arrow" {
		g.toArrow = arrowhead(p3, n3)
		g.to = p3.add(n3, arrowLen-2)
	}
	g.mid = bezier(g.from, g.c1, g.c2, g.to, 0.5)
	return g, true
}

// facingSides picks the sides of a and b that face each other: left and
// right when their centres lie further apart across than down, else top
// and bottom.
func facingSides(a, b rect) (string, string) {
	ca, cb := a.center(), b.center()
	dx, dy := cb.x-ca.x, cb.y-ca.y
	switch {
	case math.Abs(dx) >= math.Abs(dy) && dx >= 0:
		return "right", "left"
	case math.Abs(dx) >= math.Abs(dy):
		return "left", "right"
	case dy >= 0:
		return "bottom", "top"
	}
	return "top", "bottom"
}

// anchor returns the middle of side s of r.
func anchor(r rect, s string) point {
	switch s {
	case "top":
		return point{r.x + r.w/2, r.y}
	case "bottom":
		return point{r.x + r.w/2, r.y + r.h}
	case "left":
		return point{r.x, r.y + r.h/2}
	}
	return point{r.x + r.w, r.y + r.h/2}
}

// normal returns the unit vector pointing out of side s.
func normal(s string) point {
	switch s {
	case "top":
		return point{0, -1}
	case "bottom":
		return point{0, 1}
	case "left":
		return point{-1, 0}
	}
	return point{1, 0}
}

func (p point) add(v point, k float64) point { return point{p.x + v.x*k, p.y + v.y*k} }

// arrowhead returns the tip at p and the two corners of the base, which
// lies arrowLen out along the side's normal n: the arrow points into the
// node.
func arrowhead(p, n point) []point {
	base := p.add(n, arrowLen)
	perp := point{-n.y, n.x}
	return []point{p, base.add(perp, halfArrow), base.add(perp, -halfArrow)}
}

// bezier returns the point at t of the cubic curve p0 c1 c2 p3.
func bezier(p0, c1, c2, p3 point, t float64) point {
	u := 1 - t
	a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return point{a*p0.x + b*c1.x + c*c2.x + d*p3.x, a*p0.y + b*c1.y + c*c2.y + d*p3.y}
}

// num prints a coordinate with at most one decimal, never "-0", so the
// output is short and the same on every machine.
func num(v float64) string {
	r := math.Round(v*10) / 10
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
