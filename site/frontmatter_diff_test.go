package site

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// This file is a differential test of frontmatter decoding: a grid of
// frontmatter blocks (key forms × value forms × surroundings) whose
// expected values are written from the YAML 1.2 specification, not taken
// from a library's output. A value is nil (null), a string (a scalar's
// text as the author meant it), a list, or an obj (a mapping, in order).

type (
	list []any
	obj  []pair
	pair struct {
		K string
		V any
	}
)

// keyForm is how a key is written and the name YAML gives it.
type keyForm struct{ src, want string }

var diffKeys = []keyForm{
	{"k", "k"},
	{`"k q"`, "k q"},
	{`'it''s'`, "it's"},
	{"date:", "date:"}, // Dataview's "date:: x": the first colon belongs to the key (SPEC §7.4)
	{"ключ", "ключ"},
	{"two words", "two words"},
	{`"#x"`, "#x"},
}

// valueForm is what follows "key:" (a leading space, or a new line for
// block collections) and the value YAML 1.2 reads from it.
type valueForm struct {
	name, src string
	want      any
}

var diffValues = []valueForm{
	{"nothing", "", nil},
	{"tilde", " ~", nil},
	{"null word", " null", nil},
	{"plain", " value", "value"},
	{"plain with spaces", " a few words", "a few words"},
	{"double quoted escapes", ` "q \" x\t\u00e9"`, "q \" x\té"},
	{"single quoted", ` 'it''s'`, "it's"},
	{"empty double quoted is not null", ` ""`, ""},
	{"empty single quoted is not null", ` ''`, ""},
	{"date stays text", " 2023-07-07", "2023-07-07"},
	{"yes stays text", " yes", "yes"},
	{"octal-looking stays text", " 010", "010"},
	{"true as text", " true", "true"},
	{"float as text", " -1.5e3", "-1.5e3"},
	{"comment after value", " a # comment", "a"},
	{"only a comment", " # comment", nil},
	{"hash without space is text", " a#b", "a#b"},
	{"url with fragment", " https://x.org/p#f", "https://x.org/p#f"},
	{"colon without space is text", " a:b", "a:b"},
	{"tab inside value", " a\tb", "a\tb"},
	{"tab after colon", "\tv", "v"},
	{"trailing spaces", " v   ", "v"},
	{"flow list", " [a, b]", list{"a", "b"}},
	{"empty flow list", " []", list{}},
	{"flow list with empty quoted", ` [a, ""]`, list{"a", ""}},
	{"empty flow map", " {}", obj{}},
	{"flow map", " {x: 1, y: [2]}", obj{{"x", "1"}, {"y", list{"2"}}}},
	{"unquoted wikilink is a nested list", " [[Note]]", list{list{"Note"}}},
	{"quoted wikilink", ` "[[Note]]"`, "[[Note]]"},
	{"block list at column 0", "\n- a\n- b", list{"a", "b"}},
	{"block list indented", "\n  - a\n  - b", list{"a", "b"}},
	{"empty item with a space", "\n- ", list{nil}},
	{"empty item", "\n-", list{nil}},
	{"empty item first", "\n-\n- b", list{nil, "b"}},
	{"empty item in the middle", "\n- a\n- \n- c", list{"a", nil, "c"}},
	{"indented empty item", "\n  - \n  - b", list{nil, "b"}},
	{"tilde item", "\n- ~", list{nil}},
	{"nested block list", "\n- - a\n  - b", list{list{"a", "b"}}},
	{"item that is a mapping", "\n- x: 1\n  y: 2", list{obj{{"x", "1"}, {"y", "2"}}}},
	{"item that is a flow list", "\n- [a, b]", list{list{"a", "b"}}},
	{"block mapping", "\n  x: 1\n  y: two", obj{{"x", "1"}, {"y", "two"}}},
	{"block mapping with empty value", "\n  x:\n  y: 2", obj{{"x", nil}, {"y", "2"}}},
	{"literal", " |\n  line1\n  line2", "line1\nline2\n"},
	{"literal strip", " |-\n  keep", "keep"},
	{"literal keeps indentation", " |\n  a\n    b", "a\n  b\n"},
	{"folded", " >\n  folded\n  text", "folded text\n"},
	{"folded keeps blank line", " >\n  a\n\n  b", "a\nb\n"},
	{"multi-line plain", " first\n  second", "first second"},
	{"multi-line double quoted", " \"a\n  b\"", "a b"},
	{"multi-line single quoted", " 'a\n  b'", "a b"},
	{"anchor is transparent", " &anc v", "v"},
	{"anchored list", " &l [a]", list{"a"}},
	{"str tag", " !!str 123", "123"},
	{"local tag", " !thing v", "v"},
	{"template braces in quotes", ` "{{date}}"`, "{{date}}"},
}

