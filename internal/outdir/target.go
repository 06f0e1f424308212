package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrUnsafe is wrapped by every refusal to write an output folder.
var ErrUnsafe = errors.New("unsafe output folder")

// target is the output folder a build replaces, with every symlink on
// its path followed: a symlinked output stays a link, and the folder it
// points to is the one replaced.
type target struct {
	path   string // the folder, resolved; it may not exist yet
	parent string // where the new folder is made, beside path
	name   string // the base of path, which names the folders beside it
	keep   keeper
	opts   Options
}

// newTarget resolves out and refuses it when it overlaps vault (both
// resolved, so neither a symlinked vault nor a symlinked output hides
// an overlap) or is a symlink to nothing.
func newTarget(out string, opts Options) (*target, error) {
	path, err := resolve(out)
	if err != nil {
		return nil, fmt.Errorf("output %s: %w", out, err)
	}
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		dest, _ := os.Readlink(path)
		return nil, fmt.Errorf("%w: %s is a symlink to %s, which does not exist", ErrUnsafe, out, dest)
	}
	t := &target{path: path, parent: filepath.Dir(path), name: filepath.Base(path), keep: newKeeper(opts.Keep), opts: opts}
	if t.parent == path {
		return nil, fmt.Errorf("%w: %s is a file system root", ErrUnsafe, out)
	}
	if opts.Vault == "" {
		return t, nil
	}
	vault, err := resolve(opts.Vault)
	if err != nil {
		return nil, fmt.Errorf("vault %s: %w", opts.Vault, err)
	}
	for _, dir := range []string{path, t.previous()} {
		if overlaps(dir, vault) {
			return nil, fmt.Errorf("%w: %s and the vault %s overlap; choose an output folder outside the vault",
				ErrUnsafe, shown(out, path), shown(opts.Vault, vault))
		}
	}
	return t, nil
}

// shown is a path as given, followed by where it leads when a symlink
// makes that another place.
func shown(given, resolved string) string {
	if abs, err := filepath.Abs(given); err == nil && abs == resolved {
		return given
	}
	return given + " (" + resolved + ")"
}

// previous is where the output a build replaced waits for the next.
func (t *target) previous() string {
	return filepath.Join(t.parent, "."+t.name+".previous")
}

// crashPoint lets a test stop a swap at point, as a kill would.
func (t *target) crashPoint(point string) {
	if t.opts.crash != nil {
		t.opts.crash(point)
	}
}

// tempPrefix starts the name of every folder a build makes beside the
// output; recover.go recognises them by it.
func (t *target) tempPrefix() string { return "." + t.name + ".new-" }

// resolve makes p absolute and follows every symlink on it. The last
// elements of p may not exist yet: the longest prefix that exists is
// resolved and the rest joined to it.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; {
		r, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		parent := filepath.Dir(dir)
		if !errors.Is(err, fs.ErrNotExist) || parent == dir {
			return "", err
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
		dir = parent
	}
}

// overlaps reports whether the resolved folders a and b are one or hold
// each other. Besides comparing paths it compares the folders on the way
// up by identity, which catches what paths miss: a bind mount, or a case
// that differs on a file system that ignores case.
func overlaps(a, b string) bool {
	return within(a, b) || within(b, a) || ancestorIs(a, b) || ancestorIs(b, a)
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// ancestorIs reports whether path, or a folder above it, is the folder
// dir. Parts of path that do not exist are skipped.
func ancestorIs(path, dir string) bool {
	want, err := os.Stat(dir)
	if err != nil {
		return false
	}
	for p := path; ; p = filepath.Dir(p) {
		if fi, err := os.Stat(p); err == nil && os.SameFile(fi, want) {
			return true
		}
		if filepath.Dir(p) == p {
			return false
		}
	}
}

// check refuses an output folder that vaultsite may not replace: a file,
// a mount point, and a folder that holds anything but kept entries and
// was not made by vaultsite. It returns the folder's mode, which the new
// folder takes (0755 for an output that does not exist yet).
func (t *target) check() (fs.FileMode, error) {
	fi, err := os.Lstat(t.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0o755, nil
	case err != nil:
		return 0, err
	case !fi.IsDir():
		return 0, fmt.Errorf("%w: %s is a file, not a folder", ErrUnsafe, t.path)
	}
	if pfi, err := os.Stat(t.parent); err == nil && !sameDevice(fi, pfi) {
		return 0, fmt.Errorf("%w: %s is a mount point, which a build cannot replace; build into a folder inside it", ErrUnsafe, t.path)
	}
	mode := fi.Mode() & (fs.ModePerm | fs.ModeSetgid | fs.ModeSticky)
	if m, err := os.Lstat(filepath.Join(t.path, markerName)); err == nil && m.Mode().IsRegular() {
		return mode, nil
	}
	entries, err := os.ReadDir(t.path)
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		if !t.keep.kept(e.Name()) {
			return 0, fmt.Errorf("%w: %s holds %s and was not made by vaultsite; refusing to replace it "+
				"(a folder vaultsite takes over may hold only dot-entries and names the keep setting lists)", ErrUnsafe, t.path, e.Name())
		}
	}
	return mode, nil
}
