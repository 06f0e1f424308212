package outdir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// killedAt runs a build of files into out that dies at the swap's point.
func killedAt(t *testing.T, out string, opts Options, point string, files map[string]string) {
	t.Helper()
	type killed struct{}
	opts.crash = func(p string) {
		if p == point {
			panic(killed{})
		}
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(killed); !ok {
				panic(r)
			}
		}
	}()
	_ = Write(out, opts, writeFiles(files, false))
	t.Fatalf("the build did not reach %q", point)
}

func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestWriteKilledMidSwap kills a build at each point of the swap, with
// and without atomic exchange. The kept entries are never lost, and the
// next build puts everything right and leaves nothing beside the output.
func TestWriteKilledMidSwap(t *testing.T) {
	t.Parallel()
	site2 := map[string]string{"index.html": "home 2", "b/index.html": "B"}
	for _, tt := range []struct {
		noExchange bool
		point      string
	}{
		{false, "kept moved"},
		{false, "replaced"},
		{true, "kept moved"},
		{true, "renamed aside"},
		{true, "replaced"},
	} {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		opts := Options{Keep: []string{"CNAME"}, noExchange: tt.noExchange}
		if err := Write(out, opts, writeFiles(site1, false)); err != nil {
			t.Fatal(err)
		}
		mustWrite(t, filepath.Join(out, ".git", "HEAD"), "head")
		mustWrite(t, filepath.Join(out, "CNAME"), "cname")
		killedAt(t, out, opts, tt.point, site2)
		if err := Write(out, opts, writeFiles(site2, false)); err != nil {
			t.Fatalf("%+v: the build after: %v", tt, err)
		}
		want := map[string]string{".git/HEAD": "head", "CNAME": "cname"}
		for p, v := range site2 {
			want[p] = v
		}
		sameTree(t, readTree(t, out), want)
		if l := leftovers(t, dir); len(l) > 0 {
			t.Errorf("%+v: left %v", tt, l)
		}
	}
}

// TestWriteRemovesLeftovers: the folders a killed build left are removed
// by the next, once what they hold of the user's is back in the output;
// a folder that is not vaultsite's, or that a running build holds, stays.
func TestWriteRemovesLeftovers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(out, Options{}, writeFiles(site1, false)); err != nil {
		t.Fatal(err)
	}
	killed := filepath.Join(dir, ".public.new-123")
	mustWrite(t, filepath.Join(killed, "a", "index.html"), "half a page")
	if err := writeMarker(killed, nil); err != nil {
		t.Fatal(err)
	}
	carrying := filepath.Join(dir, ".public.new-456")
	mustWrite(t, filepath.Join(carrying, "CNAME"), "cname")
	if err := writeMarker(carrying, []string{"CNAME"}); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, ".public.new-789")
	mustWrite(t, filepath.Join(foreign, "mine.txt"), "not vaultsite's")
	running := filepath.Join(dir, ".public.new-1000")
	if err := os.Mkdir(running, 0o700); err != nil {
		t.Fatal(err)
	}
	lock, err := lockDir(running)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := Write(out, Options{Keep: []string{"CNAME"}}, writeFiles(site1, false)); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{killed, carrying} {
		if _, err := os.Lstat(gone); err == nil {
			t.Errorf("%s is still there", gone)
		}
	}
	for _, stays := range []string{foreign, running} {
		if _, err := os.Lstat(stays); err != nil {
			t.Errorf("%s was removed", stays)
		}
	}
	if got := mustRead(t, filepath.Join(out, "CNAME")); got != "cname" {
		t.Errorf("CNAME = %q, want it back from the killed build", got)
	}
}

// TestWriteFailedSwap: a swap that fails halfway through moving the kept
// entries puts back those it moved; the output is as it was.
func TestWriteFailedSwap(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := Write(out, Options{}, writeFiles(site1, false)); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(out, ".a"), "a")
	mustWrite(t, filepath.Join(out, ".b"), "b")
	before := readTree(t, out)
	err := Write(out, Options{}, func(d *Dir) error {
		// Something in the new folder where the second kept entry goes.
		return os.WriteFile(filepath.Join(d.root, ".b"), nil, 0o644)
	})
	if err == nil || !strings.Contains(err.Error(), ".b exists") {
		t.Fatalf("Write = %v, want the swap to fail at .b", err)
	}
	sameTree(t, readTree(t, out), before)
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left %v", l)
	}
}
