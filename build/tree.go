package build

import (
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// folder is one folder of the published site: only folders that hold a
// published note, at any depth, exist.
type folder struct {
	name  string    // the folder's own name as written ("Network+")
	path  string    // its vault path ("" for the root)
	slug  site.Slug // its page
	notes []*site.Note
	subs  []*folder
	count int        // published notes below, at any depth
	note  *site.Note // the note whose slug is this folder's, if any
}

type folderTree struct {
	root   *folder
	bySlug map[site.Slug]*folder
}

// newFolderTree builds the folders of the published notes. Folders whose
// names give the same slug share one page.
func newFolderTree(v *site.Vault) *folderTree {
	t := &folderTree{root: &folder{}, bySlug: map[site.Slug]*folder{}}
	t.bySlug[""] = t.root
	for _, n := range v.Published() {
		f := t.folder(n.Path.Dir())
		f.notes = append(f.notes, n)
		for g := f; ; g = t.bySlug[g.slug.Parent()] {
			g.count++
			if g.slug == "" {
				break
			}
		}
	}
	for _, n := range v.Published() {
		if f := t.bySlug[n.Slug]; f != nil && n.Slug != "" {
			f.note = n
		}
	}
	return t
}

// folder returns the folder at path, creating it and its parents.
func (t *folderTree) folder(path string) *folder {
	if path == "" {
		return t.root
	}
	slug := site.FolderSlug(path)
	if f := t.bySlug[slug]; f != nil {
		return f
	}
	parent := t.folder(site.VaultPath(path).Dir())
	f := &folder{name: site.VaultPath(path).Base(), path: path, slug: slug}
	parent.subs = append(parent.subs, f)
	t.bySlug[slug] = f
	return f
}

// sorted returns every folder, by slug.
func (t *folderTree) sorted() []*folder {
	out := make([]*folder, 0, len(t.bySlug))
	for _, f := range t.bySlug {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].slug < out[j].slug })
	return out
}

// entries lists a folder's sub-folders, then its notes, each by name
// without case, as seen from the page from.
func (t *folderTree) entries(f *folder, from site.Slug) []templates.ListEntry {
	subs := append([]*folder(nil), f.subs...)
	sort.Slice(subs, func(i, j int) bool { return lessFold(subs[i].name, subs[j].name) })
	notes := append([]*site.Note(nil), f.notes...)
	sort.Slice(notes, func(i, j int) bool { return lessFold(notes[i].Title(), notes[j].Title()) })
	out := make([]templates.ListEntry, 0, len(subs)+len(notes))
	for _, s := range subs {
		out = append(out, templates.ListEntry{Text: s.name, URL: from.LinkTo(s.slug, ""), IsFolder: true, Count: s.count})
	}
	for _, n := range notes {
		if n.Slug == from {
			continue // a folder note does not list itself
		}
		out = append(out, templates.ListEntry{Text: n.Title(), URL: from.LinkTo(n.Slug, "")})
	}
	return out
}

func lessFold(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}

// breadcrumbs links the folders above a page, from the root down to dir.
func (t *folderTree) breadcrumbs(dir string, from site.Slug) []templates.Link {
	out := []templates.Link{{Text: "Home", URL: from.Root()}}
	if dir == "" {
		return out
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		out = append(out, templates.Link{Text: parts[i], URL: from.LinkTo(site.FolderSlug(p), "")})
	}
	return out
}

// folderPage is the listing of a folder without a folder note, or the
// home listing of a vault without a home note.
func (b *builder) folderPage(f *folder, tree *folderTree) *templates.PageData {
	data := &templates.PageData{
		Site: b.opts.Site, Kind: templates.PageFolder, Title: f.name, Root: f.slug.Root(), Nav: b.nav(f.slug),
		Breadcrumbs: tree.breadcrumbs(site.VaultPath(f.path).Dir(), f.slug), Entries: tree.entries(f, f.slug),
	}
	if f.slug == "" {
		data.Kind, data.Title, data.Breadcrumbs = templates.PageHome, b.opts.Site.Title, nil
	}
	return data
}
