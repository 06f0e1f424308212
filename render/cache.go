package render

import (
	"fmt"

	"github.com/alecthomas/chroma/v2/styles"

	"github.com/vaultsite/vaultsite/internal/cache"
)

// CodeCache keeps highlighted code between builds (Config.Code); the
// build passes its persistent store (internal/cache), whose Get misses on
// anything it cannot vouch for.
type CodeCache interface {
	Get(k cache.Key) ([]byte, bool)
	Put(k cache.Key, data []byte)
}

// Highlighted code is stored with a first byte saying whether chroma
// managed (codeOK) or the code shows plain (codePlain): a lexer that
// fails, or panics, on some code need not be tried again on it.
const (
	codeOK    = 1
	codePlain = 0
)

// highlightCached is highlight, through c when it is set: a block is
// keyed by its language, chroma's style and its code, which are all that
// highlighting reads (the binary's version is the store's part).
func highlightCached(c CodeCache, lang string, code []byte) (html []byte, ok bool) {
	if c == nil || lang == "" {
		return highlight(lang, code)
	}
	h := cache.NewHasher("code")
	h.String(lang)
	h.String(styles.Fallback.Name)
	h.Bytes(code)
	k := h.Key()
	if b, hit := c.Get(k); hit && len(b) > 0 {
		return b[1:], b[0] == codeOK
	}
	html, ok = highlight(lang, code)
	entry := make([]byte, 0, 1+len(html))
	if ok {
		entry = append(entry, codeOK)
	} else {
		entry = append(entry, codePlain)
	}
	c.Put(k, append(entry, html...))
	return html, ok
}

// Settings is a canonical text of every setting in c that changes
// output, for keys of what a build stores between builds. It prints the
// whole struct, so a setting added later is part of it without anyone
// remembering to add it; Code, which changes no output, is left out.
func (c Config) Settings() string {
	c.Code = nil
	return fmt.Sprintf("%#v", c)
}

// Settings is the Settings of the Config r was made with.
func (r *Renderer) Settings() string { return r.cfg.Settings() }
