package site

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// billionLaughs returns frontmatter whose last key names 10^levels values
// through nested aliases, in about 100 bytes per level.
func billionLaughs(levels int) string {
	var b strings.Builder
	b.WriteString(`l0: &l0 "lol"` + "\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

// TestFrontmatterBillionLaughs is not parallel, so the bytes allocated
// while it runs are its own. Decoding the 1 KB block in full would take
// 10⁹ values; the cap stops it after maxAliasValues, a few megabytes.
func TestFrontmatterBillionLaughs(t *testing.T) {
	yml := billionLaughs(9)
	if len(yml) > 1200 {
		t.Fatalf("the block is %d bytes, want about 1 KB", len(yml))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	props, diags := fm(yml)
	runtime.ReadMemStats(&after)
	if len(props.List) != 0 {
		t.Errorf("got %d properties, want none", len(props.List))
	}
	want := "n.md:6:25: warning: invalid frontmatter: aliases expand to more than 10000 values; the note gets no properties (invalid-frontmatter)"
	if got := diags.strings(); len(got) != 1 || got[0] != want {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	// 64 MB is generous: the cap allows 10,000 values of about 100 bytes.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("decoding allocated %d MB, want under 64", alloc>>20)
	}
}

func TestFrontmatterAliasesUnderTheCap(t *testing.T) {
	t.Parallel()
	// 10^3 values through aliases are fine.
	props, diags := fm(billionLaughs(3))
	if len(diags) != 0 {
		t.Fatalf("unexpected %v", diags.strings())
	}
	last := props.List[len(props.List)-1].Value
	if n := len(last.Strings()); n != 1000 {
		t.Errorf("l3 holds %d values, want 1000", n)
	}
}
