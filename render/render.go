package render

import (
	"bytes"
	"io"
	"strings"

	"github.com/vaultsite/vaultsite/internal/i18n"
	"github.com/vaultsite/vaultsite/internal/sanitize"
	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
)

// Config is what a vault's settings change in rendering; the zero value is
// Obsidian's default.
type Config struct {
	// StrictLineBreaks turns off Obsidian's default of rendering every
	// newline inside a paragraph as <br> (.obsidian/app.json).
	StrictLineBreaks bool
	// RemoteStylesheets keeps <link rel="stylesheet"> to http(s) URLs in
	// notes' raw HTML (vaultsite.yaml html.remoteStylesheets).
	RemoteStylesheets bool
	// Code, when set, keeps highlighted code blocks between builds
	// (cache.go); it changes no output, so Settings leaves it out.
	Code CodeCache
	// Language is the site's language tag (vaultsite.yaml language): the
	// words render adds around notes (canvas outlines, an embed's link)
	// are in it; empty is English.
	Language string
	// BlockBoxes puts each top-level block of a page in Obsidian's el-*
	// div (elblock.go); the build turns it on, the case files leave it off.
	BlockBoxes bool
}

// Obsidian installs every Obsidian extension, in the manner of
// extension.GFM. The build uses nothing else.
func Obsidian(cfg Config) goldmark.Extender { return &obsidian{cfg: cfg} }

type obsidian struct{ cfg Config }

func (e *obsidian) Extend(m goldmark.Markdown) {
	// GFM is installed piece by piece: its Strikethrough also strikes
	// single tildes (H~2~O), which Obsidian does not (DEPS §4), and its
	// task list knows only [ ] and [x] (task.go replaces it).
	extension.Table.Extend(m)
	extension.Linkify.Extend(m)
	extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)).Extend(m)
	inlineTagExtension{}.Extend(m) // extras' Mark and Delete (highlight.go)
	mathExtension{}.Extend(m)
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(nestingParser{}, nestingPriority)),
		parser.WithParagraphTransformers(
			util.Prioritized(calloutParagraphTransformer{}, calloutParagraphPriority),
			util.Prioritized(linkRefTransformer{}, linkRefPriority),
		),
		parser.WithInlineParsers(
			util.Prioritized(wikilinkParser{}, wikilinkPriority),
			util.Prioritized(tagParser{}, tagPriority),
			util.Prioritized(commentParser{}, commentPriority),
			util.Prioritized(taskParser{}, taskPriority),
			util.Prioritized(inlineFootnoteParser{}, inlineFootnotePriority),
			util.Prioritized(cjkEmphasisParser{}, cjkEmphasisPriority),
			util.Prioritized(linkCloseParser{}, linkClosePriority),
			util.Prioritized(textJoiner{}, textJoinPriority),
			util.Prioritized(codeSpanParser{}, codeSpanPriority),
		),
		parser.WithASTTransformers(
			util.Prioritized(commentTransformer{}, commentTransformerPriority),
			util.Prioritized(htmlTransformer{keepStyle: e.cfg.RemoteStylesheets}, htmlTransformerPriority),
			util.Prioritized(mdlinkTransformer{}, mdlinkTransformerPriority),
			util.Prioritized(embedBlockTransformer{}, embedBlockPriority),
			util.Prioritized(baseBlockTransformer{}, baseBlockPriority),
			util.Prioritized(calloutTransformer{}, calloutTransformerPriority),
			util.Prioritized(mermaidTransformer{}, mermaidTransformerPriority),
			util.Prioritized(blockIDTransformer{}, blockIDTransformerPriority),
			util.Prioritized(headingIDTransformer{}, headingIDTransformerPriority),
			util.Prioritized(footnoteNumberer{}, footnoteNumberPriority),
		),
	)
	m.Renderer().AddOptions(
		renderer.WithNodeRenderers(
			util.Prioritized(linkHTMLRenderer{openLabel: i18n.For(e.cfg.Language).T("embed.open")}, overridePriority),
			util.Prioritized(codeHTMLRenderer{cache: e.cfg.Code}, overridePriority),
			util.Prioritized(tagHTMLRenderer{}, overridePriority),
			util.Prioritized(calloutHTMLRenderer{}, overridePriority),
			util.Prioritized(taskHTMLRenderer{}, overridePriority),
			util.Prioritized(htmlHTMLRenderer{policy: sanitize.Policy{RemoteStylesheets: e.cfg.RemoteStylesheets}}, overridePriority),
			util.Prioritized(webEmbedHTMLRenderer{}, overridePriority),
			util.Prioritized(blockAnchorHTMLRenderer{}, overridePriority),
			util.Prioritized(baseBlockHTMLRenderer{}, overridePriority),
			util.Prioritized(deepTextHTMLRenderer{}, overridePriority),
		),
	)
	opts := []renderer.Option{html.WithUnsafe()}
	if !e.cfg.StrictLineBreaks {
		opts = append(opts, html.WithHardWraps())
	}
	m.Renderer().AddOptions(opts...)
}

// overridePriority puts our renderers before goldmark's HTML renderer
// (1000), so ours win for the kinds both register.
const overridePriority = 100

// Renderer parses and renders notes. It is safe for concurrent use.
type Renderer struct {
	md    goldmark.Markdown
	cfg   Config
	words *i18n.Catalog // the interface's words, in cfg.Language
}

