package templates

import (
	"bytes"
	"html/template"
	"testing"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// browserContent is what render emits for inline math, a $$ block, a
// ```math fence and two ```mermaid fences, the second with a node marked
// internal-link, for which render adds a "click … href" line.
const browserContent = `<p>Inline <span class="math math-inline">\(x^2\)</span>.</p>
<div class="math math-block">\[\frac{1}{2}\]</div>
<div class="math math-block">$$\int_0^1 y\,dy$$</div>
<pre class="mermaid">graph TD
  A[Start] --&gt; B[End]</pre>
<pre class="mermaid">graph TD
A[Other] --&gt; B
class A internal-link;
click A href "../other/"</pre>
`

// TestLibrariesInBrowser loads a page with math and a diagram in
// chromium: KaTeX typesets every formula from the vendored files, Mermaid
// draws the diagrams, makes the node that render gave a "click … href"
// line a link, draws them again in the dark theme when the theme toggle
// is pressed, and no file the page or the libraries ask for is missing. It skips without chromium, except under CI.
func TestLibrariesInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	site := browsertest.Serve(t, libraryFiles(t))
	tab := b.Tab(t)
	tab.Navigate(site.URL + "/note/")
	if !tab.Poll(`document.querySelectorAll(".math .katex").length === 3`) {
		t.Error("KaTeX did not typeset the three formulas")
	}
	const fill = `(() => { const r = document.querySelector("pre.mermaid svg .node rect"); return r ? getComputedStyle(r).fill : "" })()`
	if !tab.Poll(fill) {
		t.Fatal("Mermaid drew no diagram")
	}
	if !tab.Poll(`document.querySelector('pre.mermaid svg a[*|href="../other/"] .internal-link') !== null`) {
		t.Error("Mermaid drew the internal-link node without its link")
	}
	light := browsertest.Eval[string](tab, fill)
	tab.Click(".theme-toggle")
	if !tab.Poll(`(() => { const f = ` + fill + `; return f !== "" && f !== "` + light + `" })()`) {
		t.Errorf("the diagram kept its colours (%s) after the theme toggle", light)
	}
	dark := browsertest.Eval[string](tab, fill)
	t.Logf("node fill: light %s, dark %s", light, dark)
	for _, p := range site.Missing() {
		t.Errorf("the page asked for %s, which the site does not have", p)
	}
}

// libraryFiles is a site of the static files, every vendored file and
// one note page at note/ that loads both libraries.
func libraryFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range append(Static(), append(ThirdParty(true, true), Messages(""))...) {
		files[string(f.Path)] = f.Data
	}
	var page bytes.Buffer
	err := Render(&page, &PageData{
		Kind: PageNote, Title: "Libraries", Root: "../", HasMath: true, HasMermaid: true,
		Content: template.HTML(browserContent),
	})
	if err != nil {
		t.Fatal(err)
	}
	files["note/index.html"] = page.Bytes()
	return files
}