// diffContexts put a key-value line among others, so a value that leaks
// into its neighbour (an empty list item swallowing the next key) shows.
var diffContexts = []struct {
	name       string
	before     string
	after      string
	wantBefore []pair
	wantAfter  []pair
}{
	{name: "alone"},
	{name: "first", after: "publish: true\n", wantAfter: []pair{{"publish", "true"}}},
	{name: "last", before: "title: T\n", wantBefore: []pair{{"title", "T"}}},
	{name: "between", before: "a: 1\n", after: "tags:\n- x\n", wantBefore: []pair{{"a", "1"}}, wantAfter: []pair{{"tags", list{"x"}}}},
}

// diffBodies follow the closing fence: Obsidian's "key:: value" inline
// fields and a second fenced block are body text, never properties.
var diffBodies = []string{"", "key:: value\n", "status:: done\ntags:: x\n", "---\nb: 2\n---\n"}

func TestFrontmatterDifferential(t *testing.T) {
	t.Parallel()
	n := 0
	for _, c := range diffContexts {
		for vi, v := range diffValues {
			for _, k := range diffKeys {
				yml := c.before + k.src + ":" + v.src + "\n" + c.after
				want := append(append(append(obj{}, c.wantBefore...), pair{k.want, v.want}), c.wantAfter...)
				body := diffBodies[(vi+n)%len(diffBodies)]
				checkDiffCase(t, fmt.Sprintf("%s/%s/%s", c.name, v.name, k.src), yml, body, want)
				n++
			}
		}
	}
	for _, tt := range diffSpecial {
		checkDiffCase(t, "special/"+tt.name, tt.yaml, "", tt.want)
		n++
	}
	t.Logf("%d cases", n)
	if n < 300 {
		t.Errorf("only %d cases", n)
	}
}

// checkDiffCase decodes a note made of yml and body and compares its
// properties with want; a nil want means invalid YAML: no properties and
// one invalid-frontmatter warning.
func checkDiffCase(t *testing.T, name, yml, body string, want obj) {
	t.Helper()
	src := []byte("---\n" + yml + "---\n" + body)
	text, off, _, ok := splitFrontmatter(src)
	if !ok {
		t.Fatalf("%s: no frontmatter in %q", name, src)
	}
	var diags Diagnostics
	props := parseFrontmatter("n.md", text, bytes.Count(src[:off], []byte("\n")), &diags)
	got := plain(props.List)
	if want == nil {
		if len(props.List) != 0 || len(diags) != 1 || diags[0].Code != "invalid-frontmatter" {
			t.Errorf("%s: %q gave %v and %v, want no properties and one invalid-frontmatter", name, yml, got, diags.strings())
		}
		return
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: %q (-want +got):\n%s", name, yml, diff)
	}
	for _, d := range diags {
		if d.Code != "duplicate-key" {
			t.Errorf("%s: %q: unexpected %s", name, yml, d)
		}
	}
}

// plain turns properties into the obj form of the expectations.
func plain(props []Property) obj {
	out := obj{}
	for _, p := range props {
		out = append(out, pair{p.Key, plainValue(p.Value)})
	}
	return out
}

