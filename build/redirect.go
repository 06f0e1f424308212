package build

import (
	"bytes"
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// Redirect is a page that sends readers on to a published note: from the
// URL of one of its aliases, or from the URL its path would give it when
// a permalink moved it (SPEC §7.3).
type Redirect struct {
	From site.Slug // the redirect page
	To   *site.Note
	// Why is "permalink" (From is the path's URL) or "alias".
	Why string
	// Text is the alias or permalink as written; Line is its property's
	// line in To's file.
	Text string
	Line int
}

// redirects returns the site's redirect pages, sorted by From. Only
// published notes have them. A redirect never takes the URL of a real
// page (a note, a canvas, a folder listing, the site's own pages, which
// no slug of a note's can name) nor that of an earlier redirect: the old
// URLs of permalinks come first, then aliases, each in path order. Nor
// does it take a URL that is an attachment's file, or lies below one.
// tree must hold the canvases (emitCanvases adds them).
func (b *builder) redirects(tree *folderTree) []Redirect {
	taken := map[site.Slug]bool{}
	for slug := range tree.bySlug {
		taken[slug] = true
	}
	for _, n := range b.v.Published() {
		taken[n.Slug] = true
	}
	for _, c := range b.canvases().pages {
		taken[c.slug] = true
	}
	files := map[string]bool{}
	for _, a := range b.v.Assets {
		files[strings.ToLower(string(b.v.AssetOut(a.Path)))] = true
	}
	var out []Redirect
	add := func(r Redirect) {
		if taken[r.From] || belowFile(r.From, files) {
			return
		}
		taken[r.From] = true
		out = append(out, r)
	}
	published := b.v.Published()
	for _, n := range published {
		if n.Props.Permalink == "" || n.Slug == "" {
			continue
		}
		if old := n.Path.Slug(); n.Slug != old {
			add(Redirect{From: old, To: n, Why: "permalink", Text: n.Props.Permalink, Line: propLine(n, "permalink")})
		}
	}
	for _, n := range published {
		for _, alias := range n.Props.Aliases {
			add(Redirect{From: site.PermalinkSlug(alias), To: n, Why: "alias", Text: alias, Line: propLine(n, "aliases", "alias")})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
}

// belowFile reports whether the page of slug would be written at or
// below a file's path, compared without case, as a file system may.
func belowFile(slug site.Slug, files map[string]bool) bool {
	s := strings.ToLower(string(slug))
	for {
		if files[s] {
			return true
		}
		i := strings.LastIndexByte(s, '/')
		if i < 0 {
			return false
		}
		s = s[:i]
	}
}

// propLine returns the line of the first property with one of keys
// (without case), or 0.
func propLine(n *site.Note, keys ...string) int {
	for _, p := range n.Props.List {
		for _, k := range keys {
			if strings.EqualFold(p.Key, k) {
				return p.Line
			}
		}
	}
	return 0
}

// emitRedirects writes a page for each redirect. A redirect page shows
// only its target's URL and title, so an incremental rebuild skips one
// that already points at the same note when that note is not rendered
// again (a note whose slug or title changed always is); every build
// records the whole list, so a rebuild knows which pages still exist.
// Kept redirects (carry.go) are the last build's, all written.
func (b *builder) emitRedirects(rs []Redirect) error {
	b.redirectList = rs
	if b.kept != nil && b.kept.redirects != nil {
		for _, r := range rs {
			if err := b.emitRedirect(r, b.only[r.To.Slug]); err != nil {
				return err
			}
		}
		return nil // the memo stays as it is
	}
	prev := b.memo.redirects
	next := make(map[site.Slug]site.VaultPath, len(rs))
	defer func() { b.memo.redirects = next }()
	for _, r := range rs {
		next[r.From] = r.To.Path
		same := b.only != nil && prev[r.From] == r.To.Path && !b.only[r.To.Slug] && b.have != nil && b.have(r.From.OutPath())
		if err := b.emitRedirect(r, !same); err != nil {
			return err
		}
	}
	return nil
}

// emitRedirect writes the page of r, if write.
func (b *builder) emitRedirect(r Redirect, write bool) error {
	if !write {
		return nil
	}
	var buf bytes.Buffer
	err := templates.RenderRedirect(&buf, templates.Redirect{
		Lang: b.opts.Site.Lang, Title: r.To.Title(), URL: r.From.LinkTo(r.To.Slug, ""),
		Canonical: templates.AbsURL(b.opts.Site.BaseURL, r.To.Slug.FromRoot()),
	})
	if err != nil {
		return err
	}
	return b.emit(r.From.OutPath(), buf.Bytes())
}
