package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// rootPoll is how often the Watcher looks for a vault folder that was
// removed or renamed away: a sync client, a git checkout or an editor
// that deletes the folder and creates it again is followed within a
// quarter of a second, for one stat each time.
const rootPoll = 250 * time.Millisecond

// rootEvent answers an event about the vault folder itself, or a removal
// after which the folder is gone, and reports whether a batch is due.
// When the folder is deleted or renamed away, the watches below it name
// nothing of the vault any more (inotify follows a renamed folder), so
// they are dropped, the next batch is "anything" (the rebuild fails and
// says so, and the last good site is still served), and the folder is
// polled until it is back.
//
// inotify reports a deleted folder only once nothing holds it open, and
// the preview's os.Root does, so the removal of the last file below it
// is often the only sign: hence rootGone after every removal, and after
// a change to the folder's own attributes (its link count).
func (w *Watcher) rootEvent(ev fsnotify.Event) bool {
	if w.lost != nil || !ev.Has(fsnotify.Remove) && !ev.Has(fsnotify.Rename) && !w.rootGone() {
		return false
	}
	w.loseRoot()
	return true
}

// checkRoot looks, before a batch is handed over, whether the vault
// folder went without an event saying so (its files' removals were
// handled before the folder itself was removed), and reports whether it
// did.
func (w *Watcher) checkRoot() bool {
	if w.lost != nil || !w.rootGone() {
		return false
	}
	w.loseRoot()
	return true
}

// loseRoot forgets the missing vault folder and starts polling for it.
func (w *Watcher) loseRoot() {
	for d := range w.dirs {
		_ = w.fw.Remove(filepath.Join(w.root, filepath.FromSlash(d))) // already gone when deleted
		delete(w.dirs, d)
	}
	w.pending, w.all = map[string]bool{}, true
	if w.lost == nil {
		w.lost = time.NewTicker(rootPoll)
		w.report(fmt.Errorf("watch: the vault folder %s is gone; waiting for it to come back", w.root))
	}
}

// rootGone reports whether the vault folder is no longer the one being
// watched: deleted, or replaced by another.
func (w *Watcher) rootGone() bool {
	st, err := os.Stat(w.root)
	return err != nil || w.rootInfo != nil && !os.SameFile(st, w.rootInfo)
}

// lostC is the poll's channel while the vault folder is missing, else nil
// (a case that never fires).
func (w *Watcher) lostC() <-chan time.Time {
	if w.lost == nil {
		return nil
	}
	return w.lost.C
}

// back looks for the missing vault folder and reports whether it is back:
// then it is watched again, with every folder below it, and the next
// batch is "anything", since every file may differ.
func (w *Watcher) back() bool {
	st, err := os.Stat(w.root)
	if err != nil || !st.IsDir() {
		return false
	}
	w.lost.Stop()
	w.lost = nil
	w.rootInfo = st
	if _, err := w.addTree(""); err != nil {
		w.report(err)
	}
	w.pending, w.all = map[string]bool{}, true
	w.report(fmt.Errorf("watch: the vault folder %s is back; rebuilding", w.root))
	return true
}
