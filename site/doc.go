// Package site is vaultsite's model of a vault: the path kinds, notes and
// attachments, loading from an fs.FS with frontmatter, and diagnostics.
//
// It imports no Markdown library: the render package fills the parse-phase
// fields of each Note, and the links package resolves between them.
package site
