package templates

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// samplePage returns a page of the kind k with every field filled, seen
// from a note two folders deep.
func samplePage(k PageKind) *PageData {
	p := &PageData{
		Site:        SiteInfo{Title: "My Vault", Lang: "en-GB"},
		Kind:        k,
		Title:       "Port Scanning",
		Description: "How ports are scanned.",
		Root:        "../../",
		Nav:         []Link{{Text: "Tags", URL: "../../tags/"}},
		Breadcrumbs: []Link{{Text: "My Vault", URL: "../../"}, {Text: "Network", URL: "../"}},
	}
	switch k {
	case PageNote, PageCanvas:
		p.Content = `<h2 id="ports" data-heading="Ports">Ports</h2><p>See <a class="internal-link" href="../tcp/">TCP</a>.</p>`
		p.Properties = []Property{
			{Key: "aliases", Values: []PropValue{{Text: "scan"}, {Text: "nmap"}}},
			{Key: "related", Values: []PropValue{{Text: "TCP", URL: "../tcp/"}}},
			{Key: "source", Values: []PropValue{{Text: "RFC 793", URL: "https://www.rfc-editor.org/rfc/rfc793"}}},
			{Key: "tags", Values: []PropValue{{Text: "net", URL: "../../tags/net/", IsTag: true}}},
		}
		p.Tags = []Link{{Text: "net", URL: "../../tags/net/"}}
		p.TOC = []TOCEntry{{Level: 2, Text: "Ports", ID: "ports"}, {Level: 3, Text: "Well-known", ID: "well-known"}}
		p.Backlinks = []Backlink{{Title: "TCP", URL: "../tcp/", Context: "scanning is covered in Port Scanning"}}
		p.CSSClasses = []string{"wide", "cards"}
	case PageNotFound:
		p.Root = "/"
		p.Nav = []Link{{Text: "Tags", URL: "/tags/"}}
		p.Breadcrumbs = nil
	default:
		p.Entries = []ListEntry{
			{Text: "Protocols", URL: "protocols/", IsFolder: true, Count: 3},
			{Text: "TCP", URL: "../tcp/"},
		}
	}
	return p
}

var allKinds = []PageKind{PageNote, PageFolder, PageTag, PageTagIndex, PageHome, PageNotFound, PageCanvas}

func render(t *testing.T, p *PageData) string {
	t.Helper()
	var b strings.Builder
	if err := Render(&b, p); err != nil {
		t.Fatalf("Render(%s): %v", p.Kind, err)
	}
	return b.String()
}

func TestRenderLandmarks(t *testing.T) {
	t.Parallel()
	always := []string{
		"<!doctype html>", `<html lang="en-GB">`, `<meta charset="utf-8">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`<a class="skip-link" href="#vs.main">`, "<header", `<main id="vs.main"`, "<footer",
		`<meta name="description" content="How ports are scanned.">`,
	}
	tests := []struct {
		give PageKind
		want []string // beyond always
		not  []string
	}{
		{PageNote, []string{`<nav class="breadcrumbs"`, `<aside class="page-aside site-body-right-column"`, "<h1", `<nav class="toc"`, `<nav class="site-nav"`}, nil},
		{PageFolder, []string{`<nav class="breadcrumbs"`, "<h1", `class="entry-list"`}, []string{"<aside"}},
		{PageTag, []string{`<nav class="breadcrumbs"`, "<h1"}, []string{"<aside"}},
		{PageTagIndex, []string{"<h1", `class="tag-cloud"`}, []string{"<aside"}},
		{PageHome, []string{"<h1", `class="entry-list"`}, []string{"<aside"}},
		{PageNotFound, []string{"<h1", "<style>"}, []string{"<aside", `<nav class="breadcrumbs"`}},
		{PageCanvas, []string{`<nav class="breadcrumbs"`, `class="canvas-view wide cards"`}, []string{"<aside"}},
	}
	for _, tt := range tests {
		t.Run(tt.give.String(), func(t *testing.T) {
			t.Parallel()
			got := render(t, samplePage(tt.give))
			for _, w := range append(always, tt.want...) {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("unexpected %q", n)
				}
			}
			if !strings.Contains(got, `<body class="page-`+tt.give.String()+`">`) {
				t.Errorf("body class for %s missing", tt.give)
			}
		})
	}
}

func TestRenderEscaping(t *testing.T) {
	t.Parallel()
	const evil = `<script>alert("x")</script>`
	for _, k := range allKinds {
		t.Run(k.String(), func(t *testing.T) {
			t.Parallel()
			p := samplePage(k)
			p.Title = evil
			p.Site.Title = "A & B"
			p.Properties = []Property{{Key: evil, Values: []PropValue{{Text: evil}, {Text: "x", URL: "javascript:alert(1)"}}}}
			p.Backlinks = []Backlink{{Title: evil, URL: "../x/"}}
			p.Entries = []ListEntry{{Text: evil, URL: "../x/"}}
			p.CSSClasses = []string{`a" onclick="x`}
			got := render(t, p)
			if strings.Contains(got, "<script>alert") || strings.Contains(got, "javascript:") || strings.Contains(got, `" onclick=`) {
				t.Errorf("unescaped input in output:\n%s", got)
			}
			if !strings.Contains(got, "<title>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; · A &amp; B</title>") {
				t.Errorf("title not escaped as expected:\n%s", got)
			}
		})
	}
}

