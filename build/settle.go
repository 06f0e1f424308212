package build

import (
	"context"
	"maps"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// Settle lays out the site graph that the last rebuild left for later
// (LayoutLater) and serves its file, reporting it as changed; with
// nothing left for later it returns nil. It lays out without holding
// the lock, so rebuilds go on meanwhile; a rebuild that leaves a newer
// graph, or none, makes this one's result moot, and Settle drops it and
// returns nil. When ctx is done it stops early with ctx's error.
func (s *Live) Settle(ctx context.Context) (*Update, error) {
	s.mu.Lock()
	sg := s.pending
	s.mu.Unlock()
	if sg == nil {
		return nil, nil
	}
	start := time.Now()
	pos, err := sg.layoutCached(ctx, s.opts.Cache) // cache_graph.go
	if err != nil {
		return nil, err
	}
	laid := &graphLayout{sg: sg, pos: pos, data: sg.encodeAt(pos)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pending != sg {
		return nil, nil
	}
	s.pending, s.last.memo.graphLayout = nil, laid
	cur := s.cur.load()
	files := maps.Clone(cur.Files)
	files[graphDataPath] = laid.data
	s.cur.store(&Snapshot{Files: files, Assets: cur.Assets, FS: cur.FS, Diags: cur.Diags, Pages: cur.Pages})
	return &Update{Changed: []site.OutPath{graphDataPath}, Diags: cur.Diags, Took: time.Since(start)}, nil
}
