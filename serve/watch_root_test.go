package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// watchRoot starts a Watcher on dir and returns its batches and the
// problems it reported.
func watchRoot(t *testing.T, dir string) (<-chan []string, func() []string) {
	t.Helper()
	w, err := NewWatcher(dir, testDebounce)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var reports []string
	w.OnError = func(err error) { mu.Lock(); reports = append(reports, err.Error()); mu.Unlock() }
	batches := runWatcher(t, w)
	return batches, func() []string { mu.Lock(); defer mu.Unlock(); return slices.Clone(reports) }
}

// TestWatchVaultDeletedAndCreatedAgain deletes the vault folder and
// creates it again: the Watcher hands over "anything" for each, and
// watches the new folder, where a save is a batch again. Batches of the
// files being removed or created may come first: on a loaded machine the
// debounce can end between the files' events and the folder's.
func TestWatchVaultDeletedAndCreatedAgain(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "vault")
	writeFile(t, filepath.Join(dir, "sub/a.md"), "one")
	batches, reports := watchRoot(t, dir)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	untilAnything(t, "the vault was deleted", batches, "sub", "sub/a.md")
	writeFile(t, filepath.Join(dir, "sub/b.md"), "two")
	untilAnything(t, "the vault came back", batches, "sub", "sub/b.md")
	writeFile(t, filepath.Join(dir, "sub/b.md"), "three")
	for {
		b := nextBatch(t, batches)
		if slices.Equal(b, []string{"sub/b.md"}) {
			break
		}
		if b == nil || !onlyOf(b, "sub", "sub/b.md") {
			t.Fatalf("batch after a save in the new vault = %q, want [sub/b.md]", b)
		}
	}
	if r := reports(); len(r) != 2 {
		t.Errorf("reports = %q, want gone and back", r)
	}
}

// untilAnything reads batches until the Watcher hands over "anything"
// (nil); a batch before it may name only the given paths.
func untilAnything(t *testing.T, after string, batches <-chan []string, paths ...string) {
	t.Helper()
	for {
		b := nextBatch(t, batches)
		if b == nil {
			return
		}
		if !onlyOf(b, paths...) {
			t.Fatalf("batch after %s = %q, want nil (anything)", after, b)
		}
	}
}

func onlyOf(b []string, paths ...string) bool {
	for _, p := range b {
		if !slices.Contains(paths, p) {
			return false
		}
	}
	return true
}

// TestWatchVaultRenamedAway renames the vault folder: changes in the
// moved folder are not the vault's, and a new folder at the path is.
func TestWatchVaultRenamedAway(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "vault")
	writeFile(t, filepath.Join(dir, "a.md"), "one")
	batches, _ := watchRoot(t, dir)
	if err := os.Rename(dir, dir+".old"); err != nil {
		t.Fatal(err)
	}
	if b := nextBatch(t, batches); b != nil {
		t.Errorf("batch after the vault was renamed = %q, want nil (anything)", b)
	}
	writeFile(t, filepath.Join(dir+".old", "a.md"), "moved away")
	noBatch(t, batches)
	writeFile(t, filepath.Join(dir, "a.md"), "new")
	if b := nextBatch(t, batches); b != nil {
		t.Errorf("batch after a new vault appeared = %q, want nil (anything)", b)
	}
}

// TestPreviewVaultRecreated deletes the previewed vault and creates it
// again with other content: the preview keeps serving the last site
// meanwhile, then rebuilds from the new folder and reloads the page.
func TestPreviewVaultRecreated(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	s := openStream(t, p.url, "/a/")
	s.next(t, waitHello)
	if err := os.RemoveAll(p.dir); err != nil {
		t.Fatal(err)
	}
	s.waitFor(t, "a failed rebuild", func(m message) bool { return m.Error != "" })
	if code, body := p.get(t, "a/"); code != 200 || !strings.Contains(body, "alpha v1") {
		t.Errorf("GET /a/ while the vault is gone = %d, want the last site", code)
	}
	p.write(t, "index.md", "# Home\n")
	p.write(t, "a.md", "# Alpha\n\nalpha in the new vault\n")
	s.waitFor(t, "a/index.html changed", changed("a/index.html"))
	_, body := p.get(t, "a/")
	mustContain(t, "/a/ after the vault came back", body, "alpha in the new vault")
	p.write(t, "a.md", "# Alpha\n\nsaved again\n")
	s.waitFor(t, "a/index.html changed", changed("a/index.html"))
	_, body = p.get(t, "a/")
	mustContain(t, "/a/ after a save in the new vault", body, "saved again")
}
