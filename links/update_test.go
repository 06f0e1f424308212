package links

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// TestUpdate reloads graphVault with a.md read again (new links) and
// img.png replaced: the updated graph has the backlinks and outlinks of
// a graph made anew, and the graph it came from keeps its own. A vault
// with a file added is refused.
func TestUpdate(t *testing.T) {
	t.Parallel()
	old := graphVault()
	g := NewGraph(old)
	g.Index()
	notes := append([]*site.Note(nil), old.Notes...)
	a := &site.Note{Path: "a.md", Published: true, Links: []site.Link{{Path: "b", Offset: 1}, {Path: "img.png", Offset: 2, Embed: true}}}
	notes[0] = a
	assets := []*site.Asset{{Path: "img.png", Kind: site.KindImage, Size: 9}}
	v := site.NewVault(nil, notes, assets)
	got := g.Update(v)
	if got == nil {
		t.Fatal("Update refused a vault with the same files")
	}
	want := NewGraph(v)
	for _, n := range v.Notes {
		if diff := cmp.Diff(paths(want.Outlinks(n)), paths(got.Outlinks(n))); diff != "" {
			t.Errorf("outlinks of %s (-new +updated):\n%s", n.Path, diff)
		}
		if diff := cmp.Diff(backPaths(want.Backlinks(n)), backPaths(got.Backlinks(n))); diff != "" {
			t.Errorf("backlinks of %s (-new +updated):\n%s", n.Path, diff)
		}
	}
	if r := got.Resolve(a, "img.png"); r.Target.Asset != assets[0] {
		t.Errorf("img.png resolves to %+v, want the new asset", r.Target)
	}
	if ps := paths(g.Outlinks(old.Note("a.md"))); len(ps) != 2 {
		t.Errorf("the old graph changed: a.md links to %v", ps)
	}
	added := site.NewVault(nil, append(notes, &site.Note{Path: "z.md"}), assets)
	if g.Update(added) != nil {
		t.Error("Update accepted a vault with a note added")
	}
}

func paths(ns []*site.Note) []site.VaultPath {
	var out []site.VaultPath
	for _, n := range ns {
		out = append(out, n.Path)
	}
	return out
}

func backPaths(bs []Backlink) []string {
	var out []string
	for _, b := range bs {
		out = append(out, string(b.From.Path)+"@"+b.Link.Path)
	}
	return out
}

// TestOutlinkPositions: the positions name the notes Outlinks returns.
func TestOutlinkPositions(t *testing.T) {
	t.Parallel()
	v := graphVault()
	g := NewGraph(v)
	for i, n := range v.Notes {
		var got []site.VaultPath
		for _, k := range g.OutlinkPositions(i) {
			got = append(got, v.Notes[k].Path)
		}
		if diff := cmp.Diff(paths(g.Outlinks(n)), got); diff != "" {
			t.Errorf("%s (-Outlinks +positions):\n%s", n.Path, diff)
		}
	}
}
