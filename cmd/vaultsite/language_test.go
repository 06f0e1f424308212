package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The language that vaultsite.yaml names is the pages' <html lang> and
// the language of the site's own words and dates.
func TestBuildLanguageFromSettings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	vault := filepath.Join(dir, "vault")
	for name, data := range map[string]string{
		"vaultsite.yaml": "language: ja\n",
		"ノート.md":         "---\ncreated: 2024-03-05\n---\n本文。\n",
	} {
		if err := os.MkdirAll(vault, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(vault, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	if _, stderr, code := runIn(t, dir, "build", vault, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "ノート", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="ja"`, "本文へスキップ", "2024年3月5日", "_site/messages.ja."} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}
