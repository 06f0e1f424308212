package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// liveSaves is how many saves TestLiveMemory makes, and liveEdited how
// many notes they cycle through.
const liveSaves, liveEdited = 200, 20

// TestLiveMemory measures what the live preview holds over a long
// session: a copy of the vault in VAULTSITE_BENCH_VAULT (the generated
// 10,000-note vault, ../shared/bench/genvault.py) is built, then saved
// liveSaves times through Live.Update, as serve runs it, each save adding
// a line of text to one of liveEdited notes in turn. Every 20 saves it logs the live heap
// after a collection and the process's resident memory. It fails when
// the live heap after the last save is more than a fifth above the one
// after save 40, once what the first rebuilds make has settled: a
// preview must not grow with its saves.
//
//	VAULTSITE_BENCH_VAULT=/tmp/v10k go test ./build -run TestLiveMemory -v -timeout 30m
func TestLiveMemory(t *testing.T) {
	src := os.Getenv("VAULTSITE_BENCH_VAULT")
	if src == "" {
		t.Skip("set VAULTSITE_BENCH_VAULT to a generated vault")
	}
	dir := copyVault(t, src)
	s := NewLive(os.DirFS(dir), Options{})
	s.LayoutLater = true // as serve runs it
	ctx := context.Background()
	if _, err := s.Update(ctx, nil); err != nil {
		t.Fatal(err)
	}
	notes := s.last.a.Vault.Notes
	t.Logf("built %d notes: %s", len(notes), memFigures())
	var settled uint64
	for i := 1; i <= liveSaves; i++ {
		n := notes[(i*len(notes)/liveEdited)%len(notes)]
		p := filepath.Join(dir, filepath.FromSlash(string(n.Path)))
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "\nSave %d adds a line of text.\n", i)
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Update(ctx, []string{string(n.Path)}); err != nil {
			t.Fatal(err)
		}
		if i%20 != 0 {
			continue
		}
		t.Logf("after %d saves: %s", i, memFigures())
		if heap := liveHeap(); i == 40 {
			settled = heap
		} else if i == liveSaves && heap > settled+settled/5 {
			t.Errorf("the live heap grew from %d MB after 40 saves to %d MB after %d", settled>>20, heap>>20, i)
		}
	}
	runtime.KeepAlive(s)
}

// liveHeap is the heap's live bytes after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// memFigures reads the live heap and, on Linux, the process's resident
// memory now and at its peak.
func memFigures() string {
	out := fmt.Sprintf("live heap %d MB", liveHeap()>>20)
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(status), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && (k == "VmRSS" || k == "VmHWM") {
			out += ", " + k + " " + strings.TrimSpace(v)
		}
	}
	return out
}
