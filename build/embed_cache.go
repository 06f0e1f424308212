package build

import (
	"container/list"
	"sync"
)

// DefaultEmbedCache bounds the bytes of embedded sections a build keeps
// rendered (Options.embedCache). A page may embed at most
// DefaultEmbedBudget of them, so the cache holds all the embeds of
// eight such pages at once, a few times the pages the render phase's
// workers make at a time.
const DefaultEmbedCache = 8 * DefaultEmbedBudget

// embedTemplates is one build's cache of embedded sections, by section
// key, least recently used first out once their bytes pass the bound.
// Without a bound a vault that embeds much keeps every section it ever
// showed to the end of the build.
type embedTemplates struct {
	mu    sync.Mutex
	m     map[string]*templateEntry
	lru   list.List // of *templateEntry, most recently used first
	bytes int64     // of the entries in lru
	limit int64
}

// templateEntry is one section: being rendered until done is closed,
// then its template t or the error err.
type templateEntry struct {
	key  string
	done chan struct{}
	t    *embedTemplate
	err  error
	elem *list.Element // in lru, once admitted
	size int64
}

// entry returns the entry of key, and whether the caller is to render it
// (it was not cached); a cached entry becomes the most recently used.
// limit is the cache's bound, 0 for DefaultEmbedCache.
func (c *embedTemplates) entry(key string, limit int64) (e *templateEntry, mine bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m, c.limit = map[string]*templateEntry{}, limit
		if c.limit <= 0 {
			c.limit = DefaultEmbedCache
		}
	}
	if e := c.m[key]; e != nil {
		if e.elem != nil {
			c.lru.MoveToFront(e.elem)
		}
		return e, false
	}
	e = &templateEntry{key: key, done: make(chan struct{})}
	c.m[key] = e
	return e, true
}

// admit counts a rendered entry against the bound and lets the least
// recently used entries go until the cache is within it, e itself too
// when it alone passes the bound; whoever holds a template it lets go
// keeps using it.
func (c *embedTemplates) admit(e *templateEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.t != nil {
		e.size = e.t.bytes()
	}
	e.elem = c.lru.PushFront(e)
	c.bytes += e.size
	for c.bytes > c.limit && c.lru.Len() > 0 {
		old := c.lru.Remove(c.lru.Back()).(*templateEntry)
		c.bytes -= old.size
		old.elem = nil
		delete(c.m, old.key)
	}
}

// held returns the number of sections the cache holds and their bytes.
func (c *embedTemplates) held() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len(), c.bytes
}

// bytes is about what t holds: its literal HTML, and its holes'.
func (t *embedTemplate) bytes() int64 {
	n := segBytes(t.segs)
	for _, h := range t.holes {
		n += segBytes(h.pre) + segBytes(h.post) + segBytes(h.cycle) + segBytes(h.overflow)
	}
	return n + int64(64*(len(t.urls)+len(t.holes)+len(t.assets)))
}

func segBytes(segs []segment) int64 {
	var n int64
	for _, s := range segs {
		n += int64(len(s.lit)) + 32 // a segment's own fields
	}
	return n
}
