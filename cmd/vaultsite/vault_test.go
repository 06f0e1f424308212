package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/internal/version"
)

// TestNoVaultArgument runs commands without VAULT from three folders: a
// vault, a folder holding ./vault, and an empty one.
func TestNoVaultArgument(t *testing.T) {
	t.Run("inside a vault", func(t *testing.T) {
		_, vault := initVault(t, "", map[string]string{"a.md": "[[missing]]\n"})
		t.Chdir(vault)
		_, stderr, code := runArgs(t, "check")
		if code != 1 || !strings.Contains(stderr, `a.md:1:1: error: broken link "missing"`) {
			t.Errorf("check: exit %d\n%s", code, stderr)
		}
		_, stderr, code = runArgs(t, "build")
		if code != 2 || !strings.Contains(stderr, "the current folder is the vault, so the default output ./public would be inside it") {
			t.Errorf("build without -o: exit %d\n%s", code, stderr)
		}
		if _, err := os.Stat("public"); err == nil {
			t.Error("build wrote ./public inside the vault")
		}
		out := filepath.Join(t.TempDir(), "site")
		if _, stderr, code = runArgs(t, "build", "-o", out); code != 0 {
			t.Errorf("build -o outside: exit %d\n%s", code, stderr)
		}
		if _, err := os.Stat(filepath.Join(out, "a", "index.html")); err != nil {
			t.Error(err)
		}
	})
	t.Run("repository with ./vault", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "vault", "b.md"), []byte("[[nowhere]]\n"))
		t.Chdir(dir)
		_, stderr, code := runArgs(t, "check")
		if code != 1 || !strings.Contains(stderr, `b.md:1:1: error: broken link "nowhere"`) {
			t.Errorf("check: exit %d\n%s", code, stderr)
		}
	})
	t.Run("empty folder", func(t *testing.T) {
		t.Chdir(t.TempDir())
		for _, cmd := range []string{"build", "check", "serve", "init"} {
			_, stderr, code := runArgs(t, cmd)
			want := "vaultsite: no vault here: the current folder has no .obsidian/ or vaultsite.yaml and there is no ./vault/; run inside a vault or name one: vaultsite build PATH/TO/VAULT\nRun 'vaultsite --help' for usage.\n"
			if code != 2 || stderr != want {
				t.Errorf("%s: exit %d\n%s", cmd, code, stderr)
			}
		}
	})
}

func TestVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--version"}, {"version"}} {
		stdout, _, code := runArgs(t, args...)
		if code != 0 || stdout != version.Get().Long() || !strings.HasPrefix(stdout, "vaultsite ") || !strings.Contains(stdout, "\ngoldmark v") || !strings.Contains(stdout, "\nchroma v") {
			t.Errorf("%v: exit %d\n%s", args, code, stdout)
		}
	}
}
