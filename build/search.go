package build

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/vaultsite/vaultsite/internal/search"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// The search index is internal/search's: this file hands it the
// published notes as documents and writes its files. What a note gives
// the index is decided here: its title, aliases, headings, tags and the
// words a reader sees in its body (searchText).

// emitSearch writes the search index of the published notes and keeps it
// for the next build, if one follows; when ctx is done it stops with
// ctx's error. It runs before the notes' pages are rendered, so the words
// it indexed, about as many bytes as the notes, are let go before the
// pages are made. A rebuild writes only the files it did not take from
// the last build's index as they were: the emitter copies what it is
// given, 13 MB at 10,000 notes.
func (b *builder) emitSearch(ctx context.Context) error {
	prev := b.memo.search
	files, out, err := b.searchIndex(ctx, prev) // cache_search.go
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if !b.oneShot {
		b.memo.search = out
	}
	if b.oneShot || out != nil { // else the words were read from the cache, and the next rebuild hashes them again
		b.dropSearchText()
	}
	kept := prev.Unchanged(out)
	b.searchFiles = make(map[site.OutPath]bool, len(files))
	for _, f := range files {
		if b.searchFiles[f.Path] = true; kept[f.Path] && b.has(f.Path) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.emit(f.Path, f.Data); err != nil {
			return err
		}
	}
	for _, f := range templates.SearchLibrary() {
		if !b.has(f.Path) { // named by its version
			if err := b.emit(f.Path, f.Data); err != nil {
				return err
			}
		}
	}
	return nil
}

// searchDocuments returns the published notes and the .base pages
// (bases_search.go) in path order as the index's documents, each keyed
// by its facts: a note read again has new ones. A note that prev indexed
// and that is the same, with the same facts and URL, keeps its document.
func (b *builder) searchDocuments(prev *search.Index) []search.Document {
	var old []search.Document
	if prev != nil {
		old = prev.Documents()
	}
	out := make([]search.Document, 0, len(old)+1) // about as many as the last build
	k := 0
	for i, n := range b.v.Notes {
		if !n.Published {
			continue
		}
		for k < len(old) && old[k].ID < n.Path {
			k++
		}
		if k < len(old) && old[k].ID == n.Path && old[k].Key == any(b.a.facts[i]) && old[k].URL == n.Slug.FromRoot() {
			out = append(out, old[k])
		} else {
			out = append(out, searchDocument(n, b.a.facts[i], b.opts.Cache == nil))
		}
	}
	return mergeByID(out, b.baseSearchDocuments())
}

// mergeByID merges two lists of documents sorted by ID into one.
func mergeByID(a, b []search.Document) []search.Document {
	if len(b) == 0 {
		return a
	}
	out := make([]search.Document, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].ID < b[0].ID {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// searchDocument returns the document of the published note n, whose
// facts are f. With once, its Body lets the words go as the index takes
// them (internal/search asks once); a build with a cache reads them
// twice, to hash them first (cache_search.go), and sets it false.
func searchDocument(n *site.Note, f *noteFacts, once bool) search.Document {
	d := search.Document{ID: n.Path, Title: n.Title(), URL: n.Slug.FromRoot(), Crumbs: crumbs(n.Path),
		Aliases: n.Props.Aliases, Tags: noteTags(n)}
	for _, h := range n.Headings {
		d.Headings = append(d.Headings, h.Plain)
	}
	if f != nil { // a nil *noteFacts must not become a non-nil Key
		d.Key, d.Body = f, f.searchText
		if once {
			d.Body = f.takeSearch
		}
	}
	return d
}

// dropSearchText lets go of the words of every note the index now holds:
// the index keeps a note's terms under its facts (the document's Key),
// and a rebuild that keeps the facts takes the terms from the index
// without calling Body again (internal/search's Document.Key).
func (b *builder) dropSearchText() {
	for _, f := range b.a.facts {
		if f != nil {
			f.search = ""
		}
	}
}

// crumbs returns the folders of p joined for display, "Projects / Alpha".
func crumbs(p site.VaultPath) string {
	return strings.ReplaceAll(p.Dir(), "/", " / ")
}

// searchText returns the words a reader sees in the body of d, for the
// search index's text field: paragraphs, lists, tables, callouts, code
// and footnotes, with a line break after every block so words of
// adjacent blocks never run together. It leaves out what the headings
// field already holds (headings), what a reader does not see as words
// (math, raw HTML, image alt text) and everything embeds bring in: an
// embed's content belongs to another note, which may be unpublished.
// Frontmatter and %% comments are already blanked in the Doc's source.
func searchText(d *render.Doc) string {
	var b strings.Builder
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		return searchTextNode(&b, n, d.Src), nil
	})
	return b.String()
}

// searchTextNode writes the text n itself holds and says whether to walk
// into its children.
func searchTextNode(b *strings.Builder, n ast.Node, src []byte) ast.WalkStatus {
	switch n := n.(type) {
	case *ast.Heading, *ast.HTMLBlock, *ast.RawHTML, *ast.Image, *render.Math, *render.MathBlock:
		return ast.WalkSkipChildren
	case *ast.Text:
		b.Write(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(n.Value)
	case *ast.AutoLink:
		b.Write(n.Label(src))
	case *ast.FencedCodeBlock:
		lang := n.Language(src)
		if bytes.EqualFold(lang, []byte("math")) || bytes.EqualFold(lang, []byte("latex-display")) {
			return ast.WalkSkipChildren // shown as a formula (render.isMathFence)
		}
		writeLines(b, n, src)
	case *ast.CodeBlock:
		writeLines(b, n, src)
	case *render.InternalLink:
		if n.Embed {
			return ast.WalkSkipChildren
		}
		if n.Wiki {
			b.WriteString(n.Display)
			return ast.WalkSkipChildren
		}
	case *render.Tag:
		b.WriteString(n.Name)
		b.WriteByte(' ')
	}
	return ast.WalkContinue
}

func writeLines(b *strings.Builder, n ast.Node, src []byte) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
}
