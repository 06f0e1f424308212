package site

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestSplitFrontmatter(t *testing.T) {
	t.Parallel()
	type split struct {
		YAML      string
		YAMLOff   int
		BodyStart int
		OK        bool
	}
	tests := []struct {
		name string
		give string
		want split
	}{
		{name: "plain", give: "---\na: 1\n---\nbody\n", want: split{YAML: "a: 1\n", YAMLOff: 4, BodyStart: 13, OK: true}},
		{name: "several lines", give: "---\na: 1\nb: [x, y]\n---\n# H\n", want: split{YAML: "a: 1\nb: [x, y]\n", YAMLOff: 4, BodyStart: 23, OK: true}},
		{name: "empty block", give: "---\n---\nbody", want: split{YAML: "", YAMLOff: 4, BodyStart: 8, OK: true}},
		{name: "blank block", give: "---\n\n---\n", want: split{YAML: "\n", YAMLOff: 4, BodyStart: 9, OK: true}},
		{name: "no body", give: "---\na: 1\n---\n", want: split{YAML: "a: 1\n", YAMLOff: 4, BodyStart: 13, OK: true}},
		{name: "closing fence at EOF", give: "---\na: 1\n---", want: split{YAML: "a: 1\n", YAMLOff: 4, BodyStart: 12, OK: true}},
		{name: "trailing spaces on both fences", give: "--- \na: 1\n---  \nbody", want: split{YAML: "a: 1\n", YAMLOff: 5, BodyStart: 16, OK: true}},
		{name: "trailing tab", give: "---\t\na: 1\n---\t\nbody", want: split{YAML: "a: 1\n", YAMLOff: 5, BodyStart: 15, OK: true}},
		{name: "first closing fence ends it", give: "---\na: 1\n---\nb: 2\n---\n", want: split{YAML: "a: 1\n", YAMLOff: 4, BodyStart: 13, OK: true}},
		{name: "CRLF already normalised", give: normalizeString("---\r\na: 1\r\n---\r\nbody\r\n"), want: split{YAML: "a: 1\n", YAMLOff: 4, BodyStart: 13, OK: true}},

		{name: "no closing fence", give: "---\na: 1\nbody\n", want: split{}},
		{name: "no closing fence, no newline", give: "---\na: 1", want: split{}},
		{name: "only a fence", give: "---", want: split{}},
		{name: "only a fence and newline", give: "---\n", want: split{}},
		{name: "empty file", give: "", want: split{}},
		{name: "empty first line", give: "\n---\na: 1\n---\n", want: split{}},
		{name: "leading space", give: " ---\na: 1\n---\n", want: split{}},
		{name: "four dashes", give: "----\na: 1\n----\n", want: split{}},
		{name: "closing fence with text", give: "---\na: 1\n--- x\n", want: split{}},
		{name: "indented closing fence", give: "---\na: 1\n ---\n", want: split{}},
		{name: "dots do not close", give: "---\na: 1\n...\n", want: split{}},
		{name: "CR not normalised", give: "---\r\na: 1\r\n---\r\n", want: split{}},
		{name: "body only", give: "# Title\n---\n", want: split{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			text, off, body, ok := splitFrontmatter([]byte(tt.give))
			got := split{YAML: string(text), YAMLOff: off, BodyStart: body, OK: ok}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("splitFrontmatter(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
			if ok && tt.give[off:off+len(text)] != string(text) {
				t.Errorf("the YAML is not at its offset %d", off)
			}
		})
	}
}

func normalizeString(s string) string { return string(normalizeNewlines([]byte(s))) }

func TestNormalizeNewlines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give, want string
	}{
		{give: "a\nb", want: "a\nb"},
		{give: "a\r\nb\r\n", want: "a\nb\n"},
		{give: "a\rb\r", want: "a\nb\n"},
		{give: "a\r\r\nb", want: "a\n\nb"},
		{give: "", want: ""},
	}
	for _, tt := range tests {
		if got := normalizeString(tt.give); got != tt.want {
			t.Errorf("normalizeNewlines(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

// fm parses YAML that sits in a note right after a "---" on line 1.
func fm(yaml string) (Properties, Diagnostics) {
	var diags Diagnostics
	props := parseFrontmatter("n.md", []byte(yaml), 1, &diags)
	return props, diags
}

func boolPtr(b bool) *bool { return &b }

func TestParseFrontmatterProperties(t *testing.T) {
	t.Parallel()
	// The well-known fields; List is checked in other tests.
	ignoreList := cmp.FilterPath(func(p cmp.Path) bool { return p.String() == "List" }, cmp.Ignore())
	tests := []struct {
		name string
		give string
		want Properties
	}{
		{name: "empty", give: "", want: Properties{}},
		{name: "blank", give: "\n  \n", want: Properties{}},
		{name: "comment only", give: "# nothing\n", want: Properties{}},
		{name: "empty flow map", give: "{}\n", want: Properties{}},
		{name: "seed date:: is the key date:", give: "date:: 2023-07-07\ntype:: network+\n", want: Properties{}},
		{name: "aliases list", give: "aliases: [One, Two]\n", want: Properties{Aliases: []string{"One", "Two"}}},
		{name: "aliases block list", give: "aliases:\n  - One\n  - ''\n  - ~\n", want: Properties{Aliases: []string{"One"}}},
		{name: "aliases scalar", give: "aliases: File formats\n", want: Properties{Aliases: []string{"File formats"}}},
		{name: "aliases empty is null", give: "aliases:\n", want: Properties{}},
		{name: "alias singular", give: "alias: Old name\n", want: Properties{Aliases: []string{"Old name"}}},
		{name: "tags list", give: "tags: [a, b/c]\n", want: Properties{Tags: []string{"a", "b/c"}}},
		{name: "tags block list with #", give: "tags:\n  - one\n  - '#two'\n", want: Properties{Tags: []string{"one", "two"}}},
		{name: "tags: #a is a comment", give: "tags: #a\n", want: Properties{}},
		{name: "tags: foo #bar", give: "tags: foo #bar\n", want: Properties{Tags: []string{"foo"}}},
		{name: "tags string", give: "tags: a, b c\n", want: Properties{Tags: []string{"a", "b", "c"}}},
		{name: "tags quoted string with #", give: "tags: \"#a, #b\"\n", want: Properties{Tags: []string{"a", "b"}}},
		{name: "tag singular", give: "tag: x\n", want: Properties{Tags: []string{"x"}}},
		{name: "publish false", give: "publish: false\n", want: Properties{Publish: boolPtr(false)}},
		{name: "publish true", give: "publish: true\n", want: Properties{Publish: boolPtr(true)}},
		{name: "publish empty", give: "publish:\n", want: Properties{}},
		{name: "publish key case", give: "Publish: false\n", want: Properties{Publish: boolPtr(false)}},
		{name: "draft true", give: "draft: true\n", want: Properties{Draft: true}},
		{name: "draft false", give: "draft: false\n", want: Properties{}},
		{name: "cssclass singular", give: "cssclass: wide  cards\n", want: Properties{CSSClasses: []string{"wide", "cards"}}},
		{name: "cssclasses list", give: "cssclasses:\n  - soft-embed\n  - list-cards\n", want: Properties{CSSClasses: []string{"soft-embed", "list-cards"}}},
		{name: "text keys", give: "title: T\ndescription: D\npermalink: p/q\nimage: i.png\ncover: c.png\n",
			want: Properties{Title: "T", Description: "D", Permalink: "p/q", Image: "i.png"}},
		{name: "cover when no image", give: "cover: c.png\n", want: Properties{Image: "c.png"}},
		{name: "date", give: "date: 2023-07-07\ncreated: 2020-01-01\n", want: Properties{Date: "2023-07-07"}},
		{name: "created", give: "created: 2020-01-01\n", want: Properties{Date: "2020-01-01"}},
		{name: "date keeps its text", give: "date: 2023-13-45\n", want: Properties{Date: "2023-13-45"}},
		{name: "folded description", give: "description: >\n  folded\n  text\n", want: Properties{Description: "folded text\n"}},
		{name: "flow map", give: "{tags: [x], publish: false}\n", want: Properties{Tags: []string{"x"}, Publish: boolPtr(false)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, diags := fm(tt.give)
			if diff := cmp.Diff(tt.want, got, ignoreList); diff != "" {
				t.Errorf("parseFrontmatter(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
			if len(diags) != 0 {
				t.Errorf("parseFrontmatter(%q): unexpected diagnostics %v", tt.give, diags.strings())
			}
		})
	}
}

func (l Diagnostics) strings() []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func TestParseFrontmatterValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		give string
		want []Property
	}{
		{
			name: "seed date:: and type::",
			give: "date:: 2023-07-07\ntype:: network+\n",
			want: []Property{
				{Key: "date:", Value: Value{Kind: ValueScalar, Text: "2023-07-07", Line: 2}, Line: 2},
				{Key: "type:", Value: Value{Kind: ValueScalar, Text: "network+", Line: 3}, Line: 3},
			},
		},
		{
			name: "empty key:: is null",
			give: "source:: \n",
			want: []Property{{Key: "source:", Value: Value{Line: 2}, Line: 2}},
		},
		{
			name: "empty aliases is null",
			give: "aliases:\ntags: #a\n",
			want: []Property{
				{Key: "aliases", Value: Value{Kind: ValueNull, Line: 2}, Line: 2},
				{Key: "tags", Value: Value{Kind: ValueNull, Line: 3}, Line: 3},
			},
		},
		{
			name: "yes stays text",
			give: "publish: yes\nn: 010\non: off\n",
			want: []Property{
				{Key: "publish", Value: Value{Kind: ValueScalar, Text: "yes", Line: 2}, Line: 2},
				{Key: "n", Value: Value{Kind: ValueScalar, Text: "010", Line: 3}, Line: 3},
				{Key: "on", Value: Value{Kind: ValueScalar, Text: "off", Line: 4}, Line: 4},
			},
		},
		{
			name: "quoted link",
			give: "up: \"[[Note]]\"\nside: '[[Other|x]]'\nplain: Note\n",
			want: []Property{
				{Key: "up", Value: Value{Kind: ValueScalar, Text: "[[Note]]", Quoted: true, Line: 2}, Line: 2},
				{Key: "side", Value: Value{Kind: ValueScalar, Text: "[[Other|x]]", Quoted: true, Line: 3}, Line: 3},
				{Key: "plain", Value: Value{Kind: ValueScalar, Text: "Note", Line: 4}, Line: 4},
			},
		},
		{
			name: "unquoted [[Note]] is a nested list",
			give: "k: [[Note]]\n",
			want: []Property{{Key: "k", Line: 2, Value: Value{Kind: ValueList, Line: 2, Items: []Value{
				{Kind: ValueList, Line: 2, Items: []Value{{Kind: ValueScalar, Text: "Note", Line: 2}}},
			}}}},
		},
		{
			name: "quoted link in a list",
			give: "related:\n  - \"[[A]]\"\n  - B\n",
			want: []Property{{Key: "related", Line: 2, Value: Value{Kind: ValueList, Line: 3, Items: []Value{
				{Kind: ValueScalar, Text: "[[A]]", Quoted: true, Line: 3},
				{Kind: ValueScalar, Text: "B", Line: 4},
			}}}},
		},
		{
			name: "nested map",
			give: "a:\n  b: 1\n  c: [x]\n",
			want: []Property{{Key: "a", Line: 2, Value: Value{Kind: ValueMap, Line: 3, Map: []Property{
				{Key: "b", Value: Value{Kind: ValueScalar, Text: "1", Line: 3}, Line: 3},
				{Key: "c", Value: Value{Kind: ValueList, Line: 4, Items: []Value{{Kind: ValueScalar, Text: "x", Line: 4}}}, Line: 4},
			}}}},
		},
		{
			name: "quoted key",
			give: "\"date:\": 2023-07-07\n",
			want: []Property{{Key: "date:", Value: Value{Kind: ValueScalar, Text: "2023-07-07", Line: 2}, Line: 2}},
		},
		{
			name: "source order kept",
			give: "z: 1\na: 2\nm: 3\n",
			want: []Property{
				{Key: "z", Value: Value{Kind: ValueScalar, Text: "1", Line: 2}, Line: 2},
				{Key: "a", Value: Value{Kind: ValueScalar, Text: "2", Line: 3}, Line: 3},
				{Key: "m", Value: Value{Kind: ValueScalar, Text: "3", Line: 4}, Line: 4},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, diags := fm(tt.give)
			// Columns are checked by the differential test.
			noCols := cmpopts.IgnoreFields(Value{}, "Col")
			if diff := cmp.Diff(tt.want, got.List, noCols, cmpopts.IgnoreFields(Property{}, "Col")); diff != "" {
				t.Errorf("parseFrontmatter(%q).List mismatch (-want +got):\n%s", tt.give, diff)
			}
			if len(diags) != 0 {
				t.Errorf("parseFrontmatter(%q): unexpected diagnostics %v", tt.give, diags.strings())
			}
		})
	}
}

func TestParseFrontmatterSeedHasNoDate(t *testing.T) {
	t.Parallel()
	got, _ := fm("date:: 2023-07-07\ntype:: network+\naliases:: ports\n")
	if got.Date != "" || len(got.Aliases) != 0 {
		t.Errorf("key:: lines set Date %q and Aliases %q; want neither (SPEC §7.4)", got.Date, got.Aliases)
	}
}

func TestParseFrontmatterDiagnostics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		give      string
		wantDiags []Diagnostic // Msg is checked only for its code and position
		wantKeys  []string
	}{
		{
			// Reported where the unclosed sequence starts: the YAML's
			// line 1 is the file's line 2.
			name:      "broken flow list",
			give:      "tags: [a, b\nx: 1\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 2, Col: 7}, Severity: Warning, Code: "invalid-frontmatter"}},
		},
		{
			name:      "colon in plain value",
			give:      "ok: 1\ntitle: café: x\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 3, Col: 12}, Severity: Warning, Code: "invalid-frontmatter"}},
		},
		{
			name:      "column counts characters",
			give:      "é: é: x\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 2, Col: 5}, Severity: Warning, Code: "invalid-frontmatter"}},
		},
		{
			name:      "template placeholder",
			give:      "title: x\ndate:: {{date}}\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 3, Col: 9}, Severity: Warning, Code: "invalid-frontmatter"}},
		},
		{
			name:      "tags: [#a]",
			give:      "tags: [#a]\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 2, Col: 8}, Severity: Warning, Code: "invalid-frontmatter"}},
		},
		{
			name:      "a list is not a mapping",
			give:      "- a\n- b\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 2, Col: 1}, Severity: Warning, Code: "invalid-frontmatter"}},
		},
		{
			name:      "a scalar is not a mapping",
			give:      "just text\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 2, Col: 1}, Severity: Warning, Code: "invalid-frontmatter"}},
		},
		{
			name: "duplicate keys keep the first",
			give: "a: 1\nb: 2\na: 3\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 4, Col: 1}, Severity: Warning, Code: "duplicate-key",
				Msg: `duplicate property "a"; the first value is kept`}},
			wantKeys: []string{"a=1", "b=2"},
		},
		{
			name: "each duplicate reported",
			give: "x: 1\nx: 2\nx: 3\n",
			wantDiags: []Diagnostic{
				{Pos: Pos{Path: "n.md", Line: 3, Col: 1}, Severity: Warning, Code: "duplicate-key", Msg: `duplicate property "x"; the first value is kept`},
				{Pos: Pos{Path: "n.md", Line: 4, Col: 1}, Severity: Warning, Code: "duplicate-key", Msg: `duplicate property "x"; the first value is kept`},
			},
			wantKeys: []string{"x=1"},
		},
		{
			name: "duplicate publish keeps the first",
			give: "publish: false\npublish: true\n",
			wantDiags: []Diagnostic{{Pos: Pos{Path: "n.md", Line: 3, Col: 1}, Severity: Warning, Code: "duplicate-key",
				Msg: `duplicate property "publish"; the first value is kept`}},
			wantKeys: []string{"publish=false"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			props, diags := fm(tt.give)
			got := make([]Diagnostic, len(diags))
			for i, d := range diags {
				got[i] = d
				if tt.wantDiags[min(i, len(tt.wantDiags)-1)].Msg == "" {
					got[i].Msg = ""
				}
			}
			if diff := cmp.Diff(tt.wantDiags, got); diff != "" {
				t.Errorf("parseFrontmatter(%q) diagnostics mismatch (-want +got):\n%s\nall: %v", tt.give, diff, diags.strings())
			}
			var keys []string
			for _, p := range props.List {
				keys = append(keys, p.Key+"="+p.Value.String())
			}
			if diff := cmp.Diff(tt.wantKeys, keys); diff != "" {
				t.Errorf("parseFrontmatter(%q) keys mismatch (-want +got):\n%s", tt.give, diff)
			}
			if tt.wantKeys == nil && props.Publish != nil {
				t.Errorf("invalid frontmatter set Publish")
			}
		})
	}
}