func TestRenderContentIsTrusted(t *testing.T) {
	t.Parallel()
	const content = `<div class="callout" data-callout="tip"><div class="callout-title">T</div></div><p>a <em>b</em> &amp; c</p>`
	for _, k := range []PageKind{PageNote, PageCanvas} {
		p := samplePage(k)
		p.Content = template.HTML(content)
		if got := render(t, p); !strings.Contains(got, content) {
			t.Errorf("%s: Content was altered", k)
		}
	}
}

func TestRenderNotePage(t *testing.T) {
	t.Parallel()
	got := render(t, samplePage(PageNote))
	for _, w := range []string{
		`<div class="markdown-preview-view markdown-rendered wide cards">`,
		`<h1 class="page-title inline-title">Port Scanning</h1>`,
		`<li aria-current="page">Port Scanning</li>`,
		`<th scope="row" class="metadata-property-key">aliases</th>`,
		`<span class="multi-select-pill">scan</span>`,
		`<a class="internal-link multi-select-pill" href="../tcp/">TCP</a>`,
		`<a class="external-link multi-select-pill" href="https://www.rfc-editor.org/rfc/rfc793" target="_blank" rel="noopener nofollow">`,
		`<a class="tag" href="../../tags/net/">#net</a>`,
		`<li class="toc-item toc-depth-0"><a href="#ports">Ports</a></li>`,
		`<li class="toc-item toc-depth-1"><a href="#well-known">Well-known</a></li>`,
		`<p class="backlink-context">scanning is covered in Port Scanning</p>`,
		`<title>Port Scanning · My Vault</title>`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q", w)
		}
	}
	p := samplePage(PageNote)
	p.HideTitle = true
	if got := render(t, p); strings.Contains(got, "<h1") {
		t.Error("HideTitle kept the <h1>")
	}
}

// hrefs returns every href and src attribute value of page.
var attrRE = regexp.MustCompile(`\b(?:href|src)="([^"]*)"`)

