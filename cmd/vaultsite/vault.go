package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// fsRoot is the vault as the build reads it.
type fsRoot = fs.FS

func absBase(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.Base(abs), nil
}

// liveRoot is the vault as serve reads it: an os.Root, as for the other
// commands (no path or symlink leads outside the vault), that Reopen opens
// again on the same path. An os.Root holds the folder itself, so after
// the folder was deleted and created again it would still read the
// deleted one.
type liveRoot struct {
	dir  string
	mu   sync.RWMutex
	root *os.Root
}

var (
	_ fs.ReadFileFS = (*liveRoot)(nil)
	_ fs.ReadDirFS  = (*liveRoot)(nil)
	_ fs.StatFS     = (*liveRoot)(nil)
	_ fs.ReadLinkFS = (*liveRoot)(nil)
)

// openLiveVault checks dir as openVault does and opens it as a liveRoot.
func openLiveVault(dir string) (*liveRoot, error) {
	if err := checkVault(dir); err != nil {
		return nil, err
	}
	l := &liveRoot{dir: dir}
	return l, l.Reopen()
}

// Reopen opens the folder at the vault's path, and reads from it from
// now on; it keeps the folder it has when that is still the one at the
// path, and fails when there is none.
func (l *liveRoot) Reopen() error {
	st, err := os.Stat(l.dir)
	if err != nil {
		return fmt.Errorf("vault: %w", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.root != nil {
		if cur, err := l.root.Stat("."); err == nil && os.SameFile(cur, st) {
			return nil
		}
	}
	root, err := os.OpenRoot(l.dir)
	if err != nil {
		return fmt.Errorf("vault: %w", err)
	}
	if l.root != nil {
		l.root.Close()
	}
	l.root = root
	return nil
}

func (l *liveRoot) fsys() fs.FS {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.root.FS()
}

func (l *liveRoot) Open(name string) (fs.File, error)          { return l.fsys().Open(name) }
func (l *liveRoot) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(l.fsys(), name) }
func (l *liveRoot) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(l.fsys(), name) }
func (l *liveRoot) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(l.fsys(), name) }
func (l *liveRoot) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(l.fsys(), name) }
func (l *liveRoot) ReadLink(name string) (string, error)       { return fs.ReadLink(l.fsys(), name) }
