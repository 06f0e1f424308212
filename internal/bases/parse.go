package bases

import (
	"strconv"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// CodeInvalid is the diagnostic code of every problem in a base.
const CodeInvalid = "invalid-base"

// Parse reads a base. path names the file that holds it; line0 is that
// file's line of the YAML's first line minus one (0 for a .base file, the
// fence's line for a base block). Problems are added to diags as
// invalid-base warnings at their position; what can be read is kept, so
// a view still shows what it can. Parse never returns nil.
func Parse(path site.VaultPath, src []byte, line0 int, diags *site.Diagnostics) *Base {
	p := &parser{b: &Base{Properties: map[string]PropConfig{}, Summaries: map[string]*Expr{}}, diags: diags}
	p.b.where = origin{path: path, line0: line0}
	root, err := parseYAML(src)
	if err != nil {
		p.errAt(err.line, err.col, "invalid YAML: %s", err.msg)
		return p.b
	}
	if root.kind == yNull {
		return p.b
	}
	if root.kind != yMap {
		p.errAt(root.line, root.col, "a base is a mapping of filters, formulas, properties, summaries and views")
		return p.b
	}
	for i, k := range root.keys {
		v := root.vals[i]
		switch k.text {
		case "filters":
			p.b.Filters = p.filter(v)
		case "formulas":
			p.formulas(v)
		case "properties":
			p.properties(v)
		case "summaries":
			p.summaries(v)
		case "views":
			p.views(v)
		}
	}
	return p.b
}

type parser struct {
	b     *Base
	diags *site.Diagnostics
}

func (p *parser) errAt(line, col int, format string, args ...any) {
	p.diags.Add(p.b.where.pos(line, col), site.Warning, CodeInvalid, format, args...)
}

// expr compiles one expression scalar, reporting what is wrong with it.
func (p *parser) expr(n *ynode) *Expr {
	if n.kind != yScalar {
		p.errAt(n.line, n.col, "an expression must be a string")
		return nil
	}
	e, err := Compile(n.text)
	if e != nil {
		e.at = exprOrigin{where: p.b.where, node: n}
	}
	if err != nil {
		pos := exprOrigin{where: p.b.where, node: n}.pos(err.Off)
		p.diags.Add(pos, site.Warning, CodeInvalid, "%s", err.Msg)
		return nil
	}
	for _, u := range e.unknownFuncs() {
		p.diags.Add(e.at.pos(u.off), site.Warning, CodeInvalid, "unknown function %q", u.name)
	}
	return e
}

// filter reads a string or an and/or/not tree.
func (p *parser) filter(n *ynode) *Filter {
	switch n.kind {
	case yScalar:
		if e := p.expr(n); e != nil {
			return &Filter{Op: "expr", Expr: e}
		}
		return &Filter{Op: "expr"}
	case yMap:
		if len(n.keys) != 1 {
			p.errAt(n.line, n.col, "a filter object has exactly one of and, or, not")
		}
		k, v := n.keys[0], n.vals[0]
		op := k.text
		if op != "and" && op != "or" && op != "not" {
			p.errAt(k.line, k.col, "unknown filter operator %q; use and, or or not", op)
			return &Filter{Op: "expr"}
		}
		f := &Filter{Op: op}
		if v.kind == ySeq {
			for _, it := range v.items {
				f.Children = append(f.Children, p.filter(it))
			}
		} else if v.kind != yNull {
			f.Children = append(f.Children, p.filter(v))
		}
		return f
	case yNull:
		return nil
	}
	p.errAt(n.line, n.col, "a filter is a string or an and, or or not list")
	return &Filter{Op: "expr"}
}

func (p *parser) formulas(n *ynode) {
	if !p.isMap(n, "formulas") {
		return
	}
	for i, k := range n.keys {
		p.b.Formulas = append(p.b.Formulas, Formula{Name: k.text, Expr: p.expr(n.vals[i])})
	}
	for _, f := range p.b.Formulas {
		if f.Expr == nil {
			continue
		}
		if bad := p.b.cycle(f.Name, nil); bad != "" {
			k := n.keys[p.b.formulaIndex(f.Name)]
			p.errAt(k.line, k.col, "formula %q refers to itself through %s", f.Name, bad)
		}
	}
}

func (p *parser) isMap(n *ynode, what string) bool {
	if n.kind == yMap {
		return true
	}
	if n.kind != yNull {
		p.errAt(n.line, n.col, "%s must be a mapping", what)
	}
	return false
}

func (p *parser) properties(n *ynode) {
	if !p.isMap(n, "properties") {
		return
	}
	for i, k := range n.keys {
		var c PropConfig
		if d := n.vals[i].get("displayName"); d != nil && d.kind == yScalar {
			c.DisplayName = d.text
		}
		p.b.Properties[normalizeID(k.text)] = c
	}
}

func (p *parser) summaries(n *ynode) {
	if !p.isMap(n, "summaries") {
		return
	}
	for i, k := range n.keys {
		if e := p.expr(n.vals[i]); e != nil {
			p.b.Summaries[k.text] = e
		}
	}
}

func (p *parser) views(n *ynode) {
	if n.kind != ySeq {
		if n.kind != yNull {
			p.errAt(n.line, n.col, "views must be a list")
		}
		return
	}
	for _, it := range n.items {
		if it.kind != yMap {
			p.errAt(it.line, it.col, "a view must be a mapping")
			continue
		}
		p.b.Views = append(p.b.Views, p.view(it))
	}
}

func (p *parser) view(n *ynode) *View {
	v := &View{Type: "table", Line: p.b.where.line0 + n.line, Summaries: map[string]string{}}
	for i, k := range n.keys {
		val := n.vals[i]
		switch k.text {
		case "type":
			v.Type = val.text
		case "name":
			v.Name = val.text
		case "limit":
			l, err := strconv.Atoi(val.text)
			if err != nil || l < 0 {
				p.errAt(val.line, val.col, "limit must be a whole number, not %q", val.text)
			}
			v.Limit = max(l, 0)
		case "filters":
			v.Filters = p.filter(val)
		case "order":
			v.Order = p.idList(val)
		case "sort":
			v.Sort = p.sortKeys(val)
		case "groupBy":
			v.GroupBy = p.sortKey(val)
		case "summaries":
			if p.isMap(val, "summaries") {
				for j, sk := range val.keys {
					v.Summaries[normalizeID(sk.text)] = val.vals[j].text
					p.checkSummary(val.vals[j])
				}
			}
		case "image":
			v.Image = normalizeID(val.text)
		case "coordinates":
			v.Coordinates = normalizeID(val.text)
		default:
			p.layoutSetting(v, k.text, val)
		}
	}
	if v.Name == "" {
		v.Name = defaultViewName(v.Type)
	}
	switch v.Type {
	case "table", "cards", "list", "map":
	default:
		t := n.get("type")
		p.errAt(t.line, t.col, "view type %q is not built in; it is shown as a table", v.Type)
	}
	return v
}

func defaultViewName(typ string) string {
	if typ == "" {
		return "View"
	}
	return strings.ToUpper(typ[:1]) + typ[1:]
}

func (p *parser) checkSummary(n *ynode) {
	if _, ok := builtinSummaries[n.text]; ok {
		return
	}
	if _, ok := p.b.Summaries[n.text]; ok {
		return
	}
	p.errAt(n.line, n.col, "unknown summary %q", n.text)
}

func (p *parser) idList(n *ynode) []string {
	var out []string
	if n.kind != ySeq {
		p.errAt(n.line, n.col, "order must be a list of properties")
		return nil
	}
	for _, it := range n.items {
		out = append(out, normalizeID(it.text))
	}
	return out
}

func (p *parser) sortKeys(n *ynode) []SortKey {
	if n.kind != ySeq {
		p.errAt(n.line, n.col, "sort must be a list of property and direction")
		return nil
	}
	var out []SortKey
	for _, it := range n.items {
		if k := p.sortKey(it); k != nil {
			out = append(out, *k)
		}
	}
	return out
}

func (p *parser) sortKey(n *ynode) *SortKey {
	prop := n.get("property")
	if prop == nil || prop.kind != yScalar {
		p.errAt(n.line, n.col, "a sort or groupBy needs a property")
		return nil
	}
	k := &SortKey{Property: normalizeID(prop.text)}
	if d := n.get("direction"); d != nil {
		switch strings.ToUpper(d.text) {
		case "DESC":
			k.Desc = true
		case "ASC", "":
		default:
			p.errAt(d.line, d.col, "direction must be ASC or DESC, not %q", d.text)
		}
	}
	return k
}

// normalizeID writes a property id with its kind: "price" and
// "note.price" are the same property.
func normalizeID(id string) string {
	id = strings.TrimSpace(id)
	for _, pre := range []string{"note.", "file.", "formula."} {
		if strings.HasPrefix(id, pre) {
			return id
		}
	}
	return "note." + id
}
