package build

import (
	"context"
	"fmt"
	"strings"

	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// The search index is written at build time, from published notes only,
// as MiniSearch's serialization (version 2) cut into files, so that a
// page downloads only what a query needs (search_files.go):
//
//   - _site/search/index.json: MiniSearch's header fields, the ranking
//     options and the list of the other files. Its name is fixed, so no
//     page changes when the index does; every other file is named by a
//     hash of its content and can be cached for good.
//   - _site/search/t/<key>.<hash>.json: the postings of every term that
//     starts with key, two characters or more (shards), as MiniSearch's
//     index entries with their numbers packed. A query term needs the
//     shard of the longest key it starts with; its prefix and
//     typo-tolerant matches are found there too, so typos are tolerated
//     after the key's characters.
//   - _site/search/d/<n>.<hash>.json: the documents, searchDocsPerFile
//     per file in id order: [title, URL from the site root, folders].
//
// MiniSearch keeps a length per document and field for BM25. At 10,000
// notes that table alone would be several hundred kilobytes, so the
// length normalisation is done here instead and folded into the term
// frequencies (normTF); the browser searches with b = 0, where lengths
// drop out, and fills documentIds and fieldLength itself.
//
// The tokenizer is search_token.go; the index, search_index.go; the
// text of a note, search_text.go; the browser's side,
// templates/assets/search.js.

// Search fields, in MiniSearch's fieldIds order.
const (
	fieldTitle = iota
	fieldAliases
	fieldHeadings
	fieldTags
	fieldText
	numFields
)

// searchFields names the fields and gives their boosts: a word in a title
// counts as much as six in the text, an alias almost as much, headings
// and tags between.
var searchFields = [numFields]struct {
	name  string
	boost float64
}{
	fieldTitle:    {"title", 6},
	fieldAliases:  {"aliases", 4},
	fieldHeadings: {"headings", 2},
	fieldTags:     {"tags", 2},
	fieldText:     {"text", 1},
}

// searchEntry is what the index takes from one published note.
type searchEntry struct {
	Title  string
	URL    site.RelURL // from the site root
	Crumbs string      // the note's folders, "Projects / Alpha"
	Fields [numFields][]string
	// doc, when set, is the parsed note: its searchText is added to the
	// text field while the index is built, concurrently.
	doc *render.Doc
	// path, note and slug say which note the entry is, and at which URL,
	// so that a rebuild can tell the entries it can keep.
	path site.VaultPath
	note *site.Note
	slug site.Slug
}

// emitSearch writes the search index of the published notes
// (search_files.go), and keeps it for the next build. A rebuild writes
// only the files it did not take from the last build's index as they
// were: the emitter copies what it is given, 13 MB at 10,000 notes.
func (b *builder) emitSearch() error {
	prev := b.a.search
	out, err := nextSearch(context.Background(), prev, b.searchEntries(prev))
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	b.a.search = out
	files, err := out.files()
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	kept := prev.keptFiles(out)
	b.searchFiles = make(map[site.OutPath]bool, len(files))
	for _, f := range files {
		if b.searchFiles[f.path()] = true; kept[f.rel] && b.has(f.path()) {
			continue
		}
		if err := b.emit(f.path(), f.data); err != nil {
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

// nextSearch returns the index of entries as files: prev's updated, when
// the entries index the same notes in the same order (search_update.go),
// else a new index, which takes from prev the terms of the notes that
// did not change. prev may be nil.
func nextSearch(ctx context.Context, prev *searchOut, entries []searchEntry) (*searchOut, error) {
	if prev != nil && prev.idx.sameDocs(entries) {
		idx, dirty, err := prev.idx.update(ctx, entries)
		if err != nil {
			return nil, err
		}
		return prev.rewrite(idx, dirty)
	}
	var old *searchIndex
	if prev != nil {
		old = prev.idx
	}
	idx, err := newSearchIndex(ctx, entries, old)
	if err != nil {
		return nil, err
	}
	return cutIndex(idx)
}

// searchEntries returns the published notes in path order, with what the
// index takes from each: title, aliases, headings, tags and, through the
// parsed doc, the text. A note that prev indexed and that is the same,
// with the same doc and URL, keeps its entry.
func (b *builder) searchEntries(prev *searchOut) []searchEntry {
	var old []searchEntry
	if prev != nil {
		old = prev.idx.entries
	}
	out := make([]searchEntry, 0, len(old)+1) // about as many as the last build
	k := 0
	for i, n := range b.v.Notes {
		if !n.Published {
			continue
		}
		for k < len(old) && old[k].path < n.Path {
			k++
		}
		if k < len(old) && old[k].note == n && old[k].doc == b.docs[i] && old[k].slug == n.Slug {
			out = append(out, old[k])
		} else {
			out = append(out, newSearchEntry(n, b.docs[i]))
		}
	}
	return out
}

// newSearchEntry returns the entry of the published note n.
func newSearchEntry(n *site.Note, doc *render.Doc) searchEntry {
	e := searchEntry{Title: n.Title(), URL: n.Slug.FromRoot(), Crumbs: crumbs(n.Path), doc: doc, path: n.Path, note: n, slug: n.Slug}
	e.Fields[fieldTitle] = []string{n.Title()}
	e.Fields[fieldAliases] = n.Props.Aliases
	for _, h := range n.Headings {
		e.Fields[fieldHeadings] = append(e.Fields[fieldHeadings], h.Plain)
	}
	e.Fields[fieldTags] = noteTags(n)
	return e
}

// crumbs returns the folders of p joined for display, "Projects / Alpha".
func crumbs(p site.VaultPath) string {
	return strings.ReplaceAll(p.Dir(), "/", " / ")
}
