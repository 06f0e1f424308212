package render

import (
	"strconv"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// linkHTMLRenderer prints InternalLinks with Obsidian's DOM (SPEC §11).
// linkHTMLRenderer prints links and embeds as the resolve pass bound
// them; openLabel names an embed's link to its note, in the site's
// language.
type linkHTMLRenderer struct{ openLabel string }

var _ renderer.NodeRenderer = linkHTMLRenderer{}

func (r linkHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindInternalLink, r.render)
	reg.Register(KindEmbedBlock, r.renderEmbedBlock)
}

func (r linkHTMLRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*InternalLink)
	switch {
	case n.Embed:
		if entering {
			r.renderEmbed(w, n)
		}
		return ast.WalkSkipChildren, nil
	case n.RawSpace && n.Dest.State == Unresolved:
		// Not a link in Obsidian either: show the text as written, read
		// as CommonMark reads text (escapes and character references
		// decoded once), or "&quot;" showed as "&amp;quot;".
		if entering {
			html.DefaultWriter.Write(w, n.Literal)
		}
		return ast.WalkSkipChildren, nil
	case !entering:
		if n.Dest.State != Hidden {
			_, _ = w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	}
	if n.Dest.State != Hidden {
		_, _ = w.WriteString(`<a class="internal-link`)
		if n.Dest.State == Unresolved {
			_, _ = w.WriteString(` is-unresolved`)
		}
		_, _ = w.WriteString(`" data-href="`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Raw)))
		_ = w.WriteByte('"')
		if n.Dest.State == Resolved {
			writeAttr(w, "href", string(n.Dest.URL))
		}
		_ = w.WriteByte('>')
	}
	// A wikilink shows its display text; a Markdown link its children,
	// which goldmark renders next.
	if n.Wiki || n.FirstChild() == nil {
		t := n.Display
		if !n.Wiki {
			t = n.Raw
		}
		_, _ = w.Write(util.EscapeHTML([]byte(t)))
	}
	return ast.WalkContinue, nil
}

// writeAttr writes ` name="value"` with the value escaped for HTML; URLs
// are already percent-encoded by the site package.
func writeAttr(w util.BufWriter, name, value string) {
	_ = w.WriteByte(' ')
	_, _ = w.WriteString(name)
	_, _ = w.WriteString(`="`)
	_, _ = w.Write(util.EscapeHTML([]byte(value)))
	_ = w.WriteByte('"')
}

// renderEmbed prints an embed by the kind of file it found (SPEC §4).
func (r linkHTMLRenderer) renderEmbed(w util.BufWriter, n *InternalLink) {
	d := n.Dest
	switch {
	case d.State == Hidden:
		_, _ = w.WriteString(`<span class="internal-embed is-unpublished"></span>`)
		return
	case d.State == Unresolved:
		_, _ = w.WriteString(`<span class="internal-embed file-embed is-unresolved"`)
		writeAttr(w, "src", n.Raw)
		_, _ = w.WriteString(`><span class="file-embed-title">`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Raw)))
		_, _ = w.WriteString(`</span></span>`)
		return
	}
	switch d.Kind {
	case site.KindImage:
		mediaEmbed(w, n, "image-embed", "img")
	case site.KindAudio:
		mediaEmbed(w, n, "audio-embed", "audio")
	case site.KindVideo:
		mediaEmbed(w, n, "video-embed", "video")
	case site.KindPDF:
		mediaEmbed(w, n, "pdf-embed", "iframe")
	case site.KindNote:
		r.noteEmbed(w, n)
	case site.KindBase:
		baseEmbed(w, n)
	default:
		fileEmbed(w, n)
	}
}

