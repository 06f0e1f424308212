package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/site"
)

// markerFile marks a folder as vaultsite's output, so a later build may
// replace it; a folder without it is never deleted.
const markerFile = ".vaultsite-output"

// WriteDir runs write against a folder beside out and, when it succeeds,
// swaps that folder in place of out. A failed build leaves out as it was.
// out must not be the vault, lie inside it, or contain it, and an
// existing non-empty out must carry the marker of an earlier build.
//
// The output a build replaces is not deleted: it waits beside out, as
// ".OUT.previous", and the next build writes into it, rewriting only the
// files whose bytes changed and deleting the ones no longer made. A site
// is some 20,000 files and folders, and creating that many anew on every
// build, then deleting as many, cost more than rendering the pages: on
// ext4 without a journal, every new inode is checked against each
// recently deleted one.
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
	previous := previousDir(absOut)
	em := &dirEmitter{root: tmp, dirs: map[string]bool{}, made: map[site.OutPath]bool{}}
	if !overlaps(previous, vaultDir) {
		em.reuse(previous)
	}
	if err := write(em); err != nil {
		em.park(previous)
		return err
	}
	if err := em.dropStale(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, markerFile), []byte("built by vaultsite; this folder is replaced on every build\n"), 0o644); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return swap(tmp, absOut, previous, em.made)
}

// previousDir is where the output a build replaced waits for the next.
func previousDir(absOut string) string {
	return filepath.Join(filepath.Dir(absOut), "."+filepath.Base(absOut)+".previous")
}

// swap puts the folder tmp at out, moving the old out aside first. The
// old out becomes the previous output only when it holds no file the new
// one does not: a page or attachment that is gone may be a note just
// unpublished, and must not stay on disk beside the site. Else, and when
// it cannot be kept, it is deleted.
func swap(tmp, out, previous string, made map[site.OutPath]bool) error {
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
	if old == "" {
		return nil
	}
	if _, err := os.Lstat(previous); errors.Is(err, fs.ErrNotExist) && holdsOnly(old, made) && os.Rename(old, previous) == nil {
		return nil
	}
	return os.RemoveAll(old)
}

// holdsOnly reports whether every file below dir but the marker is one
// of made.
func holdsOnly(dir string, made map[site.OutPath]bool) bool {
	extra := false
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || path == filepath.Join(dir, markerFile) {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if !made[site.OutPath(filepath.ToSlash(rel))] {
			extra = true
			return fs.SkipAll
		}
		return nil
	})
	return err == nil && !extra
}

// dirEmitter writes files below a directory. When it took over a
// previous output, stale holds the files that output had, by path, and
// a file whose bytes are already there is not written again.
type dirEmitter struct {
	root  string
	mu    sync.Mutex
	dirs  map[string]bool // folders known to exist
	stale map[site.OutPath]int64
	made  map[site.OutPath]bool // every file emitted
}

func (d *dirEmitter) Emit(p site.OutPath, data []byte) error {
	if !p.Valid() {
		return fmt.Errorf("emit %q: not a clean relative path", p)
	}
	full := filepath.Join(d.root, filepath.FromSlash(string(p)))
	d.mu.Lock()
	size, had := d.stale[p]
	delete(d.stale, p)
	d.made[p] = true
	d.mu.Unlock()
	if had && size == int64(len(data)) && sameBytes(full, data) {
		return nil
	}
	if err := d.mkdirs(filepath.Dir(full)); err != nil {
		return fmt.Errorf("emit %s: %w", p, err)
	}
	err := os.WriteFile(full, data, 0o644)
	if err != nil && d.stale != nil {
		// The previous output may hold a folder where this file goes.
		if os.RemoveAll(full) == nil {
			err = os.WriteFile(full, data, 0o644)
		}
	}
	if err != nil {
		return fmt.Errorf("emit %s: %w", p, err)
	}
	return nil
}

