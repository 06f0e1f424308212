package render

import (
	"bytes"
	"html"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/site"
)

// CanvasHTML is a canvas drawn for one page.
type CanvasHTML struct {
	HTML []byte
	// HasMath and HasMermaid tell the page to load KaTeX or Mermaid, for
	// what the text cards hold.
	HasMath, HasMermaid bool
}

// RenderCanvas draws c for the page that b binds links for (SPEC §10.3):
// a scrollable drawing of absolutely positioned cards in z-order with the
// edges on an SVG layer, then a plain outline of the cards and edges for
// readers without a drawing. Text cards are parsed here, as notes at the
// canvas's path, so b must resolve links as if the canvas file were the
// source. File nodes are bound as embeds: a note comes with its content,
// an image, PDF, audio or video with its URL, anything else as a link
// card, and a missing file as an unresolved card. It returns an error only
// when goldmark fails to render a text card.
func (r *Renderer) RenderCanvas(c *Canvas, b Binder) (*CanvasHTML, error) {
	d := &canvasDrawer{r: r, c: c, b: b, out: &CanvasHTML{}, names: map[string]string{}}
	if len(c.Nodes) == 0 {
		d.w.WriteString(`<p class="canvas-empty">` + esc(r.words.T("canvas.empty")) + "</p>\n")
		d.out.HTML = d.w.Bytes()
		return d.out, nil
	}
	byID := map[string]*CanvasNode{}
	for i := range c.Nodes {
		if _, dup := byID[c.Nodes[i].ID]; !dup {
			byID[c.Nodes[i].ID] = &c.Nodes[i] // the first of equal ids wins
		}
	}
	var edges []edgeGeom
	for i := range c.Edges {
		if g, ok := layoutEdge(&c.Edges[i], byID); ok {
			edges = append(edges, g)
		}
	}
	d.box = c.bounds(edges)
	if err := d.drawing(edges); err != nil {
		return nil, err
	}
	d.outline(edges)
	d.out.HTML = d.w.Bytes()
	return d.out, nil
}

// canvasDrawer holds one RenderCanvas call's state.
type canvasDrawer struct {
	r     *Renderer
	c     *Canvas
	b     Binder
	out   *CanvasHTML
	w     bytes.Buffer
	box   rect
	names map[string]string // node id → what the outline calls it
	items []outlineItem     // one per node, in order
}

// outlineItem is a node as the outline lists it: its text, and a link
// when it has one; name, when set, is what edges call it instead of the
// start of text. An item without text is left out of the list.
type outlineItem struct {
	text, name string
	url        string
	ext        bool
}

// drawing writes the scrollable view: the SVG edges, the nodes in order,
// then the edge labels on top. The stylesheet lifts cards above the edge
// layer and leaves groups below it.
func (d *canvasDrawer) drawing(edges []edgeGeom) error {
	w, h := num(d.box.w), num(d.box.h)
	d.w.WriteString(`<div class="canvas-wrapper" data-canvas-width="` + w + `" data-canvas-height="` + h + `">` + "\n")
	d.w.WriteString(`<div class="canvas-viewport" tabindex="0" role="region" aria-label="` + esc(d.r.words.T("canvas.label")) + `">` + "\n")
	d.w.WriteString(`<div class="canvas-world" style="width:` + w + `px;height:` + h + `px">` + "\n")
	d.edges(edges)
	for i := range d.c.Nodes {
		if err := d.node(&d.c.Nodes[i]); err != nil {
			return err
		}
	}
	for _, g := range edges {
		if g.edge.Label == "" {
			continue
		}
		d.w.WriteString(`<div class="canvas-edge-label` + colorClass(g.edge.Color) + `" style="left:` + num(g.mid.x-d.box.x) +
			`px;top:` + num(g.mid.y-d.box.y) + "px" + colorStyle(g.edge.Color) + `">` + esc(g.edge.Label) + "</div>\n")
	}
	d.w.WriteString("</div>\n</div>\n</div>\n")
	return nil
}

