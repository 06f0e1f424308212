package build

import (
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/vaultsite/vaultsite/internal/bases"
	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

var _ render.BaseBinder = (*pageBinder)(nil)

// BindBase evaluates a base block for this page, with this as the note
// the block is written in. Its findings were reported by checkBases.
func (pb *pageBinder) BindBase(n *render.BaseBlock) []byte {
	b := blockBase(pb.from, n.Src, n.Offset, nil)
	return []byte(pb.baseHTML(b, b.Views, pb.nextBaseID()))
}

// nextBaseID numbers the bases of a page, so their views' ids differ.
// In an embedded section, rendered once for every page that shows it,
// the number is the section's own, after the embed's key, which each
// page fills in ("e3-base1").
func (pb *pageBinder) nextBaseID() string {
	switch {
	case pb.tpl != nil:
		pb.tpl.baseCount++
		return token(tokFootnote, 0) + "-base" + strconv.Itoa(pb.tpl.baseCount)
	case pb.embeds == nil:
		return "base"
	}
	pb.embeds.baseCount++
	return "base" + strconv.Itoa(pb.embeds.baseCount)
}

// sawBase tells the page, or the embedded section, that it shows a base
// view (and a map view), so the page loads their scripts.
func (pb *pageBinder) sawBase(isMap bool) {
	switch {
	case pb.tpl != nil:
		pb.tpl.hasBases, pb.tpl.hasMap = true, pb.tpl.hasMap || isMap
	case pb.embeds != nil:
		pb.embeds.bases, pb.embeds.maps = true, pb.embeds.maps || isMap
	}
}

// baseHTML renders views of b as this page shows them: one view alone,
// several as tabs. prefix makes the views' ids unique in the page.
func (pb *pageBinder) baseHTML(b *bases.Base, views []*bases.View, prefix string) string {
	env := pb.b.a.baseEnv()
	cx := &bases.Context{Base: b, Env: env, Now: env.now, This: env.this(pb.from)}
	var names, ids, out []string
	seen := map[string]int{}
	for _, v := range views {
		id := prefix + "-" + viewSlug(v.Name)
		if seen[id]++; seen[id] > 1 {
			id += "-" + strconv.Itoa(seen[id])
		}
		names, ids = append(names, v.Name), append(ids, id)
		out = append(out, bases.RenderView(bases.Run(cx, v, env.files), baseLinker{pb}, id, pb.b.words()))
		pb.sawBase(v.Type == "map")
	}
	if len(views) == 0 {
		return `<p class="base-empty">` + template.HTMLEscapeString(pb.b.words().T("bases.empty")) + `</p>`
	}
	return bases.RenderTabs(names, ids, out, pb.b.words())
}

// viewSlug makes an id from a view's name: lower case, letters and
// digits, with hyphens between words.
func viewSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "view"
	}
	return b.String()
}

// baseDest is where a link or embed to base a goes: its page, when it
// has one; an embed also carries the named view, or the first. A base
// the path rules keep out is Hidden, as an ignored canvas is.
func (pb *pageBinder) baseDest(a *site.Asset, l *site.Link) render.Dest {
	b := pb.b.a.bases.files[a.Path]
	if b == nil {
		return render.Dest{State: render.Hidden}
	}
	d := render.Dest{State: render.Resolved, Kind: site.KindBase, Title: a.Path.Name()}
	if c := pb.b.canvases().byPath[a.Path]; c != nil {
		d.URL = pb.pageURL(c.slug)
	}
	if !l.Embed {
		if d.URL == "" {
			return render.Dest{State: render.Hidden} // no page to go to (opt-in mode)
		}
		return d
	}
	v := b.ViewNamed(strings.TrimSpace(l.Subpath))
	if v == nil {
		v = b.ViewNamed("") // a missing view: checkBases reported it
	}
	var views []*bases.View
	if v != nil {
		views = []*bases.View{v}
	}
	d.Content = []byte(pb.baseHTML(b, views, pb.nextBaseID()))
	return d
}

