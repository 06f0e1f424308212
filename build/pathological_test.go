package build

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// pathological are notes that made some pass of the pipeline quadratic
// or worse: CommonMark's pathological suite (cmark's
// test/pathological_tests.py, the same shapes as commonmark.js runs), a
// few more in the same spirit, and Obsidian's own syntax. Each makes a
// note of about n bytes.
var pathological = []struct {
	name string
	note func(n int) string
}{
	// cmark's suite
	{"nested strong emphasis", func(n int) string { k := n / 14; return rep("*a **a ", k) + "b" + rep(" a** a*", k) }},
	{"emphasis closers with no openers", unit("a_ ")},
	{"emphasis openers with no closers", unit("_a ")},
	{"link closers with no openers", unit("a]")},
	{"link openers with no closers", unit("[a")},
	{"mismatched openers and closers", unit("*a_ ")},
	{"openers and closers multiple of 3", func(n int) string { return "a**b" + rep("c* ", n/3) }},
	{"link openers and emphasis closers", unit("[ a_")},
	{"pattern [ (]( repeated", unit("[ (](")},
	{"hard link/emphasis case", unit("**x [a*b**c*](d) ")},
	{"nested brackets", func(n int) string { return rep("[", n/2) + "a" + rep("]", n/2) }},
	{"nested block quotes", func(n int) string { return rep("> ", n/2) + "a" }},
	{"deeply nested lists", nestedLists},
	{"U+0000", unit("abc\x00de\x00")},
	{"backticks", backticks},
	{"unclosed links A", unit("[a](<b")},
	{"unclosed links B", unit("[a](b")},
	{"unclosed link titles", unit(`[a](b "c`)},
	{"many references", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n/2; i++ {
			fmt.Fprintf(&b, "[%d]: u\n", i)
		}
		return b.String() + rep("[0] ", n/8)
	}},
	{"many html comments", unit("a <!-- ")},
	{"many cdata", unit("a <![CDATA[")},
	{"many processing instructions", unit("a <?")},
	{"many declarations", unit("a <!A ")},
	{"many entities", unit("&amp;&#12;&#x1F;&unknown;")},
	{"many table columns", func(n int) string { k := n / 6; return rep("|a", k) + "\n" + rep("|-", k) + "\n" + rep("|b", k) + "\n" }},
	{"many table rows", func(n int) string { return "|a|b|\n|-|-|\n" + rep("|x|y|\n", n/6) }},
	{"strikethrough runs", unit("~~a ~b ")},
	{"task list items", unit("- [ ] a\n")},
	{"a list on one line", func(n int) string { return rep("- ", n/2) + "x" }},
	{"headings", unit("# a\n")},
	{"long line of spaces", func(n int) string { return rep(" ", n) + "a" }},
	{"tabs", unit("\t>\t-\t")},
	// Obsidian's syntax
	{"wikilink openers", unit("[[")},
	{"embed openers", unit("![[")},
	{"wikilink closers", unit("a]]")},
	{"wikilinks with a display", unit("[[a|")},
	{"highlight openers", unit("==a ")},
	{"comment openers", unit("%%a ")},
	{"comments", unit("%%a%% ")},
	{"dollars", unit("$a")},
	{"display math openers", unit("$$a ")},
	{"display math lines", unit("$$a\n")},
	{"math spans", unit("$a$ ![i](x.png)\n")},
	{"unclosed display math", func(n int) string { return "$$\n" + rep("x\n", n/2) }},
	{"inline footnote openers", unit("^[")},
	{"an inline footnote of brackets", func(n int) string { return "^[" + rep("[", n/2) + "a" + rep("]", n/2) }},
	{"block ids", unit("a ^b ")},
	{"block id paragraphs", unit("a ^b\n\n")},
	{"tags", unit("#a ")},
	{"hashes", unit("#")},
	{"callout openers", unit("> [!note] ")},
	{"nested callouts", func(n int) string { return "> [!note]\n" + rep("> ", n/2) + "a" }},
	{"raw-space links", unit("[a](b c")},
	{"footnote references", func(n int) string { return rep("[^a]", n/4) + "\n\n[^a]: note\n" }},
	{"nested footnote definitions", unit("[^a]: ")},
	// the rest of a build: properties, links, backlinks, headings, search
	{"front matter list", func(n int) string { return "---\ntags:\n" + rep("- a\n", n/4) + "---\nx\n" }},
	{"links to itself", unit("[[Note]] ")},
	{"links to headings", unit("[[#a]] ")},
	{"markdown links", unit("[a](Note.md) ")},
	{"words", unit("word ")},
}

func rep(s string, n int) string { return strings.Repeat(s, max(n, 1)) }

// unit repeats s to about n bytes.
func unit(s string) func(int) string { return func(n int) string { return rep(s, n/len(s)) } }

// nestedLists is cmark's "deeply nested lists": line i indented by i
// levels, to about n bytes.
func nestedLists(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.Repeat("  ", i) + "* a\n")
	}
	return b.String()
}

// backticks is cmark's "backticks": "e" and a run of 1, 2, 3 …
// backticks, to about n bytes.
func backticks(n int) string {
	var b strings.Builder
	for i := 1; b.Len() < n; i++ {
		b.WriteString("e" + strings.Repeat("`", i))
	}
	return b.String()
}

// TestPathologicalNotesLinear builds a vault of one note of each shape,
// at two sizes four times apart, and checks that the larger costs less
// than 6 times the smaller: linear work gives about 4, quadratic about
// 16. The sizes are 16 KB and 64 KB, which take a few seconds in all;
// with -short, 4 KB and 16 KB, where the fixed cost of a build blurs the
// ratio but a quadratic pass still shows.
//
// The machine running the tests may be shared, so the cost of a size is
// the least CPU time (the process's, which another process's load barely
// moves) of a few builds, with the garbage collector held off while one
// runs, and a shape over the bound is measured again, up to three times,
// before it fails: noise passes, a quadratic pass does not.
func TestPathologicalNotesLinear(t *testing.T) {
	small := 16 << 10
	if testing.Short() {
		small = 4 << 10
	}
	for _, tt := range pathological {
		t.Run(tt.name, func(t *testing.T) {
			one, four := tt.note(small), tt.note(4*small)
			var ratio float64
			for try := 0; try < 3; try++ {
				ratio = float64(leastCost(t, four)) / float64(leastCost(t, one))
				if ratio < 6 {
					return
				}
			}
			t.Errorf("%d bytes cost %.1f times %d bytes (want under 6: linear is about 4, quadratic 16)", len(four), ratio, len(one))
		})
	}
}

// leastCost returns the least CPU time of a few builds of a vault holding
// only note.
func leastCost(t *testing.T, note string) time.Duration {
	fsys := fstest.MapFS{"Note.md": {Data: []byte(note)}}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	best := time.Duration(1<<63 - 1)
	for range 3 {
		runtime.GC()
		start := cpuTime()
		if _, err := Build(context.Background(), fsys, Options{}, NewMemEmitter()); err != nil {
			t.Fatal(err)
		}
		best = min(best, cpuTime()-start)
	}
	runtime.GC()
	return max(best, time.Microsecond)
}
