package links

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

type resolveCase struct {
	name string
	from string
	give string
	want result
}

func runResolve(t *testing.T, v *site.Vault, tests []resolveCase) {
	t.Helper()
	g := NewGraph(v)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := v.Note(site.VaultPath(tt.from))
			if src == nil {
				src = from(tt.from)
			}
			got := reduce(g.Resolve(src, tt.give))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Resolve(%q, %q) mismatch (-want +got):\n%s", tt.from, tt.give, diff)
			}
		})
	}
}

// TestResolveSPECVault replays SPEC §3.1's measurements: Note.md,
// zzzz/Note.md and a/b/Note.md, later b/Note.md and aaaaaaaa/Note.md.
func TestResolveSPECVault(t *testing.T) {
	t.Parallel()
	all := []string{"Note.md", "zzzz/Note.md", "a/b/Note.md", "b/Note.md", "aaaaaaaa/Note.md"}
	t.Run("with root Note.md", func(t *testing.T) {
		t.Parallel()
		runResolve(t, testVault(all...), []resolveCase{
			{name: "root", from: "src.md", give: "Note", want: result{Path: "Note.md", Step: StepExact}},
			{name: "exact beats own folder", from: "a/b/src.md", give: "Note", want: result{Path: "Note.md", Step: StepExact}},
			{name: "from zzzz", from: "zzzz/src.md", give: "Note", want: result{Path: "Note.md", Step: StepExact}},
			{name: "b/Note exact beats a/b", from: "a/b/src.md", give: "b/Note", want: result{Path: "b/Note.md", Step: StepExact}},
			{name: "with .md", from: "a/b/src.md", give: "Note.md", want: result{Path: "Note.md", Step: StepExact}},
		})
	})
	t.Run("without root Note.md", func(t *testing.T) {
		t.Parallel()
		cands := func(first ...site.VaultPath) []site.VaultPath { return first }
		runResolve(t, testVault(all[1:]...), []resolveCase{
			{name: "own folder beats shorter", from: "zzzz/src.md", give: "Note", want: result{
				Path: "zzzz/Note.md", Step: StepOwnFolder, Ambiguous: true,
				Candidates: cands("zzzz/Note.md", "b/Note.md", "a/b/Note.md", "aaaaaaaa/Note.md"),
			}},
			{name: "own folder a/b", from: "a/b/src.md", give: "Note", want: result{
				Path: "a/b/Note.md", Step: StepOwnFolder, Ambiguous: true,
				Candidates: cands("a/b/Note.md", "b/Note.md", "zzzz/Note.md", "aaaaaaaa/Note.md"),
			}},
			{name: "parent folder earns nothing", from: "zzzz/deep/src.md", give: "Note", want: result{
				Path: "b/Note.md", Step: StepShortest, Ambiguous: true,
				Candidates: cands("b/Note.md", "a/b/Note.md", "zzzz/Note.md", "aaaaaaaa/Note.md"),
			}},
			{name: "root source has no own candidate", from: "src.md", give: "Note", want: result{
				Path: "b/Note.md", Step: StepShortest, Ambiguous: true,
				Candidates: cands("b/Note.md", "a/b/Note.md", "zzzz/Note.md", "aaaaaaaa/Note.md"),
			}},
			{name: "suffix b/Note has two", from: "zzzz/src.md", give: "b/Note", want: result{
				Path: "b/Note.md", Step: StepExact,
			}},
		})
	})
	t.Run("three files", func(t *testing.T) {
		t.Parallel()
		runResolve(t, testVault("zzzz/Note.md", "a/b/Note.md"), []resolveCase{
			{name: "characters not folders", from: "src.md", give: "Note", want: result{
				Path: "a/b/Note.md", Step: StepShortest, Ambiguous: true,
				Candidates: []site.VaultPath{"a/b/Note.md", "zzzz/Note.md"},
			}},
			{name: "path suffix", from: "src.md", give: "b/Note", want: result{Path: "a/b/Note.md", Step: StepSuffix}},
			{name: "suffix with .md", from: "src.md", give: "b/Note.md", want: result{Path: "a/b/Note.md", Step: StepSuffix}},
			{name: "suffix case", from: "src.md", give: "B/note", want: result{Path: "a/b/Note.md", Step: StepSuffix, CaseOnly: true}},
		})
	})
}

