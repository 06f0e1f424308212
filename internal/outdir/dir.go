package outdir

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/site"
)

// Dir writes the files of a build into the folder that will be swapped
// in. When it took over the previous output, stale holds the files that
// output had, by path, and a file whose bytes are already there is not
// written again.
type Dir struct {
	root  string
	keep  keeper
	mu    sync.Mutex
	dirs  map[string]bool // folders known to exist
	stale map[site.OutPath]int64
	made  map[site.OutPath]bool // every file emitted
}

func newDir(root string, keep keeper) *Dir {
	return &Dir{root: root, keep: keep, dirs: map[string]bool{}, made: map[site.OutPath]bool{}}
}

// Emit writes data as the file p. It may be called concurrently for
// distinct paths, and does not keep data. It refuses a path whose first
// element is kept at the output root: that name is the user's.
func (d *Dir) Emit(p site.OutPath, data []byte) error {
	full, had, size, err := d.claim(p)
	if err != nil {
		return err
	}
	if had && size == int64(len(data)) && sameBytes(full, data) {
		return nil
	}
	if err := d.mkdirs(filepath.Dir(full)); err != nil {
		return fmt.Errorf("emit %s: %w", p, err)
	}
	err = writeFile(full, data, had)
	if err != nil && d.stale != nil {
		// The previous output may hold a folder where this file goes.
		if os.RemoveAll(full) == nil {
			err = writeFile(full, data, false)
		}
	}
	if err != nil {
		return fmt.Errorf("emit %s: %w", p, err)
	}
	return nil
}

// claim checks that p may be written and records it as made. It returns
// the file's path and whether the previous output has that file, of
// what size.
func (d *Dir) claim(p site.OutPath) (full string, had bool, size int64, err error) {
	if !p.Valid() {
		return "", false, 0, fmt.Errorf("emit %q: not a clean relative path", p)
	}
	if first, _, _ := strings.Cut(string(p), "/"); d.keep.kept(first) || strings.HasPrefix(first, reservedPrefix) {
		return "", false, 0, fmt.Errorf("emit %s: %q at the output root is kept from the folder a build replaces; the site cannot use that name", p, first)
	}
	d.mu.Lock()
	size, had = d.stale[p]
	delete(d.stale, p)
	d.made[p] = true
	d.mu.Unlock()
	return filepath.Join(d.root, filepath.FromSlash(string(p))), had, size, nil
}

// writeFile writes data as the file at path. A file an earlier build
// made (had) is rewritten in place, which keeps its inode: most of a
// rebuilt site is such files, and a new inode for each costs more than
// the rest of writing (README, Speed). But a file with another name too
// is written anew and renamed over the old one, so that a hard-linked
// copy of the output ("cp -al") keeps its bytes.
func writeFile(path string, data []byte, had bool) error {
	if !had {
		return os.WriteFile(path, data, 0o644)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err == nil && linkCount(fi) > 1 {
		f.Close()
		return replaceFile(path, bytes.NewReader(data), fi.Mode().Perm())
	}
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Truncate(int64(len(data)))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// replaceFile writes what r yields to a new file beside path and renames
// it over path, with the mode perm.
func replaceFile(path string, r io.Reader, perm fs.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), reservedPrefix+"new-*")
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	if err == nil {
		err = f.Chmod(perm)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// mkdirs makes the folder dir and those above it, remembering each, so
// that a page's own folder, under a folder made for an earlier page, costs
// one mkdir instead of MkdirAll's two stats and a mkdir: a build makes a
// folder for nearly every page.
func (d *Dir) mkdirs(dir string) error {
	parent := filepath.Dir(dir)
	d.mu.Lock()
	made, under := d.dirs[dir], d.dirs[parent] || parent == d.root
	d.mu.Unlock()
	if made {
		return nil
	}
	if under {
		if err := os.Mkdir(dir, 0o755); err == nil || isDir(dir) {
			d.mu.Lock()
			d.dirs[dir] = true
			d.mu.Unlock()
			return nil
		}
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
	for p := dir; p != d.root && strings.HasPrefix(p, d.root); p = filepath.Dir(p) {
		d.dirs[p] = true
	}
	d.mu.Unlock()
	return nil
}

// isDir reports whether path is a folder (not a link to one).
func isDir(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.IsDir()
}

func sameBytes(path string, data []byte) bool {
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

// dropStale deletes the files of the previous output that this build did
// not make, then the folders they leave empty.
func (d *Dir) dropStale() error {
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
