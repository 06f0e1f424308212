package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/vaultsite/vaultsite/internal/i18n"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// emitRest writes the listings, the 404 page and the files: everything
// but the note pages. The listings, the graph, the search index and the
// discovery files read only what the earlier phases settled, so they run
// side by side, four different jobs rather than a loop; the first to
// fail stops the others. The files go last, since they include the
// browser libraries the pages asked for.
func (b *builder) emitRest(ctx context.Context, tree *folderTree, tags *tagIndex) error {
	g, gctx := errgroup.WithContext(ctx) // gctx ends with Wait
	g.Go(func() error { return b.emitListings(gctx, tree, tags) })
	g.Go(b.emitGraph)
	g.Go(b.emitDiscovery)
	if err := g.Wait(); err != nil {
		return err
	}
	return b.emitFiles(ctx)
}

// emitListings writes the folder pages, the tag pages and the 404 page.
// When ctx is done it stops with ctx's error.
func (b *builder) emitListings(ctx context.Context, tree *folderTree, tags *tagIndex) error {
	for _, f := range tree.sorted() {
		if f.slug == "" && b.v.Home() != nil || f.note != nil || !b.wants(f.slug) {
			continue // the home note or the folder note shows this listing
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.emitPage(f.slug, b.folderPage(f, tree)); err != nil {
			return err
		}
	}
	if err := b.emitTags(ctx, tags); err != nil {
		return err
	}
	return b.emitPage("", nil)
}

// emitPage renders data and writes it at the page of slug; with nil data
// it writes the 404 page.
func (b *builder) emitPage(slug site.Slug, data *templates.PageData) error {
	out := slug.OutPath()
	if data == nil && b.only != nil || data != nil && !b.canvases().bySlug[slug] && !b.wants(slug) {
		return nil // a rebuild that does not need this page; canvases and bases are few, and always drawn
	}
	if data == nil {
		root := b.notFoundRoot()
		data = &templates.PageData{Site: b.opts.Site, Kind: templates.PageNotFound, Root: root, Nav: b.nav("")}
		for i := range data.Nav {
			data.Nav[i].URL = root + data.Nav[i].URL // "tags/" from the root: "/tags/"
		}
		out = "404.html"
	} else {
		data.Slug = slug
	}
	var err error
	if data.Explorer, err = b.explorer(); err != nil {
		return err
	}
	if data.Kind != templates.PageNotFound { // the 404 page is no place in the explorer
		data.ExplorerFolder, data.ExplorerParts = b.explorerTrail(slug)
	}
	b.libs.Add(data)
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer putPageBuffer(buf)
	buf.Grow(len(data.Content) + pageFrame)
	if err := templates.Render(buf, data); err != nil {
		return fmt.Errorf("page %s: %w", out, err)
	}
	return b.emit(out, buf.Bytes())
}

// notFoundRoot is the 404 page's Root: the path of the site's base URL
// ("/notes/" for https://example.org/notes/), else "/". The page is
// served for unknown URLs at any depth, so its links start there.
func (b *builder) notFoundRoot() site.RelURL {
	return site.RootPath(b.opts.Site.BaseURL)
}

// pageBuffers hold pages while they are rendered and written, so a build
// does not grow a fresh buffer for every page: pages are the bulk of
// what it allocates. pageFrame is about what a page adds around its
// content.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const pageFrame = 16 << 10

func putPageBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 4<<20 {
		return // a hub page's; let it go rather than keep it
	}
	buf.Reset()
	pageBuffers.Put(buf)
}

// emit writes one file through the emitter; its error names the file.
func (b *builder) emit(p site.OutPath, data []byte) error {
	b.use.mu.Lock()
	b.files++
	b.use.mu.Unlock()
	if err := b.em.Emit(p, data); err != nil {
		return fmt.Errorf("emit %s: %w", p, err)
	}
	return nil
}

