package bases

import (
	"html"
	"math"
	"strconv"
	"strings"
	"time"
)

// global is a function called by name; it gets its arguments unevaluated
// so if() can skip the branch it does not take.
type global func(s *scope, n *callNode) (Value, error)

// globals are the functions of "Functions", Global section.
var globals map[string]global

func init() {
	globals = map[string]global{
		"escapeHTML": func(s *scope, n *callNode) (Value, error) {
			a, err := s.args(n, 1, 1)
			if err != nil {
				return nil, err
			}
			return html.EscapeString(toString(a[0])), nil
		},
		"date":     globalDate,
		"duration": globalDuration,
		"file":     globalFile,
		"html": func(s *scope, n *callNode) (Value, error) {
			return nil, s.static(n, "html() is not evaluated at build time: vaultsite does not put a formula's HTML into pages")
		},
		"if": globalIf,
		"image": func(s *scope, n *callNode) (Value, error) {
			a, err := s.args(n, 1, 1)
			if err != nil {
				return nil, err
			}
			return Image{Src: a[0]}, nil
		},
		"icon": func(s *scope, n *callNode) (Value, error) {
			a, err := s.args(n, 1, 1)
			if err != nil {
				return nil, err
			}
			return Icon{Name: toString(a[0])}, nil
		},
		"link": globalLink,
		"list": func(s *scope, n *callNode) (Value, error) {
			a, err := s.args(n, 1, 1)
			if err != nil {
				return nil, err
			}
			if l, ok := a[0].([]Value); ok {
				return l, nil
			}
			return []Value{a[0]}, nil
		},
		"max":    func(s *scope, n *callNode) (Value, error) { return s.extreme(n, 1) },
		"min":    func(s *scope, n *callNode) (Value, error) { return s.extreme(n, -1) },
		"now":    func(s *scope, n *callNode) (Value, error) { return Date{T: s.cx.Now, Time: true}, s.none(n) },
		"number": globalNumber,
		"today": func(s *scope, n *callNode) (Value, error) {
			y, m, d := s.cx.Now.Date()
			return Date{T: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}, s.none(n)
		},
		"random": func(s *scope, n *callNode) (Value, error) {
			return nil, s.static(n, "random() cannot be evaluated at build time: the page would change on every build")
		},
	}
}

// args evaluates a call's arguments, checking their count.
func (s *scope) args(n *callNode, min, max int) ([]Value, error) {
	if len(n.args) < min || (max >= 0 && len(n.args) > max) {
		return nil, s.fail(n, "%s() takes %s", callName(n), countWords(min, max))
	}
	out := make([]Value, len(n.args))
	for i, a := range n.args {
		v, err := s.eval(a)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (s *scope) none(n *callNode) error {
	_, err := s.args(n, 0, 0)
	return err
}

func callName(n *callNode) string {
	switch fn := n.fn.(type) {
	case *identNode:
		return fn.name
	case *memberNode:
		return fn.name
	}
	return "function"
}

func countWords(min, max int) string {
	switch {
	case max < 0:
		return "at least " + strconv.Itoa(min) + " arguments"
	case min == max:
		return strconv.Itoa(min) + " arguments"
	}
	return strconv.Itoa(min) + " to " + strconv.Itoa(max) + " arguments"
}

func globalIf(s *scope, n *callNode) (Value, error) {
	if len(n.args) < 2 || len(n.args) > 3 {
		return nil, s.fail(n, "if() takes 2 to 3 arguments")
	}
	c, err := s.eval(n.args[0])
	if err != nil {
		return nil, err
	}
	switch {
	case truthy(c):
		return s.eval(n.args[1])
	case len(n.args) == 3:
		return s.eval(n.args[2])
	}
	return nil, nil
}

func globalDate(s *scope, n *callNode) (Value, error) {
	a, err := s.args(n, 1, 1)
	if err != nil {
		return nil, err
	}
	switch v := a[0].(type) {
	case Date:
		return v, nil
	case string:
		if d, ok := parseDate(v); ok {
			return d, nil
		}
	case float64:
		return Date{T: time.UnixMilli(int64(v)).UTC(), Time: true}, nil
	case nil:
		return nil, nil
	}
	return nil, s.fail(n, "date() cannot read %q as a date", toString(a[0]))
}

func globalDuration(s *scope, n *callNode) (Value, error) {
	a, err := s.args(n, 1, 1)
	if err != nil {
		return nil, err
	}
	return s.durationOf(n, a[0])
}

func globalNumber(s *scope, n *callNode) (Value, error) {
	a, err := s.args(n, 1, 1)
	if err != nil {
		return nil, err
	}
	switch v := a[0].(type) {
	case Date, Duration, bool, float64:
		f, _ := numeric(v)
		return f, nil
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			return f, nil
		}
	}
	return nil, s.fail(n, "number() cannot read %q as a number", toString(a[0]))
}

func (s *scope) extreme(n *callNode, sign float64) (Value, error) {
	a, err := s.args(n, 1, -1)
	if err != nil {
		return nil, err
	}
	best := math.Inf(-int(sign))
	for _, v := range a {
		f, ok := numeric(v)
		if !ok {
			return nil, s.fail(n, "%s() takes numbers, not a %s", callName(n), typeName(v))
		}
		if sign*f > sign*best {
			best = f
		}
	}
	return best, nil
}

func globalLink(s *scope, n *callNode) (Value, error) {
	a, err := s.args(n, 1, 2)
	if err != nil {
		return nil, err
	}
	l := s.linkTo(a[0])
	if len(a) == 2 && a[1] != nil {
		l.Display = toString(a[1])
	}
	return l, nil
}

// linkTo makes a link from a path, a "[[wikilink]]", a file or a link,
// resolved from the row.
func (s *scope) linkTo(v Value) Link {
	switch v := v.(type) {
	case Link:
		return v
	case *File:
		return Link{Target: v.Path.Name(), File: v}
	}
	target, display := parseWikilink(toString(v))
	l := Link{Target: target, Display: display}
	if !strings.Contains(target, "://") && s.cx.Env != nil {
		l.File = s.cx.Env.Resolve(s.row, target)
	}
	return l
}

// parseWikilink strips [[ ]] and splits off a display text.
func parseWikilink(text string) (target, display string) {
	inner, ok := strings.CutPrefix(strings.TrimSpace(text), "[[")
	if !ok || !strings.HasSuffix(inner, "]]") {
		return strings.TrimSpace(text), ""
	}
	target, display, _ = strings.Cut(strings.TrimSuffix(inner, "]]"), "|")
	return strings.TrimSpace(target), strings.TrimSpace(display)
}

func globalFile(s *scope, n *callNode) (Value, error) {
	a, err := s.args(n, 1, 1)
	if err != nil {
		return nil, err
	}
	if f, ok := a[0].(*File); ok {
		return f, nil
	}
	if l := s.linkTo(a[0]); l.File != nil {
		return l.File, nil
	}
	return nil, nil
}
