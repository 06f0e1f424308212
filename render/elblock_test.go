package render

import "testing"

// TestElBlock: with BlockBoxes each top-level block of a page is in
// Obsidian's el-* div, and the ids inside (headings, blocks, footnotes)
// are untouched.
func TestElBlock(t *testing.T) {
	t.Parallel()
	doCaseFile(t, newCaseMarkdown(Config{BlockBoxes: true}), "testdata/elblock.txt")
}
