package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDryRunLook: --dry-run says which file set each setting of the
// look, vaultsite.yaml's title wins over siteName, and the build summary
// names the theme and its size.
func TestDryRunLook(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"vault/Home.md":                         "# Home\n",
		"vault/site-options.json":               `{"siteName": "Garden", "defaultTheme": "dark", "showSearch": false}`,
		"vault/publish.css":                     ".a {}\n",
		"vault/vaultsite.yaml":                  "title: Mine\n",
		"vault/.obsidian/appearance.json":       `{"cssTheme": "Tiny", "enabledCssSnippets": ["s"]}`,
		"vault/.obsidian/themes/Tiny/theme.css": ".theme-dark { --text-normal: #eee; }\n",
		"vault/.obsidian/snippets/s.css":        ".b {}\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vault := filepath.Join(dir, "vault")
	stdout, _, code := runIn(t, dir, "build", vault, "-o", filepath.Join(dir, "public"), "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		".obsidian/appearance.json: sets the theme: Tiny (cssTheme)\n",
		".obsidian/appearance.json: sets the snippets: s (enabledCssSnippets)\n",
		"publish.css: sets the stylesheet: _site/look/publish.",
		`vaultsite.yaml: sets the title: Mine (not siteName "Garden") (title)` + "\n",
		"site-options.json: sets the default mode: dark (defaultTheme)\n",
		"site-options.json: sets the Search: hidden (showSearch)\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "publish.css: not copied") {
		t.Errorf("dry run calls publish.css unused:\n%s", stdout)
	}
	_, stderr, code := runIn(t, dir, "build", vault, "-o", filepath.Join(dir, "public"))
	if code != 0 || !strings.Contains(stderr, `theme "Tiny" (37 B)`) {
		t.Errorf("exit %d, summary %q: want the theme and its size", code, stderr)
	}
}
