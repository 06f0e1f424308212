// Package graphlayout places the nodes of a graph in the plane, so the
// site's graph page only draws it: a live layout of 10,000 nodes in the
// browser costs over 100 ms per iteration (DEPS §3).
//
// Contract: Layout takes a graph as undirected adjacency lists and a
// seed and returns one position per node, within ±Span and rounded to
// one decimal. It is deterministic: the same graph and seed give the same
// positions, to the bit, whatever GOMAXPROCS. It depends on nothing but
// the edges, so two graphs of the same shape share a layout.
//
// The algorithm is ForceAtlas2 (Jacomy et al., 2014) with its adaptive
// speed and a Barnes–Hut quadtree for the repulsion (quadtree.go), from
// a seeded start and for a fixed number of iterations, followed by a
// pull of far outliers into a band around the core. Determinism: the
// tree is built on one goroutine; the repulsion, the one parallel step,
// has each node sum its own forces in a fixed order into its own slot;
// every sum across nodes runs on one goroutine in index order. (Go may
// fuse a*b+c into one instruction on arm64 and other targets, so two
// architectures can differ in the last bits; output is rounded.)
package graphlayout
