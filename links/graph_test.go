package links

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// graphVault: a.md and b.md link to t.md; u.md is unpublished; links go to
// notes, to assets, nowhere, and to their own note.
func graphVault() *site.Vault {
	v := testVault("a.md", "b.md", "t.md", "u.md", "img.png", "sub/t2.md")
	v.Note("u.md").Published = false
	v.Note("a.md").Links = []site.Link{
		{Path: "t", Offset: 40},
		{Path: "img.png", Offset: 50, Embed: true},
		{Path: "t", Subpath: "H", Offset: 60},
		{Path: "", Subpath: "self", Offset: 70},
		{Path: "a", Offset: 80},
		{Path: "Example", Offset: 90},
		{Path: "t2", Offset: 10, InProperty: true}, // listed late, lower offset
		{Path: "t", Offset: 5, InProperty: true},
	}
	v.Note("b.md").Links = []site.Link{{Path: "T", Offset: 3, Embed: true}, {Path: "u", Offset: 4}}
	v.Note("u.md").Links = []site.Link{{Path: "t", Offset: 1}, {Path: "a", Offset: 2}}
	v.Note("t.md").Links = []site.Link{{Path: "sub/t2", Offset: 1}, {Path: "t", Offset: 2}}
	return v
}

func TestBacklinks(t *testing.T) {
	t.Parallel()
	v := graphVault()
	g := NewGraph(v)
	type bl struct {
		From   site.VaultPath
		Offset int
	}
	tests := []struct {
		give string
		want []bl
	}{
		{give: "t.md", want: []bl{{"a.md", 5}, {"a.md", 40}, {"a.md", 60}, {"b.md", 3}}},
		{give: "sub/t2.md", want: []bl{{"a.md", 10}, {"t.md", 1}}},
		{give: "u.md", want: []bl{{"b.md", 4}}}, // an unpublished target still has backlinks
		{give: "a.md", want: nil},               // from itself and from unpublished u.md only
		{give: "b.md", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			t.Parallel()
			var got []bl
			for _, b := range g.Backlinks(v.Note(site.VaultPath(tt.give))) {
				got = append(got, bl{b.From.Path, b.Link.Offset})
				if b.From.Links[b.Index] != b.Link {
					t.Errorf("Backlink.Index %d is not the link at offset %d", b.Index, b.Link.Offset)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Backlinks(%s) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
	if got := g.Backlinks(from("elsewhere.md")); got != nil {
		t.Errorf("Backlinks(note outside the vault) = %v, want nil", got)
	}
}

func TestOutlinks(t *testing.T) {
	t.Parallel()
	v := graphVault()
	g := NewGraph(v)
	g.Index()
	tests := []struct {
		give string
		want []site.VaultPath
	}{
		{give: "a.md", want: []site.VaultPath{"sub/t2.md", "t.md"}},
		{give: "b.md", want: []site.VaultPath{"t.md", "u.md"}},
		{give: "u.md", want: []site.VaultPath{"a.md", "t.md"}},
		{give: "t.md", want: []site.VaultPath{"sub/t2.md"}},
		{give: "sub/t2.md", want: nil},
	}
	for _, tt := range tests {
		var got []site.VaultPath
		for _, n := range g.Outlinks(v.Note(site.VaultPath(tt.give))) {
			got = append(got, n.Path)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Outlinks(%s) mismatch (-want +got):\n%s", tt.give, diff)
		}
	}
}

// TestGraphConcurrent is for -race: readers on many goroutines, the
// first of which computes the index.
func TestGraphConcurrent(t *testing.T) {
	t.Parallel()
	v := graphVault()
	g := NewGraph(v)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, n := range v.Notes {
				g.Backlinks(n)
				g.Outlinks(n)
				for _, l := range n.Links {
					g.Link(n, l)
				}
			}
		})
	}
	wg.Wait()
	if got := len(g.Backlinks(v.Note("t.md"))); got != 4 {
		t.Errorf("len(Backlinks(t.md)) = %d, want 4", got)
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	g := NewGraph(testVault("Projects/Project Alpha.md", "Projects/Project Beta.md", "Plugins/Graph view.md",
		"Archive/Graph views.md", "Log.md", "Logs.md", "Blog.md", "Dog.md", "img.png", "Work/Projects/Alpha.md"))
	tests := []struct {
		give string
		k    int
		want []site.VaultPath
	}{
		{give: "Projct Alpha", k: 3, want: []site.VaultPath{"Projects/Project Alpha.md"}},
		{give: "Projct Alpha", k: 1, want: []site.VaultPath{"Projects/Project Alpha.md"}},
		{give: "Graph Veiw", k: 3, want: []site.VaultPath{"Plugins/Graph view.md", "Archive/Graph views.md"}},
		{give: "lgo", k: 5, want: nil}, // a swap costs 2, more than a third of 3
		{give: "Lo", k: 5, want: []site.VaultPath{"Log.md"}},
		{give: "og", k: 5, want: []site.VaultPath{"Dog.md", "Log.md"}},
		{give: "Projects/Alpa", k: 3, want: []site.VaultPath{"Work/Projects/Alpha.md"}},
		{give: "../Projects/Alpa.md", k: 3, want: []site.VaultPath{"Work/Projects/Alpha.md"}},
		{give: "img.pnh", k: 3, want: nil}, // assets are not suggested
		{give: "Something else entirely", k: 3, want: nil},
		{give: "Log", k: 0, want: nil},
		{give: "", k: 3, want: nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, g.Suggest(tt.give, tt.k)); diff != "" {
			t.Errorf("Suggest(%q, %d) mismatch (-want +got):\n%s", tt.give, tt.k, diff)
		}
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // capped at limit+1
		{"", "abc", 5, 3},
		{"abc", "", 5, 3},
		{"été", "ete", 5, 2},
		{"same", "same", 0, 0},
	}
	for _, tt := range tests {
		a := []rune(tt.a)
		if got := editDistance(a, tt.b, tt.limit, make([]int, 2*(len(a)+1))); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