// edges writes the SVG layer; it is decoration, so screen readers skip it
// and read the outline's list of connections instead.
func (d *canvasDrawer) edges(edges []edgeGeom) {
	w, h := num(d.box.w), num(d.box.h)
	d.w.WriteString(`<svg class="canvas-edges" width="` + w + `" height="` + h + `" viewBox="0 0 ` + w + " " + h + `" aria-hidden="true">` + "\n")
	for _, g := range edges {
		d.w.WriteString(`<g class="canvas-edge` + colorClass(g.edge.Color) + `" data-edge-id="` + esc(g.edge.ID) + `"`)
		if s := colorStyle(g.edge.Color); s != "" {
			d.w.WriteString(` style="` + s[1:] + `"`)
		}
		d.w.WriteString(`><path class="canvas-edge-line" d="M` + d.pt(g.from) + " C" + d.pt(g.c1) + " " + d.pt(g.c2) + " " + d.pt(g.to) + `"/>`)
		for _, a := range [][]point{g.fromArrow, g.toArrow} {
			if a != nil {
				d.w.WriteString(`<path class="canvas-edge-arrow" d="M` + d.pt(a[0]) + " L" + d.pt(a[1]) + " L" + d.pt(a[2]) + ` Z"/>`)
			}
		}
		d.w.WriteString("</g>\n")
	}
	d.w.WriteString("</svg>\n")
}

// pt prints p relative to the drawing's top-left corner.
func (d *canvasDrawer) pt(p point) string { return num(p.x-d.box.x) + "," + num(p.y-d.box.y) }

// node writes one node by its type; a type the format does not define
// (a plugin's) is an empty box, so the layout keeps its place.
func (d *canvasDrawer) node(n *CanvasNode) error {
	switch n.Type {
	case "text":
		return d.text(n)
	case "file":
		d.file(n)
	case "link":
		d.link(n)
	case "group":
		d.group(n)
	default:
		d.open(n, "canvas-node-unknown", "")
		d.close(n, outlineItem{})
	}
	return nil
}

// open starts a node's box at its place in the drawing.
func (d *canvasDrawer) open(n *CanvasNode, class, style string) {
	d.w.WriteString(`<div class="canvas-node canvas-node-` + typeClass(n.Type))
	if class != "" {
		d.w.WriteString(" " + class)
	}
	d.w.WriteString(colorClass(n.Color) + `" data-node-id="` + esc(n.ID) + `" style="left:` + num(n.X-d.box.x) + "px;top:" +
		num(n.Y-d.box.y) + "px;width:" + num(n.Width) + "px;height:" + num(n.Height) + "px" + colorStyle(n.Color) + esc(style) + `">`)
}

// close ends a node's box and records how the outline lists it.
func (d *canvasDrawer) close(n *CanvasNode, it outlineItem) {
	d.w.WriteString("</div>\n")
	d.items = append(d.items, it)
	if it.name == "" {
		it.name = it.text
	}
	if _, dup := d.names[n.ID]; !dup {
		d.names[n.ID] = shorten(it.name, maxNameLen)
	}
}

// maxNameLen is how many characters of a card's text name it in the
// outline's list of edges: about one line.
const maxNameLen = 60

// typeClass keeps a node type usable as a class name.
func typeClass(t string) string {
	switch t {
	case "text", "file", "link", "group":
		return t
	}
	return "other"
}

// colorClass and colorStyle apply a node or edge colour: Obsidian's class
// for a preset, and --canvas-color for the stylesheet, which defines the
// six presets for light and dark. Colours were checked by ParseCanvas.
func colorClass(c string) string {
	switch {
	case c == "":
		return ""
	case c[0] == '#':
		return " is-colored"
	}
	return " is-colored mod-canvas-color-" + c
}

