package build

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// dirEmitter writes files below a directory.
type dirEmitter struct {
	root string
	mu   sync.Mutex
	dirs map[string]bool
}

func (d *dirEmitter) Emit(p site.OutPath, data []byte) error {
	if !p.Valid() {
		return fmt.Errorf("emit %q: not a clean relative path", p)
	}
	full := filepath.Join(d.root, filepath.FromSlash(string(p)))
	dir := filepath.Dir(full)
	d.mu.Lock()
	made := d.dirs[dir]
	d.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("emit %s: %w", p, err)
		}
		d.mu.Lock()
		d.dirs[dir] = true
		d.mu.Unlock()
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("emit %s: %w", p, err)
	}
	return nil
}

// markerFile marks a folder as vaultsite's output, so a later build may
// replace it; a folder without it is never deleted.
const markerFile = ".vaultsite-output"

// WriteDir runs write against a fresh folder beside out and, when it
// succeeds, swaps that folder in place of out. A failed build leaves out
// as it was. out must not be the vault, lie inside it, or contain it, and
// an existing non-empty out must carry the marker of an earlier build.
func WriteDir(out, vaultDir string, write func(Emitter) error) error {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := checkOutDir(absOut, vaultDir); err != nil {
		return err
	}
	parent := filepath.Dir(absOut)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(absOut)+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	em := &dirEmitter{root: tmp, dirs: map[string]bool{}}
	if err := write(em); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, markerFile), []byte("built by vaultsite; this folder is replaced on every build\n"), 0o644); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return swap(tmp, absOut)
}

// swap puts the folder tmp at out, moving the old out aside first and
// deleting it only after the new one is in place.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

var errUnsafeOut = errors.New("unsafe output folder")

func checkOutDir(absOut, vaultDir string) error {
	if vaultDir != "" {
		absVault, err := filepath.Abs(vaultDir)
		if err != nil {
			return err
		}
		if within(absOut, absVault) || within(absVault, absOut) {
			return fmt.Errorf("%w: %s and the vault %s overlap; choose an output folder outside the vault", errUnsafeOut, absOut, absVault)
		}
	}
	entries, err := os.ReadDir(absOut)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(absOut, markerFile)); err != nil {
		return fmt.Errorf("%w: %s is not empty and was not made by vaultsite; refusing to replace it", errUnsafeOut, absOut)
	}
	return nil
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
