package build

import (
	"bytes"
	"fmt"
	"sort"
	"sync"

	"github.com/vaultsite/vaultsite/site"
)

// Emitter receives the built files. Emit may be called concurrently for
// distinct paths. data is the caller's again once Emit returns (pages
// are rendered into reused buffers), so an Emitter that keeps it copies.
type Emitter interface {
	Emit(p site.OutPath, data []byte) error
}

// MemEmitter keeps the site in memory.
type MemEmitter struct {
	mu    sync.Mutex
	Files map[site.OutPath][]byte
}

// NewMemEmitter returns an empty MemEmitter.
func NewMemEmitter() *MemEmitter { return &MemEmitter{Files: map[site.OutPath][]byte{}} }

// Emit stores data under p.
func (m *MemEmitter) Emit(p site.OutPath, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.Files[p]; dup {
		return fmt.Errorf("emit %s: written twice", p)
	}
	m.Files[p] = bytes.Clone(data)
	return nil
}

// Paths returns the stored paths, sorted.
func (m *MemEmitter) Paths() []site.OutPath {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]site.OutPath, 0, len(m.Files))
	for p := range m.Files {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
