package bases

import (
	"strings"
)

// fileField reads a file property of "Bases syntax", File properties.
func (s *scope) fileField(n node, f *File, name string) (Value, error) {
	switch name {
	case "name":
		return f.Path.Base(), nil
	case "basename":
		return f.Path.Name(), nil
	case "path":
		return string(f.Path), nil
	case "folder":
		return f.Path.Dir(), nil
	case "ext":
		return f.Path.Ext(), nil
	case "size":
		return float64(f.Size), nil
	case "file":
		return f, nil
	case "properties":
		if f.Props == nil {
			return NewObject(), nil
		}
		return f.Props, nil
	case "tags":
		out := make([]Value, len(f.Tags))
		for i, t := range f.Tags {
			out[i] = t
		}
		return out, nil
	case "links":
		return linkList(f.Links), nil
	case "embeds":
		return linkList(f.Embeds), nil
	case "backlinks":
		out := []Value{}
		if s.cx.Env != nil {
			for _, b := range s.cx.Env.Backlinks(f) {
				out = append(out, Link{Target: b.Path.Name(), File: b})
			}
		}
		return out, nil
	case "mtime":
		if f.MTime.IsZero() {
			return nil, nil
		}
		return Date{T: f.MTime.UTC(), Time: true}, nil
	case "ctime":
		return nil, s.static(n, "file.ctime cannot be evaluated at build time: a checkout does not keep when a file was created")
	}
	return nil, s.fail(n, "files have no property %q", name)
}

func linkList(ls []Link) []Value {
	out := make([]Value, len(ls))
	for i, l := range ls {
		out[i] = l
	}
	return out
}

var fileMethods = map[string]method{
	"asLink": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.args(n, 0, 1)
		if err != nil {
			return nil, err
		}
		l := Link{Target: v.(*File).Path.Name(), File: v.(*File)}
		if len(a) == 1 && a[0] != nil {
			l.Display = toString(a[0])
		}
		return l, nil
	},
	"hasLink":     fileHasLink,
	"hasProperty": fileHasProperty,
	"hasTag":      fileHasTag,
	"inFolder": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.strArgs(n, 1, 1)
		if err != nil {
			return nil, err
		}
		folder := strings.Trim(a[0], "/")
		dir := v.(*File).Path.Dir()
		return folder == "" || dir == folder || strings.HasPrefix(dir, folder+"/"), nil
	},
}

// fileHasLink says whether the file links to a file, a link or a path:
// to the same published file, or, for a target that resolves to none,
// with the same text.
func fileHasLink(s *scope, n *callNode, v Value) (Value, error) {
	a, err := s.args(n, 1, 1)
	if err != nil {
		return nil, err
	}
	f := v.(*File)
	want := s.linkTo(a[0])
	if a[0] == nil {
		return false, nil
	}
	for _, l := range f.Links {
		if want.File != nil && l.File == want.File {
			return true, nil
		}
		if want.File == nil && l.File == nil && strings.EqualFold(l.Target, want.Target) {
			return true, nil
		}
	}
	return false, nil
}

func fileHasProperty(s *scope, n *callNode, v Value) (Value, error) {
	a, err := s.strArgs(n, 1, 1)
	if err != nil {
		return nil, err
	}
	_, ok := v.(*File).Props.Get(a[0])
	return ok, nil
}

// fileHasTag matches tags case-insensitively, with their nested tags:
// "book" matches #book and #book/fiction.
func fileHasTag(s *scope, n *callNode, v Value) (Value, error) {
	a, err := s.strArgs(n, 1, -1)
	if err != nil {
		return nil, err
	}
	for _, want := range a {
		want = strings.ToLower(strings.TrimPrefix(want, "#"))
		for _, t := range v.(*File).Tags {
			t = strings.ToLower(strings.TrimPrefix(t, "#"))
			if t == want || strings.HasPrefix(t, want+"/") {
				return true, nil
			}
		}
	}
	return false, nil
}
