package bases

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

const helpVault = "../../../shared/vaults/obsidian-help"

// TestHelpVaultBases parses every base block of the help vault and the
// YAML examples of its Bases pages that are whole bases: none may give
// an invalid-base finding.
func TestHelpVaultBases(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(helpVault); err != nil {
		t.Skip("help vault not present")
	}
	n := 0
	err := filepath.WalkDir(helpVault, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(helpVault, p)
		for _, b := range fencedBlocks(string(src)) {
			if inner, ok := strings.CutPrefix(b.body, "```base\n"); ok {
				// "Create a base" shows a base block inside a yaml
				// block: parse the example it shows.
				b = fenced{lang: "base", body: strings.TrimSuffix(inner, "```"), line: b.line + 1}
			}
			if b.lang != "base" && !(strings.HasPrefix(rel, "Bases/") && b.lang == "yaml" && strings.Contains(b.body, "views:")) {
				continue
			}
			n++
			var diags site.Diagnostics
			Parse(site.VaultPath(filepath.ToSlash(rel)), []byte(b.body), b.line, &diags)
			for _, d := range diags {
				t.Errorf("%s", d)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Errorf("found %d bases in the help vault, want at least 3", n)
	}
}

type fenced struct {
	lang, body string
	line       int // of the opening fence
}

// fencedBlocks finds ``` and ~~~ blocks well enough for the help vault.
func fencedBlocks(src string) []fenced {
	var out []fenced
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(l, "```") && !strings.HasPrefix(l, "~~~") {
			continue
		}
		fence := l[:3]
		b := fenced{lang: strings.TrimSpace(l[3:]), line: i + 1}
		var body []string
		for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), fence); i++ {
			body = append(body, lines[i])
		}
		b.body = strings.Join(body, "\n")
		out = append(out, b)
	}
	return out
}
