package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vaultsite/vaultsite/internal/search"
	"github.com/vaultsite/vaultsite/site"
)

// Live is a built site kept in memory and brought up to date on demand,
// for the preview server. Readers always see one complete build: Update
// swaps in a new snapshot only when the whole rebuild succeeded.
type Live struct {
	fsys fs.FS
	opts Options
	// Settings, when set, reads the options again after the settings
	// file changed, so an edit to vaultsite.yaml takes effect at once; an
	// error keeps the previous site.
	Settings func() (Options, error)
	// LayoutLater lets a rebuild whose links change the site graph keep
	// the graph's file as it was, and leave the new layout (most of a
	// second at 10,000 notes) to Settle, so that the pages that changed
	// are served at once.
	LayoutLater bool

	mu   sync.Mutex // serialises builds
	cur  snapshotPtr
	last *state // what the last build knew, for the next incremental one
	// pending is the site graph whose layout the last build left for
	// Settle, or nil.
	pending *siteGraph
}

// Snapshot is one complete build's files. It is never modified.
type Snapshot struct {
	Files map[site.OutPath][]byte
	// Assets are the published attachments, which Files does not hold:
	// each is read from FS, the vault, when it is served (asset_file.go).
	Assets map[site.OutPath]AssetFile
	FS     fs.FS
	Diags  site.Diagnostics
	// Pages maps each published note and canvas to its page, so the
	// server can tell which page a diagnostic belongs to.
	Pages map[site.VaultPath]site.OutPath
}

// Update says what a rebuild changed.
type Update struct {
	Changed []site.OutPath // new or different bytes, sorted
	Removed []site.OutPath // gone since the last build, sorted
	Diags   site.Diagnostics
	Took    time.Duration
	// Pages is how many pages were rendered; Full marks a whole rebuild.
	Pages int
	Full  bool
}

// state is what an incremental rebuild starts from.
type state struct {
	a           *Analysis
	slugs       map[site.VaultPath]site.Slug // published notes' slugs
	renderDiags site.Diagnostics             // found while rendering
	// assets says which attachments each page uses, so a rebuild can drop
	// an attachment no page uses any more (it must not outlive the note
	// that was unpublished or deleted).
	assets map[site.Slug]map[site.VaultPath]bool
	// graph is the build's site graph, which local graphs showed.
	graph *siteGraph
	// tags and redirects are the build's, which the next may keep.
	tags      *tagIndex
	redirects []Redirect
	// memo is what the build made that the next may reuse (memo.go).
	memo *memo
}

// NewLive prepares a site for the vault in fsys; nothing is built yet.
func NewLive(fsys fs.FS, opts Options) *Live {
	return &Live{fsys: fsys, opts: opts}
}

// Current returns the latest complete build, or nil before the first.
func (s *Live) Current() *Snapshot { return s.cur.load() }

// Update rebuilds after the vault paths in changed (slash-separated,
// relative to the vault) were created, modified, renamed or deleted, and
// reports which output files differ from the previous build. The first
// call, a nil changed, or a change to the vault's settings rebuilds
// everything; otherwise only the notes whose files changed are read and
// parsed again, and only the pages that show something of them are
// rendered again (affected.go).
//
// When changed names only files the last build had, Update trusts it and
// looks at nothing else; otherwise, and for an empty changed, it walks
// the vault, which also finds changes that no event reported. So an
// empty changed is a rescan, which a file watcher asks for once the vault
// is quiet after its rebuilds; when the walk finds nothing, nothing is
// built. On error the previous snapshot stays current.
func (s *Live) Update(ctx context.Context, changed []string) (*Update, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	var (
		next *Snapshot
		up   *Update
		err  error
	)
	if s.last == nil || changed == nil || settingsChanged(changed) || s.last.a.look.readsAny(changed) {
		next, up, err = s.rebuildAll(ctx)
	} else {
		next, up, err = s.partial(ctx, changed)
		if errors.Is(err, errSettingsChanged) {
			// Found by reading the vault, not named by the caller: a
			// rescan, or an event that did not mention app.json.
			next, up, err = s.rebuildAll(ctx)
		}
	}
	if err != nil {
		return nil, err
	}
	d := diffSnapshots(s.cur.load(), next)
	up.Changed, up.Removed, up.Diags = d.Changed, d.Removed, next.Diags
	s.cur.store(next)
	up.Took = time.Since(start)
	return up, nil
}

