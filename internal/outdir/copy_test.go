package outdir

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/vaultsite/vaultsite/site"
)

// TestCopy: a copied file ends up with exactly the new bytes whatever
// the old ones were, keeps its inode when the previous output had it,
// and never writes through a hard link.
func TestCopy(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("0123456789abcdef", 3*copyChunk/16+5)
	for _, tt := range []struct{ name, old, new string }{
		{"same", "same bytes", "same bytes"},
		{"changed in the middle", "abcdef", "abXdef"},
		{"shorter", "abcdef", "abc"},
		{"longer", "abc", "abcdef"},
		{"emptied", "abc", ""},
		{"from empty", "", "abc"},
		{"big, same", big, big},
		{"big, second chunk changed", big, big[:copyChunk+7] + "X" + big[copyChunk+8:]},
		{"big, cut in the third chunk", big, big[:2*copyChunk+3]},
	} {
		for _, linked := range []bool{false, true} {
			copyCase(t, tt.name, tt.old, tt.new, linked)
		}
	}
}

// copyCase builds old twice, so that the next build reuses the first
// build's file, links that file elsewhere when linked is set, and builds
// new.
func copyCase(t *testing.T, name, old, new string, linked bool) {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build := func(data string) {
		t.Helper()
		err := Write(out, Options{}, func(d *Dir) error {
			// Half of each read asked for, so reads do not line up with chunks.
			return d.Copy("files/a.bin", iotest.HalfReader(strings.NewReader(data)))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	build(old)
	first, err := os.Stat(filepath.Join(out, "files", "a.bin"))
	if err != nil {
		t.Fatal(err)
	}
	build(old)
	snap := filepath.Join(dir, "snap")
	if linked {
		if err := os.Link(filepath.Join(previousOf(out), "files", "a.bin"), snap); err != nil {
			t.Fatal(err)
		}
	}
	build(new)
	if got := mustRead(t, filepath.Join(out, "files", "a.bin")); got != new {
		t.Errorf("%s (linked %v): got %d bytes, want %d", name, linked, len(got), len(new))
	}
	if got, err := os.ReadFile(snap); linked && (err != nil || string(got) != old) {
		t.Errorf("%s: the hard-linked snapshot changed", name)
	}
	now, _ := os.Stat(filepath.Join(out, "files", "a.bin"))
	if (old == new || !linked) != os.SameFile(first, now) {
		t.Errorf("%s (linked %v): same inode %v, want %v", name, linked, os.SameFile(first, now), old == new || !linked)
	}
}

// TestCopyInPlace: without a second name, a changed file keeps its inode.
func TestCopyInPlace(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	var first os.FileInfo
	for i, data := range []string{"v1", "v1", "version 2"} {
		err := Write(out, Options{}, func(d *Dir) error {
			return d.Copy("a.bin", bytes.NewReader([]byte(data)))
		})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first, _ = os.Stat(filepath.Join(out, "a.bin"))
		}
	}
	now, err := os.Stat(filepath.Join(out, "a.bin"))
	if err != nil || !os.SameFile(first, now) {
		t.Errorf("the file was written anew (%v)", err)
	}
	sameTree(t, readTree(t, out), map[string]string{"a.bin": "version 2"})
}

// TestCopyRefuses: Copy checks paths as Emit does.
func TestCopyRefuses(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	for _, p := range []site.OutPath{"../x", ".git/config"} {
		err := Write(out, Options{}, func(d *Dir) error { return d.Copy(p, strings.NewReader("x")) })
		if err == nil {
			t.Errorf("Copy(%q) succeeded", p)
		}
	}
}
