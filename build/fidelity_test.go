package build

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/site"
)

// tagHref finds the links of tags on a page: the properties view, the
// tag list and tags in the text all carry class "tag".
var tagHref = regexp.MustCompile(`<a class="tag" href="([^"]*)"`)

// TestTagsLinkToTheirPages: a frontmatter tag written with a space
// ("Nested Folder") is shown as the tags its pages are made for, so no
// tag on a page links to a page the build never wrote; and the tag index
// prints each tag with one "#".
func TestTagsLinkToTheirPages(t *testing.T) {
	t.Parallel()
	res, em := buildSite(t, fstest.MapFS{
		"N.md": {Data: []byte("---\ntags: [Nested Folder, \"#hashed\", a/b]\n---\nBody #inline\n")},
	}, Options{})
	n := res.Vault.Note("N.md")
	page := string(em.Files[n.Slug.OutPath()])
	hrefs := tagHref.FindAllStringSubmatch(page, -1)
	if len(hrefs) == 0 {
		t.Fatal("the page links no tag")
	}
	for _, m := range hrefs {
		target := resolveHref(n.Slug, m[1])
		if _, ok := em.Files[target]; !ok {
			t.Errorf("tag link %s leads to %s, which the build did not write", m[1], target)
		}
	}
	index := string(em.Files[site.TagIndexSlug.OutPath()])
	if strings.Contains(index, "##") {
		t.Errorf("the tag index prints a tag with two #:\n%s", index)
	}
	for _, want := range []string{">#Nested<", ">#Folder<", ">#hashed<", ">#a/b<"} {
		if !strings.Contains(index, want) {
			t.Errorf("the tag index lacks %s", want)
		}
	}
}

// resolveHref turns a relative link on the page of from into the file
// it names.
func resolveHref(from site.Slug, href string) site.OutPath {
	base := strings.Split(string(from), "/")
	parts := append(base, strings.Split(strings.TrimSuffix(href, "/"), "/")...)
	var out []string
	for _, p := range parts {
		switch p {
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case ".", "":
		default:
			out = append(out, p)
		}
	}
	return site.OutPath(strings.Join(append(out, "index.html"), "/"))
}
