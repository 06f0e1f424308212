package build

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// tagIndex groups the published notes by tag. Tags group without case
// and show their first spelling (SPEC §6.3); a note tagged "a/b" also
// belongs to "a". Notes are held by their position in the vault, so an
// index stays true for a vault loaded again with the same notes in the
// same places, tagged alike (Live keeps it then).
type tagIndex struct {
	tags  map[string]*tag      // by page slug
	order []*tag               // by folded name
	slugs map[string]site.Slug // TagSlug of each spelling seen, computed once
}

type tag struct {
	name  string  // first spelling seen, in path order
	lower string  // name in lower case
	notes []int32 // positions in the vault's notes, in path order, each once
}

func newTagIndex(v *site.Vault) *tagIndex {
	ti := &tagIndex{tags: map[string]*tag{}, slugs: map[string]site.Slug{}}
	for i, n := range v.Notes {
		if !n.Published {
			continue
		}
		for _, name := range noteTags(n) {
			for k := range len(name) + 1 { // "a/b/c" adds "a", "a/b" and "a/b/c"
				if k == len(name) || name[k] == '/' {
					ti.add(name[:k], int32(i))
				}
			}
		}
	}
	for _, t := range ti.tags {
		ti.order = append(ti.order, t)
	}
	sort.Slice(ti.order, func(i, j int) bool { return ti.order[i].lower < ti.order[j].lower })
	return ti
}

// add lists note i under the tag name. Notes come in path order, so a
// note that two of its tags share a prefix of ("a/b" and "a/c") comes
// twice in a row.
func (ti *tagIndex) add(name string, i int32) {
	// Keyed by page, so tags that differ only in case or punctuation
	// ("C++" and "c") share one page instead of overwriting each other.
	slug, ok := ti.slugs[name]
	if !ok {
		slug = site.TagSlug(name)
		ti.slugs[name] = slug
	}
	key := string(slug)
	t := ti.tags[key]
	if t == nil {
		t = &tag{name: name, lower: strings.ToLower(name)}
		ti.tags[key] = t
	}
	if len(t.notes) == 0 || t.notes[len(t.notes)-1] != i {
		t.notes = append(t.notes, i)
	}
}

// noteTags returns a note's tags, frontmatter first, then body, each
// once (without case) in its first spelling. A note has a handful, so
// each is compared with those before it rather than through a map.
func noteTags(n *site.Note) []string {
	out := make([]string, 0, len(n.Props.Tags)+len(n.Tags))
	var seen []string // out, lower-cased
	add := func(t string) {
		t = strings.Trim(t, "/")
		if k := strings.ToLower(t); t != "" && !slices.Contains(seen, k) {
			seen = append(seen, k)
			out = append(out, t)
		}
	}
	for _, t := range n.Props.Tags {
		add(t)
	}
	for _, t := range n.Tags {
		add(t.Name)
	}
	return out
}

// links returns the tags of n, linked from the page from.
func (ti *tagIndex) links(n *site.Note, from site.Slug) []templates.Link {
	var out []templates.Link
	for _, t := range noteTags(n) {
		out = append(out, templates.Link{Text: t, URL: from.LinkTo(site.TagSlug(t), "")})
	}
	return out
}

// emitTags writes one page per tag and the tag index. When ctx is done
// it stops with ctx's error.
func (b *builder) emitTags(ctx context.Context, ti *tagIndex) error {
	for _, t := range ti.order {
		if err := ctx.Err(); err != nil {
			return err
		}
		if slug := site.TagSlug(t.name); b.wants(slug) {
			if err := b.emitPage(slug, b.tagPage(ti, t, slug)); err != nil {
				return err
			}
		}
	}
	slug := site.TagIndexSlug
	if !b.wants(slug) {
		return nil
	}
	data := &templates.PageData{
		Site: b.opts.Site, Kind: templates.PageTagIndex, Root: slug.Root(), Nav: b.nav(slug),
		Breadcrumbs: []templates.Link{{Text: b.words().T("page.home"), URL: slug.Root()}},
	}
	for _, t := range ti.order {
		data.Entries = append(data.Entries, templates.ListEntry{Text: t.name, URL: slug.LinkTo(site.TagSlug(t.name), ""), Count: len(t.notes)})
	}
	return b.emitPage(slug, data)
}

// tagPage lists a tag's child tags, then its notes by title.
func (b *builder) tagPage(ti *tagIndex, t *tag, slug site.Slug) *templates.PageData {
	data := &templates.PageData{
		Site: b.opts.Site, Kind: templates.PageTag, Title: "#" + t.name, Root: slug.Root(), Nav: b.nav(slug),
		Breadcrumbs: []templates.Link{{Text: b.words().T("page.home"), URL: slug.Root()}, {Text: b.words().T("nav.tags"), URL: slug.LinkTo(site.TagIndexSlug, "")}},
	}
	for _, child := range ti.order {
		if strings.HasPrefix(child.lower, t.lower+"/") && !strings.Contains(child.name[len(t.name)+1:], "/") {
			data.Entries = append(data.Entries, templates.ListEntry{Text: "#" + child.name, URL: slug.LinkTo(site.TagSlug(child.name), ""), IsFolder: true, Count: len(child.notes)})
		}
	}
	notes := make([]*site.Note, len(t.notes))
	for k, i := range t.notes {
		notes[k] = b.v.Notes[i]
	}
	sortFold(notes, (*site.Note).Title, false)
	newestFirst(b, notes, func(n *site.Note) *site.Note { return n })
	for _, n := range notes {
		data.Entries = append(data.Entries, b.noteEntry(n, slug))
	}
	return data
}
