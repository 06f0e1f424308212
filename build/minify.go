package build

import (
	"bytes"
	"fmt"

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
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}()

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
