package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildRefusesVaultThroughSymlink: "ln -s vault vlink; vaultsite
// build vlink -o vault/public" and an output that is a symlink into the
// vault are refused, naming both folders, and write nothing.
func TestBuildRefusesVaultThroughSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "vault", "Home.md"), []byte("# Home\n"))
	if err := os.Mkdir(filepath.Join(dir, "vault", "site"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, dest := range map[string]string{"vlink": "vault", "publink": filepath.Join("vault", "site")} {
		if err := os.Symlink(dest, filepath.Join(dir, name)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	for _, tt := range [][2]string{{"vlink", "vault/public"}, {"vault", "publink"}} {
		vault, out := filepath.Join(dir, tt[0]), filepath.Join(dir, tt[1])
		_, stderr, code := runIn(t, dir, "build", vault, "-o", out)
		if code != 1 || !strings.Contains(stderr, "overlap; choose an output folder outside the vault") {
			t.Errorf("build %s -o %s: exit %d, stderr %q; want a refusal", tt[0], tt[1], code, stderr)
		}
	}
	for _, p := range []string{"vault/public", "vault/site/index.html"} {
		if _, err := os.Lstat(filepath.Join(dir, p)); err == nil {
			t.Errorf("%s was written", p)
		}
	}
}

// TestBuildKeepSetting: the keep setting of vaultsite.yaml reaches the
// output folder, and replaces the default list (CNAME).
func TestBuildKeepSetting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	vault, out := filepath.Join(dir, "vault"), filepath.Join(dir, "public")
	writeFile(t, filepath.Join(vault, "Home.md"), []byte("# Home\n"))
	writeFile(t, filepath.Join(vault, "vaultsite.yaml"), []byte("keep: [\"google*.html\"]\n"))
	writeFile(t, filepath.Join(out, ".git", "HEAD"), []byte("head"))
	writeFile(t, filepath.Join(out, "google1234.html"), []byte("google-site-verification: google1234.html"))
	for i := range 2 {
		if _, stderr, code := runIn(t, dir, "build", vault, "-o", out); code != 0 {
			t.Fatalf("build %d: exit %d: %s", i, code, stderr)
		}
		writeFile(t, filepath.Join(out, "CNAME"), []byte("notes.example.org"))
	}
	for p, want := range map[string]bool{".git/HEAD": true, "google1234.html": true, "index.html": true, "CNAME": true} {
		if _, err := os.Stat(filepath.Join(out, p)); (err == nil) != want {
			t.Errorf("%s: present %v, want %v", p, err == nil, want)
		}
	}
	if _, stderr, code := runIn(t, dir, "build", vault, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "CNAME")); err == nil {
		t.Error("CNAME was kept though the keep setting does not list it")
	}
}
