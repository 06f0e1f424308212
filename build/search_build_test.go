package build

import (
	"context"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/internal/search"
	"github.com/vaultsite/vaultsite/site"
)

// searchSecrets are words that only unpublished notes hold, or that only
// comments, math and raw HTML hold.
var searchSecrets = []string{"xylophone", "heist", "marmalade", "hush", "treasure", "gazebo", "kumquat", "orchard", "wombat", "frobnicate", "gizmoquark", "ocelot"}

// TestSearchBuildPublishedOnly builds vaultFile(t, "search"): the index holds the
// published notes' titles, aliases, headings, tags and text, and not one
// word of the unpublished notes, of comments, math or raw HTML, in any of
// its files; every page names the index, the script and MiniSearch by
// files the build emitted.
func TestSearchBuildPublishedOnly(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, vaultFile(t, "search"), Options{})
	var n int
	for _, p := range em.Paths() {
		if !strings.HasPrefix(string(p), search.Dir+"/") {
			continue
		}
		n++
		lower := strings.ToLower(string(em.Files[p]))
		for _, w := range searchSecrets {
			if strings.Contains(lower, w) {
				t.Errorf("%s holds %q", p, w)
			}
		}
	}
	if n < 3 {
		t.Fatalf("%d search files emitted", n)
	}
	s := readSearch(t, em)
	if got := s.DocumentCount; got != 2 || len(s.Docs) != 2 {
		t.Fatalf("%d documents, %d rows; want Home and Alpha", got, len(s.Docs))
	}
	alpha := "-1"
	for i, d := range s.Docs {
		if d[0] == "Alpha" {
			alpha = string(rune('0' + i))
			if d[1] != "projects/alpha/" || d[2] != "Projects" {
				t.Errorf("Alpha's row = %q", d)
			}
		}
	}
	for _, tt := range []struct{ term, field string }{
		{"alpha", "0"}, {"first", "1"}, {"letter", "1"}, {"rollout", "2"}, {"schedule", "2"},
		{"project", "3"}, {"launch", "3"}, {"airship", "3"},
		{"zeppelin", "4"}, {"cafe", "4"}, {"quasar", "4"}, {"airship", "4"},
	} {
		if s.Entries[tt.term][tt.field][alpha] == 0 {
			t.Errorf("%q is not in field %s of Alpha (document %s): %v", tt.term, tt.field, alpha, s.Entries[tt.term])
		}
	}
	if len(s.Entries["rollout"]["4"]) != 0 {
		t.Errorf("a heading's words are in the text field too: %v", s.Entries["rollout"])
	}
	checkSearchRefs(t, em)
}

// TestSearchNothingPublished builds a vault whose only note is not
// published: the index is there, empty, and pages still name it.
func TestSearchNothingPublished(t *testing.T) {
	t.Parallel()
	em := NewMemEmitter()
	fsys := fstest.MapFS{"Secret.md": {Data: []byte("---\npublish: false\n---\nThe gazebo.\n")}}
	if _, err := Build(context.Background(), fsys, Options{}, em); err != nil {
		t.Fatal(err)
	}
	meta := string(em.Files[search.MetaFile])
	for _, want := range []string{`"documentCount":0`, `"shards":{}`, `"docs":[]`} {
		if !strings.Contains(meta, want) {
			t.Errorf("index.json lacks %s: %s", want, meta)
		}
	}
	checkSearchRefs(t, em)
}

var dataAttr = regexp.MustCompile(`data-(index|script|lib)="([^"]+)"`)

// checkSearchRefs checks that every page with the search button names
// files the build emitted, and that only the 404 page lacks it (and the
// redirect pages of aliases, which are not pages to read, discover.go).
func checkSearchRefs(t *testing.T, em *MemEmitter) {
	t.Helper()
	for _, p := range em.Paths() {
		if path.Ext(string(p)) != ".html" || isRedirect(string(em.Files[p])) {
			continue
		}
		page := string(em.Files[p])
		refs := dataAttr.FindAllStringSubmatch(page, -1)
		if len(refs) != 3 {
			t.Errorf("%s: search attributes %q, want index, script and lib", p, refs)
		}
		for _, m := range refs {
			target := site.OutPath(path.Join(path.Dir(string(p)), m[2]))
			if _, ok := em.Files[target]; !ok {
				t.Errorf("%s: data-%s names %s, which was not emitted", p, m[1], target)
			}
		}
	}
}

// readSearch reads the index the build emitted into em.
func readSearch(t *testing.T, em *MemEmitter) *search.Contents {
	t.Helper()
	c, err := search.Read(func(p site.OutPath) ([]byte, bool) {
		data, ok := em.Files[p]
		return data, ok
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSearchDocumentsKeyed checks what lets a rebuild reuse the terms of
// the notes it did not read again (internal/search's
// TestSearchReusesTerms): the documents of one analysis, made twice,
// carry the same non-nil keys, and a rebuild that reads nothing again
// keeps every document as it was.
func TestSearchDocumentsKeyed(t *testing.T) {
	t.Parallel()
	a, err := analyze(context.Background(), vaultFile(t, "search"), Options{}, true)
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{v: a.Vault, a: a}
	first := b.searchDocuments(nil)
	x, err := search.Build(context.Background(), first, nil)
	if err != nil {
		t.Fatal(err)
	}
	second := b.searchDocuments(x)
	if len(first) != 2 || len(second) != 2 {
		t.Fatalf("%d and %d documents, want Home and Alpha", len(first), len(second))
	}
	for i := range first {
		if first[i].Key == nil || first[i].Key != second[i].Key || first[i].ID != second[i].ID {
			t.Errorf("document %d: keys %v and %v", i, first[i].Key, second[i].Key)
		}
	}
}
