package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// planVault has a note left out by each rule, a permalink, aliases, an
// ignored canvas, an unused attachment and the vault's own icon.
var planVault = map[string]string{
	".obsidian/app.json":       `{"userIgnoreFilters": ["Excluded/"]}`,
	".obsidian/templates.json": `{"folder": "Templates"}`,
	"Home.md":                  "---\naliases: [Start here]\n---\nWelcome, see [[About us]] and ![[cover.png]].\n",
	"Company/About us.md":      "---\ntitle: About\npermalink: /About/\naliases:\n  - Old/About\n---\nUs.\n",
	"Drafts/x.md":              "---\ntags: [x]\ndraft: true\n---\n",
	"Drafts/y.md":              "---\npublish: false\n---\n",
	"Private/a.md":             "secret\n",
	"Private/board.canvas":     "{}",
	"board.canvas":             "{}",
	"shelf.base":               "views:\n  - type: table\n",
	"Templates/t.md":           "tpl\n",
	"Excluded/e.md":            "ex\n",
	"cover.png":                "PNG",
	"old.png":                  "PNG",
	"favicon.ico":              "ICO",
}

func writePlanVault(t *testing.T) (dir string) {
	t.Helper()
	dir = t.TempDir()
	for name, data := range planVault {
		writeFile(t, filepath.Join(dir, "vault", filepath.FromSlash(name)), []byte(data))
	}
	return dir
}

func runIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return tidy(out.String(), dir), tidy(errb.String(), dir), code
}

func TestDryRunText(t *testing.T) {
	t.Parallel()
	dir := writePlanVault(t)
	out := filepath.Join(dir, "public")
	stdout, stderr, code := runIn(t, dir, "build", filepath.Join(dir, "vault"), "-o", out, "--dry-run", "--ignore", "Private")
	want := `Company/About us.md:3: published at about/ (permalink "/About/")
Company/About us.md:3: redirect from company/about-us/ (its path's URL, moved by the permalink)
Company/About us.md:4: redirect from old/about/ (alias "Old/About")
Drafts/x.md:3: not published: draft: true
Drafts/y.md:2: not published: publish: false
Excluded/e.md: not published: excluded by userIgnoreFilters Excluded/
Home.md: published at ./
Home.md:2: redirect from start-here/ (alias "Start here")
Private/a.md: not published: ignored by Private
Private/board.canvas: not published: ignored by Private
Templates/t.md: not published: in the templates folder Templates
board.canvas: published at board.canvas/
cover.png: copied
favicon.ico: copied as the site's icon _site/icon.abe5fa00.ico
old.png: not copied: no published page uses it
shelf.base: published at shelf.base/
`
	if diff := cmp.Diff(want, stdout); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if code != exitOK || !strings.HasSuffix(stderr, "4 pages, 1 attachment, 3 redirects; would leave out 5 notes, 1 canvas, 1 attachment\n") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a dry run wrote %s: %v", out, err)
	}

	// Opt-in mode: notes without publish: true, and every canvas.
	stdout, _, _ = runIn(t, dir, "build", filepath.Join(dir, "vault"), "--dry-run", "--opt-in")
	for _, line := range []string{
		"Home.md: not published: not marked publish: true (opt-in mode)\n",
		"board.canvas: not published: canvases are not published in opt-in mode\n",
		"shelf.base: not published: bases get no page in opt-in mode\n",
		"cover.png: not copied: no published page uses it\n",
	} {
		if !strings.Contains(stdout, line) {
			t.Errorf("opt-in plan lacks %q:\n%s", line, stdout)
		}
	}
}