// settingsChanged reports a change that can alter every page: Obsidian's
// settings, vaultsite.yaml, the site's icon (discover.go) or a file of
// Obsidian Publish's look (look.go).
func settingsChanged(changed []string) bool {
	for _, p := range changed {
		if strings.HasPrefix(p, ".obsidian/") || p == ".obsidian" || strings.EqualFold(p, "vaultsite.yaml") || isFavicon(p) || isPublishLook(p) {
			return true
		}
	}
	return false
}

// errSettingsChanged is partial's answer when reading the vault again
// found its settings changed: every page may differ, so only a full
// rebuild is right.
var errSettingsChanged = errors.New("the vault's settings changed: a full rebuild is needed")

// rebuildAll reads the settings again, when the site can, and builds
// everything.
func (s *Live) rebuildAll(ctx context.Context) (*Snapshot, *Update, error) {
	if s.Settings != nil && s.last != nil {
		opts, err := s.Settings()
		if err != nil {
			return nil, nil, err
		}
		s.opts = opts
	}
	return s.full(ctx)
}

func (s *Live) full(ctx context.Context) (*Snapshot, *Update, error) {
	a, err := analyze(ctx, s.fsys, s.opts, true)
	if err != nil {
		return nil, nil, err
	}
	em := newRefEmitter()
	b, pages, err := buildFrom(ctx, a, s.opts, em, &memo{}, nil) // the next rebuild starts from its memo
	if err != nil {
		return nil, nil, err
	}
	s.last = &state{a: a, slugs: publishedSlugs(a.Vault), renderDiags: b.use.diags, assets: b.use.byPage, graph: b.graphOut.sg,
		tags: b.tags, redirects: b.redirectList, memo: b.memo}
	s.pending = nil
	return &Snapshot{Files: em.Files, Assets: em.Assets, FS: s.fsys, Diags: mergeDiags(a.Diags, b.use.diags), Pages: b.pageFiles()},
		&Update{Pages: pages, Full: true}, nil
}

// partial re-reads the changed notes, re-resolves the vault, and renders
// only the affected pages over a copy of the previous snapshot.
func (s *Live) partial(ctx context.Context, changed []string) (*Snapshot, *Update, error) {
	old, prev := s.last, s.cur.load()
	changedSet := changedPaths(changed)
	v, diags, err := reload(ctx, s.fsys, s.opts, old.a.Vault, changedSet)
	if err != nil {
		return nil, nil, err
	}
	if sameFiles(old.a.Vault, v) && !namesPageFile(v, changedSet) {
		return prev, &Update{}, nil // a rescan that found nothing
	}
	if settingsDiffer(old.a.Vault, v) {
		return nil, nil, errSettingsChanged
	}
	a, err := reanalyze(ctx, v, diags, old.a)
	if err != nil {
		return nil, nil, err
	}
	// A changed attachment the last build published is copied again by
	// refreshAssets, and by nothing else, so it is written once.
	only, sg := affected(old, a)
	inc := &increment{only: only, have: prev.published, kept: keeps(old, a), layoutLater: s.LayoutLater, graph: sg}
	em := newRefEmitter()
	b, rendered, err := buildFrom(ctx, a, s.opts, em, old.memo, inc)
	if err != nil {
		return nil, nil, err
	}
	if err := refreshAssets(a.Vault, prev, em, changedSet); err != nil {
		return nil, nil, err
	}
	return s.record(prev, a, b, inc, em), &Update{Pages: rendered}, nil
}

