// Package search makes the site's search index: published notes in, as
// Documents, the index's files out, written as MiniSearch's
// serialization (version 2) cut into files so that a page downloads only
// what a query needs.
//
// Contract:
//
//   - Build takes the documents in ID order (the notes' vault paths) and
//     returns an Index; Files gives its files, all below Dir, index.json
//     (MetaFile) first. The same documents give the same bytes, whatever
//     the scheduling, and with or without an earlier index.
//   - Reuse: given the index of an earlier build, Build tokenizes again
//     only the documents whose Key is nil or new; when the documents are
//     the same notes in the same order it updates that index in place of
//     making one, and re-encodes only the terms whose postings changed.
//     Unchanged tells which files came through as the very same bytes,
//     so a rebuild need not write them again.
//   - Terms is the tokenizer; templates/assets/search.js implements the
//     same steps for queries, and a browser test runs both on one list.
//   - Build stops when its context is done, with the context's error.
//
// The files:
//
//   - _site/search/index.json: MiniSearch's header fields, the ranking
//     options and the list of the other files. Its name is fixed, so no
//     page changes when the index does; every other file is named by a
//     hash of its content and can be cached for good.
//   - _site/search/t/<key>.<hash>.json: the postings of every term that
//     starts with key, two characters or more, or one CJK character
//     (shards), as MiniSearch's index entries with their numbers packed.
//     A query term needs the shard of the longest key it starts with;
//     its prefix matches, and MiniSearch's typo-tolerant ones, are found
//     there too. The path field's terms start with "/" (pathMark) and
//     the tags field's whole-tag terms with "#" (tagMark), so they have
//     shards of their own, which only path: and tag filters download.
//   - _site/search/f/<key>.<hash>.json: the typo dictionary (typos.go),
//     cut by the first characters of its keys as the shards are: every
//     word filed under itself and its one-letter deletions, so that a
//     word misspelt anywhere, even in its first letters, finds the term
//     meant, whose shard it then fetches.
//   - _site/search/d/<n>.<hash>.json: the documents, searchDocsPerFile
//     per file in id order: [title, URL from the site root, folders].
//
// MiniSearch keeps a length per document and field for BM25. At 10,000
// notes that table alone would be several hundred kilobytes, so the
// length normalisation is done here instead and folded into the term
// frequencies (normTF); the browser searches with b = 0, where lengths
// drop out, and fills documentIds and fieldLength itself.
//
// The shards and the typo dictionary are each a function of the set of
// terms and their postings alone, so the same documents give the same
// files.
//
// The tokenizer is token.go; the index, index.go; its files, files.go,
// shards.go and typos.go; the update of an earlier index, update.go.
package search