func TestParseFrontmatterInvalidMessage(t *testing.T) {
	t.Parallel()
	_, diags := fm("tags: [a, b\nx: 1\n")
	if len(diags) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %v", len(diags), diags.strings())
	}
	want := "n.md:2:7: warning: invalid frontmatter: did not find expected ',' or ']' for the flow sequence that starts here (seen at line 3); the note gets no properties (invalid-frontmatter)"
	if got := diags[0].String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestValueStrings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give       Value
		wantList   []string
		wantString string
	}{
		{give: Value{}, wantList: nil, wantString: ""},
		{give: Value{Kind: ValueScalar, Text: "a"}, wantList: []string{"a"}, wantString: "a"},
		{
			give:       Value{Kind: ValueList, Items: []Value{{Kind: ValueScalar, Text: "a"}, {Kind: ValueList, Items: []Value{{Kind: ValueScalar, Text: "b"}}}, {}}},
			wantList:   []string{"a", "b"},
			wantString: "a, b, ",
		},
		{
			give:       Value{Kind: ValueMap, Map: []Property{{Key: "k", Value: Value{Kind: ValueScalar, Text: "v"}}}},
			wantList:   nil,
			wantString: "k: v",
		},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.wantList, tt.give.Strings()); diff != "" {
			t.Errorf("%+v.Strings() mismatch (-want +got):\n%s", tt.give, diff)
		}
		if got := tt.give.String(); got != tt.wantString {
			t.Errorf("%+v.String() = %q, want %q", tt.give, got, tt.wantString)
		}
	}
}
