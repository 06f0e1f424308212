package build

import (
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// tagIndex groups the published notes by tag. Tags group without case
// and show their first spelling (SPEC §6.3); a note tagged "a/b" also
// belongs to "a".
type tagIndex struct {
	tags  map[string]*tag      // by page slug
	order []*tag               // by folded name
	slugs map[string]site.Slug // TagSlug of each spelling seen, computed once
}

type tag struct {
	name  string // first spelling seen, in path order
	notes []*site.Note
	own   map[*site.Note]bool
}

func newTagIndex(v *site.Vault) *tagIndex {
	ti := &tagIndex{tags: map[string]*tag{}, slugs: map[string]site.Slug{}}
	for _, n := range v.Published() {
		for _, name := range noteTags(n) {
			parts := strings.Split(name, "/")
			for i := range parts {
				ti.add(strings.Join(parts[:i+1], "/"), n)
			}
		}
	}
	for _, t := range ti.tags {
		ti.order = append(ti.order, t)
	}
	sort.Slice(ti.order, func(i, j int) bool { return strings.ToLower(ti.order[i].name) < strings.ToLower(ti.order[j].name) })
	return ti
}

func (ti *tagIndex) add(name string, n *site.Note) {
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
		t = &tag{name: name, own: map[*site.Note]bool{}}
		ti.tags[key] = t
	}
	if !t.own[n] {
		t.own[n] = true
		t.notes = append(t.notes, n)
	}
}

// noteTags returns a note's tags, frontmatter first, then body, each
// once (without case) in its first spelling.
func noteTags(n *site.Note) []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		t = strings.Trim(t, "/")
		if k := strings.ToLower(t); t != "" && !seen[k] {
			seen[k] = true
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

// emitTags writes one page per tag and the tag index.
func (b *builder) emitTags(ti *tagIndex) error {
	for _, t := range ti.order {
		slug := site.TagSlug(t.name)
		if !b.wants(slug) {
			continue
		}
		data := &templates.PageData{
			Site: b.opts.Site, Kind: templates.PageTag, Title: "#" + t.name, Root: slug.Root(), Nav: b.nav(slug),
			Breadcrumbs: []templates.Link{{Text: "Home", URL: slug.Root()}, {Text: "Tags", URL: slug.LinkTo(site.TagIndexSlug, "")}},
		}
		for _, child := range ti.order {
			if strings.HasPrefix(strings.ToLower(child.name), strings.ToLower(t.name)+"/") && !strings.Contains(child.name[len(t.name)+1:], "/") {
				data.Entries = append(data.Entries, templates.ListEntry{Text: "#" + child.name, URL: slug.LinkTo(site.TagSlug(child.name), ""), IsFolder: true, Count: len(child.notes)})
			}
		}
		notes := append([]*site.Note(nil), t.notes...)
		sort.Slice(notes, func(i, j int) bool { return lessFold(notes[i].Title(), notes[j].Title()) })
		for _, n := range notes {
			data.Entries = append(data.Entries, templates.ListEntry{Text: n.Title(), URL: slug.LinkTo(n.Slug, "")})
		}
		if err := b.emitPage(slug, data); err != nil {
			return err
		}
	}
	slug := site.TagIndexSlug
	if !b.wants(slug) {
		return nil
	}
	data := &templates.PageData{
		Site: b.opts.Site, Kind: templates.PageTagIndex, Title: "Tags", Root: slug.Root(), Nav: b.nav(slug),
		Breadcrumbs: []templates.Link{{Text: "Home", URL: slug.Root()}},
	}
	for _, t := range ti.order {
		data.Entries = append(data.Entries, templates.ListEntry{Text: "#" + t.name, URL: slug.LinkTo(site.TagSlug(t.name), ""), Count: len(t.notes)})
	}
	return b.emitPage(slug, data)
}
