package build

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/site"
)

const evilSVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>` +
	`<a href="javascript:alert(3)"><rect width="9" height="9"/></a></svg>`

func attachmentVault() fstest.MapFS {
	return fstest.MapFS{
		"A.md":       {Data: []byte("# A\n\n[the page](page.html), ![[pic.svg]], [open](open.svg), ![[broken.svg]]\n")},
		"page.html":  {Data: []byte("<script>alert(document.cookie)</script>")},
		"pic.svg":    {Data: []byte(evilSVG)},
		"open.svg":   {Data: []byte(evilSVG)},
		"broken.svg": {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect>")},
	}
}

// TestSVGAttachmentsSanitised: an SVG file opened from the site runs its
// scripts with the site's origin, so every SVG the site publishes, linked
// or embedded, is the allowlist's rewrite of it, and one that is not
// well-formed is left out with a finding.
func TestSVGAttachmentsSanitised(t *testing.T) {
	t.Parallel()
	res, em := buildSite(t, attachmentVault(), Options{})
	for _, p := range []site.OutPath{"pic.svg", "open.svg"} {
		got := string(em.Files[p])
		if !strings.Contains(got, `<a><rect width="9" height="9"></rect></a>`) || strings.Contains(got, "alert") {
			t.Errorf("%s is not sanitised:\n%s", p, got)
		}
	}
	if _, ok := em.Files["broken.svg"]; ok {
		t.Error("broken.svg was published")
	}
	if !hasDiagAt(res.Diags, "broken.svg", "invalid-svg", "line 2") {
		t.Errorf("no invalid-svg finding in %v", res.Diags)
	}
}

// TestHTMLAttachmentsHeld: an HTML attachment is published only when the
// settings say so; otherwise its link is text and the build says why.
func TestHTMLAttachmentsHeld(t *testing.T) {
	t.Parallel()
	res, em := buildSite(t, attachmentVault(), Options{})
	if _, ok := em.Files["page.html"]; ok {
		t.Error("page.html was published")
	}
	if page := string(em.Files["a/index.html"]); strings.Contains(page, "page.html") || !strings.Contains(page, "the page") {
		t.Errorf("the link to page.html is not plain text:\n%s", page)
	}
	if !hasDiagAt(res.Diags, "A.md", "html-attachment", `"page.html" is not published`) {
		t.Errorf("no html-attachment finding in %v", res.Diags)
	}

	res, em = buildSite(t, attachmentVault(), Options{HTMLAttachments: true})
	if got := string(em.Files["page.html"]); got != "<script>alert(document.cookie)</script>" {
		t.Errorf("with HTMLAttachments, page.html = %q, want its bytes", got)
	}
	if hasDiagAt(res.Diags, "A.md", "html-attachment", "") {
		t.Errorf("html-attachment finding with HTMLAttachments: %v", res.Diags)
	}
}

// TestHeldAttachmentsInEmbeds: an embedded section is rendered once for
// every page that shows it, and a held attachment it links is held
// there too; this crashed the build when the section linked an HTML
// file.
func TestHeldAttachmentsInEmbeds(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"A.md":             {Data: []byte("# A\n\n![[B#Part]]\n")},
		"B.md":             {Data: []byte("# Part\n\n[the page](page.html) and ![[Excluded/pic.png]]\n")},
		"page.html":        {Data: []byte("<script>alert(1)</script>")},
		"Excluded/pic.png": {Data: []byte("\x89PNG held")},
	}
	p, err := MakePlan(context.Background(), fsys, Options{Load: site.LoadOptions{Ignore: []string{"Excluded"}}})
	if err != nil {
		t.Fatal(err)
	}
	rules := map[site.VaultPath]string{}
	for _, e := range p.Excluded {
		rules[e.Path] = e.Rule
	}
	if rules["page.html"] != RuleHTMLAttachment || rules["Excluded/pic.png"] != RuleIgnore {
		t.Errorf("excluded rules = %v, want page.html %s and Excluded/pic.png %s", rules, RuleHTMLAttachment, RuleIgnore)
	}
	if len(p.Attachments) != 0 {
		t.Errorf("attachments copied: %v", p.Attachments)
	}
}

// TestPlanHeldAttachments: the dry run says which attachments are left
// out for what they are, not as unused.
func TestPlanHeldAttachments(t *testing.T) {
	t.Parallel()
	p, err := MakePlan(context.Background(), attachmentVault(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rules := map[site.VaultPath]string{}
	for _, e := range p.Excluded {
		rules[e.Path] = e.Rule
	}
	if rules["page.html"] != RuleHTMLAttachment || rules["broken.svg"] != RuleInvalidSVG {
		t.Errorf("excluded rules = %v, want page.html %s and broken.svg %s", rules, RuleHTMLAttachment, RuleInvalidSVG)
	}
	for _, a := range p.Attachments {
		if a == "page.html" || a == "broken.svg" {
			t.Errorf("%s is listed as copied", a)
		}
	}
}

func hasDiagAt(diags site.Diagnostics, path site.VaultPath, code, msg string) bool {
	for _, d := range diags {
		if d.Pos.Path == path && d.Code == code && strings.Contains(d.Msg, msg) {
			return true
		}
	}
	return false
}

// TestPreviewSVGSanitised: the preview serves most attachments from the
// vault as they are; an SVG file it serves as the build publishes it,
// after a save too.
func TestPreviewSVGSanitised(t *testing.T) {
	t.Parallel()
	fsys := attachmentVault()
	s := NewLive(fsys, Options{})
	if _, err := s.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		snap := s.Current()
		if _, ok := snap.Assets["pic.svg"]; ok {
			t.Errorf("%s: pic.svg is served from the vault as it is", when)
		}
		if got := string(snap.Files["pic.svg"]); !strings.Contains(got, "<svg") || strings.Contains(got, "alert") {
			t.Errorf("%s: pic.svg = %q", when, got)
		}
	}
	check("first build")
	fsys["pic.svg"] = &fstest.MapFile{Data: []byte(strings.Replace(evilSVG, "alert(2)", "alert(5)", 1))}
	if _, err := s.Update(context.Background(), []string{"pic.svg"}); err != nil {
		t.Fatal(err)
	}
	check("after a save")
}
