package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// testDebounce keeps the tests quick; events of one step arrive within
// microseconds of each other on a local disk.
const testDebounce = 40 * time.Millisecond

// quiet is how long a test waits to be sure no further batch comes.
const quiet = 300 * time.Millisecond

// watchDir starts a Watcher on a new temporary folder holding files and
// returns the folder and the channel of batches.
func watchDir(t *testing.T, files map[string]string) (string, <-chan []string) {
	t.Helper()
	return watchDirEvery(t, files, testDebounce)
}

// watchDirEvery is watchDir with the given debounce time.
func watchDirEvery(t *testing.T, files map[string]string, debounce time.Duration) (string, <-chan []string) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		writeFile(t, filepath.Join(dir, name), body)
	}
	w, err := NewWatcher(dir, debounce)
	if err != nil {
		t.Fatal(err)
	}
	w.OnError = func(err error) { t.Errorf("watch: %v", err) }
	return dir, runWatcher(t, w)
}

// runWatcher runs w until the test ends and returns its batches.
func runWatcher(t *testing.T, w *Watcher) <-chan []string {
	t.Helper()
	batches := make(chan []string, 16)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, func(_ context.Context, b []string) { batches <- b }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
		w.Close()
	})
	return batches
}

func writeFile(t testing.TB, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// nextBatch waits for a batch and fails on none.
func nextBatch(t *testing.T, batches <-chan []string) []string {
	t.Helper()
	select {
	case b := <-batches:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch")
	}
	return nil
}

// noBatch fails if a batch comes within quiet.
func noBatch(t *testing.T, batches <-chan []string) {
	t.Helper()
	select {
	case b := <-batches:
		t.Fatalf("unexpected batch %q", b)
	case <-time.After(quiet):
	}
}

// TestWatchEditorSave plays a save as editors do it (write a temporary
// file, rename it over the note, chmod) and expects one batch, with the
// preview's own debounce time.
func TestWatchEditorSave(t *testing.T) {
	t.Parallel()
	dir, batches := watchDirEvery(t, map[string]string{"a.md": "one"}, DefaultDebounce)
	tmp := filepath.Join(dir, "a.md.tmp.123")
	writeFile(t, tmp, "two")
	if err := os.Rename(tmp, filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "a.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := nextBatch(t, batches); !slices.Contains(got, "a.md") {
		t.Errorf("batch = %q, want a.md in it", got)
	}
	noBatch(t, batches)
}

// TestWatchRescansWhenQuiet: with RescanAfter set, a batch is followed,
// once the vault is quiet, by one empty batch, and only one.
func TestWatchRescansWhenQuiet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	w, err := NewWatcher(dir, testDebounce)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.RescanAfter = 2 * testDebounce
	batches := make(chan []string, 16)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, func(_ context.Context, b []string) { batches <- b }) }()
	noBatch(t, batches) // nothing before the first batch
	writeFile(t, filepath.Join(dir, "a.md"), "one")
	if got := nextBatch(t, batches); !slices.Equal(got, []string{"a.md"}) {
		t.Errorf("batch = %q, want [a.md]", got)
	}
	if got := nextBatch(t, batches); got == nil || len(got) != 0 {
		t.Errorf("batch after a quiet while = %q, want an empty one", got)
	}
	noBatch(t, batches)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestWatchNewFolders(t *testing.T) {
	t.Parallel()
	dir, batches := watchDir(t, map[string]string{"a.md": "one"})
	// Created at once, before the watcher can watch the new folders: the
	// walk of the new folder finds the note.
	writeFile(t, filepath.Join(dir, "x", "y", "fast.md"), "fast")
	if got := nextBatch(t, batches); !slices.Equal(got, []string{"x/y/fast.md"}) {
		t.Errorf("batch = %q, want [x/y/fast.md]", got)
	}
	// Written later, into the now watched folder.
	writeFile(t, filepath.Join(dir, "x", "y", "later.md"), "later")
	if got := nextBatch(t, batches); !slices.Equal(got, []string{"x/y/later.md"}) {
		t.Errorf("batch = %q, want [x/y/later.md]", got)
	}
	// Obsidian opening a folder as a vault for the first time.
	writeFile(t, filepath.Join(dir, ".obsidian", "app.json"), "{}")
	writeFile(t, filepath.Join(dir, ".obsidian", "workspace.json"), "{}")
	if got := nextBatch(t, batches); !slices.Equal(got, []string{".obsidian/app.json"}) {
		t.Errorf("batch = %q, want [.obsidian/app.json]", got)
	}
}

