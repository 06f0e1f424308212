package bases

import (
	"errors"

	"github.com/vaultsite/vaultsite/site"
	"sort"
	"strings"
)

// Result is one view evaluated: its columns and its rows in groups (one
// group with no key when the view is not grouped).
type Result struct {
	View    *View
	Columns []Column
	Groups  []Group
	// Summaries holds, per column, the summary over every row, or nil
	// when the view summarises nothing.
	Summaries []Cell
	Total     int // rows before the limit
	// Errors are what went wrong, at most once per position; the caller
	// reports them.
	Errors []*EvalError
}

// Column is a property the view shows.
type Column struct {
	ID      string // note.x, file.x, formula.x
	Header  string
	Summary string // the summary's name, or ""
}

// Group is rows that share the group-by value.
type Group struct {
	Key       Value
	Keyed     bool // false for the one group of an ungrouped view
	Rows      []Row
	Summaries []Cell // per column, nil when the view summarises nothing
}

// Row is one file with its cells, parallel to Columns.
type Row struct {
	File  *File
	Cells []Cell
}

// Cell is a value, or the error that stopped it.
type Cell struct {
	Value Value
	Err   *EvalError
}

// Run evaluates view over rows: the base's and the view's filters (with
// AND), then sort, limit, group and summaries. rows must hold published
// notes only; Run keeps their order where the sort leaves it open.
func Run(cx *Context, view *View, rows []*File) *Result {
	r := &Result{View: view}
	q := &query{cx: cx, r: r, seen: map[string]bool{}}
	var kept []*File
	for _, f := range rows {
		s := newScope(cx, f)
		if q.pass(s, cx.Base.Filters) && q.pass(s, view.Filters) {
			kept = append(kept, f)
		}
	}
	q.sort(kept, view)
	r.Total = len(kept)
	if view.Limit > 0 && len(kept) > view.Limit {
		kept = kept[:view.Limit]
	}
	r.Columns = q.columns(view)
	q.group(kept, view)
	return r
}

type query struct {
	cx   *Context
	r    *Result
	seen map[string]bool
}

// note records an evaluation error once per position and message.
func (q *query) note(err error) *EvalError {
	var ee *EvalError
	if !errors.As(err, &ee) {
		return nil
	}
	if ee.Expr == nil && ee.Where.Path == "" {
		ee.Where = site.Pos{Path: q.cx.Base.where.path, Line: q.r.View.Line}
	}
	key := ee.Pos().String() + ee.Msg
	if !q.seen[key] {
		q.seen[key] = true
		q.r.Errors = append(q.r.Errors, ee)
	}
	return ee
}

// pass evaluates a filter tree; an error excludes the row.
func (q *query) pass(s *scope, f *Filter) bool {
	if f == nil {
		return true
	}
	switch f.Op {
	case "and":
		for _, c := range f.Children {
			if !q.pass(s, c) {
				return false
			}
		}
		return true
	case "or":
		for _, c := range f.Children {
			if q.pass(s, c) {
				return true
			}
		}
		return len(f.Children) == 0
	case "not":
		for _, c := range f.Children {
			if q.pass(s, c) {
				return false
			}
		}
		return true
	}
	if f.Expr == nil {
		return false
	}
	v, err := s.run(f.Expr)
	if err != nil {
		q.note(err)
		return false
	}
	return truthy(v)
}

// value reads a property id for a row.
func (q *query) value(s *scope, id string) Cell {
	kind, name, _ := strings.Cut(id, ".")
	var v Value
	var err error
	switch kind {
	case "file":
		v, err = s.fileField(&identNode{}, s.row, name)
	case "formula":
		v, err = s.formula(&identNode{}, name)
	default:
		v, _ = s.row.Props.Get(name)
	}
	if err != nil {
		return Cell{Err: q.note(err)}
	}
	return Cell{Value: v}
}

// sort orders rows by the view's sort keys, then by path.
func (q *query) sort(rows []*File, view *View) {
	keys := make([][]Value, len(rows))
	for i, f := range rows {
		s := newScope(q.cx, f)
		for _, k := range view.Sort {
			keys[i] = append(keys[i], q.value(s, k.Property).Value)
		}
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		for k, sk := range view.Sort {
			c := order(keys[idx[a]][k], keys[idx[b]][k])
			if sk.Desc && keys[idx[a]][k] != nil && keys[idx[b]][k] != nil {
				c = -c
			}
			if c != 0 {
				return c < 0
			}
		}
		return false
	})
	sorted := make([]*File, len(rows))
	for i, j := range idx {
		sorted[i] = rows[j]
	}
	copy(rows, sorted)
}

func (q *query) columns(view *View) []Column {
	ids := view.Order
	if len(ids) == 0 {
		ids = []string{"file.name"}
	}
	out := make([]Column, len(ids))
	for i, id := range ids {
		out[i] = Column{ID: id, Header: q.cx.Base.header(id), Summary: view.Summaries[id]}
	}
	return out
}

// header is a property's displayName, else its name without "note.".
func (b *Base) header(id string) string {
	if c, ok := b.Properties[id]; ok && c.DisplayName != "" {
		return c.DisplayName
	}
	kind, name, _ := strings.Cut(id, ".")
	switch kind {
	case "note", "formula":
		return name
	}
	return "file " + name
}

// group evaluates the cells and splits rows by the group-by value,
// groups ordered by it (empty last).
func (q *query) group(rows []*File, view *View) {
	var groups []Group
	at := map[string]int{}
	for _, f := range rows {
		s := newScope(q.cx, f)
		row := Row{File: f}
		for _, c := range q.r.Columns {
			row.Cells = append(row.Cells, q.value(s, c.ID))
		}
		var key Value
		if view.GroupBy != nil {
			key = q.value(s, view.GroupBy.Property).Value
		}
		k := typeName(key) + "\x00" + toString(key)
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, Group{Key: key, Keyed: view.GroupBy != nil})
		}
		groups[i].Rows = append(groups[i].Rows, row)
	}
	if view.GroupBy != nil {
		sort.SliceStable(groups, func(a, b int) bool {
			ka, kb := groups[a].Key, groups[b].Key
			c := order(ka, kb)
			if view.GroupBy.Desc && ka != nil && kb != nil {
				c = -c
			}
			return c < 0
		})
	}
	if len(groups) == 0 {
		groups = []Group{{Keyed: view.GroupBy != nil}}
	}
	q.r.Groups = groups
	q.summarise()
}
