package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/vaultsite/vaultsite/site"
)

// errNoExchange says the file system cannot swap two folders in one step.
var errNoExchange = errors.New("no atomic exchange")

// swapIn puts the finished folder of d at the target with the given
// mode, carrying over the kept entries of the folder it replaces. It
// lists them in d's marker before moving any, so that a build killed
// while they are in d's folder leaves a record of them (recover.go).
// When it fails, the target holds what it held before and d's folder is
// deleted, unless a kept entry could not be put back: then the folder
// stays, for the next build to put it back.
func (t *target) swapIn(d *Dir, mode fs.FileMode) error {
	kept, err := t.keep.keptIn(t.path)
	if err == nil {
		err = writeMarker(d.root, kept)
	}
	if err != nil {
		_ = os.RemoveAll(d.root)
		return err
	}
	if moved, err := moveEntries(t.path, d.root, kept); err != nil {
		return t.putBack(d.root, moved, err)
	}
	t.crashPoint("kept moved")
	// Only now: a mode without write permission would have kept the
	// entries from moving in.
	if err := os.Chmod(d.root, mode); err != nil {
		return t.putBack(d.root, kept, err)
	}
	old, err := t.replace(d.root)
	if err != nil {
		return t.putBack(d.root, kept, err)
	}
	t.crashPoint("replaced")
	return t.retire(old, d.made)
}

// putBack returns the kept entries moved into dir to the target after a
// failed swap, deletes dir, and returns the error that made it fail.
func (t *target) putBack(dir string, moved []string, cause error) error {
	if _, err := moveEntries(dir, t.path, moved); err != nil {
		return fmt.Errorf("%w; putting kept entries back failed too, the next build will: %w", cause, err)
	}
	_ = os.RemoveAll(dir)
	return fmt.Errorf("replace %s: %w", t.path, cause)
}

// replace puts the folder dir at the target and returns where the folder
// it replaced went ("" when there was none). Where the file system can,
// the two folders are exchanged in one step; elsewhere the old one is
// renamed aside first, and for a moment there is no output (recover.go
// puts it back if the build is killed then).
func (t *target) replace(dir string) (old string, err error) {
	if _, err := os.Lstat(t.path); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(dir, t.path)
	}
	err = errNoExchange
	if !t.opts.noExchange {
		err = exchange(dir, t.path)
	}
	if err == nil {
		return dir, nil
	}
	if !errors.Is(err, errNoExchange) {
		return "", err
	}
	old = dir + ".old"
	if err := os.Rename(t.path, old); err != nil {
		return "", err
	}
	t.crashPoint("renamed aside")
	if err := os.Rename(dir, t.path); err != nil {
		_ = os.Rename(old, t.path)
		return "", err
	}
	return old, nil
}

// retire disposes of the folder a swap replaced. vaultsite's own becomes
// the previous output when it holds no file the new one does not: a page
// or attachment that is gone may be a note just unpublished, and must
// not stay on disk beside the site. Else it is deleted. A folder the
// user made is empty by now, as everything in it was kept, unless files
// were added during the build: then it is left where it is, and said.
func (t *target) retire(old string, made map[site.OutPath]bool) error {
	if old == "" {
		return nil
	}
	if ok, _ := readMarker(old); !ok {
		if err := os.Remove(old); err != nil {
			return fmt.Errorf("the site is built, but %s held files added during the build: they are in %s", t.path, old)
		}
		return nil
	}
	if _, err := os.Lstat(t.previous()); errors.Is(err, fs.ErrNotExist) && holdsOnly(old, made) && os.Rename(old, t.previous()) == nil {
		return nil
	}
	return os.RemoveAll(old)
}
