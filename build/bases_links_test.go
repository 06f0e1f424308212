package build

import (
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// attachVault has books whose properties link to attachments: a cover
// image, a PDF with a page, a canvas, one file in a folder the path
// rules leave out, and one that does not exist.
const attachVault = `
-- .obsidian/app.json --
{"userIgnoreFilters": ["Hidden/"]}
-- Books/Dune.md --
---
tags: [book]
cover: "[[dune.jpg]]"
manual: "[[guide.pdf#page=3]]"
board: "[[Plan.canvas]]"
---
A book.
-- Books/Emma.md --
---
tags: [book]
cover: "[[Hidden/emma.jpg]]"
manual: "[[nowhere.pdf]]"
---
Another.
-- Books/dune.jpg --
JPEG
-- Books/guide.pdf --
PDF
-- Hidden/emma.jpg --
SECRET-JPEG
-- Plan.canvas --
{"nodes": [], "edges": []}
-- Shelf.md --
` + "```base" + `
filters: file.hasTag("book")
views:
  - type: table
    order: [file.name, cover, manual, board]
  - type: cards
    image: cover
    order: [file.name, manual]
` + "```" + `
`

// TestBaseAttachmentLinks: a property that links to an attachment shows
// in a view as a link to the published attachment, which the build
// copies (and a cards view shows an image as the cover); a PDF keeps its
// page; a canvas links to its page; a file the rules keep out, or a
// missing one, shows no link.
func TestBaseAttachmentLinks(t *testing.T) {
	t.Parallel()
	_, em := buildLook(t, attachVault, Options{})
	assertFile(t, em, "shelf/index.html",
		`<a class="internal-link" href="../Books/dune.jpg">dune.jpg</a>`,
		`<a class="internal-link" href="../Books/guide.pdf#page=3">guide.pdf#page=3</a>`,
		`<a class="internal-link" href="../plan.canvas/">Plan.canvas</a>`,
		`<img src="../Books/dune.jpg" alt="" loading="lazy">`,
		`>nowhere.pdf</td>`,
		`! Hidden/emma.jpg"`, `! hidden/emma.jpg`, `! href="../nowhere.pdf"`)
	for _, p := range []string{"Books/dune.jpg", "Books/guide.pdf"} {
		if _, ok := em.Files[site.OutPath(p)]; !ok {
			t.Errorf("%s, which a view links to, is not published; have %v", p, em.Paths())
		}
	}
}
