package build

import (
	"strings"
	"testing"
)

// TestEmbedsKeepIDsUnique: a note that embeds its own block, and a note
// with the same heading and footnotes as the page, leave every id on the
// page once; footnotes inside an embed link to the embed's own notes,
// and so do a canvas's cards. A canvas card of a note with math loads
// KaTeX.
func TestEmbedsKeepIDsUnique(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, vaultFile(t, "embed-ids"), Options{})
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