func plainValue(v Value) any {
	switch v.Kind {
	case ValueScalar:
		return v.Text
	case ValueList:
		out := list{}
		for _, it := range v.Items {
			out = append(out, plainValue(it))
		}
		return out
	case ValueMap:
		return plain(v.Map)
	}
	return nil
}

// diffSpecial are whole blocks: aliases, duplicates, invalid YAML.
var diffSpecial = []struct {
	name string
	yaml string
	want obj // nil: invalid
}{
	{"alias to a scalar", "a: &x v\nb: *x\n", obj{{"a", "v"}, {"b", "v"}}},
	{"alias to a list", "a: &x [1, 2]\nb: *x\n", obj{{"a", list{"1", "2"}}, {"b", list{"1", "2"}}}},
	{"alias to a mapping", "a: &x {p: q}\nb: *x\n", obj{{"a", obj{{"p", "q"}}}, {"b", obj{{"p", "q"}}}}},
	{"alias as a key", "a: &k name\n*k : v\n", obj{{"a", "name"}, {"name", "v"}}},
	{"alias in a list", "a: &x v\nb: [*x, w]\n", obj{{"a", "v"}, {"b", list{"v", "w"}}}},
	{"anchor redefined", "a: &x 1\nb: &x 2\nc: *x\n", obj{{"a", "1"}, {"b", "2"}, {"c", "2"}}},
	{"unknown alias", "a: *nothing\n", nil},
	{"duplicate keeps the first", "a: 1\na: 2\n", obj{{"a", "1"}}},
	{"duplicate after others", "a: 1\nb: 2\na: 3\n", obj{{"a", "1"}, {"b", "2"}}},
	{"keys differ by case", "A: 1\na: 2\n", obj{{"A", "1"}, {"a", "2"}}},
	{"nested duplicate kept as written", "m:\n  x: 1\n  y: 2\n", obj{{"m", obj{{"x", "1"}, {"y", "2"}}}}},
	{"key:: fields", "date:: 2023-07-07\ntype:: network+\nsource:: \n", obj{{"date:", "2023-07-07"}, {"type:", "network+"}, {"source:", nil}}},
	{"quoted colon key", "\"date:\": 2023-07-07\n", obj{{"date:", "2023-07-07"}}},
	{"explicit key", "? k\n: v\n", obj{{"k", "v"}}},
	{"document end marker", "a: 1\n...\n", obj{{"a", "1"}}},
	{"comment lines", "# c\na: 1\n# d\n", obj{{"a", "1"}}},
	{"flow mapping at the top", "{a: 1, b: [x]}\n", obj{{"a", "1"}, {"b", list{"x"}}}},
	{"empty key", ": v\n", obj{{"", "v"}}},
	{"template braces", "date:: {{date}}\n", nil},
	{"colon in plain value", "title: a: b\n", nil},
	{"block list on the key line", "k: - a\n", nil},
	{"unclosed flow list", "tags: [a, b\nx: 1\n", nil},
	{"unclosed quote", "a: \"open\nb: 1\n", nil},
	{"tab indentation", "a:\n\tb: 1\n", nil},
	{"reserved indicator", "a: @x\n", nil},
	{"unquoted hash in flow list", "tags: [#a]\n", nil},
	{"a list at the top", "- a\n- b\n", nil},
	{"a scalar at the top", "just text\n", nil},
	{"bad indentation", "a: 1\n  b: 2\n", nil},
	{"list key", "[a]: 1\n", nil},
	{"tab before a comment", "a: 1\t# c\n", obj{{"a", "1"}}},
	{"byte order mark", "\ufeffa: 1\n", obj{{"a", "1"}}},
	{"windows newlines are normalised first", strings.ReplaceAll("a: 1\nb: 2\n", "\r\n", "\n"), obj{{"a", "1"}, {"b", "2"}}},
}
