package bases

import "github.com/vaultsite/vaultsite/site"

// CodeMissingProperty marks a filter on a property no published note has:
// most often a typo, and the filter then keeps no row or every row.
const CodeMissingProperty = "missing-property"

// CheckProperties reports each note property that a filter of the base
// names but no row has, at the name's position. rows are the published
// notes, so an unpublished note's property counts as missing too.
func (b *Base) CheckProperties(rows []*File, diags *site.Diagnostics) {
	has := map[string]bool{}
	for _, f := range rows {
		if f.Props == nil {
			continue
		}
		for _, k := range f.Props.Keys {
			has[k] = true
		}
	}
	var filters []*Filter
	filters = append(filters, b.Filters)
	for _, v := range b.Views {
		filters = append(filters, v.Filters)
	}
	for _, f := range filters {
		eachExpr(f, func(e *Expr) {
			for _, u := range noteProperties(e) {
				if !has[u.name] {
					diags.Add(e.at.pos(u.off), site.Warning, CodeMissingProperty,
						"filter on property %q, which no published note has", u.name)
				}
			}
		})
	}
}

func eachExpr(f *Filter, fn func(*Expr)) {
	if f == nil {
		return
	}
	if f.Expr != nil {
		fn(f.Expr)
	}
	for _, c := range f.Children {
		eachExpr(c, fn)
	}
}

// reserved are the names an identifier can have that are not a note
// property: the roots and what list functions bind.
var reserved = map[string]bool{"file": true, "note": true, "formula": true, "this": true,
	"value": true, "index": true, "acc": true, "values": true}

// noteProperties lists the note properties an expression reads: bare
// names and note.x, but not the names of called functions.
func noteProperties(e *Expr) []unknownFunc {
	callee := map[node]bool{}
	var out []unknownFunc
	walk(e.root, func(n node) {
		switch n := n.(type) {
		case *callNode:
			callee[n.fn] = true
		case *memberNode:
			if id, ok := n.x.(*identNode); ok && id.name == "note" && !callee[n] {
				out = append(out, unknownFunc{n.name, n.off})
			}
		case *identNode:
			if !callee[n] && !reserved[n.name] {
				out = append(out, unknownFunc{n.name, n.off})
			}
		}
	})
	return out
}
