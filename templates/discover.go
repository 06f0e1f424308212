package templates

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/internal/i18n"
	"github.com/vaultsite/vaultsite/site"
)

// AbsURL joins the site's base URL ("https://notes.example.org/docs")
// and a URL relative to the site root ("protocols/http/", "./"): the
// absolute URLs of canonical links, social previews, the sitemap and the
// feed. It returns "" when base is empty, since a site without a base URL
// knows no absolute URL of its own.
func AbsURL(base string, fromRoot site.RelURL) string {
	if base == "" {
		return ""
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + strings.TrimPrefix(string(fromRoot), "./")
}

// Canonical returns the absolute URL of the page for its canonical link
// and social previews, or "" when the site has no base URL, and for the
// 404 page, which has no address of its own.
func (p *PageData) Canonical() string {
	if p.Kind == PageNotFound {
		return ""
	}
	return AbsURL(p.Site.BaseURL, p.Slug.FromRoot())
}

// OGType is the page's OpenGraph type: "article" for a note, "website"
// for every listing.
func (p *PageData) OGType() string {
	if p.Kind == PageNote {
		return "article"
	}
	return "website"
}

// faviconTypes are the media types of the icons a vault may bring.
var faviconTypes = map[string]string{".ico": "image/x-icon", ".png": "image/png", ".svg": "image/svg+xml"}

// FaviconType returns the media type of the site's own icon, or "" when
// the file's extension says none.
func (s SiteInfo) FaviconType() string {
	return faviconTypes[strings.ToLower(path.Ext(string(s.Favicon)))]
}

// Redirect is a page that sends the reader on to another: an alias or
// the old URL of a note with a permalink.
type Redirect struct {
	// Lang is the value of <html lang>; empty means "en".
	Lang string
	// Title is the target's title, shown in the link.
	Title string
	// URL is the target, relative to the redirect page.
	URL site.RelURL
	// Canonical is the target's absolute URL, or URL when the site has
	// no base URL (a relative canonical link resolves against the page).
	Canonical string
}

// T returns the interface's message of key in the page's language.
func (r Redirect) T(key string) string { return i18n.For(r.Lang).T(key) }

var redirectLayout = sync.OnceValue(func() *template.Template {
	return parseLayouts(template.New("redirect.html"), "layouts/redirect.html")
})

// RenderRedirect writes the page of r: a meta refresh, a canonical link
// to the target and a plain link for readers whose browser does not
// follow the refresh. Nothing is written when it fails.
func RenderRedirect(w io.Writer, r Redirect) error {
	if r.Lang == "" {
		r.Lang = "en"
	}
	if r.Canonical == "" {
		r.Canonical = string(r.URL)
	}
	var buf bytes.Buffer
	if err := redirectLayout().Execute(&buf, r); err != nil {
		return fmt.Errorf("templates: redirect to %q: %w", r.URL, err)
	}
	_, err := buf.WriteTo(w)
	return err
}
