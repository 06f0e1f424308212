package build

import (
	"bytes"

	"github.com/vaultsite/vaultsite/internal/cache"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
)

// Cache keeps what a build makes from its inputs alone from one build
// to the next (Options.Cache): internal/cache's Store, or nil for none.
// A build looks up an entry by the hash of every input of it and
// stores what it made on a miss, so a cached build writes the same bytes
// as one without a cache; the store returns nothing it cannot vouch
// for. What goes through it: highlighted code (render.Config.Code),
// rendered note bodies (here), the graph's layout (cache_graph.go) and
// the search index's files (cache_search.go).
type Cache interface {
	Get(k cache.Key) ([]byte, bool)
	Put(k cache.Key, data []byte)
}

// renderBody binds d's links for the page of n through pb and writes
// its HTML to w. Binding always runs, since it is also how the page
// learns what it uses (attachments, diagnostics, what embeds need from
// the browser); the HTML comes from the cache when a body with the same
// source, settings and bindings was rendered before. The bindings are
// the body's every dependency on the rest of the vault: each link's
// URL (with the heading's or block's id), title and state, each
// embed's rendered content, each tag's URL and each base's HTML, so an
// edit to a note this one links to or embeds is a different key.
func (b *builder) renderBody(w *bytes.Buffer, n *site.Note, d *render.Doc, pb *pageBinder) error {
	c := b.opts.Cache
	if c == nil {
		render.Bind(d, pb)
		return b.r.Render(w, d)
	}
	rec := &recordingBinder{inner: pb, h: cache.NewHasher("body")}
	rec.h.String(b.r.Settings())
	rec.h.String(string(n.Path))
	rec.h.String(string(n.Slug))
	rec.h.Int(int64(n.BodyStart))
	rec.h.Bytes(n.Source)
	render.Bind(d, rec)
	k := rec.h.Key()
	if html, ok := c.Get(k); ok {
		w.Write(html)
		return nil
	}
	start := w.Len()
	if err := b.r.Render(w, d); err != nil {
		return err
	}
	c.Put(k, w.Bytes()[start:])
	return nil
}

// recordingBinder binds through inner and adds every answer, in the
// order render.Bind asks, to the body's key.
type recordingBinder struct {
	inner *pageBinder
	h     *cache.Hasher
}

var (
	_ render.Binder     = (*recordingBinder)(nil)
	_ render.BaseBinder = (*recordingBinder)(nil)
)

// Bind records the destination, every field of it; TestBodyKeyFields
// fails when render.Dest gains a field this does not record.
func (r *recordingBinder) Bind(l *site.Link) render.Dest {
	d := r.inner.Bind(l)
	r.record(d)
	return d
}

func (r *recordingBinder) record(d render.Dest) {
	h := r.h
	h.String("link")
	h.Int(int64(d.State))
	h.String(string(d.URL))
	h.Int(int64(d.Kind))
	h.String(d.Title)
	h.Bytes(d.Content)
	h.String(d.InlineTitle)
	h.Bool(d.Cycle)
	h.String(d.Cut)
}

// TagURL records the tag's URL.
func (r *recordingBinder) TagURL(tag string) site.RelURL {
	u := r.inner.TagURL(tag)
	r.h.String("tag")
	r.h.String(string(u))
	return u
}

// BindBase records the base's HTML.
func (r *recordingBinder) BindBase(n *render.BaseBlock) []byte {
	html := r.inner.BindBase(n)
	r.h.String("base")
	r.h.Bytes(html)
	return html
}
