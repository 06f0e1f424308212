package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteRefusesVaultThroughSymlinks: an overlap of output and vault
// is refused when a symlink on either side hides it, and nothing is
// written.
func TestWriteRefusesVaultThroughSymlinks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	vault := filepath.Join(dir, "vault")
	mustWrite(t, filepath.Join(vault, "note.md"), "# Note")
	links := map[string]string{
		"vlink":   "vault",                                 // the vault through a link
		"publink": "vault/site",                            // an output that leads into the vault
		"up":      ".",                                     // an output that holds the vault
		"outer":   filepath.Join("..", filepath.Base(dir)), // the same, relative
	}
	for name, dest := range links {
		if err := os.Symlink(dest, filepath.Join(dir, name)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	if err := os.Mkdir(filepath.Join(vault, "site"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ out, vault string }{
		{"vault/public", "vlink"},
		{"vlink/public", "vault"},
		{"publink", "vault"},
		{"publink/deeper", "vlink"},
		{"up", "vault"},
		{"outer", "vlink"},
	} {
		out, v := filepath.Join(dir, tt.out), filepath.Join(dir, tt.vault)
		err := Write(out, Options{Vault: v}, writeFiles(site1, false))
		if !errors.Is(err, ErrUnsafe) {
			t.Errorf("Write(%s, vault %s) = %v, want a refusal", tt.out, tt.vault, err)
		}
	}
	entries, _ := os.ReadDir(vault)
	if len(entries) != 2 {
		t.Errorf("the vault holds %d entries, want note.md and site/ only", len(entries))
	}
}