// record lays the files of a rebuild over the previous snapshot, keeps
// what the next rebuild starts from, and returns the new snapshot.
func (s *Live) record(prev *Snapshot, a *Analysis, b *builder, inc *increment, fresh *refEmitter) *Snapshot {
	old := s.last
	pages, pageFiles := b.pages(inc, prev)
	assets := pageAssets(old.assets, b, inc.only, pages)
	files := compose(prev.Files, fresh.Files, pages, b.searchFiles)
	b.explorerFile.made.dropStale(files)
	assetFiles := composeAssets(prev.Assets, fresh.Assets)
	dropUnused(files, assetFiles, old.a.Vault, a.Vault, assets)
	rdiags := keepDiags(old.renderDiags, inc.only, a) // render findings of pages not rendered again
	rdiags = append(rdiags, b.use.diags...)
	slugs := old.slugs // no page moved
	if inc.kept == nil {
		slugs = publishedSlugs(a.Vault)
	}
	s.last = &state{a: a, slugs: slugs, renderDiags: rdiags, assets: assets, graph: b.graphOut.sg,
		tags: b.tags, redirects: b.redirectList, memo: b.memo}
	s.pending = b.graphOut.pending
	return &Snapshot{Files: files, Assets: assetFiles, FS: s.fsys, Diags: mergeDiags(a.Diags, rdiags), Pages: pageFiles}
}

// pages returns the set of the site's pages, redirects included, and
// the page of each note and canvas (pageFiles). A rebuild that keeps the
// last build's layout, tags and redirects (carry.go) has the same pages:
// then the set is nil, for "all of the last build's", and the files are
// the previous snapshot's.
func (b *builder) pages(inc *increment, prev *Snapshot) (map[site.Slug]bool, map[site.VaultPath]site.OutPath) {
	if inc.kept.samePages() {
		return nil, prev.Pages
	}
	pages := b.pageSet()
	for _, r := range b.redirectList {
		pages[r.From] = true // kept from the last build when not written again
	}
	return pages, b.pageFiles()
}

// refreshAssets publishes again every changed attachment that the
// previous build published: no page need be rendered again for a
// replaced image, but its new bytes must be served, and the pages that
// show it told.
func refreshAssets(v *site.Vault, prev *Snapshot, em Emitter, changed map[site.VaultPath]bool) error {
	for _, as := range v.Assets {
		if !prev.published(v.AssetOut(as.Path)) || !changed[as.Path] {
			continue
		}
		if done, err := emitAssetFile(em, v, as.Path, func(error) {}); done || err != nil {
			if err != nil {
				return err
			}
			continue // an unreadable one: the next walk settles it
		}
		data, err := v.ReadFile(as.Path)
		if err != nil {
			continue // gone again, or unreadable: the next walk settles it
		}
		if data, err = publishable(as.Path, data); err != nil {
			continue // an SVG file broken since: it stays as it was
		}
		if err := em.Emit(v.AssetOut(as.Path), data); err != nil {
			return fmt.Errorf("emit %s: %w", v.AssetOut(as.Path), err)
		}
	}
	return nil
}

// pageFiles maps each published note and canvas to its page file.
func (b *builder) pageFiles() map[site.VaultPath]site.OutPath {
	out := map[site.VaultPath]site.OutPath{}
	for _, n := range b.v.Published() {
		out[n.Path] = n.Slug.OutPath()
	}
	for _, c := range b.canvases().pages {
		out[c.asset.Path] = c.slug.OutPath()
	}
	return out
}

// pageAssets updates which page uses which attachment: pages rendered
// again (those in only, and canvases, which always are) report afresh,
// pages that no longer exist report nothing (a nil pages keeps them
// all), the rest keep theirs.
func pageAssets(old map[site.Slug]map[site.VaultPath]bool, b *builder, only, pages map[site.Slug]bool) map[site.Slug]map[site.VaultPath]bool {
	out := make(map[site.Slug]map[site.VaultPath]bool, len(old))
	for slug, set := range old {
		if (pages == nil || pages[slug]) && !only[slug] {
			out[slug] = set
		}
	}
	for _, c := range b.canvases().pages {
		delete(out, c.slug)
	}
	for slug, set := range b.use.byPage {
		out[slug] = set
	}
	return out
}

