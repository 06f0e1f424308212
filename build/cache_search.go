package build

import (
	"context"
	"encoding/binary"
	"fmt"

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
// document, the body's words included, each document hashed on its own,
// concurrently, and the lot in order. The fields other than the body are
// printed as Go syntax, so a field added to search.Document later is
// part of the key without anyone remembering to add it.
func searchKey(ctx context.Context, docs []search.Document) (cache.Key, error) {
	keys := make([]cache.Key, len(docs))
	err := parallel.Each(ctx, len(docs), func(i int) error {
		d := docs[i]
		h := cache.NewHasher("search-doc")
		h.Bool(d.Body != nil)
		if d.Body != nil {
			h.String(d.Body())
		}
		d.Body, d.Key = nil, nil
		h.String(fmt.Sprintf("%#v", d))
		keys[i] = h.Key()
		return nil
	})
	h := cache.NewHasher("search")
	h.Int(int64(len(keys)))
	for _, k := range keys {
		h.Bytes(k[:])
	}
	return h.Key(), err
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