// emitFiles writes the site's own static files and its messages file
// (the scripts' words in the site's language), the browser libraries
// the emitted pages load, and the attachments that published pages use,
// and nothing else from the vault. When ctx is done it stops with ctx's
// error.
func (b *builder) emitFiles(ctx context.Context) error {
	for _, f := range append(b.siteFiles(), b.libs.Files()...) {
		if b.have != nil && b.have(f.Path) {
			continue
		}
		if err := b.emit(f.Path, f.Data); err != nil {
			return err
		}
	}
	if err := b.emitLook(); err != nil {
		return err
	}
	for _, a := range b.sortedAssets() {
		if b.have != nil && b.have(b.v.AssetOut(a.Path)) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if done, err := b.emitAssetFile(a.Path); done || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		var err error
		if a.Path.Ext() == "svg" {
			err = b.emitSVG(a) // attachments.go
		} else {
			err = b.copyAsset(a)
		}
		var se *sourceError
		if errors.As(err, &se) {
			b.use.diags.Add(site.Pos{Path: a.Path}, site.Warning, "unreadable", "cannot copy attachment: %v", se.err)
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// notePage assembles what a note's page shows.
func (b *builder) notePage(p page, tree *folderTree, tags *tagIndex) *templates.PageData {
	n := p.note
	data := &templates.PageData{
		Site: b.opts.Site, Kind: templates.PageNote, Title: n.Title(), Description: n.Props.Description,
		Root: n.Slug.Root(), Nav: b.nav(n.Slug), Breadcrumbs: tree.breadcrumbs(n.Path.Dir(), n.Slug, b.words()),
		HideTitle: n.FirstH1 != "", Content: template.HTML(p.html), CSSClasses: n.Props.CSSClasses,
		HasMath: p.facts.hasMath, HasMermaid: p.facts.hasMermaid,
		Properties: b.properties(n), Tags: tags.links(n, n.Slug), TOC: toc(n), Backlinks: b.backlinks(n),
	}
	b.addLocalGraph(data, n)
	data.Image = b.socialImage(n)
	if n.Slug == "" {
		data.Breadcrumbs = nil
	}
	if f := tree.bySlug[n.Slug]; f != nil {
		data.Entries = tree.entries(f, n.Slug, b)
	}
	return data
}

func (b *builder) nav(from site.Slug) []templates.Link {
	return []templates.Link{
		{Text: b.words().T("nav.tags"), URL: from.LinkTo(site.TagIndexSlug, "")},
		{Text: b.words().T("nav.graph"), URL: from.LinkTo(site.GraphSlug, "")},
	}
}

// siteFiles returns the site's own static files and the messages file of
// its language, which every page loads.
func (b *builder) siteFiles() []templates.File {
	return append(templates.Static(), templates.Messages(b.opts.Site.Lang))
}

// words returns the interface's messages in the site's language.
func (b *builder) words() *i18n.Catalog { return i18n.For(b.opts.Site.Lang) }

func toc(n *site.Note) []templates.TOCEntry {
	out := make([]templates.TOCEntry, 0, len(n.Headings))
	for _, h := range n.Headings {
		out = append(out, templates.TOCEntry{Level: h.Level, Text: h.Plain, ID: h.ID})
	}
	return out
}

// backlinkContext is how many characters of context a backlink shows.
const backlinkContext = 200

// backlinks lists each published note that links to n once, with the
// context of its first link.
func (b *builder) backlinks(n *site.Note) []templates.Backlink {
	var out []templates.Backlink
	var last *site.Note
	for _, bl := range b.graph.Backlinks(n) {
		if bl.From == last {
			continue
		}
		last = bl.From
		ctx := b.a.factsOf(bl.From).context(bl.Index)
		out = append(out, templates.Backlink{Title: bl.From.Title(), URL: n.Slug.LinkTo(bl.From.Slug, ""), Context: ctx})
	}
	return out
}

// properties shows the frontmatter as Obsidian's properties view does:
// tags as tags, quoted [[links]] as links, everything else as text.
func (b *builder) properties(n *site.Note) []templates.Property {
	var out []templates.Property
	for _, p := range n.Props.List {
		key := strings.ToLower(p.Key)
		if key == "publish" || key == "cssclasses" || key == "cssclass" || key == "permalink" {
			continue
		}
		prop := templates.Property{Key: p.Key}
		if key == "tags" || key == "tag" {
			// Split as the tag pages are ("Nested Folder" is two tags),
			// so every tag shown links to a page that exists.
			for _, t := range p.Value.Tags() {
				prop.Values = append(prop.Values, templates.PropValue{Text: t, URL: n.Slug.LinkTo(site.TagSlug(t), ""), IsTag: true})
			}
			out = append(out, prop)
			continue
		}
		for _, v := range flatten(p.Value) {
			prop.Values = append(prop.Values, b.propValue(n, key, v))
		}
		out = append(out, prop)
	}
	return out
}

func flatten(v site.Value) []site.Value {
	if v.Kind == site.ValueList {
		var out []site.Value
		for _, it := range v.Items {
			out = append(out, flatten(it)...)
		}
		return out
	}
	if v.Kind == site.ValueNull {
		return nil
	}
	return []site.Value{v}
}

func (b *builder) propValue(n *site.Note, key string, v site.Value) templates.PropValue {
	text := v.String()
	if inner, ok := strings.CutPrefix(text, "[["); ok && v.Quoted && strings.HasSuffix(inner, "]]") {
		target, display, hasDisplay := strings.Cut(strings.TrimSuffix(inner, "]]"), "|")
		path, sub, _ := strings.Cut(target, "#")
		if !hasDisplay {
			display = strings.TrimSpace(target)
		}
		l := site.Link{Path: strings.TrimSpace(path), Subpath: strings.TrimSpace(sub), InProperty: true}
		pb := &pageBinder{b: b, from: n, page: n.Slug, use: b.use}
		if d := pb.Bind(&l); d.URL != "" {
			return templates.PropValue{Text: display, URL: d.URL}
		}
		return templates.PropValue{Text: display}
	}
	if strings.HasPrefix(text, "https://") || strings.HasPrefix(text, "http://") {
		return templates.PropValue{Text: text, URL: site.External(text)}
	}
	return templates.PropValue{Text: formatDate(text, b.words())}
}

// formatDate shows a date or date-time value the way a reader of the
// site's language says it ("7 July 2023", "2023年7月7日 10:30"), as
// Obsidian's properties view shows dates rather than their ISO text.
// Anything else, including an impossible date such as 2023-13-45, is
// returned as written. The time zone is not converted: the author's
// wall-clock time is what they meant, and the build must not depend on
// the machine's zone.
func formatDate(v string, words *i18n.Catalog) string {
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return words.Date(t, false)
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, v); err == nil {
			return words.Date(t, true)
		}
	}
	return v
}
