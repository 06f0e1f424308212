package render

import (
	"bytes"
	"io"

	"github.com/yuin/goldmark/ast"
)

// Obsidian's reading view puts each top-level block of a note in a div
// of its own whose class is "el-" and the tag of the block's element
// (el-p, el-h2, el-ul, el-pre, el-blockquote, el-table, el-hr, el-div
// for a callout or math, el-section…). Themes and snippets select on
// them (".el-h1 + .el-p"), so the page body has them too. They are an
// option of Render (Config.BlockBoxes), not of the node renderers, so
// the case files and embedded sections keep their plain HTML.

// renderBoxed writes each top-level node of d in its el-* box. A node
// that renders to nothing (a link reference definition) gets no box.
func (r *Renderer) renderBoxed(w io.Writer, d *Doc) error {
	var buf bytes.Buffer
	for c := d.Root.FirstChild(); c != nil; c = c.NextSibling() {
		buf.Reset()
		if err := r.md.Renderer().Render(&buf, d.Src, c); err != nil {
			return err
		}
		out := buf.Bytes()
		if len(bytes.TrimSpace(out)) == 0 {
			continue
		}
		tag := boxTag(c, out)
		if _, err := io.WriteString(w, `<div class="el-`+tag+`">`+"\n"); err != nil {
			return err
		}
		if _, err := w.Write(out); err != nil {
			return err
		}
		if _, err := io.WriteString(w, "</div>\n"); err != nil {
			return err
		}
	}
	return nil
}

// boxTag names the box of node n, whose HTML is out: the tag of its
// first element, as Obsidian names it, lower-case. A callout is a div
// in Obsidian even where vaultsite folds it in a <details>; an element
// that is not a block (an embed's <span>, an image) stands in the
// paragraph Obsidian puts it in; raw HTML that opens with text or a
// comment is in a div.
func boxTag(n ast.Node, out []byte) string {
	if n.Kind() == KindCallout {
		return "div"
	}
	tag := firstTag(out)
	if tag == "" {
		return "div"
	}
	if !boxBlocks[tag] {
		return "p"
	}
	return tag
}

// boxBlocks are the elements that name a box; any other first element
// is inline and gets el-p.
var boxBlocks = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "dl": true, "pre": true, "blockquote": true, "table": true,
	"hr": true, "div": true, "section": true, "details": true, "figure": true,
	"iframe": true, "video": true, "audio": true, "aside": true, "nav": true,
	"article": true, "header": true, "footer": true, "form": true, "fieldset": true,
	"canvas": true, "svg": true,
}

// firstTag returns the lower-case name of the first start tag in html,
// after leading space; "" when html opens with anything else (text, a
// comment, an end tag).
func firstTag(html []byte) string {
	html = bytes.TrimLeft(html, " \t\r\n")
	if len(html) < 2 || html[0] != '<' {
		return ""
	}
	end := 1
	for end < len(html) && isTagChar(html[end]) {
		end++
	}
	return string(bytes.ToLower(html[1:end]))
}

func isTagChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
