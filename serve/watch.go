package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/vaultsite/vaultsite/site"
)

// appConfig is the one file inside a dot folder that changes the site
// (Obsidian's link and line-break settings); the rest of .obsidian is
// workspace state that changes on every click.
const appConfig = ".obsidian/app.json"

// Watcher reports changes below a vault folder in batches. fsnotify
// watches single folders, so the Watcher walks the tree, watches each
// folder (not dot folders, apart from .obsidian itself for app.json),
// watches new folders as they appear and forgets removed ones.
//
// An editor's save is several events (a write to a temporary file, a
// rename, a chmod), so events are collected until the vault has been
// quiet for the debounce time and then handed over as one batch.
type Watcher struct {
	// OnError, if set, hears problems that do not stop watching, such
	// as a new folder that cannot be watched. It runs on Run's goroutine.
	OnError func(error)
	// RescanAfter, if set, is how long the vault must be quiet after a
	// batch before Run hands over an empty one (see Run).
	RescanAfter time.Duration

	root     string
	debounce time.Duration
	fw       *fsnotify.Watcher
	dirs     map[string]bool // watched folders, relative with slashes ("" is the root)

	pending map[string]bool // vault paths changed since the last batch
	all     bool            // events were lost: the next batch is "anything"
	first   time.Time       // when pending became non-empty

	// rootInfo is the vault folder being watched; lost polls for the
	// folder while it is missing, and is nil while it is watched
	// (watch_root.go).
	rootInfo os.FileInfo
	lost     *time.Ticker
}

// maxDelayFactor bounds how long a stream of events (a sync client
// writing for seconds) can postpone a rebuild: ten debounce periods.
const maxDelayFactor = 10

// NewWatcher watches every folder below root. It fails when root cannot
// be read or the system refuses a watch (on Linux, raise
// fs.inotify.max_user_watches for a very large vault).
func NewWatcher(root string, debounce time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{root: filepath.Clean(root), debounce: debounce, fw: fw, dirs: map[string]bool{}, pending: map[string]bool{}}
	w.rootInfo, _ = os.Stat(w.root) // when it fails, so does addTree
	if _, err := w.addTree(""); err != nil {
		fw.Close()
		return nil, err
	}
	return w, nil
}

// Close stops watching.
func (w *Watcher) Close() error {
	if w.lost != nil {
		w.lost.Stop()
	}
	return w.fw.Close()
}

// Run calls fn with each batch of changed vault paths (slash-separated,
// relative to root, sorted; a removed or renamed folder appears as its
// own path; nil means events were lost, or the vault folder went or came
// back, and anything may have changed).
// With RescanAfter set, once the vault has been quiet that long after a
// batch, Run also calls fn with an empty batch: nothing is known to have
// changed, but the caller may look for changes no event reported.
// Calls to fn never overlap: events that arrive while fn runs form the
// next batch. Run returns nil when ctx is done, after fn has returned.
func (w *Watcher) Run(ctx context.Context, fn func(ctx context.Context, changed []string)) error {
	r := &runner{w: w, fn: fn, ctx: ctx, done: make(chan bool, 1), quiet: stoppedTimer(), idle: stoppedTimer()}
	for {
		select {
		case <-ctx.Done():
			if r.busy {
				<-r.done
			}
			return nil
		case ev, ok := <-w.fw.Events:
			if !ok {
				return errors.New("watch: closed")
			}
			if w.handle(ev) {
				r.wait()
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return errors.New("watch: closed")
			}
			if w.fail(err) {
				r.wait()
			}
		case <-w.lostC():
			if w.back() {
				r.wait()
			}
		case <-r.quiet.C:
			r.due = true
		case <-r.idle.C:
			r.rescanDue = true
		case rescan := <-r.done:
			r.finished(rescan)
		}
		r.next()
	}
}

// runner is the state of one Run: its timers and whether fn is running.
type runner struct {
	w           *Watcher
	fn          func(context.Context, []string)
	ctx         context.Context
	done        chan bool   // fn returned; true after a rescan
	quiet, idle *time.Timer // the debounce; the wait before a rescan
	busy        bool        // fn is running
	due         bool        // the vault has been quiet for the debounce time
	rescanDue   bool        // … and for RescanAfter since the last batch

	// The running batch, and the cancel of its context: a batch that
	// becomes due while fn runs cancels it (superseded), and the batch
	// is handed over again with the new one. A batch handed over again
	// (rerun) is never cancelled, so saves every few milliseconds cannot
	// keep the preview from ever finishing a rebuild.
	running    []string
	cancel     context.CancelFunc
	superseded bool
	rerun      bool
}

func stoppedTimer() *time.Timer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return t
}

// wait starts the wait for quiet again after an event that matters; a
// rescan waits until after the batch it brings.
func (r *runner) wait() {
	r.due, r.rescanDue = false, false
	r.idle.Stop()
	r.quiet.Reset(r.w.delay())
}

// next hands over the due batch, else the due rescan, unless fn runs;
// a due batch cancels a running one that it supersedes.
func (r *runner) next() {
	if r.busy {
		if r.due && !r.rerun && !r.superseded && (r.w.all || len(r.w.pending) > 0) {
			r.superseded = true
			r.cancel()
		}
		return
	}
	if (r.due || r.rescanDue) && r.w.checkRoot() {
		r.due, r.rescanDue = true, false // the batch is "anything"
	}
	if r.due {
		r.due = false
		if r.w.all || len(r.w.pending) > 0 {
			r.start(r.w.take(), false)
			return
		}
	}
	if r.rescanDue {
		r.rescanDue = false
		r.start([]string{}, true)
	}
}

