package bases

import (
	"strings"
)

// method is a function called on a value; like a global it gets its
// arguments unevaluated, so filter() and map() can bind value and index.
type method func(s *scope, n *callNode, recv Value) (Value, error)

// methods are "Functions" by receiver type; "any" applies to every type.
var methods map[string]map[string]method

func init() {
	methods = map[string]map[string]method{
		"any":    anyMethods,
		"string": stringMethods,
		"number": numberMethods,
		"list":   listMethods,
		"date":   dateMethods,
		"link":   linkMethods,
		"file":   fileMethods,
		"object": {"keys": objectKeys, "values": objectValues},
		"regexp": {"matches": regexpMatches},
	}
}

func isMethod(name string) bool {
	for _, m := range methods {
		if _, ok := m[name]; ok {
			return true
		}
	}
	return false
}

func (s *scope) call(n *callNode) (Value, error) {
	switch fn := n.fn.(type) {
	case *identNode:
		g, ok := globals[fn.name]
		if !ok {
			return nil, s.fail(fn, "unknown function %q", fn.name)
		}
		return g(s, n)
	case *memberNode:
		recv, err := s.eval(fn.x)
		if err != nil {
			return nil, err
		}
		return s.method(n, fn, recv)
	}
	return nil, s.fail(n, "this is not a function")
}

func (s *scope) method(n *callNode, fn *memberNode, recv Value) (Value, error) {
	typ := typeName(recv)
	if m, ok := methods[typ][fn.name]; ok {
		return m(s, n, recv)
	}
	if m, ok := methods["any"][fn.name]; ok {
		return m(s, n, recv)
	}
	if l, ok := recv.(Link); ok && l.File != nil {
		if m, ok := methods["file"][fn.name]; ok {
			return m(s, n, l.File)
		}
	}
	if recv == nil {
		return nil, nil // a missing property stays empty down a chain of calls
	}
	return nil, s.fail(fn, "%s() is not a function of a %s", fn.name, typ)
}

var anyMethods = map[string]method{
	"isTruthy": func(s *scope, n *callNode, v Value) (Value, error) { return truthy(v), s.none(n) },
	"isType": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.args(n, 1, 1)
		if err != nil {
			return nil, err
		}
		return typeName(v) == strings.ToLower(toString(a[0])), nil
	},
	"toString": func(s *scope, n *callNode, v Value) (Value, error) { return toString(v), s.none(n) },
	"isEmpty":  func(s *scope, n *callNode, v Value) (Value, error) { return isEmpty(v), s.none(n) },
}

func objectKeys(s *scope, n *callNode, v Value) (Value, error) {
	o := v.(*Object)
	out := make([]Value, len(o.Keys))
	for i, k := range o.Keys {
		out[i] = k
	}
	return out, s.none(n)
}

func objectValues(s *scope, n *callNode, v Value) (Value, error) {
	o := v.(*Object)
	out := make([]Value, len(o.Keys))
	for i, k := range o.Keys {
		out[i] = o.Vals[k]
	}
	return out, s.none(n)
}

func regexpMatches(s *scope, n *callNode, v Value) (Value, error) {
	a, err := s.args(n, 1, 1)
	if err != nil {
		return nil, err
	}
	return v.(*Regexp).Re.MatchString(toString(a[0])), nil
}

var linkMethods = map[string]method{
	"asFile": func(s *scope, n *callNode, v Value) (Value, error) {
		if f := v.(Link).File; f != nil {
			return f, s.none(n)
		}
		return nil, s.none(n)
	},
	"linksTo": func(s *scope, n *callNode, v Value) (Value, error) {
		f := v.(Link).File
		if f == nil {
			_, err := s.args(n, 1, 1)
			return false, err
		}
		return methods["file"]["hasLink"](s, n, f)
	},
}
