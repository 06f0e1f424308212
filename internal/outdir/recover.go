package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// recoverStale clears away the folders that killed builds left beside
// the output, first putting back whatever of the user's they hold:
//   - ".NAME.new-N.old" is an output renamed aside by a swap without
//     atomic exchange; if the build died before the new folder took its
//     place, it is the output again, else it is deleted.
//   - ".NAME.new-N" is a folder a build was writing, or, after an atomic
//     exchange, the output it replaced. The kept entries its marker lists
//     go back to the output, then it is deleted.
//
// A folder that another running build holds locked is left alone, and so
// is one with neither marker nor emptiness to say it is vaultsite's.
func (t *target) recoverStale() error {
	temps, olds, err := t.leftovers()
	if err != nil {
		return err
	}
	for _, old := range olds {
		if _, err := os.Lstat(t.path); os.IsNotExist(err) {
			if err := os.Rename(old, t.path); err != nil {
				return fmt.Errorf("restore %s from %s: %w", t.path, old, err)
			}
		} else if ours(old) {
			_ = os.RemoveAll(old)
		}
	}
	for _, tmp := range temps {
		if lockedByOther(tmp) {
			continue
		}
		if err := t.carryBack(tmp); err != nil {
			return err
		}
		if ours(tmp) {
			_ = os.RemoveAll(tmp)
		}
	}
	return nil
}

// leftovers lists the folders beside the output named as a build names
// its own: a prefix, then the digits os.MkdirTemp adds.
func (t *target) leftovers() (temps, olds []string, err error) {
	entries, err := os.ReadDir(t.parent)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), t.tempPrefix())
		if !ok || !e.IsDir() {
			continue
		}
		digits, isOld := strings.CutSuffix(rest, ".old")
		if digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		if full := filepath.Join(t.parent, e.Name()); isOld {
			olds = append(olds, full)
		} else {
			temps = append(temps, full)
		}
	}
	return temps, olds, nil
}

// carryBack moves the kept entries that the marker of tmp lists, and
// that are still in it, back into the output.
func (t *target) carryBack(tmp string) error {
	_, listed := readMarker(tmp)
	var names []string
	for _, name := range listed {
		if _, err := os.Lstat(filepath.Join(tmp, name)); err == nil {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	if err := os.MkdirAll(t.path, 0o755); err != nil {
		return err
	}
	if _, err := moveEntries(tmp, t.path, names); err != nil {
		return fmt.Errorf("recover what a killed build left in %s: %w; move it by hand", tmp, err)
	}
	return nil
}

// ours reports whether dir carries vaultsite's marker or is empty.
func ours(dir string) bool {
	if ok, _ := readMarker(dir); ok {
		return true
	}
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) == 0
}
