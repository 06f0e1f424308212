package outdir

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/vaultsite/vaultsite/site"
)

// copyChunk is how much of a copied file is compared at a time; a
// changed file is rewritten from the start of the first chunk that
// differs.
const copyChunk = 32 << 10

// Copy writes what src yields as the file p, as Emit does, without
// holding it whole: an attachment may be larger than a build should keep
// in memory. When the previous output has the file, the two are read
// side by side and only what differs is written; an unchanged file is
// read, never written. Copy may be called concurrently for distinct
// paths; it does not close src.
func (d *Dir) Copy(p site.OutPath, src io.Reader) error {
	full, had, _, err := d.claim(p)
	if err != nil {
		return err
	}
	if err := d.mkdirs(filepath.Dir(full)); err != nil {
		return fmt.Errorf("emit %s: %w", p, err)
	}
	if had {
		err = rewriteFrom(full, src)
	} else {
		err = d.create(full, src)
	}
	if err != nil {
		return fmt.Errorf("emit %s: %w", p, err)
	}
	return nil
}

// create writes what src yields as a new file at path.
func (d *Dir) create(path string, src io.Reader) error {
	const flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil && d.stale != nil && os.RemoveAll(path) == nil {
		// The previous output may hold a folder where this file goes.
		f, err = os.OpenFile(path, flags, 0o644)
	}
	if err != nil {
		return err
	}
	_, err = io.Copy(f, src)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// rewriteFrom makes the file at path, which an earlier build made, hold
// what src yields, writing from the first chunk that differs. A file
// with another name too (a hard-linked snapshot) is never written
// through: its alike start and the rest of src go to a new file that is
// renamed over it.
func rewriteFrom(path string, src io.Reader) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	off, pending, err := samePrefix(f, src)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err != nil || (pending == nil && off == fi.Size()) {
		return err // or the same bytes
	}
	rest := io.MultiReader(bytes.NewReader(pending), src)
	if linkCount(fi) > 1 {
		return replaceFile(path, io.MultiReader(io.NewSectionReader(f, 0, off), rest), fi.Mode().Perm())
	}
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return err
	}
	n, err := io.Copy(f, rest)
	if err == nil {
		err = f.Truncate(off + n)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// samePrefix reads src and the file f side by side, a chunk at a time,
// until a chunk differs or src ends. It returns how many bytes from the
// start are alike, and the differing chunk of src (nil when src ended).
func samePrefix(f *os.File, src io.Reader) (off int64, pending []byte, err error) {
	a, b := make([]byte, copyChunk), make([]byte, copyChunk)
	for {
		n, rerr := io.ReadFull(src, a)
		if rerr != nil && rerr != io.EOF && rerr != io.ErrUnexpectedEOF {
			return 0, nil, rerr
		}
		if n == 0 {
			return off, nil, nil
		}
		if m, _ := io.ReadFull(f, b[:n]); m < n || !bytes.Equal(a[:n], b[:n]) {
			return off, a[:n], nil
		}
		off += int64(n)
		if rerr != nil {
			return off, nil, nil
		}
	}
}
