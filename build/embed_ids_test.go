package build

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestEmbedsKeepIDsUnique: a note that embeds its own block, and a note
// with the same heading and footnotes as the page, leave every id on the
// page once; footnotes inside an embed link to the embed's own notes,
// and so do a canvas's cards. A canvas card of a note with math loads
// KaTeX.
func TestEmbedsKeepIDsUnique(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"Self.md":  {Data: []byte("# Self\n\nA paragraph.[^1] ^blk\n\n## Sub\n\n![[Self#^blk]]\n\n![[Other]]\n\n![[Other#Sub]]\n\n[^1]: Self's note.\n")},
		"Other.md": {Data: []byte("# Other\n\n## Sub\n\nText[^1] ^blk and $x^2$\n\n[^1]: Other's note.\n")},
		"Map.canvas": {Data: []byte(`{"nodes":[
			{"id":"a","type":"file","file":"Other.md","x":0,"y":0,"width":300,"height":200},
			{"id":"b","type":"file","file":"Self.md","x":400,"y":0,"width":300,"height":200},
			{"id":"c","type":"text","text":"Card[^1]\n\n[^1]: card note","x":0,"y":300,"width":300,"height":200},
			{"id":"d","type":"text","text":"Card[^1]\n\n[^1]: card note","x":400,"y":300,"width":300,"height":200}],"edges":[]}`)},
	}
	_, em := buildSite(t, fsys, Options{})
	checkLinks(t, em) // every fragment has its id, and no id is there twice
	self := string(em.Files["self/index.html"])
	for _, want := range []string{`id="^blk"`, `id="sub"`, `href="#fn-fn:1"`, `href="#fn-e2-fn:1"`} {
		if !strings.Contains(self, want) {
			t.Errorf("self/index.html lacks %s", want)
		}
	}
	if canvas := string(em.Files["map.canvas/index.html"]); !strings.Contains(canvas, "katex") {
		t.Error("a canvas card with math does not load KaTeX")
	}
}
