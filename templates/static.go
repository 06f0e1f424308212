package templates

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"path"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/site"
)

//go:embed assets/*.css assets/*.js assets/*.svg
var assetFS embed.FS

// staticDir is the output folder of the site's own files; site reserves
// the top-level name "_site" so no note can collide with it.
const staticDir = "_site"

// hashLen is how many hex digits of the SHA-256 go into a file name: 32
// bits tell apart the few versions of a file that caches ever hold.
const hashLen = 8

// bundles lists each static file by its plain name with the sources it
// is concatenated from, in order. The stylesheet is one file, so a page
// costs one request for it.
var bundles = []struct {
	name    string
	sources []string
}{
	{"bases.js", []string{"assets/bases.js"}},     // pages that show a base view
	{"basemap.js", []string{"assets/basemap.js"}}, // pages that show a map view
	{"canvas.js", []string{"assets/canvas.js"}},   // canvas pages only
	{"favicon.svg", []string{"assets/favicon.svg"}},
	{"graph.js", []string{"assets/graph.js"}},           // the graph page only
	{"graphlocal.js", []string{"assets/graphlocal.js"}}, // notes with links only
	// search.js is loaded when search opens (layouts/search.html).
	{"search.js", []string{"assets/searchindex.js", "assets/search.js"}},
	{"site.js", []string{"assets/site.js", "assets/sidebars.js", "assets/explorer.js", "assets/mathrender.js", "assets/preview.js", "assets/toc.js", "assets/swap.js", "assets/navigate.js"}},
	{"stack.css", []string{"assets/stack.css"}}, // sites with stacked pages only
	{"stack.js", []string{"assets/stack.js"}},
	{"style.css", []string{"assets/style.css", "assets/layout.css", "assets/markdown.css", "assets/chroma.css", "assets/canvas.css", "assets/graph.css", "assets/search.css", "assets/bases.css", "assets/navigate.css"}},
}

// staticSet is the built list of static files and the map from plain to
// hashed names.
type staticSet struct {
	files  []File
	byName map[string]site.OutPath
	inline []byte // the page stylesheet without content styles, for the 404 page
}

// File is one static file of the site.
type File struct {
	Path site.OutPath
	Data []byte
}

var loadStatic = sync.OnceValue(func() *staticSet {
	s := &staticSet{byName: map[string]site.OutPath{}, inline: mustRead("assets/style.css")}
	for _, b := range bundles {
		var data []byte
		for _, src := range b.sources {
			data = append(data, mustRead(src)...)
		}
		p := fingerprint(b.name, data)
		s.byName[b.name] = p
		s.files = append(s.files, File{Path: p, Data: data})
	}
	return s
})

// mustRead returns an embedded asset; a missing one is a bug.
func mustRead(name string) []byte {
	data, err := assetFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return data
}

// fingerprint returns the output path of the static file name with data:
// "_site/style.3f2a9c1e.css".
func fingerprint(name string, data []byte) site.OutPath {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:hashLen] + ext
	return site.OutPath(staticDir + "/" + hashed)
}

// Static returns the site's own static files (stylesheet, script, icon)
// under "_site/", each named with a hash of its content, in a fixed order.
// The result is the same on every call and every machine; callers must
// not modify the returned data.
func Static() []File {
	return append([]File(nil), loadStatic().files...)
}

// StaticPath returns the output path of the static file with the plain
// name (such as "style.css"), and false when there is no such file.
func StaticPath(name string) (site.OutPath, bool) {
	p, ok := loadStatic().byName[name]
	return p, ok
}

// staticURL is the layout's "static" function: the hashed path of name,
// to be written after {{.Root}}. An unknown name stops rendering.
func staticURL(name string) (string, error) {
	p, ok := StaticPath(name)
	if !ok {
		return "", fmt.Errorf("templates: no static file %q", name)
	}
	return string(p), nil
}

// inlineStyle is the layout's "inlineStyle" function: the page chrome's
// stylesheet (assets/style.css, without the content styles), for the 404
// page, which cannot rely on a relative URL.
func inlineStyle() template.CSS {
	return template.CSS(loadStatic().inline) // our own embedded file, trusted
}
