package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// copyVault copies a vault folder into a temp dir the test may edit.
func copyVault(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// sameAsFull requires the site's snapshot to equal a full build of the
// vault as it is now, file for file and byte for byte.
func sameAsFull(t *testing.T, step string, dir string, s *Live) {
	t.Helper()
	_, em := buildSite(t, os.DirFS(dir), Options{})
	got := snapshotBytes(t, s.Current())
	var missing, extra, differ []string
	for p, want := range em.Files {
		g, ok := got[p]
		switch {
		case !ok:
			missing = append(missing, string(p))
		case !bytes.Equal(g, want):
			differ = append(differ, string(p))
		}
	}
	for p := range got {
		if _, ok := em.Files[p]; !ok {
			extra = append(extra, string(p))
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	sort.Strings(differ)
	if len(missing)+len(extra)+len(differ) > 0 {
		t.Errorf("%s: incremental != full build:\nmissing %v\nextra %v\ndiffer %v", step, missing, extra, differ)
	}
}

// snapshotBytes returns every file of snap with its bytes, the
// attachments read from the vault as the preview serves them.
func snapshotBytes(t *testing.T, snap *Snapshot) map[site.OutPath][]byte {
	t.Helper()
	out := maps.Clone(snap.Files)
	for p, f := range snap.Assets {
		data, err := fs.ReadFile(snap.FS, f.Name)
		if err != nil {
			t.Fatalf("attachment %s: %v", p, err)
		}
		if int64(len(data)) != f.Size {
			t.Errorf("attachment %s: %d bytes, recorded %d", p, len(data), f.Size)
		}
		if _, dup := out[p]; dup {
			t.Errorf("%s is both a file and an attachment", p)
		}
		out[p] = data
	}
	return out
}

// TestIncrementalEqualsFull edits a copy of the bundled vault step by
// step; after each step the incrementally updated site must be exactly
// what a full build makes. It runs twice: laying out a changed graph at
// once, and leaving the layout for Live.Settle (as the preview does),
// settled before each comparison.
func TestIncrementalEqualsFull(t *testing.T) {
	t.Parallel()
	for _, later := range []bool{false, true} {
		t.Run(fmt.Sprintf("layout later %v", later), func(t *testing.T) {
			t.Parallel()
			incrementalSteps(t, later)
		})
	}
}

func incrementalSteps(t *testing.T, later bool) {
	dir := copyVault(t, "../vault")
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	tcp := "obisdian_ntoes/notes_obsidian/ZPythonref/DjangoFramework/Network+/Ref_OSI/TCP.md"
	udp := "obisdian_ntoes/for later/UDP.md"
	book, books := "Reading/Books/TCP-IP Illustrated.md", "Reading/Books.base"
	warrior := "Reading/Books/Network Warrior.md" // no description: listings show its first sentence
	s := NewLive(os.DirFS(dir), Options{})
	s.LayoutLater = later
	if _, err := s.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	total, deferred := len(s.last.a.Vault.Published()), 0
	steps := []struct {
		name    string
		edit    func()
		changed []string
		partial bool // must not render every page
		rescan  bool // the watcher rescans after the update
	}{ // a nil edit changes nothing
		{"body edit", func() { write(tcp, read(tcp)+"\nA new closing line about windows.\n") }, []string{tcp}, true, false},
		{"words swapped, same length", func() { write(tcp, bytesReplace(read(tcp), "windows", "zeugmas")) }, []string{tcp}, true, false},
		{"a rescan that finds nothing", nil, []string{}, true, false},
		{"title changed", func() {
			write(tcp, bytesReplace(read(tcp), "date: 2023-07-09", "date: 2023-07-09\ntitle: Transmission Control"))
		}, []string{tcp}, true, false},
		{"link added", func() { write(tcp, read(tcp)+"\nCompare [[UDP]] and [[SMB]].\n") }, []string{tcp}, true, false},
		{"an editor's save: a temporary file renamed over the note", func() {
			write(tcp+".tmp", read(tcp)+"\nSaved through a temporary file.\n")
			if err := os.Rename(filepath.Join(dir, filepath.FromSlash(tcp+".tmp")), filepath.Join(dir, filepath.FromSlash(tcp))); err != nil {
				t.Fatal(err)
			}
		}, []string{tcp, tcp + ".tmp"}, true, false},
		{"an edit nobody reported, beside one reported", func() {
			write(tcp, read(tcp)+"\nReported.\n")
			write(udp, read(udp)+"\nNot reported.\n")
		}, []string{tcp}, true, true},
		{"heading renamed", func() { write(tcp, bytesReplace(read(tcp), "## Three-way handshake", "## Handshake in three steps")) }, []string{tcp}, true, false},
		{"first sentence changed, which folder and tag listings show", func() {
			write(warrior, bytesReplace(read(warrior), "The field guide I read before the exam", "A field guide for the exam"))
		}, []string{warrior}, true, false},
		{"tags changed", func() { write(udp, "---\ntags: [transport, fresh-tag]\n---\n"+read(udp)) }, []string{udp}, true, false},
		{"note added that a link now finds", func() { write("Subnetting.md", "# Subnetting\nSee [[ports]] and [[UDP]].\n") }, []string{"Subnetting.md"}, true, false},
		{"note renamed", func() {
			if err := os.Rename(filepath.Join(dir, "Subnetting.md"), filepath.Join(dir, "Subnets.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"Subnetting.md", "Subnets.md"}, true, false},
		{"note unpublished", func() { write(udp, "---\npublish: false\n---\n"+read(udp)) }, []string{udp}, false, false},
		{"note deleted", func() {
			if err := os.Remove(filepath.Join(dir, "Subnets.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"Subnets.md"}, true, false},
		{"a note in a folder of its own", func() { write("Scratch/Idea.md", "# Idea\n") }, []string{"Scratch/Idea.md"}, true, false},
		{"that folder deleted, and its explorer listing with it", func() {
			if err := os.RemoveAll(filepath.Join(dir, "Scratch")); err != nil {
				t.Fatal(err)
			}
		}, []string{"Scratch/Idea.md"}, true, false},
		{"a watcher that missed the event", func() { write(tcp, read(tcp)+"\nAnother line.\n") }, []string{}, true, false},
		// Bases: views are evaluated over every published note, so a
		// property edit moves a note into or out of views elsewhere.
		{"a book's status moves it out of a base block's view", func() {
			write(book, bytesReplace(read(book), "status: reading", "status: read"))
		}, []string{book}, true, false},
		{"a book loses its tag and leaves every view", func() {
			write(book, bytesReplace(read(book), "tags: [book]", "tags: [shelved]"))
		}, []string{book}, true, false},
		{"a book added", func() {
			write("Reading/Books/Packet Guide.md", "---\ntags: [book]\nstatus: to read\npages: 120\n---\nShort.\n")
		}, []string{"Reading/Books/Packet Guide.md"}, true, false},
		{"the book gets its tag back and enters every view", func() {
			write(book, bytesReplace(read(book), "tags: [shelved]", "tags: [book]"))
		}, []string{book}, true, false},
		{"its status moves it back into the base block's view", func() {
			write(book, bytesReplace(read(book), "status: read", "status: reading"))
		}, []string{book}, true, false},
		{"its pages change a formula's value and the summaries", func() {
			write(book, bytesReplace(read(book), "pages: 1017", "pages: 1000"))
		}, []string{book}, true, false},
		{"a body edit of a book changes no view", func() { write(book, read(book)+"\nA last remark.\n") }, []string{book}, true, false},
		{"a .base edited, same size", func() { write(books, bytesReplace(read(books), "note.pages: Sum", "note.pages: Max")) }, []string{books}, true, false},
		{"a .base view renamed, which an embed names", func() {
			write(books, bytesReplace(read(books), "name: Shelf", "name: Covers"))
		}, []string{books}, true, false},
	}
	for _, st := range steps {
		if st.edit != nil {
			st.edit()
		}
		up, err := s.Update(context.Background(), st.changed)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if st.edit == nil && (up.Pages > 0 || len(up.Changed)+len(up.Removed) > 0) {
			t.Errorf("%s: rendered %d pages, changed %q, removed %q; want nothing", st.name, up.Pages, up.Changed, up.Removed)
		}
		if up.Full || st.partial && up.Pages >= total {
			t.Errorf("%s: rendered %d of %d pages (full %v); want a partial rebuild", st.name, up.Pages, total, up.Full)
		}
		if st.rescan {
			if _, err := s.Update(context.Background(), []string{}); err != nil {
				t.Fatalf("%s, rescan: %v", st.name, err)
			}
		}
		deferred += settle(t, st.name, s, up, later)
		sameAsFull(t, st.name, dir, s)
	}
	if later && deferred == 0 {
		t.Error("no step left a layout for later: Settle went untested")
	}
}

// settle runs Live.Settle after the update up and returns 1 when it laid
// out a graph the update left for later, which only a site with
// LayoutLater may do, and which the update must not have written.
func settle(t *testing.T, step string, s *Live, up *Update, later bool) int {
	t.Helper()
	settled, err := s.Settle(context.Background())
	switch {
	case err != nil:
		t.Fatalf("%s, settle: %v", step, err)
	case settled != nil && !later:
		t.Errorf("%s: a layout was left for later", step)
	case settled != nil && slices.Contains(up.Changed, graphDataPath):
		t.Errorf("%s: the rebuild wrote %s that it left for later", step, graphDataPath)
	case settled != nil:
		return 1
	}
	return 0
}

func bytesReplace(s, old, new string) string {
	return string(bytes.Replace([]byte(s), []byte(old), []byte(new), 1))
}

// TestSettingsReread: an edit to vaultsite.yaml reaches the next build
// through Live.Settings, and a broken file keeps the previous site.
func TestSettingsReread(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	title := "First"
	s := NewLive(os.DirFS(dir), Options{})
	s.Settings = func() (Options, error) {
		if title == "" {
			return Options{}, os.ErrInvalid
		}
		o := Options{}
		o.Site.Title = title
		return o, nil
	}
	s.opts.Site.Title = title
	ctx := context.Background()
	if _, err := s.Update(ctx, nil); err != nil {
		t.Fatal(err)
	}
	title = "Second"
	if _, err := s.Update(ctx, []string{"vaultsite.yaml"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(s.Current().Files["a/index.html"], []byte("Second")) {
		t.Error("the new title did not reach the page")
	}
	title = ""
	if _, err := s.Update(ctx, []string{"vaultsite.yaml"}); err == nil {
		t.Error("a broken settings file must fail the rebuild")
	}
	if !bytes.Contains(s.Current().Files["a/index.html"], []byte("Second")) {
		t.Error("a failed rebuild must keep the previous site")
	}
}

// TestNoteAndImageChangedTogether: a save that changes a note and the
// image it embeds serves the new image once (it used to be written twice,
// which the in-memory emitter refuses).
func TestNoteAndImageChangedTogether(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "![[p.png]]\n")
	write("p.png", "old")
	s := NewLive(os.DirFS(dir), Options{})
	ctx := context.Background()
	if _, err := s.Update(ctx, nil); err != nil {
		t.Fatal(err)
	}
	write("a.md", "![[p.png]] again\n")
	write("p.png", "new")
	if _, err := s.Update(ctx, []string{"a.md", "p.png"}); err != nil {
		t.Fatal(err)
	}
	if got := string(snapshotBytes(t, s.Current())["p.png"]); got != "new" {
		t.Errorf("p.png = %q, want the new bytes", got)
	}
}

// TestSettingsChangedWithoutEvent: app.json's strictLineBreaks changes
// and no event names the file. The rescan that finds it rebuilds
// everything (it used to fail with "line-break setting changed", and so
// did every save after it), and later saves are incremental again.
func TestSettingsChangedWithoutEvent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".obsidian/app.json", `{"strictLineBreaks": false}`)
	write("a.md", "one\ntwo\n")
	write("b.md", "three\nfour\n")
	s := NewLive(os.DirFS(dir), Options{})
	ctx := context.Background()
	if _, err := s.Update(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(s.Current().Files["b/index.html"], []byte("three<br")) {
		t.Fatalf("without strict line breaks, b has no <br>:\n%s", s.Current().Files["b/index.html"])
	}
	write(".obsidian/app.json", `{"strictLineBreaks": true}`)
	for i, changed := range [][]string{{}, {"a.md"}} {
		if i == 1 {
			write("a.md", "one\ntwo\nsaved\n")
		}
		up, err := s.Update(ctx, changed)
		if err != nil {
			t.Fatalf("update %q: %v", changed, err)
		}
		if want := i == 0; up.Full != want {
			t.Errorf("update %q: full = %v, want %v", changed, up.Full, want)
		}
	}
	if bytes.Contains(s.Current().Files["b/index.html"], []byte("three<br")) {
		t.Error("b still has the <br> of the old setting")
	}
	if !bytes.Contains(s.Current().Files["a/index.html"], []byte("saved")) {
		t.Error("the save after the rescan did not reach a's page")
	}
}
