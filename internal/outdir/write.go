package outdir

import (
	"errors"
	"fmt"
	"os"
)

// Options says what a build must not touch.
type Options struct {
	// Vault is the folder being published. The output may not be it, lie
	// inside it or hold it. Empty: no such check.
	Vault string
	// Keep lists names, or path.Match patterns, of entries at the output
	// root that every build keeps, besides the dot-entries it always
	// keeps. ValidKeep tells a usable pattern.
	Keep []string

	// Tests only: crash is called at each point of a swap where a killed
	// build leaves a different state; noExchange makes swaps take the
	// two renames of a file system without atomic exchange.
	crash      func(point string)
	noExchange bool
}

var errLocked = errors.New("another build is writing this output folder")

// Write builds a site into a new folder beside out by calling write,
// then swaps that folder in for out. out may not exist yet; a symlink
// stays a link and the folder it points to is replaced. When write or
// anything before or in the swap fails, out is left as it was and the
// error returned. ErrUnsafe is wrapped when out may not be written at
// all.
func Write(out string, opts Options, write func(*Dir) error) error {
	t, err := newTarget(out, opts)
	if err != nil {
		return err
	}
	for _, p := range opts.Keep {
		if err := ValidKeep(p); err != nil {
			return fmt.Errorf("keep: %w", err)
		}
	}
	if err := os.MkdirAll(t.parent, 0o755); err != nil {
		return err
	}
	if err := t.recoverStale(); err != nil {
		return err
	}
	mode, err := t.check()
	if err != nil {
		return err
	}
	d, lock, err := t.newDir()
	if err != nil {
		return err
	}
	defer lock.Close()
	err = write(d)
	if err == nil {
		err = d.dropStale()
	}
	if err != nil {
		d.park(t.previous())
		_ = os.RemoveAll(d.root) // a no-op once parked
		return err
	}
	return t.swapIn(d, mode)
}

// newDir makes the folder a build writes into, marked as vaultsite's from
// the start so that a build killed at any point leaves a folder the next
// one knows to clear away. It takes over the previous output when there
// is one, and holds the folder locked while the build runs.
func (t *target) newDir() (*Dir, *os.File, error) {
	root, err := os.MkdirTemp(t.parent, t.tempPrefix())
	if err != nil {
		return nil, nil, err
	}
	d := newDir(root, t.keep)
	if err := writeMarker(root, nil); err != nil {
		os.RemoveAll(root)
		return nil, nil, err
	}
	if err := d.reuse(t.previous()); err != nil {
		os.RemoveAll(root)
		return nil, nil, err
	}
	lock, err := lockDir(root)
	if err != nil {
		os.RemoveAll(root)
		return nil, nil, err
	}
	return d, lock, nil
}