func (d *dirEmitter) mkdirs(dir string) error {
	d.mu.Lock()
	made := d.dirs[dir]
	d.mu.Unlock()
	if made {
		return nil
	}
	err := os.MkdirAll(dir, 0o755)
	if err != nil && d.stale != nil {
		// The previous output may hold a file where a folder goes.
		for p := dir; p != d.root && strings.HasPrefix(p, d.root); p = filepath.Dir(p) {
			if fi, lerr := os.Lstat(p); lerr == nil && !fi.IsDir() {
				_ = os.Remove(p)
			}
		}
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

func sameBytes(path string, data []byte) bool {
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

// reuse moves the previous output, when it is one, into the emitter's
// root and lists its files. Anything in it but folders and regular files
// is deleted first, so no write can follow a link out of it. Whatever
// goes wrong, the emitter is left with an empty root.
func (d *dirEmitter) reuse(previous string) {
	fi, err := os.Lstat(previous)
	if err != nil || !fi.IsDir() {
		return
	}
	if m, err := os.Lstat(filepath.Join(previous, markerFile)); err != nil || !m.Mode().IsRegular() {
		return
	}
	if os.Remove(d.root) != nil {
		return
	}
	if err := os.Rename(previous, d.root); err != nil {
		_ = os.Mkdir(d.root, 0o700)
		return
	}
	d.stale = map[site.OutPath]int64{}
	err = filepath.WalkDir(d.root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(d.root, path)
		switch {
		case e.IsDir():
			d.dirs[path] = true
		case e.Type().IsRegular():
			if info, err := e.Info(); err == nil {
				d.stale[site.OutPath(filepath.ToSlash(rel))] = info.Size()
			}
		default:
			return os.Remove(path)
		}
		return nil
	})
	if err != nil {
		_ = os.RemoveAll(d.root)
		_ = os.Mkdir(d.root, 0o700)
		d.stale, d.dirs = nil, map[string]bool{}
	}
}

// dropStale deletes the files of the previous output that this build did
// not make, then the folders they leave empty.
func (d *dirEmitter) dropStale() error {
	emptied := map[string]bool{}
	for p := range d.stale {
		full := filepath.Join(d.root, filepath.FromSlash(string(p)))
		if fi, err := os.Lstat(full); err != nil || fi.IsDir() {
			continue // gone, or a folder of this build now
		}
		if err := os.Remove(full); err != nil {
			return err // a stale page must not be published
		}
		for dir := filepath.Dir(full); dir != d.root && !emptied[dir]; dir = filepath.Dir(dir) {
			emptied[dir] = true
		}
	}
	dirs := make([]string, 0, len(emptied))
	for dir := range emptied {
		dirs = append(dirs, dir)
	}
	sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) }) // children first
	for _, dir := range dirs {
		if fi, err := os.Lstat(dir); err == nil && fi.IsDir() {
			_ = os.Remove(dir) // fails, as it should, unless empty
		}
	}
	return nil
}

// park keeps the folder of a failed build as the previous output, for
// the next build to reuse; it holds nothing anyone reads.
func (d *dirEmitter) park(previous string) {
	if _, err := os.Lstat(previous); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	if os.WriteFile(filepath.Join(d.root, markerFile), []byte("built by vaultsite; this folder is reused by the next build\n"), 0o644) == nil {
		_ = os.Rename(d.root, previous)
	}
}

var errUnsafeOut = errors.New("unsafe output folder")

// overlaps reports whether dir and the vault are one or hold each other.
func overlaps(dir, vaultDir string) bool {
	if vaultDir == "" {
		return false
	}
	absVault, err := filepath.Abs(vaultDir)
	return err != nil || within(dir, absVault) || within(absVault, dir)
}

func checkOutDir(absOut, vaultDir string) error {
	if overlaps(absOut, vaultDir) {
		absVault, _ := filepath.Abs(vaultDir)
		return fmt.Errorf("%w: %s and the vault %s overlap; choose an output folder outside the vault", errUnsafeOut, absOut, absVault)
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
