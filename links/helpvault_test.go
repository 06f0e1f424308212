package links

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

const helpVault = "../../shared/vaults/obsidian-help"

// TestHelpVault resolves SPEC §12.2's examples in the real help vault. The
// parse phase does not run here, so headings cannot be checked.
func TestHelpVault(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(helpVault); err != nil {
		t.Skipf("help vault not found: %v", err)
	}
	v, _, err := site.Load(context.Background(), os.DirFS(helpVault), site.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := NewGraph(v)
	tests := []struct {
		from, give string
		want       result
	}{
		{from: "User interface/Settings.md", give: "Graph View", want: result{Path: "Plugins/Graph view.md", Step: StepSuffix, CaseOnly: true}},
		{from: "User interface/Settings.md", give: "Quick Switcher", want: result{Path: "Plugins/Quick switcher.md", Step: StepSuffix, CaseOnly: true}},
		{from: "Obsidian Sync/Set up Obsidian Sync.md", give: "Security and privacy", want: result{
			Path: "Obsidian Sync/Security and privacy.md", Step: StepOwnFolder, Ambiguous: true,
			Candidates: []site.VaultPath{"Obsidian Sync/Security and privacy.md", "Obsidian Publish/Security and privacy.md"},
		}},
		{from: "Obsidian Sync/Set up Obsidian Sync.md", give: "Obsidian Sync/Security and privacy", want: result{
			Path: "Obsidian Sync/Security and privacy.md", Step: StepExact,
		}},
		{from: "Linking notes and files/Internal links.md", give: "Embed Files", want: result{
			Path: "Linking notes and files/Embed files.md", Step: StepSuffix, CaseOnly: true,
		}},
		{from: "Bases/Introduction to Bases.md", give: "bases-noshadow.png", want: result{Path: "Attachments/bases-noshadow.png", Step: StepSuffix}},
		{from: "Linking notes and files/Internal links.md", give: "Example", want: result{}},
		{from: "Extending Obsidian/Obsidian CLI.md", give: "obsidian-cli.mp4", want: result{}}, // missing from this copy
	}
	for _, n := range v.Notes {
		give := strings.TrimSuffix(string(n.Path), ".md")
		if r := g.Resolve(nil, give); r.Target.Note != n || r.Step != StepExact || r.CaseOnly {
			t.Errorf("Resolve(nil, %q) = %+v, want the note itself by the exact step", give, reduce(r))
		}
	}
	for _, tt := range tests {
		src := v.Note(site.VaultPath(tt.from))
		if src == nil {
			t.Fatalf("no note %q in the help vault", tt.from)
		}
		if diff := cmp.Diff(tt.want, reduce(g.Resolve(src, tt.give))); diff != "" {
			t.Errorf("Resolve(%q, %q) mismatch (-want +got):\n%s", tt.from, tt.give, diff)
		}
	}
}
