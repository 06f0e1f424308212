package build

import (
	"context"
	"fmt"
	"io/fs"
	"reflect"
	"strings"

	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/site"
)

// reload reads the vault again after the files changed were changed:
// only those, when each is a file the last build had (site.ReloadKnown),
// else with a walk of the vault, which also finds changes nobody
// reported (site.Reload). At 10,000 notes the walk is about 40 ms.
func reload(ctx context.Context, fsys fs.FS, opts Options, old *site.Vault, changed map[site.VaultPath]bool) (*site.Vault, site.Diagnostics, error) {
	if v, diags, ok := site.ReloadKnown(ctx, old, fsys, opts.Load, changed); ok {
		return v, diags, nil
	}
	return site.Reload(ctx, old, fsys, opts.Load, changed)
}

// sameFiles reports whether v is old read again with nothing changed:
// the same notes, attachments and settings.
func sameFiles(old, v *site.Vault) bool {
	if len(old.Notes) != len(v.Notes) || len(old.Assets) != len(v.Assets) ||
		old.TemplatesFolder != v.TemplatesFolder || !reflect.DeepEqual(old.Config, v.Config) {
		return false
	}
	for i, n := range v.Notes {
		if old.Notes[i] != n {
			return false
		}
	}
	for i, as := range v.Assets {
		if *old.Assets[i] != *as {
			return false
		}
	}
	return true
}

// settingsDiffer reports whether v, old read again, has other settings:
// Obsidian's (app.json, the templates folder, the look's settings), or a different
// vaultsite.yaml or site icon among its files. The caller may not have
// named the file (a rescan finds changes no event reported), so the
// vault itself is compared.
func settingsDiffer(old, v *site.Vault) bool {
	if old.TemplatesFolder != v.TemplatesFolder || !reflect.DeepEqual(old.Config, v.Config) || !reflect.DeepEqual(old.Look, v.Look) ||
		!reflect.DeepEqual(old.Publish, v.Publish) {
		return true
	}
	settings := func(vault *site.Vault) map[site.VaultPath]site.Asset {
		out := map[site.VaultPath]site.Asset{}
		for _, as := range vault.Assets {
			if settingsChanged([]string{string(as.Path)}) {
				out[as.Path] = *as
			}
		}
		return out
	}
	return !reflect.DeepEqual(settings(old), settings(v))
}

// reanalyze is analyze after reload gave v: every note it reused keeps
// its facts. When no file was added, removed or renamed, only the links
// of the notes read again are resolved again (links.Graph.Update); else
// resolution runs over the whole vault again, since a new or removed
// file can change where any link goes.
func reanalyze(ctx context.Context, v *site.Vault, diags site.Diagnostics, old *Analysis) (*Analysis, error) {
	a := &Analysis{Vault: v, r: old.r, htmlAttachments: old.htmlAttachments, look: old.look, forPages: old.forPages}
	if settingsDiffer(old.Vault, v) {
		return nil, errSettingsChanged // partial checks first; this keeps reanalyze honest
	}
	prev := map[*site.Note]int{}
	for i, n := range old.Vault.Notes {
		prev[n] = i
	}
	a.facts = make([]*noteFacts, len(v.Notes))
	a.parseDiags = make([]site.Diagnostics, len(v.Notes))
	for i, n := range v.Notes {
		if j, reused := prev[n]; reused {
			a.facts[i], a.parseDiags[i] = old.facts[j], old.parseDiags[j]
		}
	}
	parsed, err := a.parse(ctx)
	if err != nil {
		return nil, err
	}
	a.Diags = append(append(diags, parsed...), a.parseCanvases()...)
	a.Diags = append(a.Diags, a.parseBases()...)
	a.Diags = append(a.Diags, a.look.diags...) // the look's files are settings: unchanged here
	if a.Graph = old.Graph.Update(v); a.Graph == nil {
		a.Graph = links.NewGraph(v)
		a.Graph.Index()
	}
	if a.forPages {
		if err := a.fillContexts(ctx); err != nil {
			return nil, err
		}
	}
	a.Diags = append(a.Diags, a.nameDiags()...)
	a.Diags = append(a.Diags, a.htmlAttachmentFindings(a.htmlAttachments)...)
	a.Diags = append(a.Diags, a.checkBases()...)
	return a, ctx.Err()
}

