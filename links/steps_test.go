package links

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// stepVault serves the tests of the single steps.
var stepVault = testVault("Note.md", "Note", "a/Note.md", "a/b/Note.md", "a/b/x.md", "A/Up.md", "a/up.md", "pic.png")

func TestExactStep(t *testing.T) {
	t.Parallel()
	g := NewGraph(stepVault)
	tests := []struct {
		give string
		want result
		ok   bool
	}{
		{give: "Note", want: result{Path: "Note", Step: StepExact}, ok: true},
		{give: "Note.md", want: result{Path: "Note.md", Step: StepExact}, ok: true},
		{give: "NOTE.md", want: result{Path: "Note.md", Step: StepExact, CaseOnly: true}, ok: true},
		{give: "a/b/Note", want: result{Path: "a/b/Note.md", Step: StepExact}, ok: true},
		{give: "a/up", want: result{Path: "a/up.md", Step: StepExact}, ok: true},
		{give: "A/UP", want: result{
			Path: "A/Up.md", Step: StepExact, CaseOnly: true, Ambiguous: true, Candidates: []site.VaultPath{"A/Up.md", "a/up.md"},
		}, ok: true},
		{give: "pic.png", want: result{Path: "pic.png", Step: StepExact}, ok: true},
		{give: "pic", ok: false},
		{give: "b/Note", ok: false},
	}
	for _, tt := range tests {
		lk := g.lookup(tt.give, nil)
		r, _, ok := g.exact(&lk, StepExact)
		if diff := cmp.Diff(tt.want, reduce(r)); diff != "" || ok != tt.ok {
			t.Errorf("exact(%q) = _, %v, want %v; mismatch (-want +got):\n%s", tt.give, ok, tt.ok, diff)
		}
	}
}

func TestRelativeStep(t *testing.T) {
	t.Parallel()
	g := NewGraph(stepVault)
	tests := []struct {
		from, give string
		want       result
	}{
		{from: "a/b/x.md", give: "./Note", want: result{Path: "a/b/Note.md", Step: StepRelative}},
		{from: "a/b/x.md", give: "../Note.md", want: result{Path: "a/Note.md", Step: StepRelative}},
		{from: "a/b/x.md", give: "../../Note", want: result{Path: "Note", Step: StepRelative}},
		{from: "a/b/x.md", give: "../../a/./b/../b/x", want: result{Path: "a/b/x.md", Step: StepRelative}},
		{from: "a/b/x.md", give: "../../../Note", want: result{}},
		{from: "a/b/x.md", give: "./", want: result{}},
		{from: "a/b/x.md", give: "../.", want: result{}},
		{from: "x.md", give: "./pic.png", want: result{Path: "pic.png", Step: StepRelative}},
		{from: "x.md", give: "./b/Note", want: result{}},
	}
	for _, tt := range tests {
		r, _ := g.relative(from(tt.from), tt.give)
		if diff := cmp.Diff(tt.want, reduce(r)); diff != "" {
			t.Errorf("relative(%q, %q) mismatch (-want +got):\n%s", tt.from, tt.give, diff)
		}
	}
}

func TestSuffixStep(t *testing.T) {
	t.Parallel()
	g := NewGraph(testVault("z/Note.md", "a/b/Note.md", "ab/Note.md", "b/Note.png", "k/Note", "own/Note.md", "q/Up.md", "w/up.md"))
	tests := []struct {
		from, give string
		want       result
	}{
		{from: "x.md", give: "b/Note", want: result{Path: "a/b/Note.md", Step: StepSuffix}},
		{from: "x.md", give: "b/Note.png", want: result{Path: "b/Note.png", Step: StepSuffix}},
		{from: "x.md", give: "k/Note", want: result{Path: "k/Note", Step: StepSuffix}},
		{from: "x.md", give: "Note", want: result{
			Path: "k/Note", Step: StepShortest, Ambiguous: true,
			Candidates: []site.VaultPath{"k/Note", "z/Note.md", "ab/Note.md", "a/b/Note.md", "own/Note.md"},
		}},
		{from: "own/x.md", give: "Note", want: result{
			Path: "own/Note.md", Step: StepOwnFolder, Ambiguous: true,
			Candidates: []site.VaultPath{"own/Note.md", "k/Note", "z/Note.md", "ab/Note.md", "a/b/Note.md"},
		}},
		{from: "x.md", give: "UP", want: result{
			Path: "q/Up.md", Step: StepShortest, Ambiguous: true, CaseOnly: true, Candidates: []site.VaultPath{"q/Up.md", "w/up.md"},
		}},
		{from: "x.md", give: "Up", want: result{
			Path: "q/Up.md", Step: StepShortest, Ambiguous: true, Candidates: []site.VaultPath{"q/Up.md", "w/up.md"},
		}},
		{from: "x.md", give: "up", want: result{
			Path: "w/up.md", Step: StepShortest, Ambiguous: true, Candidates: []site.VaultPath{"w/up.md", "q/Up.md"},
		}},
		{from: "x.md", give: "c/Note", want: result{}},
		{from: "x.md", give: "Note.png.md", want: result{}},
	}
	for _, tt := range tests {
		lk := g.lookup(tt.give, nil)
		r, _ := g.suffix(from(tt.from), &lk)
		got := reduce(r)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("suffix(%q, %q) mismatch (-want +got):\n%s", tt.from, tt.give, diff)
		}
	}
}

