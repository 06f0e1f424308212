package site

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestReload: only changed notes are read again; the others are the same
// objects; added and removed files are seen; a file whose time changed is
// read again even when nobody said so.
func TestReload(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "---\ntitle: A\n---\n")
	write("b.md", "b")
	write("sub/c.md", "c")
	write("gone.md", "x")
	fsys := os.DirFS(dir)
	old, _, err := Load(fsys, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	write("a.md", "---\ntitle: [broken\n---\n")
	write("new.md", "n")
	if err := os.Remove(filepath.Join(dir, "gone.md")); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "sub/c.md"), later, later); err != nil {
		t.Fatal(err)
	}
	v, diags, err := Reload(old, fsys, LoadOptions{}, map[VaultPath]bool{"a.md": true})
	if err != nil {
		t.Fatal(err)
	}
	if v.Note("b.md") != old.Note("b.md") {
		t.Error("b.md was read again although it did not change")
	}
	if v.Note("a.md") == old.Note("a.md") || v.Note("a.md").Props.Title != "" || len(diags) != 1 {
		t.Errorf("a.md was not read again: title %q, diags %v", v.Note("a.md").Props.Title, diags)
	}
	if v.Note("sub/c.md") == old.Note("sub/c.md") {
		t.Error("sub/c.md has a new time but was not read again")
	}
	if v.Note("gone.md") != nil || v.Note("new.md") == nil || string(v.Note("new.md").Source) != "n" {
		t.Error("removed or added notes were missed")
	}
}
