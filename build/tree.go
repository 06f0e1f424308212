package build

import (
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/internal/i18n"
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
	count int        // published notes and canvases below, at any depth
	note  *site.Note // the note whose slug is this folder's, if any
	// canvases are the published canvases here (canvas.go).
	canvases []*canvasPage
}

type folderTree struct {
	root   *folder
	bySlug map[site.Slug]*folder
	byPath map[string]*folder // the same folders by path, which spares a slug per note
}

// newFolderTree builds the folders of the published notes. Folders whose
// names give the same slug share one page.
func newFolderTree(v *site.Vault) *folderTree {
	t := &folderTree{root: &folder{}, bySlug: map[site.Slug]*folder{}, byPath: map[string]*folder{}}
	t.bySlug[""] = t.root
	for _, n := range v.Published() {
		f := t.folder(n.Path.Dir())
		f.notes = append(f.notes, n)
		t.countUp(f)
	}
	t.folderNotes(v)
	return t
}

// countUp counts one more page in f and each folder above it.
func (t *folderTree) countUp(f *folder) {
	for g := f; ; g = t.bySlug[g.slug.Parent()] {
		g.count++
		if g.slug == "" {
			break
		}
	}
}

// folderNotes gives each folder the published note whose slug is its own.
func (t *folderTree) folderNotes(v *site.Vault) {
	for _, n := range v.Published() {
		if f := t.bySlug[n.Slug]; f != nil && n.Slug != "" {
			f.note = n
		}
	}
}

// addCanvases lists canvases in their folders, making the folders that
// hold only canvases.
func (t *folderTree) addCanvases(v *site.Vault, cs []*canvasPage) {
	for _, c := range cs {
		f := t.folder(c.asset.Path.Dir())
		f.canvases = append(f.canvases, c)
		t.countUp(f)
	}
	t.folderNotes(v)
}

// folder returns the folder at path, creating it and its parents.
func (t *folderTree) folder(path string) *folder {
	if path == "" {
		return t.root
	}
	if f := t.byPath[path]; f != nil {
		return f
	}
	slug := site.FolderSlug(path)
	if f := t.bySlug[slug]; f != nil {
		t.byPath[path] = f
		return f
	}
	parent := t.folder(site.VaultPath(path).Dir())
	f := &folder{name: site.VaultPath(path).Base(), path: path, slug: slug}
	parent.subs = append(parent.subs, f)
	t.bySlug[slug], t.byPath[path] = f, f
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

// entries lists a folder's sub-folders, then its notes and canvases, each
// by name without case, as seen from the page from.
func (t *folderTree) entries(f *folder, from site.Slug, b *builder) []templates.ListEntry {
	subs := append([]*folder(nil), f.subs...)
	sortFold(subs, func(f *folder) string { return f.name }, false)
	type page struct {
		title string
		slug  site.Slug
		note  *site.Note // nil for a canvas
	}
	pages := make([]page, 0, len(f.notes)+len(f.canvases))
	for _, n := range f.notes {
		pages = append(pages, page{n.Title(), n.Slug, n})
	}
	for _, c := range f.canvases {
		pages = append(pages, page{c.title, c.slug, nil})
	}
	sortFold(pages, func(p page) string { return p.title }, true)
	newestFirst(b, pages, func(p page) *site.Note { return p.note })
	out := make([]templates.ListEntry, 0, len(subs)+len(pages))
	for _, s := range subs {
		out = append(out, templates.ListEntry{Text: s.name, URL: from.LinkTo(s.slug, ""), IsFolder: true, Count: s.count})
	}
	for _, p := range pages {
		switch {
		case p.slug == from: // a folder note does not list itself
		case p.note != nil:
			out = append(out, b.noteEntry(p.note, from))
		default:
			out = append(out, templates.ListEntry{Text: p.title, URL: from.LinkTo(p.slug, "")})
		}
	}
	return out
}

// sortFold sorts vs by their keys without case, then with case, folding
// each key once rather than at every comparison: a tag page of thousands
// of notes spent most of its time lower-casing titles. stable asks for
// sort.SliceStable; either way the order is that of sorting by the keys
// themselves, comparison for comparison.
func sortFold[T any](vs []T, key func(T) string, stable bool) {
	type keyed struct {
		lower, key string
		v          T
	}
	ks := make([]keyed, len(vs))
	for i, v := range vs {
		k := key(v)
		ks[i] = keyed{strings.ToLower(k), k, v}
	}
	less := func(i, j int) bool {
		if ks[i].lower != ks[j].lower {
			return ks[i].lower < ks[j].lower
		}
		return ks[i].key < ks[j].key
	}
	if stable {
		sort.SliceStable(ks, less)
	} else {
		sort.Slice(ks, less)
	}
	for i := range ks {
		vs[i] = ks[i].v
	}
}

// breadcrumbs links the folders above a page, from the root down to dir;
// the root's link reads "Home" in the site's language.
func (t *folderTree) breadcrumbs(dir string, from site.Slug, words *i18n.Catalog) []templates.Link {
	out := []templates.Link{{Text: words.T("page.home"), URL: from.Root()}}
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
		Breadcrumbs: tree.breadcrumbs(site.VaultPath(f.path).Dir(), f.slug, b.words()), Entries: tree.entries(f, f.slug, b),
	}
	if f.slug == "" {
		data.Kind, data.Title, data.Breadcrumbs = templates.PageHome, b.opts.Site.Title, nil
	}
	return data
}
