package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// The site-wide files that help readers and search engines find pages.
// Their names are reserved by site, so no note or attachment takes them.
const (
	sitemapPath site.OutPath = "sitemap.xml"
	feedPath    site.OutPath = "feed.xml"
	robotsPath  site.OutPath = "robots.txt"
)

// feedSize is how many notes the feed lists: the newest, as most feeds
// do (Hugo and Jekyll default to about as many); a reader polls it often.
const feedSize = 20

// emitDiscovery writes the redirect pages, robots.txt, the vault's icon
// and, when the site has a base URL, sitemap.xml and feed.xml, whose
// URLs must be absolute. Every build writes them, incremental ones
// included: they are cheap, and any change may alter them.
func (b *builder) emitDiscovery() error {
	if err := b.emitRedirects(b.siteRedirects()); err != nil {
		return err
	}
	if err := b.emit(robotsPath, b.robots()); err != nil {
		return err
	}
	if b.opts.Headers {
		if err := b.emit(headersPath, b.headers()); err != nil {
			return err
		}
	}
	// The icon the pages link to; should the file have changed since, the
	// next build links and copies the new one.
	if _, out, data := b.favicon(); out != "" && out == b.opts.Site.Favicon && (b.have == nil || !b.have(out)) {
		if err := b.emit(out, data); err != nil {
			return err
		}
	}
	if b.opts.Site.BaseURL == "" {
		b.use.mu.Lock()
		b.use.diags.Add(site.Pos{}, site.Info, "no-base-url",
			"baseURL is not set, so the site has no sitemap.xml, no feed.xml, no canonical links and no social previews")
		b.use.mu.Unlock()
		return nil
	}
	dates := b.dates()
	if err := b.emit(sitemapPath, b.sitemap(dates)); err != nil {
		return err
	}
	feed, err := b.feed(dates)
	if err != nil {
		return err
	}
	return b.emit(feedPath, feed)
}

// robots lets every crawler in and names the sitemap when there is one.
func (b *builder) robots() []byte {
	s := "User-agent: *\nDisallow:\n"
	if u := b.absURL(rootURLOfFile(sitemapPath)); u != "" {
		s += "\nSitemap: " + u + "\n"
	}
	return []byte(s)
}

// absURL is the absolute URL of a URL from the site root, "" without a
// base URL.
func (b *builder) absURL(fromRoot site.RelURL) string {
	return templates.AbsURL(b.opts.Site.BaseURL, fromRoot)
}

func rootURLOfFile(p site.OutPath) site.RelURL { return site.Slug("").FileURL(p) }

// faviconNames are the icons a vault may keep at its root, in the order
// they are preferred: ICO is understood by every browser.
var faviconNames = []string{"favicon.ico", "favicon.png", "favicon.svg"}

// isFavicon reports whether the vault path p may be the site's icon.
func isFavicon(p string) bool {
	for _, name := range faviconNames {
		if strings.EqualFold(p, name) {
			return true
		}
	}
	return false
}

// maxIconSize bounds the vault's icon, which the build reads whole to
// name it by its hash, and every visitor's browser fetches: icons are a
// few KiB, and 1 MiB leaves room for a large SVG.
const maxIconSize = 1 << 20

// favicon finds the vault's own icon: its path, its content, and the
// file it is copied to, "_site/icon.<hash>.<ext>", named by its content as the
// site's own files are (and not "favicon", the built-in icon's name). An icon that a path rule leaves out (ignore
// globs, userIgnoreFilters) is not used, nor one that cannot be read or
// is over maxIconSize (reported, unread), nor an SVG icon that is not
// well-formed (an SVG icon is published sanitised, attachments.go); then
// out is "". The build calls it before rendering, for the pages'
// links, and again to copy the file.
func (b *builder) favicon() (src site.VaultPath, out site.OutPath, data []byte) {
	for _, name := range faviconNames {
		for _, a := range b.v.Assets {
			if !strings.EqualFold(string(a.Path), name) {
				continue
			}
			if ok, _ := b.v.PathPublished(a.Path); !ok {
				continue
			}
			if a.Size > maxIconSize {
				b.use.mu.Lock()
				b.use.diags.Add(site.Pos{Path: a.Path}, site.Warning, "too-large", "icon is %d KiB, over the %d KiB limit; the site keeps its own", a.Size>>10, maxIconSize>>10)
				b.use.mu.Unlock()
				continue
			}
			data, err := b.v.ReadFile(a.Path)
			if err != nil {
				continue
			}
			data, ok := b.publishedBytes(a.Path, data)
			if !ok {
				continue
			}
			sum := sha256.Sum256(data)
			return a.Path, site.OutPath("_site/icon." + hex.EncodeToString(sum[:4]) + "." + a.Path.Ext()), data
		}
	}
	return "", "", nil
}

// sitemap lists every page of the site (notes, canvases, folder and tag
// listings, the home and graph pages) by absolute URL, in URL order, with
// a note's date as lastmod (noteTime). A rebuild that keeps the site's
// pages keeps their sorted URLs too, and only fills in the dates.
func (b *builder) sitemap(dates map[*site.Note]noteDates) []byte {
	lastmod := make(map[site.Slug]string, len(dates))
	for n, d := range dates {
		if d.hasUpdated {
			lastmod[n.Slug] = d.lastmod
		}
	}
	urls := b.sitemapURLs()
	// Written by hand, in the layout encodeXML gives: encoding/xml's
	// reflection costs more per entry than a live-preview save can
	// spend on the sitemap, which lists every page.
	var buf bytes.Buffer
	buf.Grow(len(urls) * 96)
	buf.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		buf.WriteString(" <url>\n  <loc>" + u.loc + "</loc>\n")
		if m := lastmod[u.slug]; m != "" {
			buf.WriteString("  <lastmod>" + m + "</lastmod>\n")
		}
		buf.WriteString(" </url>\n")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// sitemapURL is a page of the sitemap: its slug and its absolute URL,
// escaped for XML.
type sitemapURL struct {
	slug site.Slug
	loc  string
}

// sitemapURLs returns the site's pages in URL order: the last build's,
// when this rebuild keeps its pages (carry.go), else made anew.
func (b *builder) sitemapURLs() []sitemapURL {
	if b.kept.samePages() && b.memo.sitemap != nil {
		return b.memo.sitemap
	}
	var urls []sitemapURL
	var esc strings.Builder
	for slug := range b.pageSet() {
		esc.Reset()
		_ = xml.EscapeText(&esc, []byte(b.absURL(slug.FromRoot())))
		urls = append(urls, sitemapURL{slug: slug, loc: esc.String()})
	}
	sort.Slice(urls, func(i, j int) bool { return urls[i].loc < urls[j].loc })
	b.memo.sitemap = urls
	return urls
}

func encodeXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
