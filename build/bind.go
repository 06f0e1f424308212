package build

import (
	"bytes"
	"strconv"
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
// the outer page, which all URLs are relative to.
type pageBinder struct {
	b      *builder
	from   *site.Note
	page   site.Slug
	stack  []string // (file, subpath) keys of the embeds being expanded
	use    *usage
	embeds *pageEmbeds // shared by the page's binder and its embeds' binders
}

// pageEmbeds is what a page learns from the notes it embeds: what they
// need from the browser, which the page's own parse cannot know, and
// how many have been expanded, which numbers their footnotes.
type pageEmbeds struct {
	math, mermaid bool
	count         int
}

// add records what an embedded document needs and gives its footnotes
// ids of their own; a nil receiver is a binder that renders no page (a
// property link).
func (l *pageEmbeds) add(d *render.Doc) {
	if l == nil {
		return
	}
	l.math = l.math || d.HasMath
	l.mermaid = l.mermaid || d.HasMermaid
	l.count++
	d.SetFootnotePrefix("e" + strconv.Itoa(l.count))
}

// usage collects what a page needs: attachments to copy and diagnostics.
type usage struct {
	mu     sync.Mutex
	assets map[site.VaultPath]*site.Asset
	byPage map[site.Slug]map[site.VaultPath]bool // which page uses which attachment
	diags  site.Diagnostics
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
	case t.Asset != nil:
		pb.use.asset(pb.page, t.Asset)
		url := pb.page.AssetURL(t.Asset.Path)
		if t.Asset.Kind == site.KindPDF && l.Subpath != "" {
			url = url.WithFragment(l.Subpath) // #page=3 and #height=400 are for the viewer
		}
		return render.Dest{State: render.Resolved, URL: url, Kind: t.Asset.Kind, Title: t.Asset.Path.Name()}
	}
	return render.Dest{}
}

// TagURL links a tag to its page.
func (pb *pageBinder) TagURL(tag string) site.RelURL {
	return pb.page.LinkTo(site.TagSlug(tag), "")
}

func (pb *pageBinder) noteDest(n *site.Note, res links.Resolved, l *site.Link) render.Dest {
	frag := ""
	switch {
	case res.Heading != nil:
		frag = res.Heading.ID
	case res.Block != nil:
		frag = "^" + res.Block.ID
	}
	d := render.Dest{State: render.Resolved, URL: pb.page.LinkTo(n.Slug, frag), Kind: site.KindNote, Title: n.Title()}
	if l.Embed {
		d.Content, d.InlineTitle, d.Cycle = pb.embed(n, res, l)
	}
	return d
}

// embed renders the part of n that l embeds, with links resolved from n
// and URLs relative to the outer page. It refuses, with cycle true, an
// embed already being expanded (keyed on file and subpath, so a note may
// embed its own sections, SPEC §4.9) or one past maxEmbedDepth. A whole
// note gets its inline title, unless it opens with an H1 of its own, the
// rule of the note's page; a section or block gets none (Obsidian shows
// them seamlessly).
func (pb *pageBinder) embed(n *site.Note, res links.Resolved, l *site.Link) (content []byte, title string, cycle bool) {
	key := embedKey(n.Path, l.Subpath)
	for _, k := range pb.stack {
		if k == key {
			pb.cycle(l, "embed cycle: %q embeds itself; shown as a link", l.Raw)
			return nil, "", true
		}
	}
	if len(pb.stack) > maxEmbedDepth {
		pb.cycle(l, "embed of %q is nested deeper than %d; shown as a link", l.Raw, maxEmbedDepth)
		return nil, "", true
	}
	d := pb.b.r.Parse(n, nil)
	child := &pageBinder{b: pb.b, from: n, page: pb.page, stack: append(pb.stack[:len(pb.stack):len(pb.stack)], key), use: pb.use, embeds: pb.embeds}
	pb.embeds.add(d)
	nodes := d.Whole()
	if d.FirstH1 == "" {
		title = n.Title()
	}
	switch {
	case res.Heading != nil:
		nodes, title = d.Section(*res.Heading), ""
	case res.Block != nil:
		nodes, title = d.Block(res.Block.ID), ""
	}
	nodes = d.WithFootnotes(nodes)
	render.BindNodes(d, nodes, child)
	render.Unanchor(nodes)
	var buf bytes.Buffer
	if err := pb.b.r.RenderNodes(&buf, d, nodes); err != nil {
		return nil, "", true
	}
	return buf.Bytes(), title, false
}

func (pb *pageBinder) cycle(l *site.Link, format string, args ...any) {
	// Reported at the link that closes the cycle, in the note that holds
	// it; every page that meets the same link repeats the same line, and
	// the build keeps one.
	pb.use.mu.Lock()
	pb.use.diags.Add(pb.from.Pos(l.Offset), site.Warning, "embed-cycle", format, args...)
	pb.use.mu.Unlock()
}

func embedKey(p site.VaultPath, subpath string) string {
	return strings.ToLower(string(p)) + "#" + strings.ToLower(subpath)
}
