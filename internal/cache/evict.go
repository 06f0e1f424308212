package cache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The store keeps a running total of its size in sizeFile, so a build
// that wrote a few entries does not walk a hundred thousand files to
// learn that the bound still holds. The total is an estimate (two builds
// closing at once may each miss the other's entries, and an overwritten
// entry counts twice), so the store walks its entries, and corrects the
// total, whenever the estimate passes the bound, when the file is
// missing or unreadable, and every rescanEvery closes that wrote.
const (
	sizeFile    = "size"
	rescanEvery = 32
	// lowWater is the fraction of the bound a trim leaves, so that the
	// next builds do not trim again at once.
	lowWater = 0.9
	// staleTemp is how old a temporary file must be to be a killed
	// build's rather than one being written.
	staleTemp = time.Hour
)

// Close keeps the bound: when this store wrote entries and the cache is
// over its bound, it removes the least recently used entries. A nil
// Store, or one that wrote nothing, does nothing.
func (s *Store) Close() error {
	if s == nil || s.written.Load() == 0 {
		return nil
	}
	total, closes, ok := readSize(s.dir)
	total += s.written.Load()
	closes++
	if !ok || total > s.max || closes%rescanEvery == 0 {
		var err error
		if total, err = s.trim(); err != nil {
			return fmt.Errorf("cache: %w", err)
		}
	}
	return writeSize(s.dir, total, closes)
}

// entryFile is one entry as a scan sees it.
type entryFile struct {
	path string
	size int64
	mod  time.Time
}

// trim walks the entries, removes stale temporary files and, when the
// entries hold more than the bound, the least recently used ones down to
// the low-water mark. It returns the size left.
func (s *Store) trim() (int64, error) {
	files, total, err := scan(s.dir)
	if err != nil {
		return 0, err
	}
	if total <= s.max {
		return total, nil
	}
	slices.SortFunc(files, func(a, b entryFile) int { return a.mod.Compare(b.mod) })
	keep := int64(float64(s.max) * lowWater)
	for _, f := range files {
		if total <= keep {
			break
		}
		if err := os.Remove(f.path); err == nil || errors.Is(err, fs.ErrNotExist) {
			total -= f.size
			s.evicted.Add(1)
		}
	}
	return total, nil
}

// scan lists the entries under dir with their total size, removing the
// temporary files that killed builds left.
func scan(dir string) ([]entryFile, int64, error) {
	var files []entryFile
	var total int64
	root := filepath.Join(dir, entriesDir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed by another build meanwhile
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), tempPrefix) {
			if time.Since(fi.ModTime()) > staleTemp {
				_ = os.Remove(p)
			}
			return nil
		}
		files = append(files, entryFile{path: p, size: fi.Size(), mod: fi.ModTime()})
		total += fi.Size()
		return nil
	})
	return files, total, err
}

// readSize reads the running total and the count of closes that wrote.
func readSize(dir string) (total, closes int64, ok bool) {
	b, err := os.ReadFile(filepath.Join(dir, sizeFile))
	if err != nil {
		return 0, 0, false
	}
	f := strings.Fields(string(b))
	if len(f) != 2 {
		return 0, 0, false
	}
	t, err1 := strconv.ParseInt(f[0], 10, 64)
	c, err2 := strconv.ParseInt(f[1], 10, 64)
	if err1 != nil || err2 != nil || t < 0 || c < 0 {
		return 0, 0, false
	}
	return t, c, true
}

// writeSize replaces the size file atomically, as entries are written.
func writeSize(dir string, total, closes int64) error {
	f, err := os.CreateTemp(dir, tempPrefix+"size-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	_, err = fmt.Fprintf(f, "%d %d\n", total, closes)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, sizeFile))
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// Usage is what a cache directory holds.
type Usage struct {
	Entries int
	Bytes   int64
}

// Measure walks the cache in dir; a directory that does not exist holds
// nothing.
func Measure(dir string) (Usage, error) {
	files, total, err := scan(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Usage{}, fmt.Errorf("cache: %w", err)
	}
	return Usage{Entries: len(files), Bytes: total}, nil
}

// Clean removes every entry of the cache in dir, and nothing else: a
// directory without the cache's tag file is refused, so a mistyped
// --cache-dir cannot empty a folder of other files. A directory that
// does not exist is already clean.
func Clean(dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, tagFile)); err != nil {
		return fmt.Errorf("cache: %s is not a vaultsite cache (it has no %s); not cleaning it", dir, tagFile)
	}
	if err := os.RemoveAll(filepath.Join(dir, entriesDir)); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if err := os.Remove(filepath.Join(dir, sizeFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}
