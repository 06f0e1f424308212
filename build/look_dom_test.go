package build

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// domVault has a note with a title, properties and blocks of each kind.
const domVault = `
-- Note.md --
---
tags: [a]
status: draft
---
Some text ^para

## Part

- one
- two

> [!note] A callout
> Inside.

| a | b |
|---|---|
| 1 | 2 |
-- Other.md --
![[Note#Part]]
`

// TestLookDOMTitleInside: the title and the properties are inside the
// page's .markdown-preview-view > .markdown-preview-sizer, in a
// .mod-header, as in Obsidian's reading view and Publish, so a theme's
// rules under .markdown-preview-view (or a cssclass on it) reach them.
func TestLookDOMTitleInside(t *testing.T) {
	t.Parallel()
	_, em := buildLook(t, domVault, Options{})
	doc := parseHTML(t, string(em.Files["note/index.html"]))
	for _, class := range []string{"inline-title", "metadata-container"} {
		n := findClass(doc, class)
		if n == nil {
			t.Fatalf("no .%s on the page", class)
		}
		if !hasAncestor(n, "mod-header") || !hasAncestor(n, "markdown-preview-sizer") || !hasAncestor(n, "markdown-preview-view") {
			t.Errorf(".%s is not inside .markdown-preview-view > .markdown-preview-sizer > .mod-header", class)
		}
	}
}

// TestLookDOMBlockBoxes: each top-level block of the page's body is in
// its el-* div, a direct child of .markdown-preview-sizer, and the ids
// inside are kept; an embedded section still shows.
func TestLookDOMBlockBoxes(t *testing.T) {
	t.Parallel()
	_, em := buildLook(t, domVault, Options{})
	doc := parseHTML(t, string(em.Files["note/index.html"]))
	sizer := findClass(doc, "markdown-preview-sizer")
	var boxes []string
	for c := sizer.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			boxes = append(boxes, attr(c, "class"))
		}
	}
	want := []string{"mod-header", "el-p", "el-h2", "el-ul", "el-div", "el-table"}
	if !slices.Equal(boxes, want) {
		t.Errorf("children of .markdown-preview-sizer: got %q, want %q", boxes, want)
	}
	assertFile(t, em, "note/index.html", `<div class="el-p">`+"\n"+`<p id="^para">Some text</p>`, `<div class="el-h2">`+"\n"+`<h2 id="part"`)
	assertFile(t, em, "other/index.html", `<div class="el-div">`+"\n"+`<div class="internal-embed markdown-embed`, `<h2 data-heading="Part">Part</h2>`, "<li>two</li>")
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findClass returns the first element, in document order, with class c.
func findClass(n *html.Node, c string) *html.Node {
	if n.Type == html.ElementNode && slices.Contains(strings.Fields(attr(n, "class")), c) {
		return n
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if f := findClass(k, c); f != nil {
			return f
		}
	}
	return nil
}

func hasAncestor(n *html.Node, c string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && slices.Contains(strings.Fields(attr(p, "class")), c) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
