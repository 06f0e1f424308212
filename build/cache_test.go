package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/internal/cache"
	"github.com/vaultsite/vaultsite/internal/search"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
)

// openCache opens the store in dir with a fixed version, so a test's
// builds share entries as one binary's builds do.
func openCache(t *testing.T, dir string) *cache.Store {
	t.Helper()
	s, err := cache.Open(dir, cache.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// cachedBuild builds fsys with the cache in dir and closes it, returning
// the output and what the cache did.
func cachedBuild(t *testing.T, fsys fstest.MapFS, dir string) (*MemEmitter, cache.Stats) {
	t.Helper()
	s := openCache(t, dir)
	_, em := buildSite(t, fsys, Options{Cache: s})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return em, s.Stats()
}

// sameOutput fails t unless a and b hold the same files, byte for byte.
func sameOutput(t *testing.T, what string, a, b *MemEmitter) {
	t.Helper()
	pa, pb := a.Paths(), b.Paths()
	if diff := cmp.Diff(pa, pb); diff != "" {
		t.Fatalf("%s: files differ (-want +got):\n%s", what, diff)
	}
	for _, p := range pa {
		if string(a.Files[p]) != string(b.Files[p]) {
			t.Errorf("%s: %s differs:\n%s", what, p, cmp.Diff(string(a.Files[p]), string(b.Files[p])))
		}
	}
}

// TestCacheColdWarmAndNone builds one vault with no cache, with a cold
// cache and with the warm one: every file the same, and the warm build
// renders no body, highlights no code, lays out no graph and indexes no
// search, as it takes all of them from the cache.
func TestCacheColdWarmAndNone(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"cache", "embed-ids", "search", "graph"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fsys := vaultFile(t, name)
			_, none := buildSite(t, fsys, Options{})
			dir := t.TempDir()
			cold, st := cachedBuild(t, fsys, dir)
			sameOutput(t, "cold cache", none, cold)
			if st.Puts == 0 {
				t.Fatalf("the cold build stored nothing: %+v", st)
			}
			warm, st := cachedBuild(t, fsys, dir)
			sameOutput(t, "warm cache", none, warm)
			if st.Misses != 0 || st.Puts != 0 || st.Hits == 0 {
				t.Errorf("warm build: %+v, want hits only", st)
			}
		})
	}
}

// TestCacheWarmSkipsEachKind counts the warm build's hits on the cache
// vault: one per published note's body, one for the graph, one for the
// search index, and no code block, which only rendering a body would
// look up.
func TestCacheWarmSkipsEachKind(t *testing.T) {
	t.Parallel()
	fsys := vaultFile(t, "cache")
	dir := t.TempDir()
	res, em := buildSite(t, fsys, Options{})
	cachedBuild(t, fsys, dir)
	warm, st := cachedBuild(t, fsys, dir)
	sameOutput(t, "warm", em, warm)
	// The embedded sections are rendered anew on each build (only the
	// bodies that show them are kept), and two of them hold code: Guide's
	// "Install" and the whole of Detail.
	if want := int64(res.Pages + 2 + 2); st.Hits != want || st.Misses != 0 {
		t.Errorf("warm build: %+v; want %d hits (%d bodies, the graph, the search index, 2 code blocks) and no misses",
			st, want, res.Pages)
	}
}

