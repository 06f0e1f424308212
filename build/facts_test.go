package build

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/vaultsite/vaultsite/render"
)

var (
	astNode  = reflect.TypeFor[ast.Node]()
	docType  = reflect.TypeFor[render.Doc]()
	renderer = reflect.TypeFor[render.Renderer]() // the parser, which holds no tree
)

// holdsTree reports whether t is a syntax tree's type: a goldmark node
// or a parsed note.
func holdsTree(t reflect.Type) bool {
	return t.Implements(astNode) || t == docType || t.Kind() == reflect.Pointer && holdsTree(t.Elem())
}

// treeTypes returns the path to every field, element or key type
// reachable from t that is a syntax tree. It sees no further than an
// interface or a func; treeValues looks into interfaces.
func treeTypes(t reflect.Type, path string, seen map[reflect.Type]bool, out *[]string) {
	if seen[t] || t == renderer {
		return
	}
	seen[t] = true
	if holdsTree(t) {
		*out = append(*out, path+" ("+t.String()+")")
		return
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		treeTypes(t.Elem(), path+"[]", seen, out)
	case reflect.Map:
		treeTypes(t.Key(), path+"{key}", seen, out)
		treeTypes(t.Elem(), path+"{}", seen, out)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			treeTypes(f.Type, path+"."+f.Name, seen, out)
		}
	}
}

// TestNoTreeTypes checks, by the types alone, that nothing a build or
// the live preview keeps between phases or between rebuilds can hold a
// note's syntax tree: the analysis and its per-note facts, the live
// site's state and snapshot, the memo and the embed cache.
func TestNoTreeTypes(t *testing.T) {
	t.Parallel()
	for _, root := range []any{Analysis{}, noteFacts{}, Live{}, state{}, memo{}, embedTemplates{}, Snapshot{}, Result{}} {
		var found []string
		rt := reflect.TypeOf(root)
		treeTypes(rt, rt.Name(), map[reflect.Type]bool{}, &found)
		for _, p := range found {
			t.Errorf("%s can hold a syntax tree", p)
		}
	}
}

// treeValues walks v, through pointers, interfaces, maps, slices and
// structs, and returns the path to every syntax tree it finds. Funcs
// are opaque to it.
func treeValues(v reflect.Value, path string, seen map[[2]uintptr]bool, out *[]string) {
	if !v.IsValid() || v.Type() == renderer {
		return
	}
	if holdsTree(v.Type()) {
		if !(v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) || !v.IsNil() {
			*out = append(*out, path+" ("+v.Type().String()+")")
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if v.IsNil() || v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		key := [2]uintptr{uintptr(v.UnsafePointer()), uintptr(reflect.ValueOf(v.Type()).UnsafePointer())}
		if seen[key] {
			return
		}
		seen[key] = true
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		treeValues(v.Elem(), path, seen, out)
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			treeValues(v.Index(i), path+"[]", seen, out)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			treeValues(it.Key(), path+"{key}", seen, out)
			treeValues(it.Value(), path+"{}", seen, out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			treeValues(v.Field(i), path+"."+v.Type().Field(i).Name, seen, out)
		}
	}
}

// TestLiveHoldsNoTree runs the live preview over the bundled vault, edits
// a note that others embed and link to, and then looks through
// everything the live site holds, the values themselves, interfaces
// included: no goldmark node and no parsed note may be among them.
func TestLiveHoldsNoTree(t *testing.T) {
	t.Parallel()
	dir := copyVault(t, "../vault")
	s := NewLive(os.DirFS(dir), Options{})
	ctx := context.Background()
	if _, err := s.Update(ctx, nil); err != nil {
		t.Fatal(err)
	}
	note := "obisdian_ntoes/for later/UDP.md"
	p := filepath.Join(dir, filepath.FromSlash(note))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), "UDP", "UDP, edited,", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(ctx, []string{note}); err != nil {
		t.Fatal(err)
	}
	var found []string
	treeValues(reflect.ValueOf(s), "Live", map[[2]uintptr]bool{}, &found)
	for i, p := range found {
		if i == 10 {
			t.Errorf("and %d more", len(found)-i)
			break
		}
		t.Errorf("%s holds a syntax tree", p)
	}
}
