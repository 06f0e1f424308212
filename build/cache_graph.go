package build

import (
	"context"
	"encoding/binary"
	"math"

	"github.com/vaultsite/vaultsite/internal/cache"
	"github.com/vaultsite/vaultsite/internal/graphlayout"
)

// layoutCached is sg.layout through c (nil: none). A layout depends only
// on the graph's edges and the seed, so those are its key: a rebuild
// whose notes changed text, titles or even names but not how they link
// reuses the layout. The positions are stored as float64 pairs.
func (sg *siteGraph) layoutCached(ctx context.Context, c Cache) ([]graphlayout.Point, error) {
	if c == nil {
		return sg.layout(ctx)
	}
	h := cache.NewHasher("graph")
	h.Int(int64(graphSeed))
	h.Int(int64(len(sg.adj)))
	for _, adj := range sg.adj {
		h.Int(int64(len(adj)))
		for _, j := range adj {
			h.Int(int64(j))
		}
	}
	k := h.Key()
	if b, ok := c.Get(k); ok {
		if pos, ok := decodePoints(b, len(sg.adj)); ok {
			return pos, nil
		}
	}
	pos, err := sg.layout(ctx)
	if err != nil {
		return nil, err
	}
	c.Put(k, encodePoints(pos))
	return pos, nil
}

func encodePoints(pos []graphlayout.Point) []byte {
	out := make([]byte, 0, 16*len(pos))
	for _, p := range pos {
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(p.X))
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(p.Y))
	}
	return out
}

// decodePoints reads n positions, or ok false when b does not hold n.
func decodePoints(b []byte, n int) ([]graphlayout.Point, bool) {
	if len(b) != 16*n {
		return nil, false
	}
	pos := make([]graphlayout.Point, n)
	for i := range pos {
		pos[i].X = math.Float64frombits(binary.LittleEndian.Uint64(b[16*i:]))
		pos[i].Y = math.Float64frombits(binary.LittleEndian.Uint64(b[16*i+8:]))
	}
	return pos, true
}