// TestCacheDamagedEntries damages every entry of a warm cache in one way
// each time and wants the output of a build without a cache.
func TestCacheDamagedEntries(t *testing.T) {
	t.Parallel()
	damage := map[string]func(t *testing.T, entries []string){
		"truncated": func(t *testing.T, entries []string) {
			for _, p := range entries {
				fi, _ := os.Stat(p)
				must(t, os.Truncate(p, fi.Size()/2))
			}
		},
		"flipped byte": func(t *testing.T, entries []string) {
			for _, p := range entries {
				b := readFile(t, p)
				b[len(b)*3/4] ^= 0x20
				must(t, os.WriteFile(p, b, 0o644))
			}
		},
		"swapped": func(t *testing.T, entries []string) { // each entry at another's name
			first := readFile(t, entries[0])
			for i := range entries[:len(entries)-1] {
				must(t, os.WriteFile(entries[i], readFile(t, entries[i+1]), 0o644))
			}
			must(t, os.WriteFile(entries[len(entries)-1], first, 0o644))
		},
		"empty": func(t *testing.T, entries []string) {
			for _, p := range entries {
				must(t, os.WriteFile(p, nil, 0o644))
			}
		},
	}
	fsys := vaultFile(t, "cache")
	_, want := buildSite(t, fsys, Options{})
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			cachedBuild(t, fsys, dir)
			entries := cacheEntries(t, dir)
			if len(entries) < 2 {
				t.Fatalf("only %d entries", len(entries))
			}
			f(t, entries)
			got, st := cachedBuild(t, fsys, dir)
			sameOutput(t, name, want, got)
			if st.Bad < int64(len(entries)) {
				t.Errorf("build on a damaged cache: %+v, want all %d entries found bad", st, len(entries))
			}
			again, st := cachedBuild(t, fsys, dir) // the build rewrote what it found bad
			sameOutput(t, name+", rebuilt", want, again)
			if st.Misses != 0 {
				t.Errorf("build after repair: %+v, want no misses", st)
			}
		})
	}
}

// TestCacheOtherVersionMisses: a cache a different binary filled gives
// no hits, and the output of a build without one.
func TestCacheOtherVersionMisses(t *testing.T) {
	t.Parallel()
	fsys := vaultFile(t, "cache")
	_, want := buildSite(t, fsys, Options{})
	dir := t.TempDir()
	old, err := cache.Open(dir, cache.Options{Version: "older"})
	if err != nil {
		t.Fatal(err)
	}
	buildSite(t, fsys, Options{Cache: old})
	n := len(cacheEntries(t, dir))
	got, st := cachedBuild(t, fsys, dir)
	sameOutput(t, "other version", want, got)
	// Each version has its entries under names of its own: a build that
	// took none of the older entries wrote all of its own beside them.
	if all := len(cacheEntries(t, dir)); all != 2*n || st.Bad != 0 {
		t.Errorf("%d entries of the older version, %d in all, %+v", n, all, st)
	}
}

func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, "entries"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestCacheFollowsEditsOfOtherNotes edits, one after another, notes that
// Home links to or embeds, and after each edit wants the cached build
// (its cache warm from every build before) to equal a build without a
// cache: Home's body must be rendered again whenever what it shows of
// another note changed, though its own bytes never change.
func TestCacheFollowsEditsOfOtherNotes(t *testing.T) {
	t.Parallel()
	fsys := vaultFile(t, "cache")
	dir := t.TempDir()
	cachedBuild(t, fsys, dir)
	set := func(name, text string) { fsys[name] = &fstest.MapFile{Data: []byte(text)} }
	edit := func(name, old, new string) {
		t.Helper()
		s := string(fsys[name].Data)
		if !strings.Contains(s, old) {
			t.Fatalf("%s lacks %q", name, old)
		}
		set(name, strings.Replace(s, old, new, 1))
	}
	steps := []struct {
		name   string
		change func()
		home   string // a line Home's page must then hold
	}{
		{"heading renamed", func() { edit("Guide.md", "## Install", "## Installing") }, "href=\"guide/\"\n! href=\"guide/#install\""},
		{"only a URL changed", func() { edit("Far.md", "# Far", "---\npermalink: /far-away/\n---\n# Far") }, `href="far-away/"`},
		{"title changed", func() { edit("Card.md", "title: A card", "title: The card") }, "The card\n! A card"},
		{"embedded text", func() { edit("Topic.md", "A topic", "One topic") }, `One topic`},
		{"nested embed", func() { edit("Detail.md", "A fact.", "A new fact.") }, `A new fact.`},
		{"block moved", func() { edit("Detail.md", "A new fact. ^fact", "Other.\n\nMoved fact. ^fact") }, `Moved fact.`},
		{"link target made", func() { set("Gone.md", "# Gone\n") }, `href="gone/"`},
		{"link target deleted", func() { delete(fsys, "Topic.md") }, `! One topic`},
		{"embedded image gone", func() { delete(fsys, "pic.png") }, `! <img src="pic.png"`},
		{"code edited", func() { edit("Guide.md", "make install", "make all install") }, `make all install`},
		{"unpublished", func() { edit("Guide.md", "tags: [docs]", "tags: [docs]\npublish: false") }, `! href="guide/"`},
	}
	for _, s := range steps {
		s.change()
		_, want := buildSite(t, fsys, Options{})
		got, st := cachedBuild(t, fsys, dir)
		sameOutput(t, s.name, want, got)
		if st.Hits == 0 {
			t.Errorf("%s: no hits at all: %+v", s.name, st)
		}
		assertOutput(t, got, "index.html", s.home)
	}
}