func (r *runner) start(batch []string, rescan bool) {
	ctx, cancel := context.WithCancel(r.ctx)
	r.busy, r.running, r.cancel = true, batch, cancel
	go func() { r.fn(ctx, batch); r.done <- rescan }()
}

// finished records that fn returned. A superseded batch goes back into
// the pending one (a rescan has nothing to give back: the next batch
// reads what changed), and the merged batch is due at once.
func (r *runner) finished(rescan bool) {
	r.busy = false
	r.cancel()
	r.rerun = false
	if r.superseded {
		r.superseded = false
		if !rescan {
			r.w.requeue(r.running)
			r.rerun = true
		}
		r.due = true
		return
	}
	if !rescan && r.w.RescanAfter > 0 {
		r.idle.Reset(r.w.RescanAfter)
	}
}

// delay returns the wait before the next batch: the debounce time, but
// never past the maximum delay since the first pending event.
func (w *Watcher) delay() time.Duration {
	if w.first.IsZero() {
		w.first = time.Now()
	}
	d := w.debounce
	if left := time.Until(w.first.Add(maxDelayFactor * w.debounce)); left < d {
		d = max(left, 0)
	}
	return d
}

// requeue puts a batch fn did not finish back into the pending one; nil
// stands for anything.
func (w *Watcher) requeue(batch []string) {
	if batch == nil {
		w.all = true
		return
	}
	for _, p := range batch {
		w.pending[p] = true
	}
}

// take returns and clears the pending batch.
func (w *Watcher) take() []string {
	var batch []string
	if !w.all {
		batch = make([]string, 0, len(w.pending))
		for p := range w.pending {
			batch = append(batch, p)
		}
		sort.Strings(batch)
	}
	w.pending, w.all, w.first = map[string]bool{}, false, time.Time{}
	return batch
}

// fail records an error from fsnotify and reports whether a batch is
// due. A lost event could be any change, so an overflow makes the next
// batch "anything".
func (w *Watcher) fail(err error) bool {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		w.all = true
		return true
	}
	w.report(err)
	return false
}

func (w *Watcher) report(err error) {
	if w.OnError != nil {
		w.OnError(err)
	}
}

// handle records one event and reports whether it matters to the site.
// A chmod alone changes no content; a removed or renamed folder stops
// being watched, with everything below it; a new folder is watched and
// the files already in it count as created (they may have been written
// before the watch was added).
func (w *Watcher) handle(ev fsnotify.Event) bool {
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return false
	}
	if rel == "." || ev.Has(fsnotify.Remove) && w.rootGone() {
		return w.rootEvent(ev)
	}
	if ev.Op == fsnotify.Chmod {
		return false
	}
	rel = filepath.ToSlash(rel)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(rel)
	}
	if ev.Has(fsnotify.Create) {
		if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
			files, err := w.addTree(rel)
			if err != nil {
				w.report(err)
			}
			return w.add(files...)
		}
	}
	return w.add(rel)
}

// add records the relevant ones of the changed files (relative paths on
// disk, slash-separated) as vault paths, which are NFC, and reports
// whether there were any.
func (w *Watcher) add(files ...string) bool {
	added := false
	for _, f := range files {
		p, err := site.ParseVaultPath(f)
		if err == nil && relevant(string(p)) {
			w.pending[string(p)] = true
			added = true
		}
	}
	return added
}

// addTree watches the folder rel and every folder below it that is not
// skipped, and returns the files it found there.
func (w *Watcher) addTree(rel string) ([]string, error) {
	var files []string
	start := filepath.Join(w.root, filepath.FromSlash(rel))
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked: its Remove event follows
			}
			return err
		}
		r, _ := filepath.Rel(w.root, p)
		r = filepath.ToSlash(r)
		if r == "." {
			r = ""
		}
		if !d.IsDir() {
			files = append(files, r)
			return nil
		}
		err = w.addDir(r)
		if r == ".obsidian" && err == filepath.SkipDir {
			// Obsidian writes app.json right after creating the folder,
			// possibly before the watch was in place.
			if _, serr := os.Stat(filepath.Join(p, "app.json")); serr == nil {
				files = append(files, appConfig)
			}
		}
		return err
	})
	if err != nil {
		return files, fmt.Errorf("watch %s: %w", start, err)
	}
	return files, nil
}

// addDir watches one folder, or skips it: dot folders are skipped, except
// .obsidian, which is watched for app.json without its subfolders.
func (w *Watcher) addDir(rel string) error {
	if rel != ".obsidian" && hidden(rel) {
		return filepath.SkipDir
	}
	if err := w.fw.Add(filepath.Join(w.root, filepath.FromSlash(rel))); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return filepath.SkipDir
		}
		return err
	}
	w.dirs[rel] = true
	if rel == ".obsidian" {
		return filepath.SkipDir
	}
	return nil
}

// forget stops watching rel and every folder below it. inotify keeps
// watching a folder that was moved out of the vault, so this matters for
// renames as well as deletes.
func (w *Watcher) forget(rel string) {
	for d := range w.dirs {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			_ = w.fw.Remove(filepath.Join(w.root, filepath.FromSlash(d))) // already gone when deleted
			delete(w.dirs, d)
		}
	}
}

// relevant reports whether a change to the vault path p can change the
// site: not below a dot folder, or Obsidian's app.json.
func relevant(p string) bool {
	return p == appConfig || !hidden(p)
}

func hidden(p string) bool {
	for _, c := range strings.Split(p, "/") {
		if strings.HasPrefix(c, ".") {
			return true
		}
	}
	return false
}