func TestResolveRules(t *testing.T) {
	t.Parallel()
	const nfd = "Cafe\u0301" // "Café" with a combining accent
	v := testVault(
		"ab/Note.md", "bb/Tie.md", "aa/Tie.md", "y.md", "a/x.md", "a/sib.md",
		"Ext.md", "Plugins/Graph view.md", "dash/dashboard.canvas", "dash/dashboard.base", "board.canvas",
		"Sub/My Note.md", "Attachments/bases-noshadow.png", "Figure 1.png", "deep/er/Figure 1.png",
		nfd+".md", "Résumé/Été.md", "x/Case.md", "x/case.md", "X/CASE.md",
		".obsidian/hidden.md", ".trash/Gone.md", "Bare", "Bare.md",
		"éé/U.md", "abc/U.md", "😀😀/W.md", "abc/W.md", "A/Mixed.md", "b/mixed.md",
	)
	v.Note("y.md").Props.Aliases = []string{"AL", "Why"}
	runResolve(t, v, []resolveCase{
		{name: "self", from: "a/x.md", give: "", want: result{Path: "a/x.md", Step: StepSelf}},
		{name: "self blank", from: "a/x.md", give: "  ", want: result{Path: "a/x.md", Step: StepSelf}},
		{name: "trimmed", from: "a/x.md", give: " y ", want: result{Path: "y.md", Step: StepExact}},
		{name: "component-wise suffix", from: "a/x.md", give: "b/Note", want: result{}},
		{name: "whole name only", from: "a/x.md", give: "ote", want: result{}},
		{name: "tie by length is lexical", from: "y.md", give: "Tie", want: result{
			Path: "aa/Tie.md", Step: StepShortest, Ambiguous: true, Candidates: []site.VaultPath{"aa/Tie.md", "bb/Tie.md"},
		}},
		{name: "dot-dot", from: "a/x.md", give: "../y", want: result{Path: "y.md", Step: StepRelative}},
		{name: "dot-dot .md", from: "a/x.md", give: "../y.md", want: result{Path: "y.md", Step: StepRelative}},
		{name: "dot", from: "a/x.md", give: "./sib", want: result{Path: "a/sib.md", Step: StepRelative}},
		{name: "dot folded", from: "a/x.md", give: "./SIB", want: result{Path: "a/sib.md", Step: StepRelative, CaseOnly: true}},
		{name: "dot-dot across", from: "a/x.md", give: "../Sub/My Note", want: result{Path: "Sub/My Note.md", Step: StepRelative}},
		{name: "relative is never by name", from: "a/x.md", give: "./y", want: result{}},
		{name: "leaves the vault", from: "a/x.md", give: "../../y", want: result{}},
		{name: "relative folder", from: "a/x.md", give: "../a/", want: result{}},
		{name: "relative dot-dot only", from: "a/x.md", give: "..", want: result{}},
		{name: "aliases never resolve", from: "a/x.md", give: "AL", want: result{}},
		{name: "md implied for notes only", from: "a/x.md", give: "dashboard", want: result{}},
		{name: "canvas by full name", from: "a/x.md", give: "dashboard.canvas", want: result{Path: "dash/dashboard.canvas", Step: StepSuffix}},
		{name: "canvas not at root", from: "a/x.md", give: "board", want: result{}},
		{name: "Ext.MD", from: "a/x.md", give: "Ext.MD", want: result{Path: "Ext.md", Step: StepExact, CaseOnly: true}},
		{name: "case-only name", from: "a/x.md", give: "Graph View", want: result{Path: "Plugins/Graph view.md", Step: StepSuffix, CaseOnly: true}},
		{name: "markdown link from root", from: "root.md", give: "My Note.md", want: result{Path: "Sub/My Note.md", Step: StepSuffix}},
		{name: "markdown link full path", from: "root.md", give: "Sub/My Note.md", want: result{Path: "Sub/My Note.md", Step: StepExact}},
		{name: "markdown link not relative", from: "Sub/x.md", give: "Sub/My Note.md", want: result{Path: "Sub/My Note.md", Step: StepExact}},
		{name: "image by bare name", from: "a/x.md", give: "bases-noshadow.png", want: result{Path: "Attachments/bases-noshadow.png", Step: StepSuffix}},
		{name: "asset exact at root", from: "a/x.md", give: "Figure 1.png", want: result{Path: "Figure 1.png", Step: StepExact}},
		{name: "NFC link, NFD file", from: "a/x.md", give: "Café", want: result{Path: nfd + ".md", Step: StepExact}},
		{name: "NFD link, NFD file", from: "a/x.md", give: nfd, want: result{Path: nfd + ".md", Step: StepExact}},
		{name: "NFD link, NFC file", from: "a/x.md", give: "E\u0301te\u0301", want: result{Path: "Résumé/Été.md", Step: StepSuffix}},
		{name: "non-ASCII folding", from: "a/x.md", give: "RÉSUMÉ/été", want: result{Path: "Résumé/Été.md", Step: StepExact, CaseOnly: true}},
		{name: "exact case preferred", from: "a/x.md", give: "x/case", want: result{Path: "x/case.md", Step: StepExact}},
		{name: "case variants", from: "a/x.md", give: "x/CasE", want: result{
			Path: "X/CASE.md", Step: StepExact, Ambiguous: true, CaseOnly: true,
			Candidates: []site.VaultPath{"X/CASE.md", "x/Case.md", "x/case.md"},
		}},
		{name: "case variants by name prefer exact case", from: "a/x.md", give: "CASE", want: result{
			Path: "X/CASE.md", Step: StepShortest, Ambiguous: true,
			Candidates: []site.VaultPath{"X/CASE.md", "x/Case.md", "x/case.md"},
		}},
		{name: "exact case beats lexical", from: "y.md", give: "mixed", want: result{
			Path: "b/mixed.md", Step: StepShortest, Ambiguous: true, Candidates: []site.VaultPath{"b/mixed.md", "A/Mixed.md"},
		}},
		{name: "hidden not indexed", from: "a/x.md", give: ".obsidian/hidden", want: result{}},
		{name: "hidden not by name", from: "a/x.md", give: "Gone", want: result{}},
		{name: "p before p.md", from: "a/x.md", give: "Bare", want: result{Path: "Bare", Step: StepExact}},
		{name: "UTF-16 length", from: "a/x.md", give: "U", want: result{
			Path: "éé/U.md", Step: StepShortest, Ambiguous: true, Candidates: []site.VaultPath{"éé/U.md", "abc/U.md"},
		}},
		{name: "surrogate pairs count twice", from: "a/x.md", give: "W", want: result{
			Path: "abc/W.md", Step: StepShortest, Ambiguous: true, Candidates: []site.VaultPath{"abc/W.md", "😀😀/W.md"},
		}},
		{name: "rooted exact", from: "a/x.md", give: "/Sub/My Note.md", want: result{Path: "Sub/My Note.md", Step: StepExact}},
		{name: "rooted without .md", from: "a/x.md", give: "/Sub/My Note", want: result{Path: "Sub/My Note.md", Step: StepExact}},
		{name: "rooted never by name", from: "a/x.md", give: "/My Note", want: result{}},
		{name: "slash alone", from: "a/x.md", give: "/", want: result{}},
		{name: "trailing slash", from: "a/x.md", give: "Sub/", want: result{}},
		{name: "unresolved", from: "a/x.md", give: "Example", want: result{}},
	})
}

