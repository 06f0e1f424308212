package build_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// TestExplorerFile builds a small vault and checks the explorer file:
// written once, named by every page but the 404 page, never inlined, and
// holding the folder tree in listing order, with folder notes reached
// through their folders.
func TestExplorerFile(t *testing.T) {
	t.Parallel()
	em := buildVault(t, map[string]string{
		"Home.md":             "# Home\n",
		"Zeta.md":             "z",
		"alpha.md":            "a",
		"Projects.md":         "the folder note of Projects/",
		"Projects/Beta.md":    "b",
		"Projects/Old/Gam.md": "g",
		"Café/Thé.md":         "t",
	})
	data, ok := em.Files["_site/explorer.json"]
	if !ok {
		t.Fatalf("no explorer file; emitted %v", em.Paths())
	}
	var got struct {
		Version int
		Items   []any
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	want := []any{
		[]any{"Café", "caf%C3%A9/", []any{[]any{"Thé", "th%C3%A9/"}}},
		[]any{"Projects", "projects/", []any{
			[]any{"Old", "old/", []any{[]any{"Gam", "gam/"}}},
			[]any{"Beta", "beta/"},
		}},
		[]any{"alpha", "alpha/"},
		[]any{"Zeta", "zeta/"},
	}
	if got.Version != 1 {
		t.Errorf("version %d, want 1", got.Version)
	}
	if diff := cmp.Diff(want, got.Items); diff != "" {
		t.Errorf("explorer items (-want +got):\n%s", diff)
	}
	for _, p := range em.Paths() {
		if !strings.HasSuffix(string(p), ".html") {
			continue
		}
		page := em.Files[p]
		names := bytes.Contains(page, []byte(`_site/explorer.json"`))
		if names == (p == "404.html") {
			t.Errorf("%s names the explorer file: %v", p, names)
		}
		if bytes.Contains(page, []byte(`"Gam"`)) {
			t.Errorf("%s carries the folder tree inline", p)
		}
	}
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
	if _, ok := one.Files[site.OutPath("_site/explorer.json")]; !ok {
		t.Error("no explorer file")
	}
}