// TestCacheEntriesAreContentAddressed: two vaults with the same note
// share its body's entry, wherever their caches are: nothing in a key
// depends on the machine or the place.
func TestCacheEntriesAreContentAddressed(t *testing.T) {
	t.Parallel()
	fsys := vaultFile(t, "cache")
	a, b := t.TempDir(), t.TempDir()
	cachedBuild(t, fsys, a)
	cachedBuild(t, fsys, b)
	names := func(dir string) []string {
		var out []string
		for _, p := range cacheEntries(t, dir) {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return out
	}
	if diff := cmp.Diff(names(a), names(b)); diff != "" {
		t.Errorf("two caches of one vault differ:\n%s", diff)
	}
}

// TestCacheLiveEqualsFull runs the preview's rebuilds on the bundled
// vault with a cache that earlier builds filled, and after each edit
// wants the site a build without a cache makes; then a new preview (a
// restart of serve) on the same cache, once more.
func TestCacheLiveEqualsFull(t *testing.T) {
	t.Parallel()
	dir := copyVault(t, "../vault")
	tcp := "obisdian_ntoes/notes_obsidian/ZPythonref/DjangoFramework/Network+/Ref_OSI/TCP.md"
	store := openCache(t, t.TempDir())
	buildSite(t, os.DirFS(dir), Options{Cache: store})
	live := func() *Live {
		s := NewLive(os.DirFS(dir), Options{Cache: store})
		if _, err := s.Update(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := live()
	sameAsFull(t, "warm start", dir, s)
	change := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		b := readFile(t, p)
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s lacks %q", name, old)
		}
		must(t, os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644))
	}
	for _, st := range []struct {
		name string
		edit func()
		path string
	}{
		{"heading renamed", func() { change(tcp, "## Three-way handshake", "## Handshake in three steps") }, tcp},
		{"title set", func() { change(tcp, "date: 2023-07-09", "date: 2023-07-09\ntitle: Transmission Control") }, tcp},
		{"link added", func() { change(tcp, "## Handshake in three steps", "## Handshake in three steps\n\nSee [[UDP]].") }, tcp},
		{"note added", func() {
			must(t, os.WriteFile(filepath.Join(dir, "Ports.md"), []byte("# Ports\n\n![[TCP#Handshake in three steps]]\n"), 0o644))
		}, "Ports.md"},
	} {
		st.edit()
		if _, err := s.Update(context.Background(), []string{st.path}); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if _, err := s.Settle(context.Background()); err != nil {
			t.Fatal(err)
		}
		sameAsFull(t, st.name, dir, s)
	}
	sameAsFull(t, "restart", dir, live())
}

