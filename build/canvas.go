package build

import (
	"context"
	"fmt"
	"html/template"
	"sync"

	"github.com/vaultsite/vaultsite/internal/parallel"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// canvasPage is a published canvas or base: one page, at its own slug.
// Both are files without frontmatter that get a page, so they share the
// index, the listings and the rule that they are always drawn.
type canvasPage struct {
	asset *site.Asset
	slug  site.Slug
	title string // the file name without ".canvas", as Obsidian shows it
}

// isBase says whether the page is a base's.
func (c *canvasPage) isBase() bool { return c.asset.Kind == site.KindBase }

// canvasIndex gives each published canvas its page. It is built on first
// use, which is the first link to a canvas or else the emit phase, from
// what load and parse settled, so every caller sees the same slugs.
type canvasIndex struct {
	parsed map[site.VaultPath]*render.Canvas // from Analyze
	once   sync.Once
	pages  []*canvasPage // in path order
	byPath map[site.VaultPath]*canvasPage
	bySlug map[site.Slug]bool
}

// maxCanvasSize bounds a canvas file as site bounds a note (32 MiB): a
// larger one is reported and drawn empty.
const maxCanvasSize = 32 << 20

// parseCanvases parses every canvas of the vault once, so check reports
// an invalid canvas as build does.
func (a *Analysis) parseCanvases() site.Diagnostics {
	var diags site.Diagnostics
	a.canvases = map[site.VaultPath]*render.Canvas{}
	for _, as := range a.Vault.Assets {
		if as.Kind != site.KindCanvas {
			continue
		}
		var src []byte
		if as.Size > maxCanvasSize {
			diags.Add(site.Pos{Path: as.Path}, site.Warning, "too-large", "canvas is %d MiB, over the %d MiB limit; it is drawn empty", as.Size>>20, maxCanvasSize>>20)
		} else if data, err := a.Vault.ReadFile(as.Path); err != nil {
			diags.Add(site.Pos{Path: as.Path}, site.Warning, "unreadable", "cannot read: %v", err)
		} else {
			src = data
		}
		a.canvases[as.Path] = render.ParseCanvas(as.Path, src, &diags)
	}
	return diags
}

// canvases returns the build's canvas index.
//
// A canvas is published by the path rules of notes (site's
// CanvasPublished); an unpublished canvas gets no page, and links to it
// render as text.
func (b *builder) canvases() *canvasIndex {
	ci := &b.canvasIdx
	ci.once.Do(func() {
		ci.byPath, ci.bySlug = map[site.VaultPath]*canvasPage{}, map[site.Slug]bool{}
		taken := map[site.Slug]bool{}
		for _, n := range b.v.Published() {
			taken[n.Slug] = true
		}
		for _, a := range b.v.Assets {
			if a.Kind != site.KindCanvas && (a.Kind != site.KindBase || b.a.bases.files[a.Path] == nil) {
				continue
			}
			if ok, _ := b.v.CanvasPublished(a.Path); !ok {
				continue
			}
			c := &canvasPage{asset: a, slug: a.Path.Slug(), title: a.Path.Name()}
			for i := 2; taken[c.slug]; i++ {
				c.slug = a.Path.Slug().WithSuffix(i)
			}
			if base := a.Path.Slug(); c.slug != base {
				b.diag(site.Pos{Path: a.Path}, "slug-collision", "the URL %q is taken; this %s is published at %q", string(base)+"/", a.Path.Ext(), string(c.slug)+"/")
			}
			taken[c.slug], ci.bySlug[c.slug] = true, true
			ci.pages = append(ci.pages, c)
			ci.byPath[a.Path] = c
		}
	})
	return ci
}

func (b *builder) diag(pos site.Pos, code, format string, args ...any) {
	b.use.mu.Lock()
	b.use.diags.Add(pos, site.Warning, code, format, args...)
	b.use.mu.Unlock()
}

// canvasDest is where a link or embed to canvas a goes: its page, since
// the .canvas file itself is not published (SPEC §4.4, §10.2).
func (pb *pageBinder) canvasDest(a *site.Asset) render.Dest {
	c := pb.b.canvases().byPath[a.Path]
	if c == nil {
		return render.Dest{State: render.Hidden}
	}
	return render.Dest{State: render.Resolved, URL: pb.pageURL(c.slug), Kind: site.KindCanvas, Title: c.title}
}

// emitCanvases lists the published canvases in their folders and writes
// a page for each, concurrently. Run it before the note and folder pages,
// whose listings then include the canvases, and before emitFiles, which
// copies the images the canvases show.
func (b *builder) emitCanvases(ctx context.Context, tree *folderTree) error {
	ci := b.canvases()
	if len(ci.pages) == 0 {
		return nil
	}
	tree.addCanvases(b.v, ci.pages)
	backs := b.canvasBacklinks(ci)
	return parallel.Each(ctx, len(ci.pages), func(i int) error {
		c := ci.pages[i]
		if c.isBase() {
			if err := b.emitPage(c.slug, b.basePageData(c, tree, backs[c])); err != nil {
				return fmt.Errorf("%s: %w", c.asset.Path, err)
			}
			return nil
		}
		data, err := b.canvasPageData(c, tree, backs[c])
		if err == nil {
			err = b.emitPage(c.slug, data)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", c.asset.Path, err)
		}
		return nil
	})
}

// canvasPageData draws one canvas. Its links resolve from the
// canvas's own folder: the binder's source is a stand-in note at the
// canvas's path, published at the canvas's page.
func (b *builder) canvasPageData(c *canvasPage, tree *folderTree, backs []canvasBacklink) (*templates.PageData, error) {
	cv := b.canvasIdx.parsed[c.asset.Path]
	if cv == nil {
		cv = &render.Canvas{Path: c.asset.Path}
	}
	from := &site.Note{Path: c.asset.Path, Slug: c.slug, Published: true}
	embeds := b.newEmbeds() // what the note cards need
	pb := &pageBinder{b: b, from: from, page: c.slug, stack: []string{embedKey(c.asset.Path, "")}, use: b.use, embeds: embeds}
	out, err := b.r.RenderCanvas(cv, pb)
	if err != nil {
		return nil, err
	}
	data := &templates.PageData{
		Site: b.opts.Site, Kind: templates.PageCanvas, Title: c.title,
		Root: c.slug.Root(), Nav: b.nav(c.slug), Breadcrumbs: tree.breadcrumbs(c.asset.Path.Dir(), c.slug, b.words()),
		Content: template.HTML(out.HTML), HasMath: out.HasMath || embeds.math, HasMermaid: out.HasMermaid || embeds.mermaid,
		HasBases: embeds.bases, HasMap: embeds.maps,
	}
	for _, bl := range backs {
		data.Backlinks = append(data.Backlinks, templates.Backlink{
			Title: bl.from.Title(), URL: c.slug.LinkTo(bl.from.Slug, ""), Context: bl.context})
	}
	return data, nil
}

// canvasBacklink is a published note that links to a canvas.
type canvasBacklink struct {
	from    *site.Note
	context template.HTML
}

// canvasBacklinks finds, in one pass over every published note's links,
// the notes that link to each canvas, each note once with the context of
// its first such link, in path order. The links package keeps backlinks
// between notes only.
func (b *builder) canvasBacklinks(ci *canvasIndex) map[*canvasPage][]canvasBacklink {
	out := map[*canvasPage][]canvasBacklink{}
	for i, n := range b.v.Notes {
		if !n.Published {
			continue
		}
		seen := map[*canvasPage]bool{}
		for k, l := range n.Links {
			t := b.graph.Resolve(n, l.Path).Target
			c := ci.byPath[t.Path()]
			if t.Asset == nil || c == nil || seen[c] {
				continue
			}
			seen[c] = true
			var ctx template.HTML
			if !l.InProperty {
				ctx = b.a.facts[i].context(k)
			}
			out[c] = append(out[c], canvasBacklink{from: n, context: ctx})
		}
	}
	return out
}
