package render

import (
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// file writes a file node by what its file turned out to be.
func (d *canvasDrawer) file(n *CanvasNode) {
	l := n.link()
	var dest Dest
	if n.File != "" {
		dest = d.b.Bind(&l)
	}
	switch {
	case dest.State == Hidden:
		// The file exists but is not published: not even its name shows.
		d.open(n, "is-unpublished", "")
		d.close(n, outlineItem{name: d.r.words.T("canvas.unpublished")})
	case dest.State == Unresolved:
		d.open(n, "is-unresolved", "")
		d.w.WriteString(`<div class="canvas-node-container canvas-node-placeholder"><span class="canvas-node-placeholder-title">` + esc(d.r.words.T("canvas.fileMissing")) + `</span>` +
			`<span class="canvas-file-path">` + esc(n.File+n.Subpath) + "</span></div>")
		d.close(n, outlineItem{text: n.File})
	case dest.Kind == site.KindNote:
		d.noteCard(n, dest)
	case dest.Kind == site.KindImage, dest.Kind == site.KindAudio, dest.Kind == site.KindVideo, dest.Kind == site.KindPDF:
		d.media(n, dest)
	default:
		d.open(n, "is-file", "")
		d.w.WriteString(`<div class="canvas-node-container"><a class="internal-link canvas-file-card" href="` + esc(string(dest.URL)) + `">` +
			`<span class="canvas-file-name">` + esc(dest.Title) + `</span><span class="canvas-file-path">` + esc(n.File) + "</span></a></div>")
		d.close(n, outlineItem{text: dest.Title, url: string(dest.URL)})
	}
}

// noteCard writes a note (or its section or block) in a scrollable card
// headed by its title, which links to the note's page.
func (d *canvasDrawer) noteCard(n *CanvasNode, dest Dest) {
	title := dest.Title
	if sub := strings.Trim(n.Subpath, "#"); sub != "" {
		title += " › " + strings.ReplaceAll(strings.TrimPrefix(sub, "^"), "#", " › ")
	}
	d.open(n, "is-note", "")
	d.w.WriteString(`<div class="canvas-node-container"><div class="canvas-node-header"><a class="internal-link canvas-node-title" href="` +
		esc(string(dest.URL)) + `" data-href="` + esc(n.File+n.Subpath) + `">` + esc(title) + "</a></div>\n")
	d.w.WriteString(`<div class="canvas-node-content markdown-rendered">` + "\n")
	d.w.Write(dest.Content)
	d.w.WriteString("</div></div>")
	d.close(n, outlineItem{text: title, url: string(dest.URL)})
}

// media writes an image, or a player for audio, video and PDF. Only the
// PDF viewer reads a fragment (#page=3); the others drop it.
func (d *canvasDrawer) media(n *CanvasNode, dest Dest) {
	src := string(dest.URL)
	if dest.Kind != site.KindPDF {
		src, _, _ = strings.Cut(src, "#")
	}
	src = esc(src)
	name := esc(site.VaultPath(n.File).Base())
	d.open(n, "is-media", "")
	d.w.WriteString(`<div class="canvas-node-container">`)
	switch dest.Kind {
	case site.KindImage:
		d.w.WriteString(`<img class="canvas-node-image" src="` + src + `" alt="` + name + `" loading="lazy" draggable="false">`)
	case site.KindAudio:
		d.w.WriteString(`<div class="canvas-node-header">` + name + `</div><audio controls preload="metadata" src="` + src + `"></audio>`)
	case site.KindVideo:
		d.w.WriteString(`<video controls preload="metadata" src="` + src + `"></video>`)
	default:
		d.w.WriteString(`<iframe class="pdf-viewer" src="` + src + `" title="` + name + `" loading="lazy"></iframe>`)
	}
	d.w.WriteString("</div>")
	d.close(n, outlineItem{text: dest.Title, url: string(dest.URL)})
}

// outline writes the canvas as plain HTML, for search engines, screen
// readers and readers without a drawing: every card with its text or
// link, then every edge as "A → B: label".
func (d *canvasDrawer) outline(edges []edgeGeom) {
	words := d.r.words
	d.w.WriteString(`<details class="canvas-outline">` + "\n<summary>" + esc(words.T("canvas.outline")) + "</summary>\n")
	d.w.WriteString(`<h2 class="canvas-outline-heading">` + esc(words.T("canvas.cards")) + "</h2>\n" + `<ul class="canvas-outline-cards">` + "\n")
	for _, it := range d.items {
		switch {
		case it.text == "":
		case it.url == "":
			d.w.WriteString("<li>" + esc(it.text) + "</li>\n")
		case it.ext:
			d.w.WriteString(`<li><a class="external-link" href="` + esc(it.url) + `" rel="noopener nofollow">` + esc(it.text) + "</a></li>\n")
		default:
			d.w.WriteString(`<li><a class="internal-link" href="` + esc(it.url) + `">` + esc(it.text) + "</a></li>\n")
		}
	}
	d.w.WriteString("</ul>\n")
	if len(edges) > 0 {
		d.w.WriteString(`<h2 class="canvas-outline-heading">` + esc(words.T("canvas.connections")) + "</h2>\n" + `<ul class="canvas-outline-edges">` + "\n")
		for _, g := range edges {
			d.w.WriteString("<li>" + esc(edgeText(g.edge, d.names, words.T("canvas.card"))) + "</li>\n")
		}
		d.w.WriteString("</ul>\n")
	}
	d.w.WriteString("</details>\n")
}

// edgeText describes an edge in words: "A → B: label", with the arrow
// following the edge's ends ("←", "↔", or "—" for none); an end without
// a name is called card ("(card)").
func edgeText(e *CanvasEdge, names map[string]string, card string) string {
	arrow := "—"
	switch {
	case e.FromEnd == "arrow" && e.ToEnd == "arrow":
		arrow = "↔"
	case e.ToEnd == "arrow":
		arrow = "→"
	case e.FromEnd == "arrow":
		arrow = "←"
	}
	s := nameOr(names[e.FromNode], card) + " " + arrow + " " + nameOr(names[e.ToNode], card)
	if e.Label != "" {
		s += ": " + e.Label
	}
	return s
}

func nameOr(s, card string) string {
	if s == "" {
		return card
	}
	return s
}