func colorStyle(c string) string {
	switch {
	case c == "":
		return ""
	case c[0] == '#':
		return ";--canvas-color:" + c
	}
	return ";--canvas-color:var(--canvas-color-" + c + ")"
}

// text renders a text card's Markdown with the note pipeline.
func (d *canvasDrawer) text(n *CanvasNode) error {
	doc := d.r.Parse(&site.Note{Path: d.c.Path, Source: []byte(n.Text)}, nil)
	doc.SetFootnotePrefix("c" + strconv.Itoa(len(d.items)))
	Bind(doc, d.b)
	var buf bytes.Buffer
	if err := d.r.Render(&buf, doc); err != nil {
		return err
	}
	d.out.HasMath = d.out.HasMath || doc.HasMath
	d.out.HasMermaid = d.out.HasMermaid || doc.HasMermaid
	d.open(n, "", "")
	d.w.WriteString(`<div class="canvas-node-container"><div class="canvas-node-content markdown-rendered">` + "\n")
	d.w.Write(buf.Bytes())
	d.w.WriteString("</div></div>")
	var parts []string
	for _, c := range doc.Whole() {
		if t := strings.Join(strings.Fields(plainText(c, doc.Src)), " "); t != "" {
			parts = append(parts, t)
		}
	}
	it := outlineItem{text: strings.Join(parts, " ")}
	if len(parts) > 0 {
		it.name = parts[0] // the first block: a heading, or the first paragraph
	}
	d.close(n, it)
	return nil
}

// esc escapes text for HTML content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// shorten cuts s to at most max runes, with "…" when it was cut.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}

// link writes a link node as a card that opens the page; no iframe, as
// most sites refuse to be framed and a frame would load on every visit.
// A URL without an http, https or mailto scheme shows as text.
func (d *canvasDrawer) link(n *CanvasNode) {
	d.open(n, "", "")
	d.w.WriteString(`<div class="canvas-node-container">`)
	u, err := url.Parse(n.URL)
	safe := err == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto")
	if !safe {
		d.w.WriteString(`<span class="canvas-link-card"><span class="canvas-link-url">` + esc(n.URL) + "</span></span></div>")
		d.close(n, outlineItem{text: n.URL})
		return
	}
	host := u.Host
	if host == "" {
		host = u.Opaque // mailto:
	}
	d.w.WriteString(`<a class="external-link canvas-link-card" href="` + esc(u.String()) + `" target="_blank" rel="noopener nofollow">` +
		`<span class="canvas-link-host">` + esc(strings.TrimPrefix(host, "www.")) + `</span><span class="canvas-link-url">` + esc(n.URL) + "</span></a></div>")
	d.close(n, outlineItem{text: n.URL, url: u.String(), ext: true})
}

// group writes a group's box, its label above the top-left corner, and
// its background image when the vault has it.
func (d *canvasDrawer) group(n *CanvasNode) {
	style := ""
	if n.Background != "" {
		l := site.Link{Kind: site.WikiLink, Embed: true, Path: n.Background, Raw: n.Background}
		if dest := d.b.Bind(&l); dest.State == Resolved && dest.Kind == site.KindImage {
			u, _, _ := strings.Cut(string(dest.URL), "#")
			style = `;background-image:url("` + u + `")` + backgroundStyle(n.BackgroundStyle)
		}
	}
	d.open(n, "", style)
	if n.Label != "" {
		d.w.WriteString(`<div class="canvas-group-label">` + esc(n.Label) + "</div>")
	}
	name := n.Label
	if name == "" {
		name = d.r.words.T("canvas.group")
	}
	d.close(n, outlineItem{text: name})
}

// backgroundStyle maps the format's three background styles to CSS;
// "cover" is the default.
func backgroundStyle(s string) string {
	switch s {
	case "ratio":
		return ";background-size:contain;background-repeat:no-repeat;background-position:center"
	case "repeat":
		return ";background-size:auto;background-repeat:repeat"
	}
	return ";background-size:cover;background-position:center"
}