func hrefs(page string) []string {
	var out []string
	for _, m := range attrRE.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestRenderLinksAreGiven(t *testing.T) {
	t.Parallel()
	for _, k := range allKinds {
		t.Run(k.String(), func(t *testing.T) {
			t.Parallel()
			p := samplePage(k)
			allowed := map[string]bool{"#vs.main": true, string(p.Root): true}
			for _, l := range append(p.Nav, p.Breadcrumbs...) {
				allowed[string(l.URL)] = true
			}
			for _, l := range p.Tags {
				allowed[string(l.URL)] = true
			}
			for _, b := range p.Backlinks {
				allowed[string(b.URL)] = true
			}
			for _, e := range p.Entries {
				allowed[string(e.URL)] = true
			}
			for _, pr := range p.Properties {
				for _, v := range pr.Values {
					allowed[string(v.URL)] = true
				}
			}
			for _, e := range p.TOC {
				allowed["#"+e.ID] = true
			}
			for _, f := range append(Static(), Messages(p.Site.Lang)) {
				allowed[string(p.Root)+string(f.Path)] = true
			}
			page := strings.Replace(render(t, p), string(p.Content), "", 1)
			for _, h := range hrefs(page) {
				if !allowed[h] {
					t.Errorf("link %q is not one the page data gave", h)
				}
			}
		})
	}
}

func TestStaticReferencesExist(t *testing.T) {
	t.Parallel()
	for _, k := range allKinds {
		p := samplePage(k)
		files := map[string]bool{string(Messages(p.Site.Lang).Path): true}
		for _, f := range Static() {
			files[string(f.Path)] = true
		}
		page := render(t, p)
		var refs int
		for _, h := range hrefs(page) {
			rest, ok := strings.CutPrefix(h, string(p.Root))
			if !ok || !strings.HasPrefix(rest, staticDir+"/") {
				continue
			}
			refs++
			if !files[rest] {
				t.Errorf("%s: %q is not in Static()", k, h)
			}
		}
		want := 4 // style, icon, script, messages
		if k == PageCanvas {
			want = 5 // and canvas.js
		}
		switch {
		case k == PageNotFound && refs != 4:
			t.Errorf("404 page refers to %d static files, want 4 (messages, style, icon, script)", refs)
		case k != PageNotFound && refs != want:
			t.Errorf("%s: %d static references, want %d (style, icon, script, messages, canvas.js on canvases)", k, refs, want)
		}
	}
}

func TestRenderNotFoundIsRootRelative(t *testing.T) {
	t.Parallel()
	p := samplePage(PageNotFound)
	p.Root = "/notes/"
	p.Nav = []Link{{Text: "Tags", URL: "/notes/tags/"}}
	got := render(t, p)
	for _, w := range []string{`<a class="site-title site-header-text" href="/notes/">`, `<a class="not-found-home" href="/notes/">`, "<title>Port Scanning · My Vault</title>"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q", w)
		}
	}
	for _, h := range hrefs(got) {
		if !strings.HasPrefix(h, "/notes/") && !strings.HasPrefix(h, "#") {
			t.Errorf("404 page refers to %q, which depends on its own location", h)
		}
	}
}

func TestRenderUnknownKind(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	for _, k := range []PageKind{-1, numKinds, 99} {
		if err := Render(&b, &PageData{Kind: k}); err == nil {
			t.Errorf("Render(kind %d) succeeded", k)
		}
	}
	if b.Len() != 0 {
		t.Errorf("a failed Render wrote %d bytes", b.Len())
	}
}

func TestDocTitle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give PageData
		want string
	}{
		{PageData{Site: SiteInfo{Title: "S"}, Title: "N"}, "N · S"},
		{PageData{Site: SiteInfo{Title: "S"}, Title: "S", Kind: PageHome}, "S"},
		{PageData{Site: SiteInfo{Title: "S"}, Kind: PageHome}, "S"},
		{PageData{Title: "N"}, "N"},
		{PageData{Site: SiteInfo{Title: "S"}, Kind: PageTagIndex}, "Tags · S"},
		{PageData{Site: SiteInfo{Title: "S"}, Kind: PageNotFound}, "Page not found · S"},
	}
	for _, tt := range tests {
		if got := tt.give.DocTitle(); got != tt.want {
			t.Errorf("DocTitle(%+v) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestPropValueExternal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give site.RelURL
		want bool
	}{
		{"", false},
		{"../tcp/", false},
		{"a:b/", true},
		{"https://example.com/", true},
		{"mailto:x@example.com", true},
		{"../a:b/", false},
		{"#x:y", false},
	}
	for _, tt := range tests {
		if got := (PropValue{URL: tt.give}).External(); got != tt.want {
			t.Errorf("External(%q) = %v, want %v", tt.give, got, tt.want)
		}
	}
}