// New returns a Renderer for the vault settings in cfg.
func New(cfg Config) *Renderer {
	return &Renderer{md: goldmark.New(goldmark.WithExtensions(Obsidian(cfg))), cfg: cfg, words: i18n.For(cfg.Language)}
}

// Doc is a parsed note: the AST and the source it points into, which is
// the note's Source with the frontmatter and comments blanked in place, so
// every offset is an offset into the file.
type Doc struct {
	Note *site.Note
	Root ast.Node
	Src  []byte
	// What the parse found, in source order. The build copies them onto
	// the Note once; a Doc parsed again for an embed leaves the Note alone,
	// so parsing stays safe for concurrent use.
	Links    []site.Link
	Headings []site.Heading
	Blocks   []site.Block
	Tags     []site.Tag
	External []site.ExternalLink
	FirstH1  string
	// HasMath and HasMermaid tell the page to load KaTeX or Mermaid.
	HasMath, HasMermaid bool
	// Bases are the note's base blocks, in source order.
	Bases []*BaseBlock

	linkNodes []*InternalLink // parallel to Links
}

// Parse parses the body of n and reports what it holds (links, headings,
// block ids, tags) in the Doc; it does not modify n. Problems found on the
// way (an unclosed comment) are added to diags, which may be nil.
func (r *Renderer) Parse(n *site.Note, diags *site.Diagnostics) *Doc {
	src := bytes.Clone(n.Source)
	blank(src[:n.BodyStart])
	marks, off, ok := blankComments(src, n.BodyStart, indentedCode(src, n.BodyStart))
	if !ok && diags != nil {
		diags.Add(n.Pos(off), site.Warning, "unclosed-comment", "%%%% comment is never closed; the rest of the note is hidden")
	}
	pc := newDelimiterContext()
	pc.Set(commentMarksKey, marks)
	root := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	reportDeep(n, pc, diags)
	d := &Doc{Note: n, Root: root, Src: src}
	d.Blocks, _ = pc.Get(blocksKey).([]site.Block)
	collect(d)
	return d
}

// Render writes the HTML of the whole document, each top-level block in
// its el-* box when Config.BlockBoxes is set. Call Bind first, or every
// internal link renders as unresolved.
func (r *Renderer) Render(w io.Writer, d *Doc) error {
	if r.cfg.BlockBoxes {
		return r.renderBoxed(w, d)
	}
	return r.md.Renderer().Render(w, d.Src, d.Root)
}

// RenderNodes writes the HTML of some top-level nodes of d, in order; it
// is how a section or block is embedded.
func (r *Renderer) RenderNodes(w io.Writer, d *Doc, nodes []ast.Node) error {
	for _, n := range nodes {
		if err := r.md.Renderer().Render(w, d.Src, n); err != nil {
			return err
		}
	}
	return nil
}

// blank overwrites b with spaces, keeping newlines, so offsets and line
// numbers stay true.
func blank(b []byte) {
	for i, c := range b {
		if c != '\n' {
			b[i] = ' '
		}
	}
}

// collect fills the Doc's links and headings from the AST, in source
// order, and numbers each InternalLink with its index in Links.
func collect(d *Doc) {
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *InternalLink:
			n.Index = len(d.Links)
			d.linkNodes = append(d.linkNodes, n)
			kind := site.MarkdownLink
			if n.Wiki {
				kind = site.WikiLink
			}
			d.Links = append(d.Links, site.Link{
				Kind: kind, Embed: n.Embed, Path: norm.NFC.String(n.Path), Subpath: n.Subpath,
				Display: n.Display, Offset: n.Pos(), RawSpace: n.RawSpace, Raw: n.Raw,
			})
		case *Tag:
			d.Tags = append(d.Tags, site.Tag{Name: n.Name, Offset: n.Pos()})
		case *ast.Link:
			d.External = append(d.External, site.ExternalLink{URL: string(n.Destination), Offset: n.Pos()})
		case *ast.Image:
			d.External = append(d.External, site.ExternalLink{URL: string(n.Destination), Offset: n.Pos()})
		case *WebEmbed:
			d.External = append(d.External, site.ExternalLink{URL: n.URL, Offset: n.Pos()})
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				d.External = append(d.External, site.ExternalLink{URL: string(n.URL(d.Src)), Offset: n.Pos()})
			}
		case *ast.FencedCodeBlock:
			if strings.EqualFold(string(n.Language(d.Src)), "mermaid") {
				d.HasMermaid = true
			}
			d.HasMath = d.HasMath || isMathFence(n.Language(d.Src))
		case *Math, *MathBlock:
			d.HasMath = true
		case *BaseBlock:
			d.Bases = append(d.Bases, n)
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			raw, _ := n.AttributeString("data-heading")
			d.Headings = append(d.Headings, site.Heading{
				Level: n.Level, Text: string(raw.([]byte)), Plain: strings.TrimSpace(plainText(n, d.Src)),
				ID: string(id.([]byte)), Offset: headingOffset(n),
			})
			if len(d.Headings) == 1 && n.Level == 1 && n.Parent() == d.Root && n.PreviousSibling() == nil {
				d.FirstH1 = string(raw.([]byte))
			}
		}
		return ast.WalkContinue, nil
	})
}

// headingOffset is the offset of a heading's text, or of the node.
func headingOffset(h *ast.Heading) int {
	if h.Lines().Len() > 0 {
		return h.Lines().At(0).Start
	}
	return h.Pos()
}

func max0(i int) int { return max(i, 0) }
