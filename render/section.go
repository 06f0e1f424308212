package render

import (
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark/ast"
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