// basePageData is the page of a .base file: every view, each a tab, the
// first shown; this is the base's own file.
func (b *builder) basePageData(c *canvasPage, tree *folderTree, backs []canvasBacklink) *templates.PageData {
	from := &site.Note{Path: c.asset.Path, Slug: c.slug, Published: true}
	embeds := &pageEmbeds{}
	pb := &pageBinder{b: b, from: from, page: c.slug, use: b.use, embeds: embeds}
	base := b.a.bases.files[c.asset.Path]
	html := `<p class="base-empty">` + template.HTMLEscapeString(b.words().T("bases.empty")) + `</p>`
	if base != nil {
		html = pb.baseHTML(base, base.Views, "view")
	}
	data := &templates.PageData{
		Site: b.opts.Site, Kind: templates.PageNote, Title: c.title,
		Root: c.slug.Root(), Nav: b.nav(c.slug), Breadcrumbs: tree.breadcrumbs(c.asset.Path.Dir(), c.slug, b.words()),
		Content: template.HTML(html), HasBases: true, HasMap: embeds.maps,
	}
	for _, bl := range backs {
		data.Backlinks = append(data.Backlinks, templates.Backlink{
			Title: bl.from.Title(), URL: c.slug.LinkTo(bl.from.Slug, ""), Context: bl.context})
	}
	return data
}

// baseLinker gives a view's links and images their URLs on this page;
// an image it shows is an attachment the page uses.
type baseLinker struct{ pb *pageBinder }

func (l baseLinker) FileURL(f *bases.File) string {
	return string(l.pb.pageURL(f.Ref.(*site.Note).Slug))
}

// ImageURL accepts a link, a "[[wikilink]]", a path or an http(s) URL;
// a link resolves from row, the note it is written in.
func (l baseLinker) ImageURL(v bases.Value, row *bases.File) string {
	from := l.pb.from
	if row != nil {
		from = row.Ref.(*site.Note)
	}
	url, a := baseImage(l.pb.b.graph, l.pb.b.v, from, v)
	if a != nil {
		l.pb.useAsset(a)
		return string(l.pb.fileURL(l.pb.b.v.AssetOut(a.Path)))
	}
	return url
}

// LinkURL gives a link to an attachment, a canvas or a base its URL on
// this page, publishing the attachment, as a link in a note does; a file
// the path rules keep out gets none.
func (l baseLinker) LinkURL(link bases.Link, row *bases.File) string {
	from := l.pb.from
	if row != nil {
		from = row.Ref.(*site.Note)
	}
	t := l.pb.b.graph.Resolve(from, linkPath(link.Target)).Target
	if _, ok := baseLinkTarget(l.pb.b.a, from, link); !ok {
		return ""
	}
	switch {
	case t.Note != nil:
		return string(l.pb.pageURL(t.Note.Slug))
	case t.Asset.Kind == site.KindCanvas || t.Asset.Kind == site.KindBase:
		if c := l.pb.b.canvases().byPath[t.Asset.Path]; c != nil {
			return string(l.pb.pageURL(c.slug))
		}
		return ""
	}
	l.pb.useAsset(t.Asset)
	url := l.pb.fileURL(l.pb.b.v.AssetOut(t.Asset.Path))
	if _, sub, _ := strings.Cut(link.Target, "#"); t.Asset.Kind == site.KindPDF && sub != "" {
		url = url.WithFragment(strings.TrimSpace(sub)) // #page=3 is for the viewer, as in a note
	}
	return string(url)
}

// baseLinkTarget resolves a view's link that is not a row from the note
// from, and returns what it names, page aside: the note's slug or the
// file's path. It reports false when the link names no published file.
func baseLinkTarget(a *Analysis, from *site.Note, link bases.Link) (string, bool) {
	t := a.Graph.Resolve(from, linkPath(link.Target)).Target
	switch {
	case t.Note != nil:
		return string(t.Note.Slug), t.Note.Published
	case t.Asset == nil || a.baseEnv().hidden(t):
		return "", false
	}
	return string(t.Asset.Path), true
}

// linkPath is a link's target without its subpath ("book.pdf#page=3").
func linkPath(target string) string {
	p, _, _ := strings.Cut(target, "#")
	return strings.TrimSpace(p)
}

// baseImage finds the image a view shows for v, written in the note
// from: an http(s) URL, or a published image attachment of the vault;
// neither when v names nothing to show.
func baseImage(g *links.Graph, v *site.Vault, from *site.Note, val bases.Value) (string, *site.Asset) {
	var target string
	switch val := val.(type) {
	case bases.Image:
		return baseImage(g, v, from, val.Src)
	case bases.Link:
		if val.File != nil {
			return "", nil // a note is not an image
		}
		target = val.Target
	case string:
		target = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(val), "[["), "]]")
		target, _, _ = strings.Cut(target, "|")
	default:
		return "", nil
	}
	if strings.HasPrefix(target, "https://") || strings.HasPrefix(target, "http://") {
		return target, nil
	}
	a := g.Resolve(from, target).Target.Asset
	if a == nil || a.Kind != site.KindImage {
		return "", nil
	}
	if ok, _ := v.PathPublished(a.Path); !ok {
		return "", nil
	}
	return "", a
}
