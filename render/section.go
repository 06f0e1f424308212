package render

import (
	"slices"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Whole returns the top-level nodes of d: a whole-note embed.
func (d *Doc) Whole() []ast.Node {
	var out []ast.Node
	for c := d.Root.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// Section returns heading h and what follows it up to, not including, the
// next heading of the same or a higher level (SPEC §4.2), among h's
// siblings. It returns nil when d has no such heading.
func (d *Doc) Section(h site.Heading) []ast.Node {
	var start *ast.Heading
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if hn, ok := n.(*ast.Heading); ok && entering && headingOffset(hn) == h.Offset {
			start = hn
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if start == nil {
		return nil
	}
	out := []ast.Node{start}
	for c := start.NextSibling(); c != nil; c = c.NextSibling() {
		if hn, ok := c.(*ast.Heading); ok && hn.Level <= start.Level {
			break
		}
		out = append(out, c)
	}
	return out
}

// Block returns the node named by block id (without "^"), as block
// embeds show it: a list item comes inside a list of its own so it
// renders as one. It returns nil when no node carries the id.
func (d *Doc) Block(id string) []ast.Node {
	want := "^" + id
	var found ast.Node
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if v, ok := n.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok && strings.EqualFold(string(b), want) {
				found = n
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	if found == nil {
		return nil
	}
	if item, ok := found.(*ast.ListItem); ok {
		list := item.Parent().(*ast.List)
		wrap := ast.NewList(list.Marker)
		wrap.IsTight, wrap.Start = list.IsTight, list.Start
		item.Parent().RemoveChild(item.Parent(), item)
		wrap.AppendChild(wrap, item)
		return []ast.Node{wrap}
	}
	return []ast.Node{found}
}

// Unanchor removes the id attributes of nodes and of everything below
// them, for an embed: the embedded headings and blocks are shown inside
// a page with ids of its own (the same ones, when a note embeds its own
// block), and ids must be unique on a page. Links to them go to the
// embedded note's own page, where the ids are.
func Unanchor(nodes []ast.Node) {
	for _, n := range nodes {
		_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n.AttributeString("id"); ok && entering {
				keep := n.Attributes()
				n.RemoveAttributes()
				for _, a := range keep {
					if string(a.Name) != "id" {
						n.SetAttribute(a.Name, a.Value)
					}
				}
			}
			return ast.WalkContinue, nil
		})
	}
}

// WithFootnotes returns nodes, a part of d, followed by d's footnote list
// cut to the footnotes they reference, so a section or block embed shows
// its footnotes; a footnote keeps only the back links to references in
// nodes. It changes d's tree: call it on a document parsed for the embed.
func (d *Doc) WithFootnotes(nodes []ast.Node) []ast.Node {
	var list *east.FootnoteList
	for c := d.Root.LastChild(); c != nil && list == nil; c = c.PreviousSibling() {
		list, _ = c.(*east.FootnoteList)
	}
	if list == nil || slices.Contains(nodes, ast.Node(list)) {
		return nodes
	}
	type ref struct{ index, refIndex int }
	refs, notes := map[ref]bool{}, map[int]bool{}
	for _, n := range nodes {
		_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*east.FootnoteLink); ok && entering {
				refs[ref{l.Index, l.RefIndex}], notes[l.Index] = true, true
			}
			return ast.WalkContinue, nil
		})
	}
	if len(notes) == 0 {
		return nodes
	}
	var drop []ast.Node
	_ = ast.Walk(list, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *east.Footnote:
			if entering && !notes[n.Index] {
				drop = append(drop, n)
				return ast.WalkSkipChildren, nil
			}
		case *east.FootnoteBacklink:
			if entering && !refs[ref{n.Index, n.RefIndex}] {
				drop = append(drop, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range drop {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	return append(nodes, list)
}
