package site

import (
	"errors"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The four path kinds. Each is its own string type so the compiler keeps a
// source path out of an href; kinds change only through the functions in
// this file.
type (
	// VaultPath is a source file's identity: slash-separated, relative to
	// the vault root, NFC, case and extension kept ("Daily/2024-01-02.md").
	VaultPath string
	// Slug is a page's identity and map key: the lower-cased, URL-safe form
	// of a note's path without ".md" ("daily/2024-01-02"). The empty slug
	// is the home page.
	Slug string
	// RelURL is a URL relative to the page it appears on; the only kind that
	// goes into href or src ("../projects/alpha/#goals").
	RelURL string
	// OutPath is a file's path relative to the output folder
	// ("daily/2024-01-02/index.html").
	OutPath string
)

var errBadPath = errors.New("not a clean relative path")

// ParseVaultPath turns a slash-separated path relative to the vault root
// into a VaultPath, in NFC. It fails for absolute paths, empty or "." and
// ".." components, and anything that is not valid UTF-8.
func ParseVaultPath(rel string) (VaultPath, error) {
	if !utf8.ValidString(rel) || rel == "" || strings.HasPrefix(rel, "/") {
		return "", errBadPath
	}
	rel = norm.NFC.String(rel)
	for _, c := range strings.Split(rel, "/") {
		if c == "" || c == "." || c == ".." {
			return "", errBadPath
		}
	}
	return VaultPath(rel), nil
}

// Valid reports whether p is a clean, relative, NFC path.
func (p VaultPath) Valid() bool {
	q, err := ParseVaultPath(string(p))
	return err == nil && q == p
}

// Hidden reports whether any component of p starts with a dot; Obsidian
// indexes no such file (SPEC §3.2, §8.1).
func (p VaultPath) Hidden() bool {
	for _, c := range strings.Split(string(p), "/") {
		if strings.HasPrefix(c, ".") {
			return true
		}
	}
	return false
}

// Dir returns the folder of p ("" at the vault root).
func (p VaultPath) Dir() string {
	d := path.Dir(string(p))
	if d == "." {
		return ""
	}
	return d
}

// Base returns the file name of p, extension included.
func (p VaultPath) Base() string { return path.Base(string(p)) }

// Ext returns the lower-cased extension of p without its dot ("md", "png").
func (p VaultPath) Ext() string {
	e := path.Ext(string(p))
	return strings.ToLower(strings.TrimPrefix(e, "."))
}

// Name returns the file name without its extension: a note's title.
func (p VaultPath) Name() string {
	b := p.Base()
	return strings.TrimSuffix(b, path.Ext(b))
}

// Slug returns the page identity of a note, a canvas or a folder path.
//
// The rule, documented in the README: drop a ".md" extension, then in each
// component lower-case every letter, keep letters, digits, "_", "." and
// marks on a kept character, drop variation selectors, turn every other
// run of characters (spaces, punctuation, symbols, "-") into one "-", and
// trim "-" and "." from both ends. A component
// left empty becomes "_"; a first component that is one of the site's
// own top-level names (tags, graph, search, _site, 404.html, sitemap.xml,
// feed.xml, robots.txt, _headers) gets a trailing "_". "Network+/Port Scanning.md" gives
// "network/port-scanning"; "日本語/Café.md" gives "日本語/café".
func (p VaultPath) Slug() Slug {
	s := string(p)
	if strings.EqualFold(path.Ext(s), ".md") {
		s = s[:len(s)-3]
	}
	return FolderSlug(s)
}

// FolderSlug returns the slug of a slash-separated folder path ("" is the
// root, whose slug is empty), by the rule of VaultPath.Slug.
func FolderSlug(folder string) Slug {
	if folder == "" {
		return ""
	}
	parts := strings.Split(folder, "/")
	for i, c := range parts {
		parts[i] = slugComponent(c)
	}
	if reservedTop[parts[0]] {
		parts[0] += "_"
	}
	return Slug(strings.Join(parts, "/"))
}

// PermalinkSlug returns the slug of a URL path the author wrote: a
// permalink property, or an alias that holds a note's old path. It
// follows the rule of VaultPath.Slug, after dropping empty, "." and ".."
// components, so "/Publish/Permalinks/" gives "publish/permalinks" and
// nothing climbs out of the site. "/" and "" give the empty slug, the
// home page.
func PermalinkSlug(written string) Slug {
	var parts []string
	for _, c := range strings.Split(written, "/") {
		if c = strings.TrimSpace(c); c != "" && c != "." && c != ".." {
			parts = append(parts, c)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return VaultPath(strings.Join(parts, "/")).Slug()
}

// TagSlug returns the page of a tag ("inbox/to-read" gives
// "tags/inbox/to-read"); tags group without case (SPEC §6.3), and so do
// their pages.
func TagSlug(tag string) Slug {
	parts := strings.Split(strings.Trim(tag, "/"), "/")
	for i, c := range parts {
		parts[i] = slugComponent(c)
	}
	return Slug("tags/" + strings.Join(parts, "/"))
}

// TagIndexSlug is the page that lists every tag.
const TagIndexSlug Slug = "tags"

// GraphSlug is the page of the global graph.
const GraphSlug Slug = "graph"

// reservedTop are the top-level names of the site's own pages and files.
// A note or folder whose slug would start with one gets "_" appended to
// that first component ("Tags/x.md" is published at "tags_/x/"), so the
// two can never collide.
var reservedTop = map[string]bool{"tags": true, "_site": true, "graph": true, "search": true, "404.html": true,
	"sitemap.xml": true, "feed.xml": true, "robots.txt": true, "_headers": true}

// slugComponent returns the slug of one path component: the rule of
// VaultPath.Slug, then fitted to what a file system can write (fitSlug).
func slugComponent(c string) string {
	s, _ := fitSlug(slugWord(c))
	return s
}

func slugWord(c string) string {
	var b strings.Builder
	dash, kept := false, false
	for _, r := range c {
		switch {
		case unicode.Is(unicode.Variation_Selector, r):
			// text or emoji presentation only: leaves no trace
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' ||
			unicode.IsMark(r) && kept: // a mark stays only on a kept character
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash, kept = false, true
			b.WriteRune(unicode.ToLower(r))
		default:
			dash, kept = true, false
		}
	}
	out := strings.Trim(b.String(), "-.")
	if out == "" {
		return "_"
	}
	return out
}

// Valid reports whether s could have come from Slug: clean components of
// lower-case letters, digits, marks, "_", "." and "-", with no "-" or "."
// at either end. The empty slug (the home page) is valid.
func (s Slug) Valid() bool {
	if s == "" {
		return true
	}
	for _, c := range strings.Split(string(s), "/") {
		if c == "" || strings.Trim(c, "-.") != c {
			return false
		}
		for _, r := range c {
			ok := unicode.IsLetter(r) && unicode.ToLower(r) == r || unicode.IsDigit(r) ||
				unicode.IsMark(r) || r == '_' || r == '.' || r == '-'
			if !ok {
				return false
			}
		}
	}
	return true
}

// WithSuffix returns s with "-n" appended to its last component; it is how
// a colliding slug is made distinct.
func (s Slug) WithSuffix(n int) Slug {
	return Slug(string(s) + "-" + strconv.Itoa(n))
}

// Parent returns the slug of the folder holding s ("" for a top-level page).
func (s Slug) Parent() Slug {
	i := strings.LastIndexByte(string(s), '/')
	if i < 0 {
		return ""
	}
	return s[:i]
}

// OutPath returns the file that holds the page: clean URLs, so "a/b"
// is written to "a/b/index.html" and the home page to "index.html".
func (s Slug) OutPath() OutPath {
	if s == "" {
		return "index.html"
	}
	return OutPath(string(s) + "/index.html")
}

// LinkTo returns the URL of the page target as seen from the page s, with
// an optional fragment (without "#"). A page links to itself as "./".
func (s Slug) LinkTo(target Slug, fragment string) RelURL {
	u := relative(dirParts(string(s)), dirParts(string(target)), true)
	return withFragment(u, fragment)
}

// FromRoot returns the URL of the page s as seen from the site root
// ("a/b/"), for data files, feeds and sitemaps that live at the root.
func (s Slug) FromRoot() RelURL { return Slug("").LinkTo(s, "") }

// AssetURL returns the URL of an attachment copied to its vault path, as
// seen from the page s.
func (s Slug) AssetURL(p VaultPath) RelURL {
	return RelURL(relative(dirParts(string(s)), strings.Split(string(p.AssetOut()), "/"), false))
}

// FileURL returns the URL of any output file, as seen from the page s.
func (s Slug) FileURL(p OutPath) RelURL {
	return RelURL(relative(dirParts(string(s)), strings.Split(string(p), "/"), false))
}

// Root returns the URL of the site root as seen from s ("./", "../../").
func (s Slug) Root() RelURL {
	return RelURL(relative(dirParts(string(s)), nil, true))
}

func dirParts(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "/")
}

// relative builds a URL from the directory from to the path to, escaping
// each component; dir adds the trailing slash of a clean URL.
func relative(from, to []string, dir bool) string {
	common := 0
	for common < len(from) && common < len(to) && from[common] == to[common] {
		common++
	}
	var b strings.Builder
	for range len(from) - common {
		b.WriteString("../")
	}
	for i, c := range to[common:] {
		if i > 0 {
			b.WriteByte('/')
		}
		// PathEscape keeps ":", so "a:b.png" would read as a scheme.
		b.WriteString(strings.ReplaceAll(url.PathEscape(c), ":", "%3A"))
	}
	if dir && len(to) > common {
		b.WriteByte('/')
	}
	if b.Len() == 0 {
		return "./"
	}
	return b.String()
}

func withFragment(u string, fragment string) RelURL {
	if fragment == "" {
		return RelURL(u)
	}
	return RelURL(u + "#" + EscapeFragment(fragment))
}

// EscapeFragment percent-encodes a URL fragment, keeping letters of every
// script readable to the browser's id matching.
func EscapeFragment(f string) string {
	return strings.ReplaceAll(url.PathEscape(f), "%2F", "/")
}

// WithFragment returns u with "#fragment" appended, escaped; PDF embeds
// keep "page=3" this way.
func (u RelURL) WithFragment(fragment string) RelURL {
	return withFragment(string(u), fragment)
}

// External wraps an absolute URL from the vault (a property value such as
// "https://…") for a field that holds links; it is the one way a URL with
// a scheme enters a RelURL, and Valid reports false for it.
func External(u string) RelURL { return RelURL(u) }

// RootPath returns the absolute path of the site root for a page served
// at any depth (the 404 page): the path of baseURL, "/notes/" for
// "https://example.org/notes", else "/". It is the one absolute path a
// site emits, and RelURL.Valid refuses it.
func RootPath(baseURL string) RelURL {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return RelURL(strings.TrimSuffix(u.Path, "/") + "/")
}

// Valid reports whether u is relative: no scheme, no leading slash.
func (u RelURL) Valid() bool {
	s := string(u)
	if s == "" || strings.HasPrefix(s, "/") {
		return false
	}
	if i := strings.IndexAny(s, ":/?#"); i >= 0 && s[i] == ':' {
		return false
	}
	return true
}

// ParseOutPath turns a slash-separated path below the output folder into
// an OutPath: the same cleanliness as ParseVaultPath, and no trailing
// slash. The preview server uses it on request paths.
func ParseOutPath(rel string) (OutPath, error) {
	if strings.HasSuffix(rel, "/") {
		return "", errBadPath
	}
	p, err := ParseVaultPath(rel)
	return OutPath(p), err
}

// PageSlug returns the page an output file is ("a/b/index.html" is the
// page "a/b", "index.html" the home page); ok is false for other files,
// and for files below "_site/", which are the site's own.
func (o OutPath) PageSlug() (slug Slug, ok bool) {
	s := string(o)
	switch {
	case s == "index.html":
		return "", true
	case strings.HasSuffix(s, "/index.html") && !strings.HasPrefix(s, "_site/"):
		return Slug(strings.TrimSuffix(s, "/index.html")), true
	}
	return "", false
}

// Valid reports whether o is a clean relative file path.
func (o OutPath) Valid() bool {
	_, err := ParseVaultPath(string(o))
	return err == nil && !strings.HasSuffix(string(o), "/")
}

// AssetOut returns where an attachment is copied: its own vault path, so
// file names and the "#icon"-style suffixes themes match stay
// recognisable. An attachment that would land in one of the site's own
// top-level folders ("tags/x.png") or take a page's file, or a folder
// where a page's file is (any "index.html", a root "404.html"), goes
// below "_site/files/" instead.
func (p VaultPath) AssetOut() OutPath {
	top, _, _ := strings.Cut(string(p), "/")
	if reservedTop[strings.ToLower(top)] {
		return OutPath("_site/files/" + string(p))
	}
	for _, c := range strings.Split(string(p), "/") {
		if strings.EqualFold(c, pageFile) {
			return OutPath("_site/files/" + string(p))
		}
	}
	return OutPath(p)
}
