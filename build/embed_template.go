package build

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
)

// An embedded section (a whole note, a heading's section, a block) is
// rendered once per build, as an embedTemplate, and every page that
// shows it copies the template in, filling in the few things that
// depend on the page (embed_expand.go). Without this, a note embedded
// on every page was parsed and rendered once per page, and a note
// embedding another ten times, through nine levels, once per path.
//
// What depends on the page is marked in the rendered HTML with tokens
// that no note can produce: tokenStart (0xFF) and tokenEnd (0xFE) are
// bytes that never occur in UTF-8, and site.Load makes every note valid
// UTF-8. A token is tokenStart, a kind, a decimal index, tokenEnd:
//
//   - tokURL: a URL relative to the page, embedTemplate.urls[i];
//   - tokFootnote: the key of the embed's footnote ids ("e3"), which
//     numbers the embeds of the page in the order they are expanded;
//   - tokHole: a note embed inside the section, embedTemplate.holes[i],
//     which is expanded, or cut (a cycle, too deep, over the budget),
//     only on the page, since that depends on what embeds it.
const (
	tokenStart  = 0xff
	tokenEnd    = 0xfe
	tokURL      = 'u'
	tokFootnote = 'f'
	tokHole     = 'h'
)

func token(kind byte, i int) string {
	return string([]byte{tokenStart, kind}) + strconv.Itoa(i) + string([]byte{tokenEnd})
}

// embedTemplate is one embedded section, rendered with tokens.
type embedTemplate struct {
	note  *site.Note
	segs  []segment
	urls  []pageURL
	holes []*embedHole
	size  int // bytes of segs' literal text, for the budget
	// What the page learns from the section: attachments it shows and
	// what the browser must load (pageEmbeds).
	assets              []*site.Asset
	hasMath, hasMermaid bool
	// hasBases and hasMap: the section shows a base view, a map view;
	// baseCount numbers its bases (bases_render.go).
	hasBases, hasMap bool
	baseCount        int
}

// segment is literal HTML, or a token: kind and index.
type segment struct {
	lit  []byte
	kind byte
	i    int
}

// pageURL is a link target whose URL depends on the page: a page (slug)
// or a file of the site (file, when not empty).
type pageURL struct {
	slug site.Slug
	file site.OutPath
}

// embedHole is a note embed inside a template. open, before and after
// the nested content (pre, post), or cycle, or budget replaces it.
type embedHole struct {
	note            *site.Note
	res             links.Resolved
	key             string   // embedKey, for cycles
	raw             string   // the link as written, for messages
	pos             site.Pos // of the link, in note
	pre, post       []segment
	cycle, overflow []segment
}

// sectionKey names what an embed of n shows, as resolved: two links
// that find the same heading share a template.
func sectionKey(n *site.Note, res links.Resolved) string {
	switch {
	case res.Heading != nil:
		return string(n.Path) + "\x00h" + strconv.Itoa(res.Heading.Offset)
	case res.Block != nil:
		return string(n.Path) + "\x00b" + res.Block.ID
	}
	return string(n.Path) + "\x00"
}

// template returns the template of what res shows of n, rendering it on
// first use and keeping it in the build's cache (embed_cache.go);
// concurrent callers wait for the one that renders. A template depends
// only on n and res, so one rendered again after the cache let it go is
// the same, and the output does not depend on what the cache held.
func (b *builder) template(n *site.Note, res links.Resolved) (*embedTemplate, error) {
	e, mine := b.templates.entry(sectionKey(n, res), b.opts.embedCache)
	if !mine {
		<-e.done
		return e.t, e.err
	}
	e.t, e.err = b.compileTemplate(n, res)
	close(e.done)
	b.templates.admit(e)
	return e.t, e.err
}

