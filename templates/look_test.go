package templates

import (
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// TestRenderObsidianDOM: a note page has the boxes and class names of
// Obsidian's reading view and of Obsidian Publish, which CSS written for
// Obsidian selects on.
func TestRenderObsidianDOM(t *testing.T) {
	t.Parallel()
	p := samplePage(PageNote)
	p.Explorer = "_site/explorer/0.json"
	got := render(t, p)
	for _, want := range []string{
		`<div class="published-container">`,
		`class="explorer sidebar site-body-left-column"`,
		`<div class="site-body-left-column-inner"><div class="nav-view-outer"></div></div>`,
		`<main id="vs.main" class="page-main site-body-center-column"`,
		`<aside class="page-aside site-body-right-column"`,
		`<details class="metadata-container frontmatter-container"`, `<div class="metadata-content">`,
		`<div class="markdown-preview-view markdown-rendered wide cards"><div class="markdown-preview-sizer markdown-preview-section">`,
		`<h1 class="page-title inline-title">`,
		`<body class="page-note"><script>`, `"theme-dark":"theme-light"`, // the body's theme class
	} {
		if !strings.Contains(got, want) {
			t.Errorf("note page lacks %q", want)
		}
	}
}

// TestObsidianVariables: the site's CSS declares Obsidian's variables and
// its rules use them, so a theme or snippet that sets them restyles the
// page. Each variable listed must be declared on :root or body and read
// by a rule.
func TestObsidianVariables(t *testing.T) {
	t.Parallel()
	css := string(loadStatic().files[len(bundles)-1].Data) // style.css, the last bundle
	root := cssVars(t, css, ":root {")
	for k, v := range cssVars(t, css, "body {") {
		root[k] = v
	}
	for _, name := range []string{
		"--background-primary", "--background-secondary", "--text-normal", "--text-muted",
		"--text-accent", "--interactive-accent", "--font-text", "--font-monospace", "--font-text-size",
		"--h1-size", "--h2-size", "--h3-size", "--h4-size", "--h5-size", "--h6-size",
		"--callout-padding", "--callout-radius", "--callout-title-weight", "--inline-title-size",
	} {
		if _, ok := root[name]; !ok {
			t.Errorf(":root and body do not declare %s", name)
		}
		if !strings.Contains(css, "var("+name+")") {
			t.Errorf("no rule reads %s", name)
		}
	}
}

// TestRenderLook: the author's stylesheets come after the site's, in
// order, publish.js loads at the end of the body (not on the 404 page),
// the logo shows in the header, a default mode marks <html> and <body>,
// and hidden parts are left out.
func TestRenderLook(t *testing.T) {
	t.Parallel()
	p := samplePage(PageNote)
	p.Site.Look = Look{
		Styles:  []site.OutPath{"_site/look/theme.1.css", "_site/look/publish.2.css"},
		Scripts: []site.OutPath{"_site/look/publish.3.js"},
		Logo:    "Attachments/logo.svg",
		Mode:    "dark",
	}
	p.Site.Hide = Hide{Outline: true, Backlinks: true, Search: true, ThemeToggle: true, Graph: true}
	got := render(t, p)
	own := strings.Index(got, `_site/style.`)
	theme := strings.Index(got, `<link rel="stylesheet" href="../../_site/look/theme.1.css">`)
	pub := strings.Index(got, `<link rel="stylesheet" href="../../_site/look/publish.2.css">`)
	if own < 0 || theme < own || pub < theme {
		t.Errorf("stylesheets out of order: site %d, theme %d, publish.css %d", own, theme, pub)
	}
	for _, want := range []string{
		`<script src="../../_site/look/publish.3.js"></script></body>`,
		`<img src="../../Attachments/logo.svg" alt="">`,
		`<html lang="en-GB" data-theme="dark">`,
		`<body class="page-note theme-dark">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, absent := range []string{`class="toc"`, `class="backlinks"`, `class="search-button"`, `class="theme-toggle"`, `class="local-graph"`} {
		if strings.Contains(got, absent) {
			t.Errorf("page has %s, which the site hides", absent)
		}
	}
	if !strings.Contains(got, `<div class="site-body-left-column" hidden><div class="site-body-left-column-inner"></div></div>`) {
		t.Error("a page with an author's script and no explorer lacks the empty left column the script may wait for")
	}
	p.Kind = PageNotFound
	p.Root = "/"
	if got := render(t, p); strings.Contains(got, "publish.3.js") || !strings.Contains(got, `href="/_site/look/theme.1.css"`) {
		t.Error("the 404 page must load the author's styles and no script")
	}
}