// dropUnused removes from files and assetFiles every attachment, of the
// old vault or the new, that no page uses any more.
func dropUnused(files map[site.OutPath][]byte, assetFiles map[site.OutPath]AssetFile, oldV, v *site.Vault, assets map[site.Slug]map[site.VaultPath]bool) {
	used := map[site.VaultPath]bool{}
	for _, set := range assets {
		for p := range set {
			used[p] = true
		}
	}
	for _, vault := range []*site.Vault{oldV, v} {
		for _, as := range vault.Assets {
			if !used[as.Path] {
				delete(files, vault.AssetOut(as.Path))
				delete(assetFiles, vault.AssetOut(as.Path))
			}
		}
	}
}

// namesPageFile reports whether changed names a canvas or base of v: an
// edit that keeps its size looks like no change to sameFiles, which
// compares attachments by size, but it changes a page.
func namesPageFile(v *site.Vault, changed map[site.VaultPath]bool) bool {
	for _, as := range v.Assets {
		if (as.Kind == site.KindBase || as.Kind == site.KindCanvas) && changed[as.Path] {
			return true
		}
	}
	return false
}

// changedPaths turns the watcher's paths into vault paths (NFC).
func changedPaths(changed []string) map[site.VaultPath]bool {
	out := map[site.VaultPath]bool{}
	for _, p := range changed {
		if vp, err := site.ParseVaultPath(strings.Trim(p, "/")); err == nil {
			out[vp] = true
		}
	}
	return out
}

func publishedSlugs(v *site.Vault) map[site.VaultPath]site.Slug {
	out := map[site.VaultPath]site.Slug{}
	for _, n := range v.Published() {
		out[n.Path] = n.Slug
	}
	return out
}

func mergeDiags(a, b site.Diagnostics) site.Diagnostics {
	out := append(append(site.Diagnostics{}, a...), b...)
	out.RemoveMultiples()
	return out
}

// keepDiags keeps the render findings whose note's page was not rendered
// again and still exists.
func keepDiags(diags site.Diagnostics, only map[site.Slug]bool, a *Analysis) site.Diagnostics {
	var out site.Diagnostics
	for _, d := range diags {
		n := a.Vault.Note(d.Pos.Path)
		if n != nil && n.Published && !only[n.Slug] {
			out = append(out, d)
		}
	}
	return out
}

// compose lays the files of a rebuild over the previous snapshot, and
// drops the pages that no longer exist (an index.html whose page is not
// in pages, the set of pages of the new build; nil keeps every page) and
// the search index's files that are not in searchFiles, the new build's.
func compose(prev, fresh map[site.OutPath][]byte, pages map[site.Slug]bool, searchFiles map[site.OutPath]bool) map[site.OutPath][]byte {
	out := make(map[site.OutPath][]byte, len(prev)+len(fresh))
	for p, data := range prev {
		if pages != nil && pageGone(p, pages) {
			continue
		}
		if strings.HasPrefix(string(p), search.Dir+"/") && !searchFiles[p] {
			continue
		}
		out[p] = data
	}
	for p, data := range fresh {
		out[p] = data
	}
	return out
}

// pageGone reports whether p is a page not in pages.
func pageGone(p site.OutPath, pages map[site.Slug]bool) bool {
	slug, isPage := p.PageSlug()
	return isPage && !pages[slug]
}

// diffSnapshots lists the files that differ between two builds.
func diffSnapshots(old, next *Snapshot) *Update {
	up := &Update{}
	for p, data := range next.Files {
		if old == nil || !bytes.Equal(old.Files[p], data) {
			up.Changed = append(up.Changed, p)
		}
	}
	if old != nil {
		for p := range old.Files {
			if _, ok := next.Files[p]; !ok {
				up.Removed = append(up.Removed, p)
			}
		}
	}
	diffAssets(up, old, next)
	sort.Slice(up.Changed, func(i, j int) bool { return up.Changed[i] < up.Changed[j] })
	sort.Slice(up.Removed, func(i, j int) bool { return up.Removed[i] < up.Removed[j] })
	return up
}