// compileTemplate parses n again (the build's own doc of n is being
// rendered elsewhere), binds the section with a pageBinder that makes
// tokens (tpl set) and renders it once.
func (b *builder) compileTemplate(n *site.Note, res links.Resolved) (*embedTemplate, error) {
	d := b.r.Parse(n, nil)
	nodes := d.Whole()
	switch {
	case res.Heading != nil:
		nodes = d.Section(*res.Heading)
	case res.Block != nil:
		nodes = d.Block(res.Block.ID)
	}
	nodes = d.WithFootnotes(nodes)
	d.SetFootnotePrefix(token(tokFootnote, 0))
	t := &embedTemplate{note: n, hasMath: d.HasMath, hasMermaid: d.HasMermaid}
	render.BindNodes(d, nodes, &pageBinder{b: b, from: n, use: b.use, tpl: t})
	render.Unanchor(nodes)
	var buf bytes.Buffer
	if err := b.renderNodes(&buf, d, nodes); err != nil {
		return nil, fmt.Errorf("embed %s: %w", n.Path, err)
	}
	if err := t.cutHoles(b.r, d, nodes, buf.Bytes()); err != nil {
		return nil, fmt.Errorf("embed %s: %w", n.Path, err)
	}
	return t, nil
}

// cutHoles splits the rendered html into segments, each nested note
// embed one hole; the HTML around a hole's content (pre, post) and what
// replaces a cut embed are rendered from the embed's node alone.
func (t *embedTemplate) cutHoles(r *render.Renderer, d *render.Doc, nodes []ast.Node, html []byte) error {
	for i, h := range t.holes {
		l := holeNode(nodes, token(tokHole, i))
		if l == nil || !bytes.Contains(html, []byte(token(tokHole, i))) {
			continue // bound but not shown (inside an image's alt text, say)
		}
		open, err := renderNode(r, d, l)
		if err != nil {
			return err
		}
		pre, post, _ := bytes.Cut(open, []byte(token(tokHole, i)))
		h.pre, h.post = parseSegments(pre), parseSegments(post)
		l.Dest.Content, l.Dest.Cycle = nil, true
		cycle, err := renderNode(r, d, l)
		if err != nil {
			return err
		}
		l.Dest.Cut = budgetTitle
		overflow, err := renderNode(r, d, l)
		if err != nil {
			return err
		}
		h.cycle, h.overflow = parseSegments(cycle), parseSegments(overflow)
		html, err = markHole(html, pre, post, i)
		if err != nil {
			return fmt.Errorf("embed of %q: %w", h.raw, err)
		}
	}
	t.segs = parseSegments(html)
	for _, s := range t.segs {
		t.size += len(s.lit)
	}
	return nil
}

// markHole replaces hole i's whole HTML, pre + token + post, with the
// token alone. The embed renders the same inside the section as alone,
// and an error says when a renderer change broke that.
func markHole(html, pre, post []byte, i int) ([]byte, error) {
	tok := []byte(token(tokHole, i))
	at := bytes.Index(html, tok)
	start, end := at-len(pre), at+len(tok)+len(post)
	if at < 0 || start < 0 || end > len(html) || !bytes.Equal(html[start:at], pre) || !bytes.Equal(html[at+len(tok):end], post) {
		return nil, fmt.Errorf("does not render alone as it does in its section")
	}
	return append(append(html[:start:start], tok...), html[end:]...), nil
}

// holeNode finds the embed whose content is the token.
func holeNode(nodes []ast.Node, tok string) *render.InternalLink {
	var found *render.InternalLink
	for _, root := range nodes {
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*render.InternalLink); ok && entering && string(l.Dest.Content) == tok {
				found = l
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
	}
	return found
}

func renderNode(r *render.Renderer, d *render.Doc, n ast.Node) ([]byte, error) {
	var buf bytes.Buffer
	err := r.RenderNodes(&buf, d, []ast.Node{n})
	return buf.Bytes(), err
}

// parseSegments splits html at its tokens. A tokenStart that does not
// begin a token is kept as text (no note can hold one).
func parseSegments(html []byte) []segment {
	var out []segment
	lit := 0
	for i := 0; i < len(html); i++ {
		if html[i] != tokenStart || i+2 >= len(html) {
			continue
		}
		end := bytes.IndexByte(html[i+2:], tokenEnd)
		if end < 0 {
			break
		}
		n, err := strconv.Atoi(string(html[i+2 : i+2+end]))
		if kind := html[i+1]; err != nil || kind != tokURL && kind != tokFootnote && kind != tokHole {
			continue
		}
		if lit < i {
			out = append(out, segment{lit: html[lit:i]})
		}
		out = append(out, segment{kind: html[i+1], i: n})
		i += 2 + end
		lit = i + 1
	}
	if lit < len(html) {
		out = append(out, segment{lit: html[lit:]})
	}
	return out
}
