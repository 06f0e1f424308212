package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
		return errors.New("written twice") // the builder names the file
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

// copier is an Emitter that writes a file from a reader a piece at a
// time (outdir.Dir), so an attachment of any size costs the build no
// more memory than a buffer.
type copier interface {
	Copy(p site.OutPath, src io.Reader) error
}

// sourceError is a vault file that could not be read for copying: a
// diagnostic, not a failure of the output.
type sourceError struct{ err error }

func (e *sourceError) Error() string { return e.err.Error() }
func (e *sourceError) Unwrap() error { return e.err }

// copyAsset copies attachment a: streamed when the Emitter is a copier,
// else read whole for an Emitter that keeps the bytes. A vault file that
// cannot be read is a *sourceError.
func (b *builder) copyAsset(a *site.Asset) error {
	out := b.v.AssetOut(a.Path)
	c, ok := b.em.(copier)
	if !ok {
		data, err := b.v.ReadFile(a.Path)
		if err != nil {
			return &sourceError{err}
		}
		return b.emit(out, data)
	}
	f, err := b.v.FS.Open(b.v.FSName(a.Path))
	if err != nil {
		return &sourceError{err}
	}
	defer f.Close()
	r := &readErr{r: f}
	if err := c.Copy(out, r); err != nil {
		if r.err != nil {
			return &sourceError{r.err}
		}
		return fmt.Errorf("emit %s: %w", out, err)
	}
	b.use.mu.Lock()
	b.files++
	b.use.mu.Unlock()
	return nil
}

// readErr remembers its reader's error, so a copy that fails tells a
// vault file that could not be read from an output that could not be
// written.
type readErr struct {
	r   io.Reader
	err error
}

func (r *readErr) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		r.err = err
	}
	return n, err
}
