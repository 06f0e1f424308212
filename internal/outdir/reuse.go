package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/vaultsite/vaultsite/site"
)

// reuse moves the previous output, when it is one, into the Dir's root
// and lists its files. Anything in it but folders and regular files is
// deleted first, so no write can follow a link out of it. Whatever goes
// wrong, the Dir is left with an empty root, marked as vaultsite's.
func (d *Dir) reuse(previous string) error {
	fi, err := os.Lstat(previous)
	if err != nil || !fi.IsDir() {
		return nil
	}
	if ok, _ := readMarker(previous); !ok {
		return nil
	}
	if os.RemoveAll(d.root) != nil { // a fresh folder, holding only its marker
		return d.restart()
	}
	if err := os.Rename(previous, d.root); err != nil {
		return d.restart()
	}
	// The marker may list what a swap carried over when this folder was
	// the output; nothing is being carried now.
	if err := writeMarker(d.root, nil); err != nil {
		return d.restart()
	}
	if err := d.list(); err != nil {
		return d.restart()
	}
	return nil
}

// list records the folders and files below the Dir's root, and deletes
// anything else.
func (d *Dir) list() error {
	d.stale = map[site.OutPath]int64{}
	return filepath.WalkDir(d.root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(d.root, path)
		switch {
		case e.IsDir():
			d.dirs[path] = true
		case rel == markerName:
		case e.Type().IsRegular():
			if info, err := e.Info(); err == nil {
				d.stale[site.OutPath(filepath.ToSlash(rel))] = info.Size()
			}
		default:
			return os.Remove(path)
		}
		return nil
	})
}

// restart empties the Dir's root after a failed reuse.
func (d *Dir) restart() error {
	d.stale, d.dirs = nil, map[string]bool{}
	_ = os.RemoveAll(d.root)
	if err := os.Mkdir(d.root, 0o700); err != nil {
		return err
	}
	return writeMarker(d.root, nil)
}

// park keeps the folder of a failed build as the previous output, for
// the next build to reuse; it holds nothing anyone reads.
func (d *Dir) park(previous string) {
	if _, err := os.Lstat(previous); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	_ = os.Rename(d.root, previous)
}

// holdsOnly reports whether every file below dir but the marker is one
// of made.
func holdsOnly(dir string, made map[site.OutPath]bool) bool {
	extra := false
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || path == filepath.Join(dir, markerName) {
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
