package search

import (
	"context"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// Search fields, in MiniSearch's fieldIds order.
const (
	fieldTitle = iota
	fieldAliases
	fieldHeadings
	fieldTags
	fieldText
	fieldPath
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
	fieldPath:     {"path", 1},
}

// pathMark starts every term of the path field: "Projects/Alpha.md" gives
// "/projects" and "/alpha". A query's words never start with it, so the
// path's terms match only a path: filter, and they sit in shards of
// their own ("/p"), which no other query downloads.
const pathMark = "/"

// tagMark starts the tags field's whole-tag terms: the tag "Work/Net"
// gives "#work" and "#work/net" besides the words "work" and "net", so
// that a tag filter ("#work", "tag:work") matches a tag and the tags
// nested in it exactly, and not "#workshop" or "#home/work". A query's
// words never start with it, and these terms sit in shards of their own.
const tagMark = "#"

// tagTerms returns the whole-tag terms of tags: each tag, folded, and
// each of its parents, after tagMark.
func tagTerms(tags []string) []string {
	var out []string
	for _, tag := range tags {
		tag = searchFold(strings.Trim(tag, "#/"))
		for i := 0; i < len(tag); i++ {
			if tag[i] == '/' {
				out = append(out, tagMark+tag[:i])
			}
		}
		if tag != "" {
			out = append(out, tagMark+tag)
		}
	}
	return out
}

// pathTerms returns the path field's terms of the note at p: the words of
// its folders and file name, without the extension, each after pathMark.
func pathTerms(p site.VaultPath) []string {
	s := string(p)
	if i := strings.LastIndexByte(s, '.'); i > strings.LastIndexByte(s, '/') {
		s = s[:i]
	}
	terms := Terms(s)
	for i, t := range terms {
		terms[i] = pathMark + t
	}
	return terms
}

// Document is what the index takes from one published note.
type Document struct {
	// ID names the document from one build to the next: the note's vault
	// path. Build takes documents sorted by ID.
	ID site.VaultPath
	// Title, URL (from the site root) and Crumbs (the note's folders,
	// "Projects / Alpha") are what a result shows.
	Title  string
	URL    site.RelURL
	Crumbs string
	// Aliases, Headings and Tags are searched in fields of their own.
	Aliases, Headings, Tags []string
	// Body, when set, returns the text field's words. Build calls it
	// concurrently with other documents' Body, at most once per document
	// it tokenizes.
	Body func() string
	// Key, when not nil, identifies the document's content: a document
	// with the Key of one the earlier index tokenized keeps its terms, so
	// two documents may share a Key only when their title, aliases,
	// headings, tags and body are the same. It must be comparable.
	Key any
}

// fields returns the document's texts by field, the body aside.
func (d *Document) fields() [numFields][]string {
	var f [numFields][]string
	f[fieldTitle] = []string{d.Title}
	f[fieldAliases], f[fieldHeadings], f[fieldTags] = d.Aliases, d.Headings, d.Tags
	return f
}

// File is one file of the index.
type File struct {
	Path site.OutPath // below Dir
	Data []byte
}

// Build returns the index of docs, sorted by ID. prev, the index of an
// earlier build or nil, is not modified: when docs are the same notes
// in the same order, the result is prev's updated (update.go), else a
// new index, which takes from prev the terms of every document with a
// Key prev also indexed. When ctx is done, Build stops with its error.
func Build(ctx context.Context, docs []Document, prev *Index) (*Index, error) {
	if prev != nil && prev.idx.sameDocs(docs) {
		idx, dirty, err := prev.idx.update(ctx, docs)
		if err != nil {
			return nil, err
		}
		return prev.rewrite(ctx, idx, dirty)
	}
	var old *searchIndex
	if prev != nil {
		old = prev.idx
	}
	idx, err := newSearchIndex(ctx, docs, old)
	if err != nil {
		return nil, err
	}
	return cutIndex(ctx, idx)
}

// Documents returns the documents x indexes, in ID order; the caller
// must not modify them.
func (x *Index) Documents() []Document { return x.idx.entries }

// Files returns the index as files, index.json first and then the shards
// and documents files in name order.
func (x *Index) Files() ([]File, error) {
	files, err := x.files()
	if err != nil {
		return nil, err
	}
	out := make([]File, len(files))
	for i, f := range files {
		out[i] = File{Path: f.path(), Data: f.data}
	}
	return out, nil
}

// Unchanged returns the files that next, built from x, took from x as
// they were: the very same bytes, which a rebuild that still has x's
// files need not write again. x may be nil.
func (x *Index) Unchanged(next *Index) map[site.OutPath]bool {
	out := map[site.OutPath]bool{}
	for rel := range x.keptFiles(next) {
		out[searchFile{rel: rel}.path()] = true
	}
	return out
}