func mediaEmbed(w util.BufWriter, n *InternalLink, class, tag string) {
	_, _ = w.WriteString(`<span class="internal-embed media-embed ` + class + ` is-loaded"`)
	writeAttr(w, "src", n.Raw)
	if n.Alt != "" {
		writeAttr(w, "alt", n.Alt)
	}
	if n.Width > 0 {
		writeAttr(w, "width", strconv.Itoa(n.Width))
	}
	_, _ = w.WriteString("><" + tag)
	url := string(n.Dest.URL)
	if tag != "iframe" {
		// Only a PDF viewer understands #page=N; for other media the
		// fragment is a CSS hook and stays on the wrapper's src.
		url, _, _ = strings.Cut(url, "#")
	}
	writeAttr(w, "src", url)
	switch tag {
	case "img":
		writeAttr(w, "alt", n.Alt)
		_, _ = w.WriteString(` loading="lazy"`)
	case "iframe":
		_, _ = w.WriteString(` class="pdf-viewer" loading="lazy"`)
	default:
		_, _ = w.WriteString(` controls preload="metadata"`)
	}
	if n.Width > 0 {
		writeAttr(w, "width", strconv.Itoa(n.Width))
	}
	if n.Height > 0 {
		writeAttr(w, "height", strconv.Itoa(n.Height))
	}
	if tag == "img" {
		_, _ = w.WriteString("></span>")
		return
	}
	_, _ = w.WriteString("></" + tag + "></span>")
}

func (r linkHTMLRenderer) noteEmbed(w util.BufWriter, n *InternalLink) {
	if n.Dest.Cycle {
		title := "not embedded again: it would embed itself"
		if n.Dest.Cut != "" {
			title = n.Dest.Cut
		}
		_, _ = w.WriteString(`<a class="internal-link embed-cycle"`)
		writeAttr(w, "href", string(n.Dest.URL))
		writeAttr(w, "title", title)
		_, _ = w.WriteString(`>→ `)
		_, _ = w.Write(util.EscapeHTML([]byte(embedTitle(n))))
		_, _ = w.WriteString("</a>")
		return
	}
	// Obsidian's DOM (SPEC §11): the content inside a rendered view, so
	// theme and publish.css rules such as soft-embed's
	// ".markdown-embed-content > .markdown-preview-view" apply; no title
	// bar, and the "^id" or heading of the subpath is never printed.
	_, _ = w.WriteString(`<div class="internal-embed markdown-embed inline-embed is-loaded"`)
	writeAttr(w, "src", n.Raw)
	writeAttr(w, "alt", n.Raw)
	_, _ = w.WriteString(`><div class="markdown-embed-content"><div class="markdown-preview-view markdown-rendered">`)
	if t := n.Dest.InlineTitle; t != "" {
		_, _ = w.WriteString(`<div class="inline-title">`)
		_, _ = w.Write(util.EscapeHTML([]byte(t)))
		_, _ = w.WriteString(`</div>`)
	}
	_, _ = w.Write(n.Dest.Content)
	_, _ = w.WriteString(`</div></div><div class="markdown-embed-link"><a class="internal-link"`)
	writeAttr(w, "href", string(n.Dest.URL))
	writeAttr(w, "aria-label", r.openLabel)
	_, _ = w.WriteString(`>↗</a></div></div>`)
}

// embedTitle names a note embed where its content is not shown (a cut
// cycle): the note, then the headings of the subpath; a block id is not
// text a reader should see, in Obsidian or here.
func embedTitle(n *InternalLink) string {
	t := n.Dest.Title
	for _, part := range strings.Split(n.Subpath, "#") {
		if part != "" && !strings.HasPrefix(part, "^") {
			t += " > " + part
		}
	}
	return t
}

// baseEmbed shows the view the build evaluated, or, when it made none,
// a link to the base.
func baseEmbed(w util.BufWriter, n *InternalLink) {
	if n.Dest.Content == nil {
		fileEmbed(w, n)
		return
	}
	_, _ = w.WriteString(`<div class="internal-embed bases-embed is-loaded"`)
	writeAttr(w, "src", n.Raw)
	_ = w.WriteByte('>')
	_, _ = w.Write(n.Dest.Content)
	_, _ = w.WriteString(`</div>`)
}

func fileEmbed(w util.BufWriter, n *InternalLink) {
	_, _ = w.WriteString(`<span class="internal-embed file-embed is-loaded"`)
	writeAttr(w, "src", n.Raw)
	_, _ = w.WriteString(`><a class="internal-link file-embed-link"`)
	writeAttr(w, "href", string(n.Dest.URL))
	_ = w.WriteByte('>')
	t := n.Display
	if !n.HasDisplay || t == "" {
		t = n.Path
	}
	_, _ = w.Write(util.EscapeHTML([]byte(t)))
	_, _ = w.WriteString(`</a></span>`)
}

func (r linkHTMLRenderer) renderEmbedBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}
