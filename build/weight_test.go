package build_test

import (
	"context"
	"html"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// thirdpartyRef finds a page's references to vendored library files,
// whether in an href, a src or a script.
var thirdpartyRef = regexp.MustCompile(`[./]*_site/thirdparty/[^"'\s>]+`)

func buildVault(t *testing.T, files map[string]string) *build.MemEmitter {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), fsys, build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	return em
}

// TestLibrariesOnlyWhereNeeded builds a vault with a note with math, one
// with a diagram and one with neither: each page names KaTeX or Mermaid
// only if it needs it, and every library file a page names was emitted.
func TestLibrariesOnlyWhereNeeded(t *testing.T) {
	t.Parallel()
	em := buildVault(t, map[string]string{
		"Math.md":    "# Math\n\nEuler: $e^{i\\pi}+1=0$, and costs $5 and $10.\n",
		"Diagram.md": "# Diagram\n\n```mermaid\ngraph TD\n  A --> B\n```\n",
		"Plain.md":   "# Plain\n\nNothing to typeset: $5 and $10 today.\n",
	})
	for _, tt := range []struct {
		page           site.OutPath
		katex, mermaid bool
	}{
		{page: "math/index.html", katex: true},
		{page: "diagram/index.html", mermaid: true},
		{page: "plain/index.html"},
		{page: "index.html"},
		{page: "404.html"},
	} {
		html, ok := em.Files[tt.page]
		if !ok {
			t.Fatalf("no page %s", tt.page)
		}
		lower := strings.ToLower(string(html))
		if got := strings.Contains(lower, "katex"); got != tt.katex {
			t.Errorf("%s names katex: %v, want %v", tt.page, got, tt.katex)
		}
		if got := strings.Contains(lower, "mermaid"); got != tt.mermaid {
			t.Errorf("%s names mermaid: %v, want %v", tt.page, got, tt.mermaid)
		}
		refs := thirdpartyRef.FindAllString(string(html), -1)
		if (tt.katex || tt.mermaid) && len(refs) == 0 {
			t.Errorf("%s loads no library file", tt.page)
		}
		for _, ref := range refs {
			target := site.OutPath(path.Join(path.Dir(string(tt.page)), ref))
			if _, ok := em.Files[target]; !ok {
				t.Errorf("%s refers to %s, which was not emitted", tt.page, target)
			}
		}
	}
	for _, f := range templates.ThirdParty(true, true) {
		if _, ok := em.Files[f.Path]; !ok {
			t.Errorf("%s was not emitted", f.Path)
		}
	}
	if _, ok := em.Files["_site/thirdparty/katex-0.19.1/LICENSE"]; !ok {
		t.Error("KaTeX's licence was not emitted")
	}
}

// TestNoLibrariesWithoutUse checks that a site whose pages need neither
// library carries none of its files: Mermaid alone is about 5.5 MB. Only
// sigma, which every site's graph page loads, and MiniSearch, which its
// search loads, are there.
func TestNoLibrariesWithoutUse(t *testing.T) {
	t.Parallel()
	em := buildVault(t, map[string]string{
		"A.md": "# A\n\nPrices: $5 and $10, `$x$` in code.\n",
		"B.md": "```js\nconsole.log(1)\n```\n",
	})
	for _, p := range em.Paths() {
		if strings.HasPrefix(string(p), "_site/thirdparty/") && !strings.HasPrefix(string(p), "_site/thirdparty/sigma-") &&
			!strings.HasPrefix(string(p), "_site/thirdparty/minisearch-") {
			t.Errorf("emitted %s for a site without math or diagrams", p)
		}
	}
}

// TestEmbeddedMathLoadsKaTeX: a page without math of its own that embeds
// a note with math and a diagram loads both libraries.
func TestEmbeddedMathLoadsKaTeX(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"Formulas.md": {Data: []byte("## Ranges\n$2^{16}-1$\n\n```mermaid\ngraph TD; A-->B\n```\n")},
		"Study.md":    {Data: []byte("![[Formulas#Ranges]]\n")},
	}
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), fsys, build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	page := string(em.Files["study/index.html"])
	for _, lib := range []string{"katex", "mermaid"} {
		if !strings.Contains(page, lib) {
			t.Errorf("the embedding page does not load %s", lib)
		}
	}
}

// TestPropertyDates: dates in properties read as dates; other text, and
// impossible dates, stay as written.
func TestPropertyDates(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"a.md": {Data: []byte("---\ndate: 2023-07-07\ncreated: 2024-02-01T10:30:00+02:00\nodd: 2023-13-45\ntype:: network+\n---\nx\n")}}
	em := build.NewMemEmitter()
	if _, err := build.Build(context.Background(), fsys, build.Options{}, em); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(string(em.Files["a/index.html"])) // "+" is written as &#43;
	for _, want := range []string{"7 July 2023", "1 February 2024, 10:30", "2023-13-45", "network+"} {
		if !strings.Contains(page, want) {
			t.Errorf("the properties view lacks %q", want)
		}
	}
}
