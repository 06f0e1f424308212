package outdir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/vaultsite/vaultsite/site"
)

// writeFiles is a build that emits files, or fails after emitting them
// when fail is set.
func writeFiles(files map[string]string, fail bool) func(*Dir) error {
	return func(em *Dir) error {
		for p, data := range files {
			if err := em.Emit(site.OutPath(p), []byte(data)); err != nil {
				return err
			}
		}
		if fail {
			return errors.New("the build failed")
		}
		return nil
	}
}

// readTree returns every file below dir but the marker, by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() == markerName {
			return err
		}
		if !e.Type().IsRegular() {
			t.Errorf("%s is not a regular file", path)
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, got, want map[string]string) {
	t.Helper()
	var diffs []string
	for p, w := range want {
		if g, ok := got[p]; !ok {
			diffs = append(diffs, p+": missing")
		} else if g != w {
			diffs = append(diffs, p+": "+g+" (want "+w+")")
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, p+": not wanted")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("output differs:\n%s", strings.Join(diffs, "\n"))
	}
}

// TestWrite builds into one folder again and again: each success
// replaces the output exactly, reusing the previous output's files; a
// failure leaves the output as it was.
func TestWrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	builds := []map[string]string{
		{"index.html": "home", "a/index.html": "A", "a/b/index.html": "B", "_site/x.css": "x"},
		{"index.html": "home", "a/index.html": "A2", "c/index.html": "C"},
		{"index.html": "home", "a/index.html": "A2", "a/b/index.html": "B", "c": "c is a file now"},
		{"index.html": "home", "c/index.html": "c is a folder again", "a": "a too"},
		{"index.html": "home"},
	}
	for i, files := range builds {
		if err := Write(out, Options{}, writeFiles(files, false)); err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		sameTree(t, readTree(t, out), files)
		if _, err := os.Stat(filepath.Join(out, markerName)); err != nil {
			t.Errorf("build %d: no marker", i)
		}
	}
	before := readTree(t, out)
	if err := Write(out, Options{}, writeFiles(map[string]string{"index.html": "broken", "z/index.html": "Z"}, true)); err == nil {
		t.Fatal("a failed build succeeded")
	}
	sameTree(t, readTree(t, out), before)
	if err := Write(out, Options{}, writeFiles(builds[0], false)); err != nil {
		t.Fatal(err)
	}
	sameTree(t, readTree(t, out), builds[0])
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left: %v", leftovers)
	}
}

// TestWriteReusesFiles: a file whose bytes did not change keeps its
// inode across builds; one that changed is rewritten.
func TestWriteReusesFiles(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"same/index.html": "same", "changed/index.html": "v1"}
	stat := func(p string) os.FileInfo {
		fi, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	var first os.FileInfo
	for i := range 3 {
		if i == 2 {
			files["changed/index.html"] = "v2"
		}
		if err := Write(out, Options{}, writeFiles(files, false)); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = stat("same/index.html")
		}
	}
	// Build 3 wrote into build 1's folder.
	if !os.SameFile(first, stat("same/index.html")) {
		t.Error("an unchanged file was written anew")
	}
	sameTree(t, readTree(t, out), files)
}

// TestWritePreviousWithLink: a link planted in the previous output is
// removed, never followed, so a build cannot write through it.
func TestWritePreviousWithLink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, outside := filepath.Join(dir, "public"), filepath.Join(dir, "outside")
	if err := os.Mkdir(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"a/index.html": "A", "b/index.html": "B"}
	for range 2 {
		if err := Write(out, Options{}, writeFiles(files, false)); err != nil {
			t.Fatal(err)
		}
	}
	previous := previousOf(out)
	if err := os.RemoveAll(filepath.Join(previous, "a")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(previous, "a")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Remove(filepath.Join(previous, "b", "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "x"), filepath.Join(previous, "b", "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, Options{}, writeFiles(files, false)); err != nil {
		t.Fatal(err)
	}
	sameTree(t, readTree(t, out), files)
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("the build wrote outside its folder: %v", entries)
	}
}