// affected returns the pages whose output can differ between the build
// of old and the analysis a, and a's site graph, which it compares with
// old's:
//
//   - the page of every note read again, and of every note whose slug
//     or publishing changed;
//   - for those notes, and for removed notes: the pages they link to
//     (their backlinks show the linking text) before and after;
//   - for a note read again, its row in its folder's and tags' listings;
//   - for a note whose face changed (title, slug, headings, blocks, tags,
//     publishing), or that was added or removed: the pages that link to
//     it, its folders, its tag pages, the tag index and the home page;
//   - the pages that embed any of these notes, through any depth;
//   - the pages whose local graph an added or removed edge of the site
//     graph changes (affected_graph.go);
//   - when files were added or removed: every page with a link whose
//     name matches theirs, since such a link may now go elsewhere;
//   - every page that shows a base view (affected_bases.go);
//   - every canvas and base page (a vault has few; emitPage always
//     writes them).
func affected(old *state, a *Analysis) (map[site.Slug]bool, *siteGraph) {
	w := &affectedSet{pages: map[site.Slug]bool{}, old: old.a, a: a}
	oldV, v := old.a.Vault, a.Vault
	names := map[string]bool{}
	for _, n := range v.Notes {
		o := oldV.Note(n.Path)
		switch {
		case o == nil:
			names[baseKey(string(n.Path))] = true
			w.face(n, nil)
		case o != n:
			w.content(n, o)
			w.rows(n, o)
			if faceOf(o) != faceOf(n) {
				w.face(n, o)
			}
		default:
			// Reused, but a new or removed note may have moved its slug.
			if slug, was := old.slugs[n.Path]; was != n.Published || was && slug != n.Slug {
				w.face(n, n)
			}
		}
	}
	for _, o := range oldV.Notes {
		if v.Note(o.Path) == nil {
			names[baseKey(string(o.Path))] = true
			w.removed(o)
		}
	}
	w.assetNames(oldV, v, names)
	if len(names) > 0 {
		w.byName(names)
	}
	w.bases()
	w.embedders()
	sg := newSiteGraph(v, a.Graph)
	w.localGraphs(old.graph, sg)
	return w.pages, sg
}

type affectedSet struct {
	pages map[site.Slug]bool
	old   *Analysis
	a     *Analysis
	// seeds are notes whose content other pages embed.
	seeds []*site.Note
}

func (w *affectedSet) page(n *site.Note) {
	if n != nil && n.Published {
		w.pages[n.Slug] = true
	}
}

// content handles a note read again: its page, and the pages it links to
// before and after, whose backlinks quote it.
func (w *affectedSet) content(n, o *site.Note) {
	w.page(n)
	for _, t := range w.a.Graph.Outlinks(n) {
		w.page(t)
	}
	if o != nil {
		for _, t := range w.old.Graph.Outlinks(o) {
			w.page(w.a.Vault.Note(t.Path))
		}
	}
	w.seeds = append(w.seeds, n)
}

// face handles a note whose face changed: the pages that show its title,
// headings or tags, or link to it.
func (w *affectedSet) face(n, o *site.Note) {
	w.content(n, o)
	for _, bl := range w.a.Graph.Backlinks(n) {
		w.page(bl.From)
	}
	if o != nil {
		for _, bl := range w.old.Graph.Backlinks(o) {
			w.page(w.a.Vault.Note(bl.From.Path))
		}
		w.listings(o)
	}
	w.listings(n)
}

// removed handles a note that is gone.
func (w *affectedSet) removed(o *site.Note) {
	for _, t := range w.old.Graph.Outlinks(o) {
		w.page(w.a.Vault.Note(t.Path))
	}
	for _, bl := range w.old.Graph.Backlinks(o) {
		w.page(w.a.Vault.Note(bl.From.Path))
		w.seeds = append(w.seeds, bl.From)
	}
	w.listings(o)
}

