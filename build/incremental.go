package build

import (
	"bytes"
	"context"
	"io/fs"
	"sort"
	"sync"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// Site is a built site kept in memory and brought up to date on demand,
// for the preview server. Readers always see one complete build: Update
// swaps in a new snapshot only when the whole rebuild succeeded.
type Site struct {
	fsys fs.FS
	opts Options

	mu    sync.Mutex // serialises builds
	cur   snapshotPtr
	last  *Result
	built bool
}

// Snapshot is one complete build's files. It is never modified.
type Snapshot struct {
	Files map[site.OutPath][]byte
	Diags site.Diagnostics
}

// Update says what a rebuild changed.
type Update struct {
	Changed []site.OutPath // new or different bytes, sorted
	Removed []site.OutPath // gone since the last build, sorted
	Diags   site.Diagnostics
	Took    time.Duration
}

// NewSite prepares a site for the vault in fsys; nothing is built yet.
func NewSite(fsys fs.FS, opts Options) *Site {
	return &Site{fsys: fsys, opts: opts}
}

// Current returns the latest complete build, or nil before the first.
func (s *Site) Current() *Snapshot { return s.cur.load() }

// Update rebuilds after the vault paths in changed were created,
// modified, renamed or deleted (nil means "anything"), and reports which
// output files differ from the previous build. On error the previous
// snapshot stays current.
func (s *Site) Update(ctx context.Context, changed []string) (*Update, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	em := NewMemEmitter()
	res, err := Build(ctx, s.fsys, s.opts, em)
	if err != nil {
		return nil, err
	}
	next := &Snapshot{Files: em.Files, Diags: res.Diags}
	up := diffSnapshots(s.cur.load(), next)
	up.Diags = res.Diags
	s.cur.store(next)
	s.last = res
	up.Took = time.Since(start)
	return up, nil
}

// diffSnapshots lists the files that differ between two builds.
func diffSnapshots(old, next *Snapshot) *Update {
	up := &Update{}
	for p, data := range next.Files {
		if old == nil || !bytes.Equal(old.Files[p], data) {
			up.Changed = append(up.Changed, p)
		}
	}
	if old != nil {
		for p := range old.Files {
			if _, ok := next.Files[p]; !ok {
				up.Removed = append(up.Removed, p)
			}
		}
	}
	sort.Slice(up.Changed, func(i, j int) bool { return up.Changed[i] < up.Changed[j] })
	sort.Slice(up.Removed, func(i, j int) bool { return up.Removed[i] < up.Removed[j] })
	return up
}
