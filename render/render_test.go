package render

import (
	"io"
	"path"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
)

// caseMarkdown runs the whole pipeline (Parse, Bind with fakeBinder,
// Render) behind goldmark's Convert, so goldmark's case files test it.
type caseMarkdown struct {
	goldmark.Markdown
	r *Renderer
}

func newCaseMarkdown(cfg Config) caseMarkdown {
	r := New(cfg)
	return caseMarkdown{Markdown: r.md, r: r}
}

func (m caseMarkdown) Convert(src []byte, w io.Writer, _ ...parser.ParseOption) error {
	n := &site.Note{Path: "Test.md", Source: src}
	var diags site.Diagnostics
	d := m.r.Parse(n, &diags)
	Bind(d, fakeBinder{})
	if err := m.r.Render(w, d); err != nil {
		return err
	}
	for _, dg := range diags {
		_, _ = io.WriteString(w, "<!-- "+dg.String()+" -->\n")
	}
	return nil
}

func (m caseMarkdown) Renderer() renderer.Renderer { return m.Markdown.Renderer() }

// fakeBinder resolves against a fixed little vault, seen from the page
// "test/": notes Note, Other and Folder/Deep, the unpublished Secret,
// and the files img.png, icon.svg, a.ogg, v.mp4, doc.pdf, Board.canvas.
type fakeBinder struct{}

var fakeFiles = map[string]site.FileKind{
	"note": site.KindNote, "other": site.KindNote, "folder/deep": site.KindNote, "secret": site.KindNote,
	"img.png": site.KindImage, "icon.svg": site.KindImage, "a.ogg": site.KindAudio, "v.mp4": site.KindVideo,
	"doc.pdf": site.KindPDF, "board.canvas": site.KindCanvas, "books.base": site.KindBase,
}

// BindBase evaluates a base block that has views to a stand-in, and
// leaves any other as code.
func (fakeBinder) BindBase(n *BaseBlock) []byte {
	if !strings.Contains(string(n.Src), "views:") {
		return nil
	}
	return []byte("<p>base of " + strings.Fields(string(n.Src))[0] + "</p>")
}

func (fakeBinder) TagURL(tag string) site.RelURL {
	return site.RelURL("../tags/" + strings.ToLower(tag) + "/")
}

func (fakeBinder) Bind(l *site.Link) Dest {
	p := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(l.Path, "/"), ".md"))
	if p == "" {
		p = "test"
	}
	kind, ok := fakeFiles[p]
	if p == "test" {
		kind, ok = site.KindNote, true
	}
	switch {
	case !ok:
		return Dest{}
	case p == "secret":
		return Dest{State: Hidden}
	}
	frag := ""
	if l.Subpath != "" {
		parts := strings.Split(l.Subpath, "#")
		frag = "#" + parts[len(parts)-1]
		if !strings.HasPrefix(l.Subpath, "^") {
			frag = "#" + githubSlug(parts[len(parts)-1])
		}
	}
	url := "../" + p + "/"
	if kind != site.KindNote {
		url = "../" + p
	}
	if p == "test" {
		url = "./"
	}
	d := Dest{State: Resolved, URL: site.RelURL(url + frag), Kind: kind, Title: path.Base(p)}
	if l.Embed && kind == site.KindBase {
		d.Content = []byte("<p>view of " + p + "#" + l.Subpath + "</p>")
	}
	if l.Embed && kind == site.KindNote {
		d.Content = []byte("<p>content of " + p + l.Subpath + "</p>")
		if l.Subpath == "" {
			d.InlineTitle = path.Base(p)
		}
	}
	return d
}

func TestWikilink(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/wikilink.txt")
}

func TestMarkdownLink(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/mdlink.txt")
}

func TestBase(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/base.txt")
}

func TestEmbed(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/embed.txt")
}

func TestTag(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/tag.txt")
}
