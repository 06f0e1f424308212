package outdir

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// markerName marks a folder as vaultsite's output, so a later build may
// replace it. It also lists the entries a swap is carrying over from the
// folder it replaces, so that a build killed halfway can put them back.
const markerName = ".vaultsite-output"

// reservedPrefix starts the names of vaultsite's own files in the output
// (the marker, files being replaced); they are never kept.
const reservedPrefix = ".vaultsite-"

const markerText = "built by vaultsite; this folder is replaced on every build\n"

// keeper tells the entries at the output root that belong to the user.
type keeper struct{ patterns []string }

func newKeeper(patterns []string) keeper { return keeper{patterns: patterns} }

// kept reports whether the root entry name is the user's: a dot-entry
// (".git", ".nojekyll", ".well-known": a vault's hidden files are never
// published, so the site never makes one) or a name that matches one of
// the patterns. vaultsite's own files are not.
func (k keeper) kept(name string) bool {
	if strings.HasPrefix(name, reservedPrefix) {
		return false
	}
	if strings.HasPrefix(name, ".") {
		return true
	}
	for _, p := range k.patterns {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
}

// ValidKeep returns an error for a keep pattern that path.Match rejects or
// that names more than one level.
func ValidKeep(pattern string) error {
	if strings.Contains(pattern, "/") || pattern == "" {
		return fmt.Errorf("%q: not a name at the output root", pattern)
	}
	if _, err := path.Match(pattern, ""); err != nil {
		return fmt.Errorf("%q: %w", pattern, err)
	}
	return nil
}

// keptIn lists the kept entries at the root of dir, which may not exist.
func (k keeper) keptIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	var names []string
	for _, e := range entries {
		if k.kept(e.Name()) {
			names = append(names, e.Name())
		}
	}
	return names, err
}

// writeMarker writes the marker of dir, listing kept, by writing a new
// file and renaming it: a build killed meanwhile leaves the old marker
// or the new one, never half of one.
func writeMarker(dir string, kept []string) error {
	var b strings.Builder
	b.WriteString(markerText)
	for _, name := range kept {
		b.WriteString("kept " + strconv.Quote(name) + "\n")
	}
	tmp := filepath.Join(dir, reservedPrefix+"marker")
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, markerName))
}

// readMarker reports whether dir has a marker, and the entries it lists.
func readMarker(dir string) (ok bool, kept []string) {
	data, err := os.ReadFile(filepath.Join(dir, markerName))
	if err != nil {
		return false, nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if q, found := strings.CutPrefix(sc.Text(), "kept "); found {
			if name, err := strconv.Unquote(q); err == nil && filepath.Base(name) == name && name != "." && name != ".." {
				kept = append(kept, name)
			}
		}
	}
	return true, kept
}

// moveEntries renames each of names from the folder from into the folder
// to. It stops at the first failure and returns the names it moved.
func moveEntries(from, to string, names []string) ([]string, error) {
	for i, name := range names {
		dst := filepath.Join(to, name)
		if _, err := os.Lstat(dst); err == nil {
			return names[:i], fmt.Errorf("keep %s: %s exists", filepath.Join(from, name), dst)
		}
		if err := os.Rename(filepath.Join(from, name), dst); err != nil {
			return names[:i], fmt.Errorf("keep %s: %w", name, err)
		}
	}
	return names, nil
}
