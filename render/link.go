package render

import (
	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark/ast"
)

// KindInternalLink is the kind of InternalLink.
var KindInternalLink = ast.NewNodeKind("InternalLink")

// InternalLink is a link or embed into the vault: a wikilink, or a
// CommonMark link or image whose destination has no URL scheme. The parse
// phase fills the written parts; Bind fills Dest; the renderer only
// prints.
type InternalLink struct {
	ast.BaseInline
	Embed bool
	Wiki  bool
	// Raw is the linktext as written, before "|" ("Note#Heading"): it goes
	// into data-href, and for embeds into src, which theme CSS matches on.
	Raw string
	// Path and Subpath are the trimmed linkpath and subpath ("A#B", "^id").
	Path    string
	Subpath string
	// Display is the text shown for a wikilink: the part after "|", or the
	// default of SPEC §1.6. Markdown links show their children instead.
	Display    string
	HasDisplay bool
	// Alt, Width and Height describe an image embed (SPEC §4.3).
	Alt           string
	Width, Height int
	// RawSpace marks a Markdown link with raw spaces in its destination,
	// accepted by the forgiving rule (SPEC §13); Literal is its source
	// text, printed as is when it does not resolve.
	RawSpace bool
	Literal  []byte
	// Index is the position of this link in Doc.Links.
	Index int
	Dest  Dest
}

// Kind implements ast.Node.
func (n *InternalLink) Kind() ast.NodeKind { return KindInternalLink }

// Dump implements ast.Node.
func (n *InternalLink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Raw": n.Raw, "Path": n.Path, "Subpath": n.Subpath}, nil)
}

// State says what became of a link at Bind.
type State int

const (
	// Unresolved: no file matches; the link is shown dimmed, with no href.
	Unresolved State = iota
	// Resolved: Dest.URL is set.
	Resolved
	// Hidden: the target exists but is not published; the link renders as
	// its text alone, an embed as a neutral marker, so nothing leaks.
	Hidden
)

// Dest is where a link goes, as seen from the page being rendered.
type Dest struct {
	State State
	URL   site.RelURL // with the fragment of the heading or block, if any
	Kind  site.FileKind
	Title string // the target note's title
	// Content is the rendered HTML of a note embed (the whole body, a
	// section or a block); nil for other kinds.
	Content []byte
	// InlineTitle is shown above a whole-note embed, as Obsidian shows the
	// note's inline title there; empty for a section or block embed, which
	// Obsidian shows seamlessly, and for a note that opens with its own
	// H1, as on the note's page.
	InlineTitle string
	// Cycle marks a note embed cut because it would embed itself, or went
	// deeper than the cap, or (with Cut) would pass the page's budget; it
	// shows as a link.
	Cycle bool
	// Cut, when set, is the link's title for a reason other than a cycle.
	Cut string
}

// Binder resolves links for one page: it knows the source note, the page
// the HTML will appear on and, for note embeds, renders their content.
type Binder interface {
	Bind(l *site.Link) Dest
	// TagURL returns the URL of a tag's page.
	TagURL(tag string) site.RelURL
}

// Bind writes the destination of every internal link of d.
func Bind(d *Doc, b Binder) { BindNodes(d, []ast.Node{d.Root}, b) }

// BindNodes writes the destination of the internal links inside nodes
// only: an embedded section binds what it shows, and no more.
func BindNodes(d *Doc, nodes []ast.Node, b Binder) {
	for _, root := range nodes {
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *InternalLink:
				n.Dest = b.Bind(&d.Links[n.Index])
			case *Tag:
				n.URL = b.TagURL(n.Name)
			case *BaseBlock:
				if bb, ok := b.(BaseBinder); ok {
					n.HTML = bb.BindBase(n)
				}
			case *MermaidLinks:
				for i := range n.Links {
					n.Links[i].Dest = b.Bind(&n.Links[i].Link)
				}
			}
			return ast.WalkContinue, nil
		})
	}
}
