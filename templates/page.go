package templates

import (
	"html/template"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// SiteInfo is what every page knows about the whole site.
type SiteInfo struct {
	Title string
	// Lang is the value of <html lang>; empty means "en".
	Lang string
	// BaseURL is the absolute URL the site is published at; with it,
	// pages get canonical links and social previews (discover.go).
	BaseURL string
	// Favicon is the vault's own icon, copied into the site; empty uses
	// the built-in one.
	Favicon site.OutPath
	// Look is the author's own look: theme, snippets, publish.css and
	// publish.js (build/look.go); the zero value is the built-in look.
	Look Look
	// Hide turns parts of the page off; the zero value shows them all.
	Hide Hide
	// StackedPages opens followed links as panes side by side on wide
	// screens (stack.js); on a phone links stay ordinary.
	StackedPages bool
}

// Look is what a page loads of the author's look, besides the site's
// own files. Paths are relative to the site root.
type Look struct {
	// Styles are stylesheets linked after the site's, in this order.
	Styles []site.OutPath
	// Scripts are the author's scripts (publish.js), loaded at the end
	// of every page but the 404 page.
	Scripts []site.OutPath
	// Logo is the image shown before the site's name in the header;
	// empty shows none.
	Logo site.OutPath
	// Mode is the default colour mode, "dark" or "light"; empty follows
	// the reader's system. The reader's toggle wins over either.
	Mode string
}

// Hide lists the parts of a page that a site turns off (Obsidian
// Publish's site options showOutline, showBacklinks, …). The build
// leaves out a hidden explorer by giving pages no Explorer file.
type Hide struct {
	Outline, Backlinks, Search, ThemeToggle, Graph, Explorer bool
	// HoverPreview turns off the preview of internal links on hover.
	HoverPreview bool
	// Title leaves out the title heading of every page (hideTitle).
	Title bool
	// LineWidth lets the page's text take the width of its column
	// (readableLineLength: false).
	LineWidth bool
}

// Link is a link with its text. URL is already relative to the page it
// appears on: templates never compute URLs.
type Link struct {
	Text string
	URL  site.RelURL
}

// TOCEntry is one heading of a note's table of contents. ID is the
// heading's id attribute as render emitted it, without "#".
type TOCEntry struct {
	Level int // 1 to 6, as in <h1>…<h6>
	Text  string
	ID    string
}

// Property is one row of a note's properties view: a key and its values
// in order. A property with no values shows an empty row.
type Property struct {
	Key    string
	Values []PropValue
}

// PropValue is one value of a property. With an empty URL it is plain
// text; with a URL it is a link, internal unless the URL has a scheme
// (see External). A tag value (IsTag) shows as a tag chip; its Text is the
// tag without "#".
type PropValue struct {
	Text  string
	URL   site.RelURL
	IsTag bool
}

// External reports whether v links outside the site: its URL starts with
// a scheme such as "https:" or "mailto:". Property values may hold such
// URLs; they get the external-link style.
func (v PropValue) External() bool {
	s := string(v.URL)
	i := strings.IndexAny(s, ":/?#")
	return i > 0 && s[i] == ':'
}

// Backlink is a note that links to the page, with an excerpt around the
// link: inline HTML made by the renderer (code spans stay code), trusted
// as Content is.
type Backlink struct {
	Title   string
	URL     site.RelURL
	Context template.HTML
}

// ListEntry is one row of a folder, tag or home listing. Count is the
// number of notes below a folder, or of notes carrying a tag on the tag
// index; zero hides it. A note's row also has its Description (its
// description property or first sentence) and its Date, in the site's
// language, with DateTime its machine-readable form ("2024-03-05");
// empty hides either.
type ListEntry struct {
	Text     string
	URL      site.RelURL
	IsFolder bool
	Count    int

	Description, Date, DateTime string
}

// PageKind selects the layout Render uses.
type PageKind int

// The kinds of page.
const (
	// PageNote is a rendered note; a folder note also has Entries.
	PageNote PageKind = iota
	// PageFolder lists a folder that has no folder note.
	PageFolder
	// PageTag lists the notes that carry one tag.
	PageTag
	// PageTagIndex lists every tag.
	PageTagIndex
	// PageHome is the listing home page, used when the vault has no Home.md.
	PageHome
	// PageNotFound is the 404 page. It is served for unknown URLs at any
	// depth, so nothing on it may be relative to its own location: its
	// Root and Nav URLs must be absolute paths, "/" or the site's base
	// path such as "/notes/", and "/notes/tags/", and it links its
	// files, the explorer's and search's from Root. Its stylesheet is
	// inlined too. This is the only page whose URLs are
	// not site.RelURLs in the strict sense (RelURL.Valid rejects them).
	PageNotFound
	// PageCanvas is a rendered canvas; Content holds the drawing.
	PageCanvas
	// PageGraph is the global graph of the published notes; GraphData
	// is its data.
	PageGraph
	numKinds
)

var kindNames = [numKinds]string{"note", "folder", "tag", "tag-index", "home", "not-found", "canvas", "graph"}

// String returns the kind's name as used in the page's body class
// ("note", "tag-index", …).
func (k PageKind) String() string {
	if k < 0 || k >= numKinds {
		return "unknown"
	}
	return kindNames[k]
}

// PageData is everything one page shows. Strings are escaped when the
// page is rendered; only Content is trusted HTML.
type PageData struct {
	Site        SiteInfo
	Kind        PageKind
	Title       string
	Description string // the meta description; empty omits it
	// Image is the absolute URL of the page's social preview image; empty
	// omits it.
	Image string
	// Root is the URL of the site root as seen from this page ("./",
	// "../../"); static files and the home link hang off it.
	Root site.RelURL
	// Slug is the page's own slug ("" for the home page); the build sets
	// it for every page but the 404 page.
	Slug site.Slug
	// Explorer is the first of the site's explorer files (the folder
	// tree the left sidebar shows, one file per part of each folder's
	// listing, all in its folder); empty leaves the sidebar out.
	Explorer site.OutPath
	// ExplorerFolder is the URL from the site root of the folder whose
	// listing holds the page ("" for the root, "protocols/"), and
	// ExplorerParts, unless empty, the part of each listing down to it
	// that holds the next step ("0 2"): the explorer opens the way to
	// the page with the files they name (build/explorer.go).
	ExplorerFolder site.RelURL
	ExplorerParts  string
	// Nav holds the site-wide links of the header (tag index, …).
	Nav []Link
	// Breadcrumbs are the ancestors of the page, from the root down to
	// its parent folder; the page's own title is added after them.
	Breadcrumbs []Link
	// HideTitle suppresses the <h1> title, for a note whose body starts
	// with its own H1.
	HideTitle bool
	// Content is the rendered note or canvas body (render's output).
	Content    template.HTML
	Properties []Property
	// Tags are the note's tags, linked to their tag pages; Text without "#".
	Tags      []Link
	TOC       []TOCEntry
	Backlinks []Backlink
	// Entries is the listing of folder, tag and home pages; a folder
	// note also gets its folder's entries.
	Entries []ListEntry
	// CSSClasses come from the note's cssclasses property and go on the
	// content container.
	CSSClasses []string
	// HasMath and HasMermaid say whether the page needs KaTeX or Mermaid.
	HasMath, HasMermaid bool
	// HasBases says the page shows a base view (sorting and filtering
	// script), HasMap that one is a map (tiles script).
	HasBases, HasMap bool
	// LocalGraph is a note's neighbourhood in the link graph, drawn
	// beside it (graph.go); nil draws none.
	LocalGraph *LocalGraph
	// GraphData is the URL of the site's graph JSON, on the graph page
	// and, for the local graph's second depth, on note pages.
	GraphData site.RelURL
}

// defaultHeadings are the message keys of the headings of pages whose
// Title is empty.
var defaultHeadings = [numKinds]string{PageTagIndex: "tags.heading", PageNotFound: "notfound.heading", PageGraph: "graph.heading"}

// Heading returns the page's <h1>: its Title, or when that is empty a
// default for its kind in the site's language ("Tags", "Page not found"),
// else the site title.
func (p *PageData) Heading() string {
	switch {
	case p.Title != "":
		return p.Title
	case p.Kind >= 0 && p.Kind < numKinds && defaultHeadings[p.Kind] != "":
		return p.T(defaultHeadings[p.Kind])
	}
	return p.Site.Title
}

// DocTitle returns the <title>: "Heading · Site title", or the site
// title alone when the heading is the site title.
func (p *PageData) DocTitle() string {
	h := p.Heading()
	switch {
	case h == p.Site.Title:
		return h
	case p.Site.Title == "":
		return h
	}
	return h + " · " + p.Site.Title
}

// Lang returns the page language, "en" when the site sets none.
func (p *PageData) Lang() string {
	if p.Site.Lang == "" {
		return "en"
	}
	return p.Site.Lang
}

// TOCMinLevel returns the smallest heading level in the TOC, so the
// outline indents relative to its top level (1 when the TOC is empty).
func (p *PageData) TOCMinLevel() int {
	m := 6
	for _, e := range p.TOC {
		m = min(m, e.Level)
	}
	if len(p.TOC) == 0 {
		return 1
	}
	return max(m, 1)
}

// Self returns the page's URL as seen from the site root ("./" for the
// home page, "protocols/http/"): how the explorer file names pages.
// The 404 page is no page of the explorer: its Self is "".
func (p *PageData) Self() site.RelURL {
	if p.Kind == PageNotFound {
		return ""
	}
	return p.Slug.FromRoot()
}

// LoadsMath reports whether the page loads KaTeX: its own text has math
// (HasMath), or a backlink's context it shows quotes a formula. A context is
// escaped text but for render's own markup, so its math class can only
// be a formula's.
func (p *PageData) LoadsMath() bool {
	if p.HasMath {
		return true
	}
	if p.Site.Hide.Backlinks {
		return false
	}
	for _, b := range p.Backlinks {
		if strings.Contains(string(b.Context), `class="math `) {
			return true
		}
	}
	return false
}
