package bases

import (
	"strings"
	"time"
)

var listMethods = map[string]method{
	"contains": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.args(n, 1, 1)
		if err != nil {
			return nil, err
		}
		return listHas(v.([]Value), a[0]), nil
	},
	"containsAll": func(s *scope, n *callNode, v Value) (Value, error) { return listContains(s, n, v.([]Value), true) },
	"containsAny": func(s *scope, n *callNode, v Value) (Value, error) { return listContains(s, n, v.([]Value), false) },
	"filter":      listFilter,
	"map":         listMap,
	"reduce":      listReduce,
	"flat": func(s *scope, n *callNode, v Value) (Value, error) {
		var out []Value
		for _, it := range v.([]Value) {
			if l, ok := it.([]Value); ok {
				out = append(out, l...)
			} else {
				out = append(out, it)
			}
		}
		return nonNil(out), s.none(n)
	},
	"join": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.strArgs(n, 0, 1)
		if err != nil {
			return nil, err
		}
		sep := ","
		if len(a) == 1 {
			sep = a[0]
		}
		parts := make([]string, 0, len(v.([]Value)))
		for _, it := range v.([]Value) {
			parts = append(parts, toString(it))
		}
		return strings.Join(parts, sep), nil
	},
	"reverse": func(s *scope, n *callNode, v Value) (Value, error) {
		l := v.([]Value)
		out := make([]Value, len(l))
		for i, it := range l {
			out[len(l)-1-i] = it
		}
		return out, s.none(n)
	},
	"slice": func(s *scope, n *callNode, v Value) (Value, error) {
		l := v.([]Value)
		i, j, err := s.sliceBounds(n, len(l))
		if err != nil {
			return nil, err
		}
		return append([]Value{}, l[i:j]...), nil
	},
	"sort": func(s *scope, n *callNode, v Value) (Value, error) {
		out := append([]Value{}, v.([]Value)...)
		sortValues(out)
		return out, s.none(n)
	},
	"unique": func(s *scope, n *callNode, v Value) (Value, error) {
		out := []Value{}
		for _, it := range v.([]Value) {
			if !listHas(out, it) {
				out = append(out, it)
			}
		}
		return out, s.none(n)
	},
	"mean":   summaryMethod("Average"),
	"sum":    summaryMethod("Sum"),
	"median": summaryMethod("Median"),
}

func nonNil(l []Value) []Value {
	if l == nil {
		return []Value{}
	}
	return l
}

func listHas(l []Value, x Value) bool {
	for _, it := range l {
		if equal(it, x) {
			return true
		}
	}
	return false
}

func listContains(s *scope, n *callNode, l []Value, all bool) (Value, error) {
	a, err := s.args(n, 1, -1)
	if err != nil {
		return nil, err
	}
	for _, x := range a {
		if listHas(l, x) != all {
			return !all, nil
		}
	}
	return all, nil
}

// each evaluates expr once per element with value and index bound, and
// acc too when given.
func (s *scope) each(l []Value, expr node, acc *Value, f func(Value, Value) error) error {
	saved := s.vars
	defer func() { s.vars = saved }()
	for i, it := range l {
		s.vars = map[string]Value{}
		for k, v := range saved {
			s.vars[k] = v
		}
		s.vars["value"], s.vars["index"] = it, float64(i)
		if acc != nil {
			s.vars["acc"] = *acc
		}
		r, err := s.eval(expr)
		if err != nil {
			return err
		}
		if err := f(it, r); err != nil {
			return err
		}
	}
	return nil
}

func listFilter(s *scope, n *callNode, v Value) (Value, error) {
	if len(n.args) != 1 {
		return nil, s.fail(n, "filter() takes 1 argument")
	}
	out := []Value{}
	err := s.each(v.([]Value), n.args[0], nil, func(it, r Value) error {
		if truthy(r) {
			out = append(out, it)
		}
		return nil
	})
	return out, err
}

func listMap(s *scope, n *callNode, v Value) (Value, error) {
	if len(n.args) != 1 {
		return nil, s.fail(n, "map() takes 1 argument")
	}
	out := []Value{}
	err := s.each(v.([]Value), n.args[0], nil, func(_, r Value) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

func listReduce(s *scope, n *callNode, v Value) (Value, error) {
	if len(n.args) != 2 {
		return nil, s.fail(n, "reduce() takes 2 arguments")
	}
	acc, err := s.eval(n.args[1])
	if err != nil {
		return nil, err
	}
	err = s.each(v.([]Value), n.args[0], &acc, func(_, r Value) error {
		acc = r
		return nil
	})
	return acc, err
}

// summaryMethod lets a summary formula call a built-in summary on
// values, as "values.mean()" in Bases syntax does.
func summaryMethod(name string) method {
	return func(s *scope, n *callNode, v Value) (Value, error) {
		return builtinSummaries[name](v.([]Value)), s.none(n)
	}
}

var dateMethods = map[string]method{
	"date": func(s *scope, n *callNode, v Value) (Value, error) {
		y, m, d := v.(Date).T.Date()
		return Date{T: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}, s.none(n)
	},
	"format": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.strArgs(n, 1, 1)
		if err != nil {
			return nil, err
		}
		return formatMoment(v.(Date).T, a[0]), nil
	},
	"time": func(s *scope, n *callNode, v Value) (Value, error) {
		return v.(Date).T.Format("15:04:05"), s.none(n)
	},
	"relative": func(s *scope, n *callNode, v Value) (Value, error) {
		return relative(v.(Date).T, s.cx.Now), s.none(n)
	},
	"isEmpty": func(s *scope, n *callNode, v Value) (Value, error) { return false, s.none(n) },
}