// listings marks the folder pages above n, its tag pages, the tag index
// and the home page.
func (w *affectedSet) listings(n *site.Note) {
	for d := n.Path.Dir(); ; d = site.VaultPath(d).Dir() {
		w.pages[site.FolderSlug(d)] = true
		if d == "" {
			break
		}
	}
	w.tagPages(n)
	w.pages[site.TagIndexSlug] = true
	w.pages[""] = true
}

// rows handles a note read again, whose row in the listings shows its
// description and date (listing.go): when the row changed, the page of
// its folder, and its tag pages, before and after. A save that leaves the
// row as it was leaves those pages alone: at 10,000 notes a tag page may
// list thousands of rows, and drawing them again doubled a save's time.
func (w *affectedSet) rows(n, o *site.Note) {
	if listed(o, w.old.factsOf(o)).same(listed(n, w.a.factsOf(n))) {
		return
	}
	w.pages[site.FolderSlug(n.Path.Dir())] = true
	w.tagPages(n)
	w.tagPages(o)
}

// tagPages marks the pages of n's tags and of the tags above them, which
// list n too.
func (w *affectedSet) tagPages(n *site.Note) {
	for _, t := range noteTags(n) {
		parts := strings.Split(t, "/")
		for i := range parts {
			w.pages[site.TagSlug(strings.Join(parts[:i+1], "/"))] = true
		}
	}
}

// embedders marks every page that embeds a seed note, through any depth.
func (w *affectedSet) embedders() {
	seen := map[*site.Note]bool{}
	queue := append([]*site.Note(nil), w.seeds...)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		for _, bl := range w.a.Graph.Backlinks(n) {
			if bl.Link.Embed {
				w.page(bl.From)
				queue = append(queue, bl.From)
			}
		}
	}
}

// assetNames adds the names of added and removed attachments.
func (w *affectedSet) assetNames(oldV, v *site.Vault, names map[string]bool) {
	before := map[site.VaultPath]bool{}
	for _, as := range oldV.Assets {
		before[as.Path] = true
	}
	for _, as := range v.Assets {
		if !before[as.Path] {
			names[baseKey(string(as.Path))] = true
		}
		delete(before, as.Path)
	}
	for p := range before {
		names[baseKey(string(p))] = true
	}
}

// byName marks the pages with a link whose last path component matches
// one of names, and the notes they are as embed seeds.
func (w *affectedSet) byName(names map[string]bool) {
	for _, n := range w.a.Vault.Notes {
		for _, l := range n.Links {
			if names[baseKey(l.Path)] {
				w.page(n)
				w.seeds = append(w.seeds, n)
				break
			}
		}
	}
}

// baseKey folds a path's last component without ".md", the key under
// which a link and a file can meet.
func baseKey(p string) string {
	p = strings.TrimSpace(p)
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	return strings.TrimSuffix(strings.ToLower(p), ".md")
}

// faceOf sums up what other pages show of a note.
func faceOf(n *site.Note) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %q %v|", n.Title(), n.Slug, n.Published)
	for _, h := range n.Headings {
		fmt.Fprintf(&b, "%d %q %q|", h.Level, h.ID, h.Plain)
	}
	for _, bl := range n.Blocks {
		b.WriteString(bl.ID + "|")
	}
	b.WriteString(strings.Join(noteTags(n), "|"))
	return b.String()
}

// pageSet returns every page of this build's site, rendered or not, so a
// rebuild knows which pages of the previous snapshot still exist.
func (b *builder) pageSet() map[site.Slug]bool {
	out := map[site.Slug]bool{"": true, site.TagIndexSlug: true, site.GraphSlug: true}
	for _, n := range b.v.Published() {
		out[n.Slug] = true
	}
	for slug := range b.tree.bySlug {
		out[slug] = true
	}
	for _, t := range b.tags.order {
		out[site.TagSlug(t.name)] = true
	}
	for _, c := range b.canvases().pages {
		out[c.slug] = true
	}
	return out
}
