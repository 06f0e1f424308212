package build

import (
	"bytes"
	"fmt"
	"io"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
)

// pageMinifier minifies the emitted HTML pages, with the inline scripts
// and styles in them. It keeps what pages, tests and themes rely on:
// quotes, end tags, <html>/<head>/<body>, default attribute values, and
// the whitespace of <pre>; outside <pre> a run of whitespace becomes one
// space, or one newline when it held one, so a TeX "%" comment in a math
// block still ends where it did. SVG and MathML pass through unchanged.
// Minifying is a pure function of its input, so output stays
// byte-identical from build to build.
var pageMinifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepQuotes:          true,
		KeepDefaultAttrVals: true,
		KeepSpecialComments: true,
	})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", cachedJS)
	m.AddFunc("text/javascript", cachedJS)
	return m
}()

// jsCache remembers minified inline scripts. They come from our templates
// and are the same on every page, and minifying them anew on each of
// 10,000 pages cost a build more than a second. Only a few short scripts
// are kept, so page-specific content cannot grow it.
var jsCache struct {
	sync.Mutex
	m map[string][]byte
}

const (
	jsCacheEntries = 32
	jsCacheMaxLen  = 8 << 10
)

func cachedJS(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	src, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	jsCache.Lock()
	out, ok := jsCache.m[string(src)]
	jsCache.Unlock()
	if !ok {
		var buf bytes.Buffer
		if err := js.Minify(m, &buf, bytes.NewReader(src), params); err != nil {
			return err
		}
		out = buf.Bytes()
		jsCache.Lock()
		if jsCache.m == nil {
			jsCache.m = map[string][]byte{}
		}
		if len(src) <= jsCacheMaxLen && len(jsCache.m) < jsCacheEntries {
			jsCache.m[string(src)] = out
		}
		jsCache.Unlock()
	}
	_, err = w.Write(out)
	return err
}

// minifyHTML returns page minified. A page the minifier cannot read, which
// only a bug in a template or renderer makes, is an error.
func minifyHTML(page []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(page))
	if err := pageMinifier.Minify("text/html", &out, bytes.NewReader(page)); err != nil {
		return nil, fmt.Errorf("minify: %w", err)
	}
	return out.Bytes(), nil
}
