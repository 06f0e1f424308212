package templates

import (
	"bytes"
	"context"
	"html/template"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserContent is what render emits for inline math, a $$ block, a
// ```math fence and a ```mermaid fence.
const browserContent = `<p>Inline <span class="math math-inline">\(x^2\)</span>.</p>
<div class="math math-block">\[\frac{1}{2}\]</div>
<div class="math math-block">$$\int_0^1 y\,dy$$</div>
<pre class="mermaid">graph TD
  A[Start] --&gt; B[End]</pre>
`

// contentTypes are the types the site's files need from a server; a
// module script in particular must be served as JavaScript.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".svg": "image/svg+xml", ".woff2": "font/woff2",
}

// TestLibrariesInBrowser loads a page with math and a diagram in
// chromium: KaTeX typesets every formula from the vendored files, Mermaid
// draws the diagram, draws it again in the dark theme when the theme
// toggle is pressed, and no file the page or the libraries ask for is
// missing. It skips without chromium, except under CI.
func TestLibrariesInBrowser(t *testing.T) {
	t.Parallel()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is missing under CI: %v", err)
		}
		t.Skip("no chromium here")
	}
	srv, missing := serveLibraries(t)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox, chromedp.ExecPath(bin))...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/note/")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll(".math .katex").length === 3`)); err != nil {
		t.Errorf("KaTeX did not typeset the three formulas: %v", err)
	}
	const fill = `(() => { const r = document.querySelector("pre.mermaid svg .node rect"); return r ? getComputedStyle(r).fill : "" })()`
	light, err := chromedp.Run(ctx, chromedp.Poll[string](fill))
	if err != nil {
		t.Fatalf("Mermaid drew no diagram: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(".theme-toggle")); err != nil {
		t.Fatal(err)
	}
	dark, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const f = `+fill+`; return f !== "" && f !== "`+light+`" ? f : "" })()`))
	if err != nil {
		t.Errorf("the diagram kept its colours (%s) after the theme toggle: %v", light, err)
	}
	t.Logf("node fill: light %s, dark %s", light, dark)
	for _, p := range missing() {
		t.Errorf("the page asked for %s, which the site does not have", p)
	}
}

// serveLibraries serves the site's static files, every vendored file and
// one note page at /note/ that loads both libraries. missing returns the
// paths asked for that do not exist.
func serveLibraries(t *testing.T) (srv *httptest.Server, missing func() []string) {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range append(Static(), ThirdParty(true, true)...) {
		files["/"+string(f.Path)] = f.Data
	}
	var page bytes.Buffer
	err := Render(&page, &PageData{
		Kind: PageNote, Title: "Libraries", Root: "../", HasMath: true, HasMermaid: true,
		Content: template.HTML(browserContent),
	})
	if err != nil {
		t.Fatal(err)
	}
	files["/note/index.html"] = page.Bytes()
	var mu sync.Mutex
	var absent []string
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "/note/" {
			p += "index.html"
		}
		data, ok := files[p]
		if !ok {
			mu.Lock()
			absent = append(absent, r.URL.Path)
			mu.Unlock()
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", contentTypes[path.Ext(p)])
		_, _ = w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), absent...)
	}
}
