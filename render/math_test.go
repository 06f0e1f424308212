package render

import (
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

func TestMath(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/math.txt")
}

// TestHasMath checks that Parse flags exactly the notes whose page must
// load KaTeX.
func TestHasMath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give string
		want bool
	}{
		{give: "plain text", want: false},
		{give: "costs $5 and $10 today", want: false},
		{give: "`$x$` is code", want: false},
		{give: "costs $5 and $10, `$x$` in code", want: false},
		{give: "```\n$$x$$\n```", want: false},
		{give: "- echo $$\n- $$ holds the PID", want: false},
		{give: "inline $x$", want: true},
		{give: "a $$x$$ b", want: true},
		{give: "$$1$$", want: true},
		{give: "> [!note]\n> $$\n> x\n> $$", want: true},
		{give: "```math\nx\n```", want: true},
		{give: "| a |\n|---|\n| $x$ |", want: true},
	}
	r := New(Config{})
	for _, tt := range tests {
		d := r.Parse(&site.Note{Path: "Test.md", Source: []byte(tt.give)}, nil)
		if d.HasMath != tt.want {
			t.Errorf("HasMath(%q) = %v, want %v", tt.give, d.HasMath, tt.want)
		}
		if d.HasMermaid {
			t.Errorf("HasMermaid(%q) = true", tt.give)
		}
	}
}
