package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// An empty item in a tags list is null, so the key after it keeps its
// own value: the note is published under --opt-in and shows its real
// tags, not a "#publish: true" tag.
func TestBuildEmptyTagsItem(t *testing.T) {
	t.Parallel()
	const vault = `
-- Empty item.md --
---
tags:
- seedling
- 
publish: true
aliases:
- Old name
- 
description: The description.
---
Body of the note.
-- Unmarked.md --
Not published.
`
	res, em := buildSite(t, vaultArchive(t, vault), Options{Load: site.LoadOptions{OptIn: true}})
	assertOutput(t, em, "empty-item/index.html", `
Body of the note.
href="../tags/seedling/"
The description.
! publish: true
! #publish
! description:
`)
	if _, ok := em.Files["unmarked/index.html"]; ok {
		t.Error("the unmarked note was published under opt-in")
	}
	for _, d := range res.Diags {
		if d.Severity > site.Info {
			t.Errorf("unexpected %s", d)
		}
	}
	// Without --opt-in the page used to show the pill "#publish: true".
	_, em = buildSite(t, vaultArchive(t, vault), Options{})
	assertOutput(t, em, "empty-item/index.html", "href=\"../tags/seedling/\"\n! publish: true")
}

// A note with "permalink: /" is the home page (Obsidian Publish's rule).
func TestBuildPermalinkRootIsHome(t *testing.T) {
	t.Parallel()
	const vault = `
-- Welcome.md --
---
permalink: /
---
The welcome text.
-- Notes/Other.md --
Links to [[Welcome]].
`
	_, em := buildSite(t, vaultArchive(t, vault), Options{})
	assertOutput(t, em, "index.html", "The welcome text.")
	if _, ok := em.Files["welcome/index.html"]; ok {
		t.Error("the home note was also published at its path's URL")
	}
	assertOutput(t, em, "notes/other/index.html", `href="../../"`)
}

// The indexFile of Obsidian Publish's site-options.json is the home page.
func TestBuildPublishIndexFileIsHome(t *testing.T) {
	t.Parallel()
	const vault = `
-- site-options.json --
{"indexFile": "Start/Here", "siteName": "Notes"}
-- Start/Here.md --
Start reading here.
-- index.md --
The plain index.
`
	_, em := buildSite(t, vaultArchive(t, vault), Options{})
	// index.md's first sentence shows only as its row's description.
	assertOutput(t, em, "index.html", "Start reading here.\n! <p>The plain index.</p>\n<p class=\"entry-description\">The plain index.</p>")
}

// Choosing another home page while serving rebuilds what a full build
// would make: by a note's permalink, then by site-options.json.
func TestIncrementalHomeMoves(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.md", "The index, see [[A]].\n")
	write("A.md", "Note A.\n")
	write("B/C.md", "Note C, see [[A]].\n")
	s := NewLive(os.DirFS(dir), Options{})
	ctx := context.Background()
	if _, err := s.Update(ctx, nil); err != nil {
		t.Fatal(err)
	}
	steps := []struct{ name, file, text, home string }{
		{"permalink / on A", "A.md", "---\npermalink: /\n---\nNote A.\n", "Note A."},
		{"permalink removed", "A.md", "Note A.\n", "The index"},
		{"indexFile names C", "site-options.json", `{"indexFile": "B/C"}`, "Note C"},
	}
	for _, st := range steps {
		write(st.file, st.text)
		if _, err := s.Update(ctx, []string{st.file}); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if _, err := s.Settle(ctx); err != nil { // the graph's layout may be left for later
			t.Fatalf("%s, settle: %v", st.name, err)
		}
		sameAsFull(t, st.name, dir, s)

		if !bytes.Contains(s.Current().Files["index.html"], []byte(st.home)) {
			t.Errorf("%s: the home page does not hold %q", st.name, st.home)
		}
	}
}
