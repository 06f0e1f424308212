package build

import (
	"context"
	"encoding/binary"

	"github.com/vaultsite/vaultsite/internal/cache"
	"github.com/vaultsite/vaultsite/internal/parallel"
	"github.com/vaultsite/vaultsite/internal/search"
	"github.com/vaultsite/vaultsite/site"
)

// searchIndex returns the search index's files and the index, to keep
// for the next build of a live site. A build that has an earlier index
// to update (prev) updates it; one that has none and a cache takes the
// files from the cache when a build indexed the same documents before,
// and then has no index to keep (nil): the next rebuild of a live site
// indexes afresh, as a build without a cache would have at the start.
func (b *builder) searchIndex(ctx context.Context, prev *search.Index) ([]search.File, *search.Index, error) {
	docs := b.searchDocuments(prev)
	c := b.opts.Cache
	if c == nil || prev != nil {
		return buildSearch(ctx, docs, prev)
	}
	k, err := searchKey(ctx, docs)
	if err != nil {
		return nil, nil, err
	}
	if data, ok := c.Get(k); ok {
		if files, ok := decodeFiles(data); ok {
			return files, nil, nil
		}
	}
	files, out, err := buildSearch(ctx, docs, nil)
	if err == nil {
		c.Put(k, encodeFiles(files))
	}
	return files, out, err
}

func buildSearch(ctx context.Context, docs []search.Document, prev *search.Index) ([]search.File, *search.Index, error) {
	out, err := search.Build(ctx, docs, prev)
	if err != nil {
		return nil, nil, err
	}
	files, err := out.Files()
	return files, out, err
}

// searchKey is the key of an index of docs: every field of every
// document, the body's words included (TestSearchKeyFields fails when
// search.Document gains a field this does not hash), each document
// hashed on its own, concurrently, and the lot in order.
func searchKey(ctx context.Context, docs []search.Document) (cache.Key, error) {
	keys := make([]cache.Key, len(docs))
	err := parallel.Each(ctx, len(docs), func(i int) error {
		keys[i] = searchDocKey(&docs[i])
		return nil
	})
	h := cache.NewHasher("search")
	h.Int(int64(len(keys)))
	for _, k := range keys {
		h.Bytes(k[:])
	}
	return h.Key(), err
}

// searchDocKey hashes every field of d but Key, which names the parse
// the body came from, not what it says.
func searchDocKey(d *search.Document) cache.Key {
	h := cache.NewHasher("search-doc")
	for _, s := range []string{string(d.ID), d.Title, string(d.URL), d.Crumbs} {
		h.String(s)
	}
	for _, list := range [][]string{d.Aliases, d.Headings, d.Tags} {
		h.Int(int64(len(list)))
		for _, s := range list {
			h.String(s)
		}
	}
	h.Bool(d.Body != nil)
	if d.Body != nil {
		h.String(d.Body())
	}
	return h.Key()
}

// encodeFiles writes files as their count, then each path and data,
// lengths first.
func encodeFiles(files []search.File) []byte {
	out := binary.AppendUvarint(nil, uint64(len(files)))
	for _, f := range files {
		out = binary.AppendUvarint(out, uint64(len(f.Path)))
		out = append(out, f.Path...)
		out = binary.AppendUvarint(out, uint64(len(f.Data)))
		out = append(out, f.Data...)
	}
	return out
}

// decodeFiles reads what encodeFiles wrote, or ok false.
func decodeFiles(b []byte) (files []search.File, ok bool) {
	next := func() ([]byte, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, false
		}
		field := b[k : k+int(n)]
		b = b[k+int(n):]
		return field, true
	}
	count, k := binary.Uvarint(b)
	if k <= 0 || count > uint64(len(b)) {
		return nil, false
	}
	b = b[k:]
	for range count {
		p, ok1 := next()
		data, ok2 := next()
		out, err := site.ParseOutPath(string(p))
		if !ok1 || !ok2 || err != nil {
			return nil, false
		}
		files = append(files, search.File{Path: out, Data: data})
	}
	return files, len(b) == 0
}
