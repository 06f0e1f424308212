package build

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// cancelVault returns a generated vault of n small notes in ten folders,
// each linking to the next and tagged, so that every phase has work.
func cancelVault(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := range n {
		body := fmt.Sprintf("---\ntags: [t%d]\n---\n# Note %d\n\nSee [[n%d]] and [[n%d#Part]].\n\n## Part\n\nWords %d of a note.\n",
			i%50, i, (i+1)%n, (i+7)%n, i)
		fsys[fmt.Sprintf("f%d/n%d.md", i%10, i)] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

// countingEmitter counts the files emitted after stopped is set; when
// cancel is set, the first file emitted sets stopped and calls it.
type countingEmitter struct {
	stopped atomic.Bool
	after   atomic.Int64
	cancel  atomic.Pointer[context.CancelFunc]
}

func (e *countingEmitter) Emit(site.OutPath, []byte) error {
	if c := e.cancel.Swap(nil); c != nil {
		e.stopped.Store(true)
		(*c)()
		return nil
	}
	if e.stopped.Load() {
		e.after.Add(1)
	}
	return nil
}

// TestBuildCancelledAtEachPhase cancels a build of 2,000 notes as each
// phase starts, and in the middle of the emit phase, at its first file:
// Build must return context.Canceled, start no later phase, and emit
// next to nothing after the cancel (a few cheap files of the emit
// phase's jobs that do not look at the context, and the pages the
// workers had in hand).
func TestBuildCancelledAtEachPhase(t *testing.T) {
	t.Parallel()
	fsys := cancelVault(2000)
	phases := []string{phaseLoad, phaseParse, phaseResolve, phaseCanvases, phaseLayout, phaseRender, phaseEmit}
	for _, at := range append(phases, "in "+phaseEmit) {
		t.Run(at, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			em := &countingEmitter{}
			var mu sync.Mutex
			var seen []string
			opts := Options{phase: func(name string) {
				mu.Lock()
				defer mu.Unlock()
				switch seen = append(seen, name); {
				case name == at:
					em.stopped.Store(true)
					cancel()
				case "in "+name == at:
					em.cancel.Store(&cancel)
				}
			}}
			_, err := Build(ctx, fsys, opts, em)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Build cancelled at %s returned %v, want context.Canceled", at, err)
			}
			if want := phases[:slices.Index(phases, strings.TrimPrefix(at, "in "))+1]; !slices.Equal(seen, want) {
				t.Errorf("phases started %q, want %q", seen, want)
			}
			if n := em.after.Load(); n > int64(8+runtime.GOMAXPROCS(0)) {
				t.Errorf("%d files emitted after the cancel", n)
			}
		})
	}
}

// TestBuildCancelledWhileRendering cancels a build of 2,000 notes when
// its first page is done: the workers finish the pages they hold and
// take no more.
func TestBuildCancelledWhileRendering(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var pages atomic.Int64
	opts := Options{Progress: func(done, total int) {
		if pages.Add(1) == 1 {
			cancel()
		}
	}}
	_, err := Build(ctx, cancelVault(2000), opts, &countingEmitter{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Build returned %v, want context.Canceled", err)
	}
	if n := pages.Load(); n > int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d pages rendered after the cancel; want at most one per worker", n)
	}
}

// TestBuildCancelLatency measures by hand how long a build of the vault
// in VAULTSITE_BENCH_VAULT (../shared/bench/genvault.py makes one) takes
// to return when cancelled 50 ms into each phase; it only logs, since a
// timing depends on the machine:
//
//	VAULTSITE_BENCH_VAULT=/tmp/vault10k go test ./build -run TestBuildCancelLatency -v
func TestBuildCancelLatency(t *testing.T) {
	dir := os.Getenv("VAULTSITE_BENCH_VAULT")
	if dir == "" {
		t.Skip("VAULTSITE_BENCH_VAULT is not set")
	}
	for _, at := range []string{phaseLoad, phaseParse, phaseResolve, phaseLayout, phaseRender, phaseEmit} {
		ctx, cancel := context.WithCancel(context.Background())
		var cancelled atomic.Int64 // UnixNano of the cancel
		opts := Options{phase: func(name string) {
			if name == at {
				time.AfterFunc(50*time.Millisecond, func() { cancelled.Store(time.Now().UnixNano()); cancel() })
			}
		}}
		_, err := Build(ctx, os.DirFS(dir), opts, &countingEmitter{})
		if c := cancelled.Load(); c != 0 {
			t.Logf("cancelled 50ms into %s: returned %v later (%v)", at, time.Since(time.Unix(0, c)), err)
		} else {
			t.Logf("%s: finished before the cancel (%v)", at, err)
		}
		cancel()
	}
}
