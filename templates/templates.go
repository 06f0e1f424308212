package templates

//go:generate go test -run TestChromaCSS -update .

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"path"
	"sync"

	"github.com/vaultsite/vaultsite/internal/version"
)

//go:embed layouts/*.html
var layoutFS embed.FS

// layoutFiles names the file that fills the blocks of base.html for each
// kind of page.
var layoutFiles = [numKinds]string{
	PageNote:     "layouts/note.html",
	PageFolder:   "layouts/listing.html",
	PageTag:      "layouts/listing.html",
	PageTagIndex: "layouts/tagindex.html",
	PageHome:     "layouts/listing.html",
	PageNotFound: "layouts/notfound.html",
	PageCanvas:   "layouts/canvas.html",
	PageGraph:    "layouts/graph.html",
}

var funcs = template.FuncMap{
	"static":      staticURL,
	"messages":    messagesURL,
	"thirdparty":  thirdpartyURL,
	"inlineStyle": inlineStyle,
	// generator names the binary that made the page, as Hugo and Jekyll
	// do, so a reader of a published site can tell which version to blame.
	"generator": func() string { return version.Get().String() },
	// depth is how far a TOC entry indents below the outline's top level,
	// capped at 5 (six heading levels).
	"depth": func(level, top int) int { return min(max(level-top, 0), 5) },
}

// loadLayouts parses base.html with the shared partials once, then clones
// it per kind and adds that kind's file, so each kind overrides the
// blocks it needs. The layouts are embedded: a parse error is a bug.
var loadLayouts = sync.OnceValue(func() [numKinds]*template.Template {
	base := parseLayouts(template.New("base.html").Funcs(funcs),
		"layouts/base.html", "layouts/partials.html", "layouts/libraries.html", "layouts/discover.html", "layouts/search.html")
	var out [numKinds]*template.Template
	for k, file := range layoutFiles {
		out[k] = parseLayouts(template.Must(base.Clone()), file)
	}
	return out
})

// parseLayouts adds the layout files to t, each compacted first and named
// by its base name, as ParseFS names them.
func parseLayouts(t *template.Template, files ...string) *template.Template {
	for _, f := range files {
		src, err := layoutFS.ReadFile(f)
		if err != nil {
			panic(err)
		}
		into := t
		if name := path.Base(f); name != t.Name() {
			into = t.New(name)
		}
		template.Must(into.Parse(compact(string(src))))
	}
	return t
}

// Render writes the HTML page for p, with the layout of p.Kind. Nothing is
// written when it fails: an unknown kind, or a template error.
func Render(w io.Writer, p *PageData) error {
	if p.Kind < 0 || p.Kind >= numKinds {
		return fmt.Errorf("templates: unknown page kind %d", int(p.Kind))
	}
	// A buffer the caller gave is written to directly and cut back on
	// failure: a copy of every page through a second buffer showed in
	// a 10,000-note build's profile.
	buf, direct := w.(*bytes.Buffer)
	if !direct {
		buf = new(bytes.Buffer)
	}
	before := buf.Len()
	if err := loadLayouts()[p.Kind].ExecuteTemplate(buf, "base.html", p); err != nil {
		buf.Truncate(before)
		return fmt.Errorf("templates: %s page %q: %w", p.Kind, p.Title, err)
	}
	if direct {
		return nil
	}
	_, err := buf.WriteTo(w)
	return err
}
