package site

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestChooseHome(t *testing.T) {
	t.Parallel()
	const root = "---\npermalink: /\n---\n"
	tests := []struct {
		name      string
		give      map[string]string
		home      string // LoadOptions.Home
		optIn     bool
		wantHome  VaultPath
		wantDiags []string
	}{
		{
			name:     "permalink / makes the home page",
			give:     map[string]string{"Start.md": root, "Other.md": ""},
			wantHome: "Start.md",
		},
		{
			name:     "permalink / wins over index.md",
			give:     map[string]string{"Start.md": root, "index.md": ""},
			wantHome: "Start.md",
		},
		{
			name:     "two permalink / notes: the first in path order, the other warned",
			give:     map[string]string{"B.md": root, "A.md": "---\ntitle: x\npermalink: /\n---\n"},
			wantHome: "A.md",
			wantDiags: []string{`B.md:2:1: warning: permalink "/" names the home page, which is "A.md"; ` +
				`this note is published at its path's URL (slug-collision)`},
		},
		{
			name:     "home setting wins over permalink /",
			give:     map[string]string{"Start.md": root, "Chosen.md": ""},
			home:     "Chosen.md",
			wantHome: "Chosen.md",
			wantDiags: []string{`Start.md:2:1: warning: permalink "/" names the home page, which is "Chosen.md"; ` +
				`this note is published at its path's URL (slug-collision)`},
		},
		{
			name:     "a home setting that names nothing falls through",
			give:     map[string]string{"Home.md": ""},
			home:     "Missing.md",
			wantHome: "Home.md",
			wantDiags: []string{`vaultsite.yaml: warning: home: "Missing.md" is not a published note of the vault; ` +
				`the next rule picks the home page (invalid-config)`},
		},
		{
			name:     "Publish indexFile, without .md",
			give:     map[string]string{"site-options.json": `{"indexFile": "Guide/Welcome", "siteName": "x"}`, "Guide/Welcome.md": "", "index.md": ""},
			wantHome: "Guide/Welcome.md",
		},
		{
			name:     "permalink / wins over indexFile",
			give:     map[string]string{"site-options.json": `{"indexFile": "Welcome.md"}`, "Welcome.md": "", "Start.md": root},
			wantHome: "Start.md",
		},
		{
			name:     "indexFile naming no note falls through",
			give:     map[string]string{"site-options.json": `{"indexFile": "Gone"}`, "Home.md": ""},
			wantHome: "Home.md",
			wantDiags: []string{`site-options.json: warning: indexFile "Gone" is not a published note of the vault; ` +
				`the next rule picks the home page (invalid-config)`},
		},
		{
			name:      "site-options.json that is not JSON",
			give:      map[string]string{"site-options.json": `{`, "Home.md": ""},
			wantHome:  "Home.md",
			wantDiags: []string{`site-options.json: warning: invalid site-options.json: unexpected end of JSON input; its settings are not used (invalid-config)`},
		},
		{
			name:     "an unpublished permalink / note is not the home page",
			give:     map[string]string{"Start.md": "---\npermalink: /\npublish: false\n---\n", "Home.md": ""},
			wantHome: "Home.md",
		},
		{
			name:     "opt-in: the empty tags item keeps publish true",
			give:     map[string]string{"Start.md": "---\ntags:\n- \npublish: true\npermalink: /\n---\n", "Other.md": ""},
			optIn:    true,
			wantHome: "Start.md",
		},
		{
			name: "no rule names a note",
			give: map[string]string{"a.md": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, diags := load(t, tt.give, LoadOptions{Home: tt.home, OptIn: tt.optIn})
			var got VaultPath
			if h := v.Home(); h != nil {
				got = h.Path
				if h.Slug != "" {
					t.Errorf("the home note's slug is %q, want empty", h.Slug)
				}
			}
			if got != tt.wantHome {
				t.Errorf("Home() = %q, want %q", got, tt.wantHome)
			}
			if diff := cmp.Diff(tt.wantDiags, diags.strings()); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}