func TestDryRunJSON(t *testing.T) {
	t.Parallel()
	dir := writePlanVault(t)
	stdout, _, code := runIn(t, dir, "build", filepath.Join(dir, "vault"), "--dry-run", "--format", "json",
		"--ignore", "Private", "--base-url", "https://notes.example.org/")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	files, _ := got["files"].([]any)
	delete(got, "files")
	var names []string
	for _, f := range files {
		names = append(names, f.(string))
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("files out of order: %v", names)
	}
	for _, want := range []string{"index.html", "about/index.html", "company/about-us/index.html", "old/about/index.html",
		"cover.png", "sitemap.xml", "feed.xml", "robots.txt", "_site/icon.abe5fa00.ico"} {
		if i := sort.SearchStrings(names, want); i == len(names) || names[i] != want {
			t.Errorf("files lack %s", want)
		}
	}
	for _, not := range []string{"old.png", "Private/board.canvas", "board.canvas"} {
		if i := sort.SearchStrings(names, not); i < len(names) && names[i] == not {
			t.Errorf("files hold %s", not)
		}
	}
	page := func(path, url, kind string, extra ...any) map[string]any {
		m := map[string]any{"path": path, "url": url, "kind": kind}
		for i := 0; i < len(extra); i += 2 {
			m[extra[i].(string)] = extra[i+1]
		}
		return m
	}
	excl := func(path string, line float64, kind, rule, pattern, reason string) map[string]any {
		return map[string]any{"path": path, "line": line, "kind": kind, "rule": rule, "pattern": pattern, "reason": reason}
	}
	redirect := func(url, to, path string, line float64, why, text string) map[string]any {
		return map[string]any{"url": url, "to": to, "path": path, "line": line, "why": why, "text": text}
	}
	want := map[string]any{
		"version": 1.0, "vault": "TMP/vault", "publish": "all", "baseURL": "https://notes.example.org/",
		"pages": []any{
			page("Company/About us.md", "about/", "note", "permalink", "/About/", "line", 3.0),
			page("Home.md", "./", "note"),
			page("board.canvas", "board.canvas/", "canvas"),
			page("shelf.base", "shelf.base/", "base"),
		},
		"attachments": []any{map[string]any{"path": "cover.png", "file": "cover.png"}},
		"icon":        map[string]any{"path": "favicon.ico", "file": "_site/icon.abe5fa00.ico"},
		"redirects": []any{
			redirect("company/about-us/", "about/", "Company/About us.md", 3, "permalink", "/About/"),
			redirect("old/about/", "about/", "Company/About us.md", 4, "alias", "Old/About"),
			redirect("start-here/", "./", "Home.md", 2, "alias", "Start here"),
		},
		"excluded": []any{
			excl("Drafts/x.md", 3, "note", "draft", "", "draft: true"),
			excl("Drafts/y.md", 2, "note", "publish-false", "", "publish: false"),
			excl("Excluded/e.md", 0, "note", "user-ignore-filters", "Excluded/", "excluded by userIgnoreFilters Excluded/"),
			excl("Private/a.md", 0, "note", "ignore", "Private", "ignored by Private"),
			excl("Private/board.canvas", 0, "canvas", "ignore", "Private", "ignored by Private"),
			excl("Templates/t.md", 0, "note", "templates-folder", "Templates", "in the templates folder Templates"),
			excl("old.png", 0, "attachment", "unused", "", "no published page uses it"),
		},
		"look": []any{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}

	// An empty vault still gives every list, empty.
	empty := t.TempDir()
	stdout, _, _ = runIn(t, empty, "build", empty, "--dry-run", "--format", "json")
	for _, key := range []string{`"pages": []`, `"attachments": []`, `"icon": null`, `"redirects": []`, `"excluded": []`} {
		if !strings.Contains(stdout, key) {
			t.Errorf("empty plan lacks %s:\n%s", key, stdout)
		}
	}
}

func TestDryRunUsage(t *testing.T) {
	t.Parallel()
	dir := writePlanVault(t)
	vault := filepath.Join(dir, "vault")
	for _, args := range [][]string{
		{"build", vault, "--format", "json"},
		{"build", vault, "--dry-run", "--format", "xml"},
		{"build", vault, "--dry-run", "--base-url", "notes.example.org"},
	} {
		if _, stderr, code := runIn(t, dir, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d; stderr %q", args, code, exitUsage, stderr)
		}
	}
}
