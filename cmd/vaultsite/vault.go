package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/vaultsite/vaultsite/config"
)

// fsRoot is the vault as the build reads it.
type fsRoot = fs.FS

// defaultVault is the study vault bundled with the repository, so a bare
// "vaultsite build" in a checkout works.
const defaultVault = "vault"

// vaultChoice is the vault a command works on and how it was found.
type vaultChoice struct {
	dir string
	// here is true when no argument was given and the current folder is
	// the vault: then the default output folder would be inside it.
	here bool
}

// errNoVault explains what a command without VAULT looked for.
var errNoVault = errors.New("no vault here: the current folder has no .obsidian/ or " + config.FileName +
	" and there is no ./" + defaultVault + "/; run inside a vault or name one: vaultsite build PATH/TO/VAULT")

// findVault picks the vault of a command: the argument when given; else
// the current folder when it is a vault (Obsidian made .obsidian/ in it,
// or it has vaultsite's settings file); else ./vault, the repository's
// bundled example; else errNoVault, a usage error.
func findVault(args []string) (vaultChoice, error) {
	if len(args) > 0 {
		return vaultChoice{dir: args[0]}, nil
	}
	if isVault(".") {
		return vaultChoice{dir: ".", here: true}, nil
	}
	if st, err := os.Stat(defaultVault); err == nil && st.IsDir() {
		return vaultChoice{dir: defaultVault}, nil
	}
	return vaultChoice{}, usageError{errNoVault}
}

// isVault reports whether dir looks like a vault of its own.
func isVault(dir string) bool {
	if st, err := os.Stat(filepath.Join(dir, ".obsidian")); err == nil && st.IsDir() {
		return true
	}
	st, err := os.Stat(filepath.Join(dir, config.FileName))
	return err == nil && st.Mode().IsRegular()
}

func absBase(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.Base(abs), nil
}

// defaultOutHere is the error of a build run inside its vault without -o:
// the default ./public would be inside the vault, which a build never
// writes into; the author names a folder outside it.
func defaultOutHere(out string) error {
	return usageError{fmt.Errorf("the current folder is the vault, so the default output ./%s would be inside it; name a folder outside the vault: vaultsite build -o ../site", out)}
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
