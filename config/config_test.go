package config

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestLoad(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		give    string
		want    Config
		wantErr string
	}{
		{name: "every key", give: "title: Notes\nbaseURL: https://n.example.org/\nlanguage: de\nignore: [Journal/*]\npublish: opt-in\nhome: Start.md\ncheck:\n  severity:\n    broken-link: warning\n",
			want: Config{Title: "Notes", BaseURL: "https://n.example.org/", Language: "de", Ignore: []string{"Journal/*"},
				Publish: PublishOptIn, Home: "Start.md", Check: Check{Severity: map[string]string{"broken-link": "warning"}}}},
		{name: "html settings", give: "html:\n  remoteStylesheets: true\n  publishAttachments: true\n",
			want: Config{HTML: HTML{RemoteStylesheets: true, PublishAttachments: true}}},
		{name: "unknown html key", give: "html:\n  scripts: true\n", wantErr: `vaultsite.yaml:2:3: unknown key "scripts"`},
		{name: "empty file", give: "", want: Config{}},
		{name: "only comments", give: "# nothing set yet\n", want: Config{}},
		{name: "an alias is read as YAML says", give: "ignore: &x [Private]\ncheck:\n  severity: {case-mismatch: off}\n", want: Config{Ignore: []string{"Private"}, Check: Check{Severity: map[string]string{"case-mismatch": "off"}}}},
		{name: "language with a region", give: "language: pt-BR\n", want: Config{Language: "pt-BR"}},
		{name: "bad language", give: "language: Japanese!\n", wantErr: `vaultsite.yaml: language: "Japanese!" is not a language tag such as en, ja or pt-BR`},
		{name: "newest first", give: "listingOrder: newest\n", want: Config{ListingOrder: "newest"}},
		{name: "bad listing order", give: "listingOrder: random\n", wantErr: `vaultsite.yaml: listingOrder: "random" is not "title" or "newest"`},
		{name: "embed budget", give: "embedBudget: 512KB\n", want: Config{EmbedBudget: "512KB"}},
		{name: "cache dir", give: "cacheDir: ../.cache/site\n", want: Config{CacheDir: "../.cache/site"}},
		{name: "bad embed budget", give: "embedBudget: lots\n", wantErr: `vaultsite.yaml: embedBudget: "lots" is not a size such as 4MB or 512KB`},
		{name: "unknown key names its line", give: "title: x\nfoo: 1\n", wantErr: `vaultsite.yaml:2:1: unknown key "foo"`},
		{name: "unknown nested key", give: "check:\n  severity: {}\n  bogus: 2\n", wantErr: `vaultsite.yaml:3:3: unknown key "bogus"`},
		{name: "broken YAML", give: "title: [x\n", wantErr: "vaultsite.yaml:1:8: did not find expected ',' or ']' for the flow sequence that starts here (seen at line 2)"},
		{name: "bad publish mode", give: "publish: some\n", wantErr: `vaultsite.yaml: publish: "some" is not "all" or "opt-in"`},
		{name: "bad severity", give: "check:\n  severity:\n    broken-link: fatal\n", wantErr: `vaultsite.yaml: check.severity.broken-link: "fatal" is not error, warning, info or off`},
		{name: "keep", give: "keep: [CNAME, \"*.txt\"]\n", want: Config{Keep: []string{"CNAME", "*.txt"}}},
		{name: "keep nothing", give: "keep: []\n", want: Config{Keep: []string{}}},
		{name: "keep below the root", give: "keep: [a/b]\n", wantErr: `vaultsite.yaml: keep: "a/b": not a name at the output root`},
		{name: "bad keep glob", give: "keep: [\"[\"]\n", wantErr: `vaultsite.yaml: keep: "[": syntax error in pattern`},
		{name: "look keys", give: "theme: Minimal\nsnippets: none\npublishFiles: none\nthemeRemoteImports: true\n",
			want: Config{Theme: "Minimal", Snippets: "none", PublishFiles: "none", ThemeRemoteImports: true}},
		{name: "stacked pages", give: "stackedPages: true\n", want: Config{StackedPages: func() *bool { b := true; return &b }()}},
		{name: "stacked pages off", give: "stackedPages: false\n", want: Config{StackedPages: new(bool)}},
		{name: "theme outside the themes folder", give: "theme: ../x\n", wantErr: `vaultsite.yaml: theme: "../x" is not the name of a folder of .obsidian/themes`},
		{name: "snippets other than none", give: "snippets: some\n", wantErr: `vaultsite.yaml: snippets: "some" is not "none"`},
		{name: "relative base URL", give: "baseURL: notes/\n", wantErr: `vaultsite.yaml: baseURL: "notes/" is not an absolute URL`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Load(fstest.MapFS{FileName: {Data: []byte(tt.give)}}, FileName, false)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	t.Parallel()
	if _, err := Load(fstest.MapFS{}, FileName, true); err != nil {
		t.Errorf("optional missing file: %v", err)
	}
	if _, err := Load(fstest.MapFS{}, FileName, false); err == nil {
		t.Error("a missing file given by --config must be an error")
	}
}

// TestKeepNames: an absent key keeps CNAME; an empty list keeps nothing
// more than dot-entries.
func TestKeepNames(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		give string
		want []string
	}{
		{"", []string{"CNAME"}},
		{"keep:\n", []string{"CNAME"}},
		{"keep: []\n", []string{}},
		{"keep: [robots.txt]\n", []string{"robots.txt"}},
	} {
		cfg, err := Load(fstest.MapFS{FileName: {Data: []byte(tt.give)}}, FileName, false)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, cfg.KeepNames()); diff != "" {
			t.Errorf("%q: KeepNames (-want +got):\n%s", tt.give, diff)
		}
	}
}

func TestEmbedBytes(t *testing.T) {
	t.Parallel()
	for give, want := range map[string]int64{"": 0, "4MB": 4 << 20, "512 KiB": 512 << 10, "1g": 1 << 30, "1000": 1000, "-1MB": 0, "4TB": 0, "MB": 0} {
		if got := (Config{EmbedBudget: give}).EmbedBytes(); got != want {
			t.Errorf("EmbedBytes(%q) = %d, want %d", give, got, want)
		}
	}
}
