package bases

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// Env is what evaluation asks of the vault. Both calls see published
// notes only: an unpublished note resolves to nil and is nobody's
// backlink.
type Env interface {
	// Resolve finds the file a link target written in from names, or nil.
	Resolve(from *File, target string) *File
	// Backlinks lists the files that link to f, in path order.
	Backlinks(f *File) []*File
}

// Context is one evaluation's setting.
type Context struct {
	Base *Base
	Env  Env
	// Now is the build's clock: SOURCE_DATE_EPOCH when set (see Clock).
	Now time.Time
	// This is the note that embeds the base, or the base's own file.
	This *File
}

// EvalError is a problem met while evaluating, at an offset of Expr.
// Static marks what cannot be evaluated without the app (random(), a
// file's creation time): never an empty cell, always a diagnostic.
type EvalError struct {
	Expr   *Expr
	Off    int
	Msg    string
	Static bool
	// Where is the position when Expr is nil: a view's column that
	// names a file property that cannot be evaluated.
	Where site.Pos
}

func (e *EvalError) Error() string { return e.Msg }

// Pos is the error's position in its file.
func (e *EvalError) Pos() site.Pos {
	if e.Expr == nil {
		return e.Where
	}
	return e.Expr.at.pos(e.Off)
}

// scope evaluates expressions for one row.
type scope struct {
	cx       *Context
	row      *File
	expr     *Expr // being evaluated, for error positions
	vars     map[string]Value
	formulas map[string]Value
	busy     map[string]bool
}

func newScope(cx *Context, row *File) *scope {
	return &scope{cx: cx, row: row, formulas: map[string]Value{}, busy: map[string]bool{}}
}

// Eval evaluates e for row. Errors are *EvalError.
func Eval(cx *Context, e *Expr, row *File) (Value, error) {
	return newScope(cx, row).run(e)
}

func (s *scope) run(e *Expr) (Value, error) {
	outer := s.expr
	s.expr = e
	defer func() { s.expr = outer }()
	return s.eval(e.root)
}

func (s *scope) fail(n node, format string, args ...any) error {
	return &EvalError{Expr: s.expr, Off: n.offset(), Msg: fmt.Sprintf(format, args...)}
}

func (s *scope) static(n node, format string, args ...any) error {
	return &EvalError{Expr: s.expr, Off: n.offset(), Msg: fmt.Sprintf(format, args...), Static: true}
}

func (s *scope) eval(n node) (Value, error) {
	switch n := n.(type) {
	case *litNode:
		return n.v, nil
	case *identNode:
		return s.ident(n)
	case *memberNode:
		x, err := s.eval(n.x)
		if err != nil {
			return nil, err
		}
		return s.member(n, x, n.name)
	case *indexNode:
		return s.index(n)
	case *callNode:
		return s.call(n)
	case *unaryNode:
		return s.unary(n)
	case *binaryNode:
		return s.binary(n)
	case *listNode:
		out := make([]Value, 0, len(n.items))
		for _, it := range n.items {
			v, err := s.eval(it)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case *objectNode:
		o := NewObject()
		for i, k := range n.keys {
			v, err := s.eval(n.vals[i])
			if err != nil {
				return nil, err
			}
			o.Set(k, v)
		}
		return o, nil
	case *regexNode:
		return s.regex(n)
	}
	return nil, s.fail(n, "cannot evaluate")
}

// The roots an identifier may name besides a note property.
type (
	noteRoot    struct{ f *File }
	formulaRoot struct{}
)

func (s *scope) ident(n *identNode) (Value, error) {
	if v, ok := s.vars[n.name]; ok {
		return v, nil
	}
	switch n.name {
	case "file":
		if s.row == nil {
			return nil, nil
		}
		return s.row, nil
	case "note":
		return noteRoot{s.row}, nil
	case "formula":
		return formulaRoot{}, nil
	case "this":
		if s.cx.This == nil {
			return nil, nil
		}
		return s.cx.This, nil
	}
	if s.row == nil {
		return nil, nil
	}
	v, _ := s.row.Props.Get(n.name)
	return v, nil
}

func (s *scope) index(n *indexNode) (Value, error) {
	x, err := s.eval(n.x)
	if err != nil {
		return nil, err
	}
	i, err := s.eval(n.i)
	if err != nil {
		return nil, err
	}
	if list, ok := x.([]Value); ok {
		f, ok := i.(float64)
		if !ok {
			return nil, s.fail(n.i, "a list index must be a number")
		}
		if f < 0 || int(f) >= len(list) || f != math.Trunc(f) {
			return nil, nil
		}
		return list[int(f)], nil
	}
	return s.member(n, x, toString(i))
}

// member reads a field: a note property, a formula, a file's, a date's
// or an object's field, or a length. A field of null is null.
func (s *scope) member(n node, x Value, name string) (Value, error) {
	switch x := x.(type) {
	case nil:
		return nil, nil
	case noteRoot:
		if x.f == nil {
			return nil, nil
		}
		v, _ := x.f.Props.Get(name)
		return v, nil
	case formulaRoot:
		return s.formula(n, name)
	case *File:
		return s.fileField(n, x, name)
	case Date:
		return dateField(x, name), nil
	case string:
		if name == "length" {
			return float64(len([]rune(x))), nil
		}
	case []Value:
		if name == "length" {
			return float64(len(x)), nil
		}
	case *Object:
		v, _ := x.Get(name)
		return v, nil
	case Link:
		if x.File != nil {
			return s.fileField(n, x.File, name)
		}
	}
	return nil, nil
}

// formula evaluates the row's formula name once per row.
func (s *scope) formula(n node, name string) (Value, error) {
	if v, ok := s.formulas[name]; ok {
		return v, nil
	}
	i := s.cx.Base.formulaIndex(name)
	if i < 0 {
		return nil, s.fail(n, "no formula %q", name)
	}
	f := s.cx.Base.Formulas[i]
	if f.Expr == nil || s.busy[name] {
		return nil, s.fail(n, "formula %q cannot be evaluated", name)
	}
	s.busy[name] = true
	v, err := s.run(f.Expr)
	delete(s.busy, name)
	if err != nil {
		return nil, err
	}
	s.formulas[name] = v
	return v, nil
}

func (s *scope) regex(n *regexNode) (Value, error) {
	src := n.src
	if strings.Contains(n.flags, "i") {
		src = "(?i)" + src
	}
	if strings.Contains(n.flags, "m") {
		src = "(?m)" + src
	}
	if strings.Contains(n.flags, "s") {
		src = "(?s)" + src
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, s.fail(n, "invalid regular expression: %v", err)
	}
	return &Regexp{Re: re, Global: strings.Contains(n.flags, "g")}, nil
}

func (b *Base) formulaIndex(name string) int {
	for i, f := range b.Formulas {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// cycle returns the formula through which name refers to itself, or "".
func (b *Base) cycle(name string, path []string) string {
	for _, p := range path {
		if p == name {
			return "formula." + path[len(path)-1]
		}
	}
	i := b.formulaIndex(name)
	if i < 0 || b.Formulas[i].Expr == nil {
		return ""
	}
	path = append(path, name)
	bad := ""
	walk(b.Formulas[i].Expr.root, func(n node) {
		if m, ok := n.(*memberNode); ok && bad == "" {
			if id, ok := m.x.(*identNode); ok && id.name == "formula" {
				bad = b.cycle(m.name, path)
			}
		}
	})
	return bad
}
