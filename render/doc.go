// Package render is vaultsite's goldmark pipeline: Obsidian's syntax as
// goldmark extensions, one file per feature, and the three calls the build
// makes per note: Parse (fills the note's links, headings, block ids and
// tags), Bind (writes each link's resolved destination onto its node) and
// Render (prints the nodes; renderers hold no per-document state).
package render
