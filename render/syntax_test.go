package render

import "testing"

// The case files of the Obsidian-flavoured syntax, one per feature.

func TestHighlight(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/highlight.txt")
}

func TestCallout(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/callout.txt")
}
