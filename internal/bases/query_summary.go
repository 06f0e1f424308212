package bases

// summarise fills the summaries of the whole result and of each group.
func (q *query) summarise() {
	any := false
	for _, c := range q.r.Columns {
		any = any || c.Summary != ""
	}
	if !any {
		return
	}
	var all []Row
	for i := range q.r.Groups {
		g := &q.r.Groups[i]
		all = append(all, g.Rows...)
		if g.Keyed {
			g.Summaries = q.summaries(g.Rows)
		}
	}
	q.r.Summaries = q.summaries(all)
}

func (q *query) summaries(rows []Row) []Cell {
	out := make([]Cell, len(q.r.Columns))
	for i, c := range q.r.Columns {
		if c.Summary == "" {
			continue
		}
		vals := make([]Value, len(rows))
		for j, r := range rows {
			vals[j] = r.Cells[i].Value
		}
		out[i] = q.summary(c.Summary, vals)
	}
	return out
}

// summary runs a built-in summary, or a custom one of the base's
// summaries section with values bound to the column's values.
func (q *query) summary(name string, vals []Value) Cell {
	if f, ok := builtinSummaries[name]; ok {
		return Cell{Value: f(vals)}
	}
	e := q.cx.Base.Summaries[name]
	if e == nil {
		return Cell{}
	}
	s := newScope(q.cx, nil)
	s.vars = map[string]Value{"values": vals}
	v, err := s.run(e)
	if err != nil {
		return Cell{Err: q.note(err)}
	}
	return Cell{Value: v}
}
