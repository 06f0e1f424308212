package build

import (
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
)

// maxEmbedDepth caps note embeds inside note embeds. Obsidian's own limit
// is undocumented; the help vault needs 3, and SPEC §4.9 suggests 5.
const maxEmbedDepth = 5

// pageBinder resolves the links of one note as they appear on one page.
// For the page's own note, from is that note; inside an embed, from is the
// embedded note (its links resolve from its own folder) while page stays
// the outer page, which all URLs are relative to. With tpl set, it binds
// an embedded section for every page at once (embed_template.go): what
// depends on the page becomes a token of tpl.
type pageBinder struct {
	b      *builder
	from   *site.Note
	page   site.Slug
	stack  []string // (file, subpath) keys of the embeds being expanded
	use    *usage
	embeds *pageEmbeds // shared by the page's binder and its embeds' binders
	tpl    *embedTemplate
}

// pageEmbeds is what a page learns from the notes it embeds: what they
// need from the browser, which the page's own parse cannot know; how
// many have been expanded, which numbers their footnotes; and how many
// bytes they hold, against the budget. With discard set the embeds are
// only measured, for check.
type pageEmbeds struct {
	math, mermaid bool
	count         int
	bytes, budget int64
	discard       bool
	// bases and maps say that the page shows a base view, and a map
	// view; baseCount numbers the bases (bases_render.go).
	bases, maps bool
	baseCount   int
}

// usage collects what a page needs: attachments to copy and diagnostics.
type usage struct {
	mu     sync.Mutex
	assets map[site.VaultPath]*site.Asset
	byPage map[site.Slug]map[site.VaultPath]bool // which page uses which attachment
	// held are the attachments pages use that are not published, and
	// why (attachments.go).
	held  map[site.VaultPath]Exclusion
	diags site.Diagnostics
}

// withhold records that the attachment at p, which a page uses, is not
// published, by the rule and reason of e.
func (u *usage) withhold(p site.VaultPath, rule, reason string) {
	u.mu.Lock()
	if u.held == nil {
		u.held = map[site.VaultPath]Exclusion{}
	}
	u.held[p] = Exclusion{Path: p, Rule: rule, Reason: reason}
	u.mu.Unlock()
}

// asset records that the page at slug uses attachment a.
func (u *usage) asset(page site.Slug, a *site.Asset) {
	u.mu.Lock()
	u.assets[a.Path] = a
	if u.byPage == nil {
		u.byPage = map[site.Slug]map[site.VaultPath]bool{}
	}
	if u.byPage[page] == nil {
		u.byPage[page] = map[site.VaultPath]bool{}
	}
	u.byPage[page][a.Path] = true
	u.mu.Unlock()
}

var _ render.Binder = (*pageBinder)(nil)

// Bind resolves l with the links package and turns the result into a
// destination for this page. Unpublished notes are Hidden, whatever the
// link; an unresolved link is Unresolved, and check reports it.
func (pb *pageBinder) Bind(l *site.Link) render.Dest {
	res := pb.b.graph.Link(pb.from, *l)
	t := res.Target
	switch {
	case t.Note != nil && !t.Note.Published:
		return render.Dest{State: render.Hidden}
	case t.Note != nil:
		return pb.noteDest(t.Note, res, l)
	case t.Asset != nil && t.Asset.Kind == site.KindCanvas:
		return pb.canvasDest(t.Asset) // its page, not the file (canvas.go)
	case t.Asset != nil && t.Asset.Kind != site.KindBase && !pb.pathPublished(t.Asset.Path):
		return render.Dest{State: render.Hidden}
	case t.Asset != nil && pb.b.withheld(t.Asset.Path):
		pb.use.withhold(t.Asset.Path, RuleHTMLAttachment, heldHTML) // attachments.go
		return render.Dest{State: render.Hidden}
	case t.Asset != nil && t.Asset.Kind == site.KindBase:
		return pb.baseDest(t.Asset, l) // its page or its view (bases_render.go)
	case t.Asset != nil:
		pb.useAsset(t.Asset)
		url := pb.fileURL(pb.b.v.AssetOut(t.Asset.Path))
		if t.Asset.Kind == site.KindPDF && l.Subpath != "" {
			url = url.WithFragment(l.Subpath) // #page=3 and #height=400 are for the viewer
		}
		return render.Dest{State: render.Resolved, URL: url, Kind: t.Asset.Kind, Title: t.Asset.Path.Name()}
	}
	return render.Dest{}
}

// pathPublished reports whether the attachment at p may be published by
// the path rules (templates folder, userIgnoreFilters, ignore globs), and
// records it as held when not: a published note that links a file in a
// left-out folder must not publish it, as it would not publish a note
// there. A base (bases_render.go) and a canvas (canvas.go) check their own.
func (pb *pageBinder) pathPublished(p site.VaultPath) bool {
	ok, why := pb.b.v.PathPublished(p)
	if !ok {
		e := exclusion(p, 0, why)
		pb.use.withhold(p, e.Rule, e.Reason)
	}
	return ok
}

// TagURL links a tag to its page.
func (pb *pageBinder) TagURL(tag string) site.RelURL {
	return pb.pageURL(site.TagSlug(tag))
}

// pageURL is the URL of the page slug from this page, or its token.
func (pb *pageBinder) pageURL(slug site.Slug) site.RelURL {
	if pb.tpl != nil {
		return pb.tpl.url(pageURL{slug: slug})
	}
	return pb.page.LinkTo(slug, "")
}

// fileURL is the URL of the site's file out from this page, or its token.
func (pb *pageBinder) fileURL(out site.OutPath) site.RelURL {
	if pb.tpl != nil {
		return pb.tpl.url(pageURL{file: out})
	}
	return pb.page.FileURL(out)
}

// useAsset records that the page shows attachment a.
func (pb *pageBinder) useAsset(a *site.Asset) {
	if pb.tpl != nil {
		pb.tpl.assets = append(pb.tpl.assets, a)
		return
	}
	pb.use.asset(pb.page, a)
}

func (pb *pageBinder) noteDest(n *site.Note, res links.Resolved, l *site.Link) render.Dest {
	frag := ""
	switch {
	case res.Heading != nil:
		frag = res.Heading.ID
	case res.Block != nil:
		frag = "^" + res.Block.ID
	}
	d := render.Dest{State: render.Resolved, URL: pb.pageURL(n.Slug).WithFragment(frag), Kind: site.KindNote, Title: n.Title()}
	switch {
	case l.Embed && pb.tpl != nil:
		d.Content, d.InlineTitle = pb.tpl.hole(n, res, l), inlineTitle(n, res)
	case l.Embed:
		d.Content, d.Cycle, d.Cut = pb.embed(n, res, l)
		d.InlineTitle = inlineTitle(n, res)
	}
	return d
}

// inlineTitle is the title shown above an embed of n: a whole note gets
// its inline title, unless it opens with an H1 of its own, the rule of
// the note's page; a section or block gets none (Obsidian shows them
// seamlessly).
func inlineTitle(n *site.Note, res links.Resolved) string {
	if res.Heading != nil || res.Block != nil || n.FirstH1 != "" {
		return ""
	}
	return n.Title()
}

func embedKey(p site.VaultPath, subpath string) string {
	return strings.ToLower(string(p)) + "#" + strings.ToLower(subpath)
}
