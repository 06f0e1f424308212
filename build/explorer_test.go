package build_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

// TestExplorerFiles builds a small vault and checks the explorer's files:
// one per folder listed, named by every page but the 404 page, never
// inlined, holding each folder's listing in listing order, with folder
// notes reached through their folders and URLs left out where the
// script derives them from the name.
func TestExplorerFiles(t *testing.T) {
	t.Parallel()
	em := buildVault(t, map[string]string{
		"Home.md":             "# Home\n",
		"Zeta.md":             "z",
		"alpha.md":            "a",
		"C++ notes.md":        "c",
		"Projects.md":         "the folder note of Projects/",
		"Projects/Beta.md":    "b",
		"Projects/Old/Gam.md": "g",
		"Café/Thé.md":         "t",
	})
	want := map[string][]any{
		"0.json": {
			[]any{"Café", "caf%C3%A9/", 1.0},
			[]any{"Projects", "", 1.0},
			[]any{"alpha"},
			[]any{"C++ notes"},
			[]any{"Zeta"},
		},
		"caf%C3%A9/0.json":    {[]any{"Thé", "th%C3%A9/"}},
		"projects/0.json":     {[]any{"Old", "", 1.0}, []any{"Beta"}},
		"projects/old/0.json": {[]any{"Gam"}},
	}
	for name, items := range want {
		p := site.OutPath("_site/explorer/" + strings.ReplaceAll(name, "%C3%A9", "é"))
		data, ok := em.Files[p]
		if !ok {
			t.Errorf("no explorer file %s; emitted %v", p, em.Paths())
			continue
		}
		var got struct {
			Version, Parts int
			Items          []any
		}
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		if got.Version != 2 || got.Parts != 1 {
			t.Errorf("%s: version %d, parts %d, want 2 and 1", p, got.Version, got.Parts)
		}
		if diff := cmp.Diff(items, got.Items); diff != "" {
			t.Errorf("%s items (-want +got):\n%s", p, diff)
		}
	}
	for _, p := range em.Paths() {
		if !strings.HasSuffix(string(p), ".html") {
			continue
		}
		page := em.Files[p]
		if !bytes.Contains(page, []byte(`_site/explorer/0.json"`)) {
			t.Errorf("%s does not name the explorer", p)
		}
		if bytes.Contains(page, []byte(`"Gam"`)) {
			t.Errorf("%s carries the folder tree inline", p)
		}
	}
	explorerWant(t, em, "projects/old/gam/index.html", `data-page="projects/old/gam/" data-folder="projects/old/" hidden`)
	explorerWant(t, em, "zeta/index.html", `data-page="zeta/" hidden`)
}

// explorerWant fails t unless the file p of em holds each of want.
func explorerWant(t *testing.T, em *build.MemEmitter, p site.OutPath, want ...string) {
	t.Helper()
	data, ok := em.Files[p]
	if !ok {
		t.Errorf("no %s", p)
		return
	}
	for _, w := range want {
		if !bytes.Contains(data, []byte(w)) {
			t.Errorf("%s lacks %q:\n%.600s", p, w, data)
		}
	}
}

// TestExplorerParts: a folder of more entries than one file holds is
// written in parts, and a page in a later part names that part, with
// the parts of the folders above it.
func TestExplorerParts(t *testing.T) {
	t.Parallel()
	vault := map[string]string{"Top.md": "t"}
	for i := range 700 {
		vault[fmt.Sprintf("Big/Sub/N%03d.md", i)] = "n"
	}
	em := buildVault(t, vault)
	for k, want := range []string{`{"version":2,"parts":3,"items":[["N000"],`, `"parts":3,"items":[["N300"],`, `"parts":3,"items":[["N600"],`} {
		explorerWant(t, em, site.OutPath(fmt.Sprintf("_site/explorer/big/sub/%d.json", k)), want)
	}
	explorerWant(t, em, "_site/explorer/big/0.json", `"items":[["Sub","",3]]`)
	explorerWant(t, em, "big/sub/n650/index.html", `data-folder="big/sub/" data-parts="0 0 2" hidden`)
	explorerWant(t, em, "big/sub/n010/index.html", `data-folder="big/sub/" hidden`)
}

// TestPagesCompact checks that pages come out of the layouts compact,
// with their inline scripts minified, yet keep the whitespace of <pre>
// and of math, and that they are the same from build to build.
func TestPagesCompact(t *testing.T) {
	t.Parallel()
	vault := map[string]string{
		"Code.md": "# Code\n\n```\nfunc  main() {\n\treturn\n}\n```\n\nsome    text\n\n$$\na % comment\n+ b\n$$\n",
	}
	one, two := buildVault(t, vault), buildVault(t, vault)
	page := string(one.Files["code/index.html"])
	for _, want := range []string{"func  main() {\n\treturn\n}", "a % comment\n+ b", "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
		`"DOMContentLoaded",function(){`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	// A few newlines stay, where one sits between inline elements or
	// template actions; the layouts' indentation does not.
	if strings.Contains(page, "\n ") || strings.Count(page, "\n") > 40 {
		t.Errorf("the page is not compact:\n%s", page)
	}
	for _, p := range one.Paths() {
		if !bytes.Equal(one.Files[p], two.Files[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	if _, ok := one.Files[site.OutPath("_site/explorer/0.json")]; !ok {
		t.Error("no explorer file")
	}
}
