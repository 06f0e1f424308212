package links

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// stripHeading returns s as SPEC §9.2's stripHeading leaves it, folded.
func stripHeading(s string) string {
	var b strings.Builder
	it := stripper{s: nfc(s)}
	for r, ok := it.next(); ok; r, ok = it.next() {
		b.WriteRune(r)
	}
	return b.String()
}

func TestStripHeading(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give, want string
	}{
		{give: "Property", want: "property"},
		{give: "`move`", want: "move"},
		{give: "`hasTag()`", want: "hastag"},
		{give: "  Port types ", want: "port types"},
		{give: "Ports ([[TCP]])", want: "ports tcp"},
		{give: "a:b#c|d^e\\f", want: "a b c d e f"},
		{give: "!\"#$%&()*+,.:;<=>?@^`{|}~/[]\\", want: ""},
		{give: "one\r\ntwo\n\tthree", want: "one two three"},
		{give: "what's new - 1_0", want: "what's new - 1_0"}, // ' - _ are kept
		{give: "ÉTÉ", want: string(appendFold(nil, "été"))},
		{give: "E\u0301te\u0301", want: string(appendFold(nil, "été"))}, // NFD
	}
	for _, tt := range tests {
		if got := stripHeading(tt.give); got != tt.want {
			t.Errorf("stripHeading(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

// helpNote has the headings SPEC §9.2 and §12.2 cite, in one note.
func helpNote() *site.Note {
	hs := []site.Heading{
		{Level: 1, Text: "Help and support"},                 // 0
		{Level: 2, Text: "Property"},                         // 1
		{Level: 2, Text: "Questions and advice"},             // 2
		{Level: 3, Text: "Report bugs and request features"}, // 3
		{Level: 2, Text: "Other"},                            // 4
		{Level: 3, Text: "Report bugs and request features"}, // 5
		{Level: 3, Text: "`move`"},                           // 6
		{Level: 3, Text: "`hasTag()`"},                       // 7
		{Level: 2, Text: "Ports ([[TCP]])"},                  // 8
		{Level: 2, Text: "Setup"},                            // 9
		{Level: 4, Text: "Deep"},                             // 10
		{Level: 2, Text: "setup"},                            // 11
		{Level: 3, Text: "Deep"},                             // 12
	}
	for i := range hs {
		hs[i].Offset = i * 100
	}
	return &site.Note{Path: "Help and support.md", Headings: hs}
}

func TestHeading(t *testing.T) {
	t.Parallel()
	n := helpNote()
	g := NewGraph(testVault())
	tests := []struct {
		give string
		want int // index in n.Headings, -1 for none
	}{
		{give: "property", want: 1},
		{give: "`move`", want: 6},
		{give: "move", want: 6},
		{give: "hasTag", want: 7},
		{give: "hasTag()", want: 7},
		{give: " Port types ", want: -1},
		{give: "Ports TCP", want: 8},
		{give: "ports ([[tcp]])", want: 8},
		{give: "Questions and advice#Report bugs and request features", want: 3},
		{give: "Other#Report bugs and request features", want: 5},
		{give: "Help and support#Other#Report bugs and request features", want: 5},
		{give: " Other # Report bugs and request features ", want: 5},
		{give: "Report bugs and request features", want: 3},
		{give: "Other#Questions and advice", want: -1},             // must come after
		{give: "Questions and advice#Other", want: -1},             // must be deeper
		{give: "Report bugs and request features#Other", want: -1}, // must be deeper
		{give: "Setup", want: 9},                                   // the first duplicate wins
		{give: "Setup#Deep", want: 10},
		{give: "Other#Deep", want: 10}, // deeper and later is enough
		{give: "Deep#Deep", want: -1},  // the second Deep (3) is not deeper than the first (4)
		{give: "Help and support##Property", want: 1},
		{give: "Missing#Property", want: -1},
		{give: "Property#Missing", want: -1},
		{give: "", want: -1},
		{give: "#", want: -1},
		{give: "?", want: -1},
	}
	for _, tt := range tests {
		h, ok := g.Heading(n, tt.give)
		got := -1
		if ok {
			got = h.Offset / 100
		}
		if got != tt.want || ok != (h != nil) {
			t.Errorf("Heading(%q) = heading %d (%v), want %d", tt.give, got, ok, tt.want)
		}
	}
}

func TestBlock(t *testing.T) {
	t.Parallel()
	n := &site.Note{Path: "n.md", Blocks: []site.Block{
		{ID: "37066d", Offset: 1}, {ID: "Dup", Offset: 2}, {ID: "dup", Offset: 3}, {ID: "callout-internal-links-link-text", Offset: 4},
	}}
	g := NewGraph(testVault())
	tests := []struct {
		give string
		want int // Offset, 0 for none
	}{
		{give: "37066d", want: 1},
		{give: "^37066D", want: 1},
		{give: "dup", want: 2},
		{give: "DUP", want: 2},
		{give: "Callout-Internal-Links-Link-Text", want: 4},
		{give: "nope", want: 0},
		{give: "", want: 0},
	}
	for _, tt := range tests {
		b, ok := g.Block(n, tt.give)
		got := 0
		if ok {
			got = b.Offset
		}
		if got != tt.want {
			t.Errorf("Block(%q) = %d, want %d", tt.give, got, tt.want)
		}
	}
}

func TestHeadingNames(t *testing.T) {
	t.Parallel()
	g := NewGraph(testVault())
	n := &site.Note{Headings: []site.Heading{{Level: 1, Text: "A"}, {Level: 2, Text: "`b`"}}}
	if diff := cmp.Diff([]string{"A", "`b`"}, g.HeadingNames(n)); diff != "" {
		t.Errorf("HeadingNames mismatch (-want +got):\n%s", diff)
	}
}

func TestLink(t *testing.T) {
	t.Parallel()
	v := testVault("Functions.md", "Glossary.md", "img.png", "Internal links.md")
	v.Note("Functions.md").Headings = []site.Heading{{Level: 2, Text: "Functions"}, {Level: 3, Text: "`hasTag()`"}}
	v.Note("Glossary.md").Headings = []site.Heading{{Level: 2, Text: "Property"}}
	v.Note("Internal links.md").Blocks = []site.Block{{ID: "callout-internal-links-link-text"}}
	g := NewGraph(v)
	src := v.Note("Glossary.md")
	type want struct {
		Path           site.VaultPath
		Step           Step
		Heading        string
		Block          string
		SubpathMissing bool
	}
	tests := []struct {
		give site.Link
		want want
	}{
		{give: site.Link{Path: "Functions", Subpath: "hasTag"}, want: want{Path: "Functions.md", Step: StepExact, Heading: "`hasTag()`"}},
		{give: site.Link{Path: "", Subpath: "property"}, want: want{Path: "Glossary.md", Step: StepSelf, Heading: "Property"}},
		{give: site.Link{Path: "Functions", Subpath: "Functions#hasTag"}, want: want{Path: "Functions.md", Step: StepExact, Heading: "`hasTag()`"}},
		{give: site.Link{Path: "Functions", Subpath: "hasAll"}, want: want{Path: "Functions.md", Step: StepExact, SubpathMissing: true}},
		{give: site.Link{Path: "Internal links", Subpath: "^callout-internal-links-link-text"}, want: want{
			Path: "Internal links.md", Step: StepExact, Block: "callout-internal-links-link-text",
		}},
		{give: site.Link{Path: "Internal links", Subpath: "^nope"}, want: want{Path: "Internal links.md", Step: StepExact, SubpathMissing: true}},
		{give: site.Link{Path: "Functions", Subpath: " # "}, want: want{Path: "Functions.md", Step: StepExact}},
		{give: site.Link{Path: "img.png", Subpath: "interface"}, want: want{Path: "img.png", Step: StepExact}},
		{give: site.Link{Path: "Example", Subpath: "Heading"}, want: want{}},
	}
	for _, tt := range tests {
		r := g.Link(src, tt.give)
		got := want{Path: r.Target.Path(), Step: r.Step, SubpathMissing: r.SubpathMissing}
		if r.Heading != nil {
			got.Heading = r.Heading.Text
		}
		if r.Block != nil {
			got.Block = r.Block.ID
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Link(%+v) mismatch (-want +got):\n%s", tt.give, diff)
		}
	}
}