// TestWriteRefuses: a folder vaultsite did not make, and a folder that
// overlaps the vault, are never written.
func TestWriteRefuses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	foreign := filepath.Join(dir, "docs")
	if err := os.MkdirAll(foreign, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(foreign, "mine.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	vault := filepath.Join(dir, "vault")
	for _, tt := range []struct{ out, vault string }{
		{foreign, ""},
		{vault, vault},
		{filepath.Join(vault, "public"), vault},
		{dir, vault},
	} {
		err := Write(tt.out, Options{Vault: tt.vault}, writeFiles(map[string]string{"index.html": "x"}, false))
		if !errors.Is(err, ErrUnsafe) {
			t.Errorf("Write(%s, vault %s) = %v, want a refusal", tt.out, tt.vault, err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(foreign, "mine.txt")); string(data) != "keep" {
		t.Error("the foreign folder changed")
	}
}

// TestWriteForgetsWhatIsGone: when a build no longer makes a file
// (a note unpublished), the output it replaces is deleted, not kept
// beside the site for reuse.
func TestWriteForgetsWhatIsGone(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	previous := previousOf(out)
	build := func(files map[string]string) {
		t.Helper()
		if err := Write(out, Options{}, writeFiles(files, false)); err != nil {
			t.Fatal(err)
		}
	}
	build(map[string]string{"a/index.html": "A", "secret/index.html": "the secret"})
	build(map[string]string{"a/index.html": "A", "secret/index.html": "the secret"})
	if _, err := os.Stat(filepath.Join(previous, "secret", "index.html")); err != nil {
		t.Fatalf("the replaced output was not kept: %v", err)
	}
	build(map[string]string{"a/index.html": "A, no longer linking the secret"})
	if _, err := os.Stat(previous); err == nil {
		t.Errorf("the output with the unpublished page stays at %s", previous)
	}
	sameTree(t, readTree(t, out), map[string]string{"a/index.html": "A, no longer linking the secret"})
}

func previousOf(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".previous")
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestWriteHardLinkedSnapshot: a hard-linked copy of the output, or of
// the previous output, keeps its bytes through the rebuilds that reuse
// those files and change them.
func TestWriteHardLinkedSnapshot(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build := func(v string) {
		t.Helper()
		if err := Write(out, Options{}, writeFiles(map[string]string{"a/index.html": v, "same.html": "same"}, false)); err != nil {
			t.Fatal(err)
		}
	}
	build("v1")
	build("v1")
	for name, from := range map[string]string{"snap-out": out, "snap-previous": previousOf(out)} {
		if err := os.Link(filepath.Join(from, "a", "index.html"), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	build("v2")
	build("v3")
	for _, name := range []string{"snap-out", "snap-previous"} {
		if got := mustRead(t, filepath.Join(dir, name)); got != "v1" {
			t.Errorf("%s = %q, want v1: a build wrote through a hard link", name, got)
		}
	}
	sameTree(t, readTree(t, out), map[string]string{"a/index.html": "v3", "same.html": "same"})
}

// TestWriteConcurrent: Emit and Copy may be called from many goroutines
// at once, into shared folders, on a fresh build and on one that reuses
// the previous output (run it with -race).
func TestWriteConcurrent(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	want := map[string]string{}
	for i := range 64 {
		want[fmt.Sprintf("d%d/p%d/index.html", i%4, i)] = fmt.Sprint("page ", i)
	}
	for b := range 3 {
		err := Write(out, Options{}, func(d *Dir) error {
			var g errgroup.Group
			for p, data := range want {
				g.Go(func() error {
					if b == 1 {
						return d.Copy(site.OutPath(p), strings.NewReader(data))
					}
					return d.Emit(site.OutPath(p), []byte(data))
				})
			}
			return g.Wait()
		})
		if err != nil {
			t.Fatal(err)
		}
		sameTree(t, readTree(t, out), want)
	}
}