func TestResolveNilSource(t *testing.T) {
	t.Parallel()
	g := NewGraph(testVault("a/Note.md", "b/Note.md"))
	tests := []struct {
		give string
		want result
	}{
		{give: "", want: result{}},
		{give: "Note", want: result{
			Path: "a/Note.md", Step: StepShortest, Ambiguous: true, Candidates: []site.VaultPath{"a/Note.md", "b/Note.md"},
		}},
		{give: "./a/Note", want: result{Path: "a/Note.md", Step: StepRelative}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, reduce(g.Resolve(nil, tt.give))); diff != "" {
			t.Errorf("Resolve(nil, %q) mismatch (-want +got):\n%s", tt.give, diff)
		}
	}
}

// TestResolveIgnoresPublishing: excluded and unpublished files still
// resolve (SPEC §3.1).
func TestResolveIgnoresPublishing(t *testing.T) {
	t.Parallel()
	v := testVault("Templates/Daily.md", "draft.md")
	v.Note("Templates/Daily.md").Published = false
	v.Note("draft.md").Published = false
	g := NewGraph(v)
	for _, give := range []string{"Daily", "draft"} {
		if r := g.Resolve(nil, give); !r.Target.Found() {
			t.Errorf("Resolve(%q) found nothing, want the unpublished note", give)
		}
	}
}

func TestResolveDoesNotAllocate(t *testing.T) {
	g := NewGraph(testVault("Plugins/Graph view.md", "Note.md", "a/Note.md"))
	src := g.v.Note("Note.md")
	for _, give := range []string{"Graph View", "Note", "plugins/graph view.md", ""} {
		if n := testing.AllocsPerRun(100, func() { g.Resolve(src, give) }); n != 0 {
			t.Errorf("Resolve(%q) allocates %v times", give, n)
		}
	}
}

func TestStepString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give Step
		want string
	}{
		{StepNone, "none"}, {StepSelf, "self"}, {StepExact, "exact"}, {StepRelative, "relative"},
		{StepSuffix, "suffix"}, {StepOwnFolder, "own-folder"}, {StepShortest, "shortest"}, {Step(42), "Step(42)"},
	}
	for _, tt := range tests {
		if got := tt.give.String(); got != tt.want {
			t.Errorf("Step(%d).String() = %q, want %q", int(tt.give), got, tt.want)
		}
	}
}