func TestWatchRemovedAndRenamedFolders(t *testing.T) {
	t.Parallel()
	dir, batches := watchDir(t, map[string]string{"x/y/n.md": "n", "gone/g.md": "g"})
	if err := os.RemoveAll(filepath.Join(dir, "gone")); err != nil {
		t.Fatal(err)
	}
	if got := nextBatch(t, batches); !slices.Contains(got, "gone") || !slices.Contains(got, "gone/g.md") {
		t.Errorf("after removing a folder: %q", got)
	}
	if err := os.Rename(filepath.Join(dir, "x"), filepath.Join(dir, "z")); err != nil {
		t.Fatal(err)
	}
	if got := nextBatch(t, batches); !slices.Equal(got, []string{"x", "z/y/n.md"}) {
		t.Errorf("after renaming a folder: %q, want [x z/y/n.md]", got)
	}
	writeFile(t, filepath.Join(dir, "z", "y", "n.md"), "edited")
	if got := nextBatch(t, batches); !slices.Equal(got, []string{"z/y/n.md"}) {
		t.Errorf("after editing in the renamed folder: %q", got)
	}
	// The old folder was moved out from under its watch, so an edit
	// after moving it out of the vault must not be reported.
	out := filepath.Join(t.TempDir(), "moved")
	if err := os.Rename(filepath.Join(dir, "z"), out); err != nil {
		t.Fatal(err)
	}
	nextBatch(t, batches)
	writeFile(t, filepath.Join(out, "y", "n.md"), "outside")
	noBatch(t, batches)
}

func TestWatchSkipsDotFolders(t *testing.T) {
	t.Parallel()
	dir, batches := watchDir(t, map[string]string{
		".obsidian/workspace.json": "{}", ".obsidian/plugins/p/data.json": "{}",
		".git/HEAD": "ref", ".trash/old.md": "old",
	})
	writeFile(t, filepath.Join(dir, ".obsidian", "workspace.json"), `{"x":1}`)
	writeFile(t, filepath.Join(dir, ".obsidian", "plugins", "p", "data.json"), `{"x":1}`)
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref2")
	writeFile(t, filepath.Join(dir, ".trash", "old.md"), "older")
	writeFile(t, filepath.Join(dir, ".new", "n.md"), "hidden")
	writeFile(t, filepath.Join(dir, ".hidden.md"), "hidden")
	noBatch(t, batches)
	writeFile(t, filepath.Join(dir, ".obsidian", "app.json"), `{"strictLineBreaks":true}`)
	if got := nextBatch(t, batches); !slices.Equal(got, []string{".obsidian/app.json"}) {
		t.Errorf("batch = %q, want [.obsidian/app.json]", got)
	}
}

// TestWatchCoalescesWhileBusy shows that changes made during a slow
// rebuild form one next batch instead of queueing a rebuild each.
func TestWatchCoalescesWhileBusy(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	w, err := NewWatcher(dir, testDebounce)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	batches := make(chan []string, 16)
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- w.Run(ctx, func(_ context.Context, b []string) {
			batches <- b
			if slices.Contains(b, "first.md") {
				<-release // a slow rebuild
			}
		})
	}()
	writeFile(t, filepath.Join(dir, "first.md"), "1")
	nextBatch(t, batches)
	for _, n := range []string{"b.md", "c.md", "d.md"} {
		writeFile(t, filepath.Join(dir, n), n)
		time.Sleep(2 * testDebounce) // each alone would be a batch
	}
	close(release)
	// On a loaded machine first.md's write event can come after its create
	// had made the first batch; it then joins the next one, rightly.
	got := slices.DeleteFunc(nextBatch(t, batches), func(p string) bool { return p == "first.md" })
	if strings.Join(got, " ") != "b.md c.md d.md" {
		t.Errorf("batch after the slow rebuild = %q", got)
	}
	noBatch(t, batches)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestWatchCancelsSupersededBatch: a batch that becomes due while a
// rebuild runs cancels it, and is handed over together with the
// cancelled one's files; that rerun is not cancelled in turn.
func TestWatchCancelsSupersededBatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	w, err := NewWatcher(dir, testDebounce)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	type call struct {
		batch     []string
		cancelled bool
	}
	calls := make(chan call, 16)
	started := make(chan struct{}, 16)
	done := make(chan error, 1)
	go func() {
		done <- w.Run(ctx, func(ctx context.Context, b []string) {
			started <- struct{}{}
			select {
			case <-ctx.Done(): // a rebuild that stops when told
				calls <- call{b, true}
			case <-time.After(3 * time.Second):
				calls <- call{b, false}
			}
		})
	}()
	writeFile(t, filepath.Join(dir, "first.md"), "1")
	<-started
	writeFile(t, filepath.Join(dir, "second.md"), "2")
	c := <-calls
	if !c.cancelled || !slices.Contains(c.batch, "first.md") {
		t.Fatalf("first rebuild = %+v, want first.md cancelled", c)
	}
	<-started
	writeFile(t, filepath.Join(dir, "third.md"), "3") // due while the rerun runs
	c = <-calls
	if c.cancelled || !slices.Contains(c.batch, "first.md") || !slices.Contains(c.batch, "second.md") {
		t.Errorf("rerun = %+v, want first.md and second.md, not cancelled", c)
	}
	<-started
	if c = <-calls; c.cancelled || !slices.Contains(c.batch, "third.md") {
		t.Errorf("after the rerun = %+v, want third.md", c)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
