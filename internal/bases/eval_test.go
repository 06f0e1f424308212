package bases

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// fixture is a small vault: Projects/Alpha.md (the row) links to
// Books/Dune.md, which links back.
type fixture struct{ files map[string]*File }

func (fx fixture) Resolve(from *File, target string) *File {
	target = strings.TrimSuffix(target, ".md")
	for _, f := range fx.files {
		if strings.EqualFold(f.Path.Name(), target) || strings.EqualFold(strings.TrimSuffix(string(f.Path), ".md"), target) {
			return f
		}
	}
	return nil
}

func (fx fixture) Backlinks(f *File) []*File {
	var out []*File
	for _, g := range fx.files {
		for _, l := range g.Links {
			if l.File == f {
				out = append(out, g)
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

var testNow = time.Date(2025, 5, 27, 10, 30, 0, 0, time.UTC)

func newFixture() (fixture, *File, *File) {
	alpha := &File{Path: "Projects/Alpha.md", Size: 120, MTime: testNow.Add(-48 * time.Hour), Props: NewObject(),
		Tags: []string{"urgent", "book/fiction"}}
	dune := &File{Path: "Books/Dune.md", Props: NewObject()}
	self := &File{Path: "Books.base", Props: NewObject()}
	fx := fixture{files: map[string]*File{"alpha": alpha, "dune": dune}}
	alpha.Links = []Link{{Target: "Dune", File: dune}}
	dune.Links = []Link{{Target: "Alpha", File: alpha}}
	props := map[string]Value{
		"price": 12.5, "quantity": 4.0, "age": 3.0, "status": "Active", "tags": []Value{"urgent", "book/fiction"},
		"start_date": Date{T: time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)},
		"due_date":   Date{T: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)},
		"first_name": "Ada", "last_name": "Lovelace", "tasks": []Value{"draft", "review", "ship"},
		"impact": 3.0, "urgency": 4.0, "effort": 2.0, "isModified": true, "completed": false,
		"author": Link{Target: "Dune", File: dune}, "authors": []Value{Link{Target: "Dune", File: dune}},
		"description": "first project", "radius": 2.0, "tax": 1.0, "discount": 2.0, "part": 1.0, "whole": 4.0,
		"urgent": "yes", "monthlyUses": 5.0,
	}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		alpha.Props.Set(k, props[k])
	}
	return fx, alpha, self
}

// TestEvalCases runs testdata/eval.txt.
func TestEvalCases(t *testing.T) {
	t.Parallel()
	fx, row, self := newFixture()
	var diags site.Diagnostics
	base := Parse("Books.base", []byte("formulas:\n  price_per_unit: price / quantity\n  Owned: \"12.4\"\n"), 0, &diags)
	base.Formulas[1].Expr, _ = Compile("12.4")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cx := &Context{Base: base, Env: fx, Now: testNow, This: self}
	f, err := os.Open("testdata/eval.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		i := strings.LastIndex(text, " => ")
		if i < 0 {
			t.Errorf("eval.txt:%d: no \" => \"", line)
			continue
		}
		give, want := text[:i], text[i+4:]
		got := evalCase(cx, row, give)
		if got != want && !(isErrorWant(want) && strings.HasPrefix(got, want[:strings.Index(want, ":")]) && strings.Contains(got, want[strings.Index(want, ":")+2:])) {
			t.Errorf("eval.txt:%d: %s\n got  %s\n want %s", line, give, got, want)
		}
	}
}

// isErrorWant says whether want expects an error; its text is then a
// part of the message.
func isErrorWant(want string) bool {
	return strings.HasPrefix(want, "error: ") || strings.HasPrefix(want, "static: ")
}

func evalCase(cx *Context, row *File, src string) string {
	e, serr := Compile(src)
	if serr != nil {
		return fmt.Sprintf("syntax error at %d: %s", serr.Off, serr.Msg)
	}
	if u := e.unknownFuncs(); len(u) > 0 {
		return "unknown function " + u[0].name
	}
	s := newScope(cx, row)
	s.vars = map[string]Value{"values": []Value{3.0, 1.0, "x", 7.0}}
	v, err := s.run(e)
	var ee *EvalError
	if errors.As(err, &ee) {
		if ee.Static {
			return "static: " + ee.Msg
		}
		return "error: " + ee.Msg
	}
	return repr(v)
}

// repr prints a value for the case file; each type has its own form.
func repr(v Value) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case Date:
		return "date(" + toString(v) + ")"
	case Duration:
		return fmt.Sprintf("duration(%dM %sms)", v.Months, formatNumber(v.Ms))
	case []Value:
		parts := make([]string, len(v))
		for i, it := range v {
			parts[i] = repr(it)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *Object:
		parts := make([]string, len(v.Keys))
		for i, k := range v.Keys {
			parts[i] = strconv.Quote(k) + ": " + repr(v.Vals[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case Link:
		if v.Display != "" {
			return "link(" + v.Target + "|" + v.Display + ")"
		}
		return "link(" + v.Target + ")"
	case *File:
		return "file(" + string(v.Path) + ")"
	case Image:
		return "image(" + repr(v.Src) + ")"
	case Icon:
		return "icon(" + v.Name + ")"
	}
	return toString(v)
}