func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool // a and b fold alike
	}{
		{a: "Plugins/Graph View.MD", b: "plugins/graph view.md", want: true},
		{a: "ÉTÉ", b: "été", want: true},
		{a: "\u212A", b: "k", want: true},        // Kelvin sign
		{a: "\u017F", b: "S", want: true},        // long s
		{a: "ΣΑΣ", b: "σας", want: true},         // final sigma
		{a: "Ǆ", b: "ǅ", want: true},             // title case
		{a: "straße", b: "STRASSE", want: false}, // simple folding only
		{a: "İ", b: "i", want: false},            // its own orbit
		{a: "é", b: "e", want: false},
	}
	for _, tt := range tests {
		fa, fb := string(appendFold(nil, tt.a)), string(appendFold(nil, tt.b))
		if got := fa == fb; got != tt.want {
			t.Errorf("fold(%q) = %q, fold(%q) = %q; equal = %v, want %v", tt.a, fa, tt.b, fb, got, tt.want)
		}
		if got := strings.EqualFold(tt.a, tt.b); got != tt.want {
			t.Errorf("strings.EqualFold(%q, %q) = %v; the test expects %v", tt.a, tt.b, got, tt.want)
		}
	}
	if got := string(appendFold(nil, "A/Note ÀB.MD")); got != "a/note "+string(appendFold(nil, "à"))+"b.md" {
		t.Errorf("fold keeps ASCII lower-case: got %q", got)
	}
}

func TestHasPathSuffix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s, q string
		want bool
	}{
		{"a/b/note.md", "b/note.md", true},
		{"a/b/note.md", "a/b/note.md", true},
		{"ab/note.md", "b/note.md", false},
		{"note.md", "a/note.md", false},
		{"a/note.md", "note.md", true},
		{"a/xnote.md", "note.md", false},
	}
	for _, tt := range tests {
		if got := hasPathSuffix(tt.s, []byte(tt.q)); got != tt.want {
			t.Errorf("hasPathSuffix(%q, %q) = %v, want %v", tt.s, tt.q, got, tt.want)
		}
	}
}

func TestSameCase(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path, p       string
		implied, want bool
		suffix        bool
	}{
		{path: "a/Note.md", p: "a/Note", implied: true, want: true},
		{path: "a/Note.MD", p: "a/Note", implied: true, want: true},
		{path: "a/Note.md", p: "a/note", implied: true, want: false},
		{path: "a/Note.md", p: "a/Note.md", want: true},
		{path: "a/Note.md", p: "a/Note.MD", want: false},
		{path: "x/a/Note.md", p: "a/Note", implied: true, want: true, suffix: true},
		{path: "xa/Note.md", p: "a/Note", implied: true, want: false, suffix: true},
		{path: "x/A/Note.md", p: "a/Note", implied: true, want: false, suffix: true},
		{path: "x/a/Note.png", p: "Note.png", want: true, suffix: true},
	}
	for _, tt := range tests {
		f := sameCase
		if tt.suffix {
			f = sameCaseSuffix
		}
		if got := f(tt.path, tt.p, tt.implied); got != tt.want {
			t.Errorf("sameCase(%q, %q, %v) [suffix %v] = %v, want %v", tt.path, tt.p, tt.implied, tt.suffix, got, tt.want)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give string
		want int
	}{
		{"", 0}, {"a/b.md", 6}, {"é", 1}, {"日本", 2}, {"😀", 2}, {"a😀b", 4},
	}
	for _, tt := range tests {
		if got := utf16Len(tt.give); got != tt.want {
			t.Errorf("utf16Len(%q) = %d, want %d", tt.give, got, tt.want)
		}
	}
}

func TestHiddenFilesLeftOut(t *testing.T) {
	t.Parallel()
	g := NewGraph(testVault(".obsidian/a.md", "x/.trash/b.md", "ok.md", "x/.hidden.png"))
	var got []string
	for _, f := range g.files {
		got = append(got, f.path)
	}
	if diff := cmp.Diff([]string{"ok.md"}, got); diff != "" {
		t.Errorf("indexed files mismatch (-want +got):\n%s", diff)
	}
}
