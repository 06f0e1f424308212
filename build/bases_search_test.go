package build

import (
	"strconv"
	"strings"
	"testing"
)

// searchBasesVault has a .base with two views over published books, and
// an unpublished book that a view would list.
const searchBasesVault = `
-- Library/Books.base --
filters: file.hasTag("book")
views:
  - type: table
    name: Reading queue
  - type: cards
    name: Shelf
    filters: status == "read"
-- Dune.md --
---
tags: [book]
status: read
author: Herbertson
---
A book.
-- Emma.md --
---
tags: [book]
status: reading
---
Another.
-- Zanzibar.md --
---
tags: [book]
publish: false
---
Secret.
`

// TestSearchBasePages: a .base page is a search document: its title,
// its views' names as headings, and the names of the notes its views
// list as text; an unpublished note is not among them, and the cells'
// values stay out.
func TestSearchBasePages(t *testing.T) {
	t.Parallel()
	_, em := buildLook(t, searchBasesVault, Options{})
	s := readSearch(t, em)
	doc := ""
	for i, d := range s.Docs {
		if d[0] == "Books" {
			doc = strconv.Itoa(i)
			if d[1] != "library/books.base/" || d[2] != "Library" {
				t.Errorf("the base's row = %q", d)
			}
		}
	}
	if doc == "" {
		t.Fatalf("no document for Books.base in %q", s.Docs)
	}
	for _, tt := range []struct{ term, field string }{
		{"books", "0"}, {"reading", "2"}, {"queue", "2"}, {"shelf", "2"}, {"dune", "4"}, {"emma", "4"},
	} {
		if s.Entries[tt.term][tt.field][doc] == 0 {
			t.Errorf("term %q is not in field %s of the base's document", tt.term, tt.field)
		}
	}
	for _, w := range []string{"zanzibar", "herbertson"} {
		if _, ok := s.Entries[w]; ok {
			t.Errorf("the index holds %q", w)
		}
	}
	if strings.Contains(string(em.Files["library/books.base/index.html"]), "Zanzibar") {
		t.Error("the base page lists the unpublished note")
	}
}
