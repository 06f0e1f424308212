package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// liveBasesVault has a .base embedded in List, a base block in Block that
// shows the books being read, with a formula, and a note shown by no view.
const liveBasesVault = `
-- Books.base --
filters: file.hasTag("book")
formulas:
  double: pages * 2
views:
  - type: table
    name: All
    order: [file.name, status, formula.double]
-- List.md --
![[Books.base]]
-- Block.md --
` + "```base" + `
filters: file.hasTag("book") && status == "reading"
views:
  - type: list
    order: [file.name, status]
` + "```" + `
-- A.md --
---
tags: [book]
status: reading
pages: 10
rating: 3
---
A book.
-- B.md --
---
tags: [book]
status: read
pages: 20
rating: 4
---
Another book.
-- Plain.md --
Nothing to see.
`

// TestIncrementalBasePages: a rebuild draws again only the pages whose
// base views change: a note's edit that no view shows draws its own page
// alone; one that moves a note into or out of a view, or changes a value
// or a formula a view shows, draws the pages showing those views. Each
// step's site equals a full build.
func TestIncrementalBasePages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(liveBasesVault)).Files {
		writeFile(t, dir, f.Name, string(f.Data))
	}
	edit := func(name, old, new string) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, name, bytesReplace(string(data), old, new))
	}
	s := NewLive(os.DirFS(dir), Options{})
	if _, err := s.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	for _, st := range []struct {
		name      string
		file      string
		old, new  string
		wantPages int
	}{
		{"a note no view shows", "Plain.md", "Nothing", "Still nothing", 1},
		{"a book's body, which no view shows", "A.md", "A book.", "A good book.", 1},
		{"a property no view shows", "B.md", "rating: 4", "rating: 5", 1},
		{"a status: A leaves the block's view, List shows it", "A.md", "status: reading", "status: done", 3},
		{"a status: B enters the block's view", "B.md", "status: read", "status: reading", 3},
		{"pages: the formula List shows", "B.md", "pages: 20", "pages: 25", 2},
		{"a tag: A leaves List's view (it left the block's)", "A.md", "tags: [book]", "tags: [paper]", 2},
	} {
		edit(st.file, st.old, st.new)
		up, err := s.Update(context.Background(), []string{st.file})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if up.Full || up.Pages != st.wantPages {
			t.Errorf("%s: drew %d pages (full %v), want %d", st.name, up.Pages, up.Full, st.wantPages)
		}
		sameAsFull(t, st.name, dir, s)
	}
}

func writeFile(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
