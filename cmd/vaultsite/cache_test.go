package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain gives the package's tests a user cache directory of their
// own, so builds that use the default cache leave the machine's alone.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "vaultsite-cache-home-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Each system's variable: os.UserCacheDir reads XDG_CACHE_HOME on
	// Linux, HOME on macOS, LocalAppData on Windows.
	for _, v := range []string{"XDG_CACHE_HOME", "HOME", "LocalAppData"} {
		os.Setenv(v, dir)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// writeCacheVault writes a small vault with code and an embed in
// dir/vault, and returns the vault's path.
func writeCacheVault(t *testing.T, dir string) string {
	t.Helper()
	vault := filepath.Join(dir, "vault")
	writeFile(t, filepath.Join(vault, "Home.md"), []byte("# Home\n\nSee [[Other#Part]].\n\n![[Other#Part]]\n\n```go\nfunc main() {}\n```\n"))
	writeFile(t, filepath.Join(vault, "Other.md"), []byte("# Other\n\n## Part\n\nText with `code`.\n\n```python\nx = 1\n```\n"))
	return vault
}

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: %s differs", what, p)
		}
	}
}

// TestBuildCacheFlags builds with --no-cache, then twice with
// --cache-dir: three identical sites, and the cache holds entries.
func TestBuildCacheFlags(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	vault, cdir := writeCacheVault(t, dir), filepath.Join(dir, "cache")
	build := func(out string, flags ...string) map[string]string {
		t.Helper()
		args := append([]string{"build", vault, "-o", filepath.Join(dir, out)}, flags...)
		if _, stderr, code := runIn(t, dir, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		return readTree(t, filepath.Join(dir, out))
	}
	want := build("none", "--no-cache", "--cache-dir", cdir)
	if _, err := os.Stat(cdir); err == nil {
		t.Fatal("--no-cache made the cache")
	}
	sameTree(t, "cold", want, build("cold", "--cache-dir", cdir))
	sameTree(t, "warm", want, build("warm", "--cache-dir", cdir))
	stdout, stderr, code := runIn(t, dir, "cache", vault, "--cache-dir", cdir) // runIn writes dir as TMP
	if code != 0 || !strings.HasPrefix(stdout, "TMP/cache\n") || strings.HasPrefix(strings.Split(stdout, "\n")[1], "0 entries") {
		t.Errorf("cache: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestCacheCommandAndClean: "cache" names the default folder, in the
// user cache directory, and counts what a build left there; "cache
// clean" empties it.
func TestCacheCommandAndClean(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	vault := writeCacheVault(t, dir)
	if _, stderr, code := runIn(t, dir, "build", vault, "-o", filepath.Join(dir, "public")); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	stdout, _, code := runIn(t, dir, "cache", vault)
	lines := strings.Split(stdout, "\n")
	base, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[0], filepath.Join(base, "vaultsite")+string(filepath.Separator)) {
		t.Fatalf("cache: exit %d, stdout %q", code, stdout)
	}
	var n int
	if _, err := fmt.Sscanf(lines[1], "%d entries", &n); err != nil || n == 0 {
		t.Fatalf("cache: %q, want some entries", lines[1])
	}
	_, stderr, code := runIn(t, dir, "cache", "clean", vault)
	if code != 0 || !strings.HasPrefix(stderr, fmt.Sprintf("removed %d entries", n)) {
		t.Errorf("cache clean: exit %d, stderr %q", code, stderr)
	}
	if stdout, _, _ := runIn(t, dir, "cache", vault); !strings.Contains(stdout, "\n0 entries, 0 B\n") {
		t.Errorf("after clean: %q", stdout)
	}
	if _, err := os.Stat(lines[0]); err != nil {
		t.Errorf("clean removed the cache folder itself: %v", err)
	}
}

// TestCacheInsideVaultRefused: a cache folder inside the vault (or the
// output), named by the flag or by the settings, is a usage error and
// nothing is written; a relative cacheDir is relative to the settings file.
func TestCacheInsideVaultRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	vault := writeCacheVault(t, dir)
	for _, args := range [][]string{
		{"build", vault, "-o", filepath.Join(dir, "public"), "--cache-dir", filepath.Join(vault, ".cache")},
		{"serve", vault, "--port", "0", "--cache-dir", vault},
		{"cache", vault, "--cache-dir", filepath.Join(vault, "sub", "c")},
		{"build", vault, "-o", filepath.Join(dir, "public"), "--cache-dir", filepath.Join(dir, "public", ".cache")},
	} {
		_, stderr, code := runIn(t, dir, args...)
		if code != 2 || !strings.Contains(stderr, "is inside the") {
			t.Errorf("%v: exit %d, stderr %q; want a refusal", args[0], code, stderr)
		}
	}
	writeFile(t, filepath.Join(vault, "vaultsite.yaml"), []byte("cacheDir: .cache\n"))
	if _, stderr, code := runIn(t, dir, "build", vault, "-o", filepath.Join(dir, "public")); code != 2 || !strings.Contains(stderr, "is inside the vault") {
		t.Errorf("cacheDir .cache: exit %d, stderr %q; want a refusal", code, stderr)
	}
	for _, p := range []string{"vault/.cache", "vault/sub", "vault/public", "public"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("%s was made", p)
		}
	}
	writeFile(t, filepath.Join(vault, "vaultsite.yaml"), []byte("cacheDir: ../settings-cache\n"))
	if _, stderr, code := runIn(t, dir, "build", vault, "-o", filepath.Join(dir, "public")); code != 0 {
		t.Fatalf("cacheDir ../settings-cache: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "settings-cache", "CACHEDIR.TAG")); err != nil {
		t.Errorf("the cache is not beside the vault: %v", err)
	}
}

// TestCacheCleanRefusesOtherFolders: "cache clean --cache-dir" on a
// folder that is not a cache removes nothing.
func TestCacheCleanRefusesOtherFolders(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	vault := writeCacheVault(t, dir)
	other := filepath.Join(dir, "documents")
	writeFile(t, filepath.Join(other, "entries", "letter.txt"), []byte("keep"))
	_, stderr, code := runIn(t, dir, "cache", "clean", vault, "--cache-dir", other)
	if code == 0 || !strings.Contains(stderr, "not a vaultsite cache") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(other, "entries", "letter.txt")); err != nil || !bytes.Equal(b, []byte("keep")) {
		t.Errorf("the folder was touched: %v", err)
	}
}
