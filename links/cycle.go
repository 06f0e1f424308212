package links

import (
	"bytes"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// embedNode is one piece of a note that an embed shows: the whole note
// (sub == ""), a heading's section or a block.
type embedNode struct {
	note *site.Note
	sub  string // the subpath, folded
}

// embedCycles finds embeds that would embed themselves, following
// embed links through the part of each note that an embed shows, as the
// build's renderer does. Each link that closes a cycle is reported once,
// where it is written.
func (g *Graph) embedCycles() site.Diagnostics {
	var diags site.Diagnostics
	state := map[embedNode]int{} // 0 unseen, 1 on the path, 2 done
	var visit func(x embedNode)
	visit = func(x embedNode) {
		state[x] = 1
		from, to := g.extent(x)
		for _, l := range x.note.Links {
			if !l.Embed || l.Offset < from || l.Offset >= to {
				continue
			}
			r := g.Link(x.note, l)
			if r.Target.Note == nil || r.SubpathMissing {
				continue
			}
			y := embedNode{note: r.Target.Note, sub: strings.ToLower(strings.TrimSpace(l.Subpath))}
			switch state[y] {
			case 0:
				visit(y)
			case 1:
				diags.Add(x.note.Pos(l.Offset), site.Warning, "embed-cycle",
					"embed %q closes a cycle: the content it embeds contains this embed again; shown as a link", l.Path+subSuffix(l.Subpath))
			}
		}
		state[x] = 2
	}
	for _, n := range g.v.Notes {
		if x := (embedNode{note: n}); state[x] == 0 {
			visit(x)
		}
	}
	return diags
}

func subSuffix(sub string) string {
	if sub == "" {
		return ""
	}
	return "#" + sub
}

// extent returns the byte range of x's note that its embed shows: the
// whole note, a heading's section up to the next heading of the same or a
// higher level, or a block's paragraph.
func (g *Graph) extent(x embedNode) (from, to int) {
	n := x.note
	switch {
	case x.sub == "":
		return 0, len(n.Source)
	case strings.HasPrefix(x.sub, "^"):
		b, ok := g.Block(n, x.sub[1:])
		if !ok {
			return 0, 0
		}
		start := bytes.LastIndex(n.Source[:b.Offset], []byte("\n\n"))
		return max(start, 0), b.Offset
	}
	h, ok := g.Heading(n, x.sub)
	if !ok {
		return 0, 0
	}
	to = len(n.Source)
	for _, k := range n.Headings {
		if k.Offset > h.Offset && k.Level <= h.Level {
			to = k.Offset
			break
		}
	}
	return h.Offset, to
}
