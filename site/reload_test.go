package site

import (
	"context"
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
	write := func(name, body string) { writeVaultFile(t, dir, name, body) }
	write("a.md", "---\ntitle: A\n---\n")
	write("b.md", "b")
	write("sub/c.md", "c")
	write("gone.md", "x")
	fsys := os.DirFS(dir)
	old, _, err := Load(context.Background(), fsys, LoadOptions{})
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
	v, diags, err := Reload(context.Background(), old, fsys, LoadOptions{}, map[VaultPath]bool{"a.md": true})
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

// TestReloadKnown: with the changed files named, ReloadKnown reads those
// and looks at nothing else, giving what Reload gives; it declines, so
// the caller walks, whenever a named file is new, gone or not a file.
func TestReloadKnown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) { writeVaultFile(t, dir, name, body) }
	write("a.md", "---\ntitle: A\n---\n")
	write("b.md", "b [[missing]]")
	write("p.png", "png")
	write("sub/c.md", "c")
	fsys := os.DirFS(dir)
	old, oldDiags, err := Load(context.Background(), fsys, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	write("a.md", "---\ntitle: [broken\n---\n")
	write("p.png", "a larger png")
	changed := map[VaultPath]bool{"a.md": true, "p.png": true, "a.md.tmp.1": true} // renamed over a.md
	v, diags, ok := ReloadKnown(context.Background(), old, fsys, LoadOptions{}, changed)
	if !ok {
		t.Fatal("ReloadKnown declined an edit of two known files")
	}
	if v.Note("b.md") != old.Note("b.md") || v.Note("sub/c.md") != old.Note("sub/c.md") {
		t.Error("unchanged notes were read again")
	}
	if v.Note("a.md") == old.Note("a.md") || v.Note("a.md").Props.Title != "" {
		t.Errorf("a.md was not read again: title %q", v.Note("a.md").Props.Title)
	}
	if a := v.asset("p.png"); a == nil || a.Size != int64(len("a larger png")) {
		t.Errorf("p.png = %+v, want its new size", a)
	}
	if v.Note("a.md.tmp.1") != nil || v.asset("a.md.tmp.1") != nil {
		t.Error("a temporary file that is gone was added")
	}
	walked, walkedDiags, err := Reload(context.Background(), old, fsys, LoadOptions{}, changed)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != len(walkedDiags) || len(diags) != len(oldDiags)+1 || len(v.Notes) != len(walked.Notes) || len(v.Assets) != len(walked.Assets) {
		t.Errorf("ReloadKnown: %d notes, %d assets, diags %v; Reload: %d, %d, %v", len(v.Notes), len(v.Assets), diags, len(walked.Notes), len(walked.Assets), walkedDiags)
	}
	write("new.md", "n")
	if err := os.Remove(filepath.Join(dir, "sub/c.md")); err != nil {
		t.Fatal(err)
	}
	for _, give := range []map[VaultPath]bool{{}, {"new.md": true}, {"sub/c.md": true}, {"sub": true}, {"a.md": true, "new.md": true}} {
		if _, _, ok := ReloadKnown(context.Background(), v, fsys, LoadOptions{}, give); ok {
			t.Errorf("ReloadKnown(context.Background(), %v) did not decline", give)
		}
	}
}

// writeVaultFile writes body at the slash path name below dir, making
// its folders.
func writeVaultFile(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
