package build_test

import (
	"bytes"
	"compress/gzip"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/vaultsite/vaultsite/site"
)

// pageWeightBudget is the most CSS and JavaScript, gzip-compressed, that a
// note page without math or diagrams may load: about what one photo
// costs, so the site stays fast on a slow phone.
const pageWeightBudget = 60 << 10

// TestNotePageWeight sums the gzip-compressed size of every stylesheet
// and script a note page of the bundled vault refers to (HTTP: code,
// tags, backlinks, a local graph, but no math or diagrams) and holds it
// to pageWeightBudget.
func TestNotePageWeight(t *testing.T) {
	t.Parallel()
	files, err := bundledSite()
	if err != nil {
		t.Fatal(err)
	}
	const page = "protocols/http/index.html"
	data := files[page]
	if lower := strings.ToLower(string(data)); strings.Contains(lower, "katex") || strings.Contains(lower, "mermaid") {
		t.Fatalf("%s loads KaTeX or Mermaid; pick a page without math or diagrams", page)
	}
	total, raw := 0, 0
	for _, ref := range pageAssets(data) {
		p := site.OutPath(path.Join(path.Dir(page), ref))
		f, ok := files[p]
		if !ok {
			t.Errorf("%s refers to %s, which was not emitted", page, p)
			continue
		}
		n := gzipSize(t, f)
		t.Logf("%s: %d bytes, %d gzipped", p, len(f), n)
		total, raw = total+n, raw+len(f)
	}
	t.Logf("%s loads %d bytes of CSS and JavaScript, %d gzipped (budget %d)", page, raw, total, pageWeightBudget)
	if total > pageWeightBudget {
		t.Errorf("%s loads %d bytes of gzipped CSS and JavaScript, over the budget of %d", page, total, pageWeightBudget)
	}
	if total == 0 {
		t.Error("found no stylesheet or script")
	}
}

// pageAssets returns the URLs of a page's stylesheets, scripts and
// preloaded modules.
func pageAssets(page []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		attr := map[string]string{}
		for _, a := range tok.Attr {
			attr[a.Key] = a.Val
		}
		switch {
		case tok.Data == "script" && attr["src"] != "":
			out = append(out, attr["src"])
		case tok.Data == "link" && (attr["rel"] == "stylesheet" || attr["rel"] == "modulepreload"):
			out = append(out, attr["href"])
		}
	}
}

// gzipSize is the size of data compressed as a web server would, at
// gzip's default level.
func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}