// TestCacheBoundHolds builds with a store bounded to half of what the
// vault's entries take: the output is the same, and the cache stays
// within its bound, build after build.
func TestCacheBoundHolds(t *testing.T) {
	t.Parallel()
	fsys := vaultFile(t, "cache")
	_, want := buildSite(t, fsys, Options{})
	full := t.TempDir()
	cachedBuild(t, fsys, full)
	all, err := cache.Measure(full)
	if err != nil {
		t.Fatal(err)
	}
	bound := all.Bytes / 2
	dir := t.TempDir()
	for i := range 3 {
		s, err := cache.Open(dir, cache.Options{Version: "test", MaxBytes: bound})
		if err != nil {
			t.Fatal(err)
		}
		_, got := buildSite(t, fsys, Options{Cache: s})
		must(t, s.Close())
		sameOutput(t, fmt.Sprint("build ", i), want, got)
		u, err := cache.Measure(dir)
		if err != nil {
			t.Fatal(err)
		}
		if u.Bytes > bound || s.Stats().Evicted == 0 {
			t.Errorf("build %d: the cache holds %d bytes, bound %d; %+v", i, u.Bytes, bound, s.Stats())
		}
	}
}

// TestBodyKeyFields and TestSearchKeyFields guard the keys against a
// field added later: each field of render.Dest and search.Document
// changed alone must change the key. A new field fails the count; add
// it to recordingBinder.Bind or searchDocKey, then here.
func TestBodyKeyFields(t *testing.T) {
	t.Parallel()
	variants := []render.Dest{{}, {State: render.Resolved}, {URL: "x/"}, {Kind: site.KindImage}, {Title: "t"},
		{Content: []byte("c")}, {InlineTitle: "i"}, {Cycle: true}, {Cut: "c"}}
	if n := reflect.TypeFor[render.Dest]().NumField(); n != len(variants)-1 {
		t.Fatalf("render.Dest has %d fields, the key %d", n, len(variants)-1)
	}
	seen := map[cache.Key]int{}
	for i, d := range variants {
		rec := &recordingBinder{inner: &pageBinder{}, h: cache.NewHasher("body")}
		rec.record(d)
		k := rec.h.Key()
		if j, dup := seen[k]; dup {
			t.Errorf("variants %d and %d share a key", i, j)
		}
		seen[k] = i
	}
}

func TestSearchKeyFields(t *testing.T) {
	t.Parallel()
	body := func() string { return "words" }
	variants := []search.Document{{}, {ID: "a.md"}, {Title: "t"}, {URL: "u/"}, {Crumbs: "c"}, {Aliases: []string{"a"}},
		{Headings: []string{"h"}}, {Tags: []string{"t"}}, {Body: body}}
	// Key names the parse, not the content: it is left out on purpose.
	if n := reflect.TypeFor[search.Document]().NumField(); n != len(variants)-1+1 {
		t.Fatalf("search.Document has %d fields, the key %d and Key", n, len(variants)-1)
	}
	seen := map[cache.Key]int{}
	for i := range variants {
		k := searchDocKey(&variants[i])
		if j, dup := seen[k]; dup {
			t.Errorf("variants %d and %d share a key", i, j)
		}
		seen[k] = i
	}
}

// TestCacheConcurrentBuilds runs builds of two versions of a vault at
// once on one cache folder, each with its own store as two processes
// would: every build's output is that of a build without a cache.
func TestCacheConcurrentBuilds(t *testing.T) {
	t.Parallel()
	a := vaultFile(t, "cache")
	b := vaultFile(t, "cache")
	b["Detail.md"] = &fstest.MapFile{Data: []byte("# Detail\n\nAnother fact. ^fact\n\n```go\nvar x = 3\n```\n")}
	_, wantA := buildSite(t, a, Options{})
	_, wantB := buildSite(t, b, Options{})
	dir := t.TempDir()
	var wg sync.WaitGroup
	got := make([]*MemEmitter, 6)
	for i := range got {
		fsys := a
		if i%2 == 1 {
			fsys = b
		}
		wg.Go(func() {
			s, err := cache.Open(dir, cache.Options{Version: "test"})
			if err != nil {
				t.Error(err)
				return
			}
			em := NewMemEmitter()
			if _, err := Build(context.Background(), fsys, Options{Cache: s}, em); err != nil {
				t.Error(err)
			}
			got[i] = em
		})
	}
	wg.Wait()
	for i, em := range got {
		if em == nil {
			continue // reported
		}
		want := wantA
		if i%2 == 1 {
			want = wantB
		}
		sameOutput(t, fmt.Sprint("build ", i), want, em)
	}
}
