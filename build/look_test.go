package build

import (
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// buildLook builds the vault held in the txtar archive src.
func buildLook(t *testing.T, src string, opts Options) (*Result, *MemEmitter) {
	t.Helper()
	return buildSite(t, vaultArchive(t, src), opts)
}

// assertFile is assertOutput with one wanted line per argument.
func assertFile(t *testing.T, em *MemEmitter, p site.OutPath, want ...string) {
	t.Helper()
	assertOutput(t, em, p, strings.Join(want, "\n"))
}

// lookFileData returns the one look file whose name starts with prefix
// ("theme.", "snippets."), and its path.
func lookFileData(t *testing.T, em *MemEmitter, prefix string) (site.OutPath, string) {
	t.Helper()
	var found site.OutPath
	for p := range em.Files {
		if strings.HasPrefix(string(p), lookDir+prefix) {
			if found != "" {
				t.Fatalf("two look files %s and %s", found, p)
			}
			found = p
		}
	}
	if found == "" {
		t.Fatalf("no look file %s*", prefix)
	}
	return found, string(em.Files[found])
}

// themedVault has a small theme, one enabled and one disabled snippet,
// an accent colour, a text size and the dark mode.
const themedVault = `
-- .obsidian/appearance.json --
{"theme": "obsidian", "cssTheme": "Tiny", "accentColor": "#1e90ff", "baseFontSize": 18,
 "enabledCssSnippets": ["wide", "gone"], "monospaceFontFamily": "Fira Code, x;}body{color:red"}
-- .obsidian/themes/Tiny/theme.css --
@import url("https://fonts.example.com/inter.css");
@import url("data:text/css,.x{}");
/* @import url(https://in.a/comment.css); */
.theme-dark { --background-primary: #102030; --text-normal: #e0d0c0; --font-text: "Tiny Serif", serif; }
.theme-light { --background-primary: #fafaf0; --text-normal: #303020; --font-text: "Tiny Serif", serif; }
.callout { --callout-color: 200, 10, 10; }
-- .obsidian/snippets/wide.css --
.markdown-preview-view { --line-width: 60rem; }
-- .obsidian/snippets/narrow.css --
.disabled-snippet-marker { color: red; }
-- Home.md --
# Home

> [!note] A callout
> Inside.
`

// TestLookTheme: the theme, the enabled snippet and the appearance
// variables are shipped under hashed names and linked after the site's
// stylesheet, in that order; the disabled snippet is not; the theme's
// remote @import is dropped with a warning; dark is the default mode.
func TestLookTheme(t *testing.T) {
	t.Parallel()
	res, em := buildLook(t, themedVault, Options{})
	themeOut, theme := lookFileData(t, em, "theme.")
	snipOut, snippets := lookFileData(t, em, "snippets.")
	varsOut, vars := lookFileData(t, em, "vars.")
	if strings.Contains(theme, "fonts.example.com/inter.css\");") || !strings.Contains(theme, `@import url("data:text/css,.x{}");`) ||
		!strings.Contains(theme, "in.a/comment.css") {
		t.Errorf("theme.css: want the remote @import dropped, the data: one and the comment kept:\n%s", theme)
	}
	if !strings.Contains(snippets, "--line-width: 60rem") || strings.Contains(snippets, "disabled-snippet-marker") {
		t.Errorf("snippets: want wide.css only:\n%s", snippets)
	}
	for _, w := range []string{"--interactive-accent: #1e90ff;", "--accent-h: 210;", "--font-text-size: 18px;", `--font-monospace-override: "Fira Code";`} {
		if !strings.Contains(vars, w) {
			t.Errorf("vars.css lacks %q:\n%s", w, vars)
		}
	}
	if strings.Contains(vars, "red") {
		t.Errorf("a font name broke out of its declaration:\n%s", vars)
	}
	page := string(em.Files["index.html"])
	order := []string{"_site/style.", string(varsOut), string(themeOut), string(snipOut)}
	for i := 1; i < len(order); i++ {
		if a, b := strings.Index(page, order[i-1]), strings.Index(page, order[i]); a < 0 || b < a {
			t.Errorf("%s does not load after %s", order[i], order[i-1])
		}
	}
	assertFile(t, em, "index.html", `<html lang="en" data-theme="dark">`, `<body class="page-note theme-dark">`)
	if res.Theme != "Tiny" || res.ThemeBytes != len(theme) {
		t.Errorf("Result names theme %q of %d bytes, want %q of %d", res.Theme, res.ThemeBytes, "Tiny", len(theme))
	}
	wantDiags := map[string]bool{"remote-import": false, "missing-snippet": false}
	for _, d := range res.Diags {
		if _, ok := wantDiags[d.Code]; ok {
			wantDiags[d.Code] = true
			if d.Code == "remote-import" && (d.Pos.Line != 1 || d.Severity != site.Warning) {
				t.Errorf("remote-import at %s, severity %v: want line 1, a warning", d.Pos, d.Severity)
			}
		}
	}
	for code, seen := range wantDiags {
		if !seen {
			t.Errorf("no %s diagnostic in %v", code, res.Diags)
		}
	}
}

// TestLookOff: vaultsite.yaml's theme: none and snippets: none give the
// built-in look, and a named theme folder wins over appearance.json.
func TestLookOff(t *testing.T) {
	t.Parallel()
	_, em := buildLook(t, themedVault, Options{Look: LookOptions{Theme: Off, Snippets: Off}})
	for p := range em.Files {
		if strings.HasPrefix(string(p), lookDir+"theme.") || strings.HasPrefix(string(p), lookDir+"snippets.") {
			t.Errorf("with theme and snippets off the site has %s", p)
		}
	}
	src := themedVault + "-- .obsidian/themes/Other/theme.css --\n.other-theme-marker {}\n"
	_, em = buildLook(t, src, Options{Look: LookOptions{Theme: "Other"}})
	if _, theme := lookFileData(t, em, "theme."); !strings.Contains(theme, "other-theme-marker") {
		t.Errorf("theme: Other shipped %q", theme)
	}
	res, em := buildLook(t, themedVault, Options{Look: LookOptions{Theme: "Nope"}})
	missing := false
	for _, d := range res.Diags {
		missing = missing || d.Code == "missing-theme" && d.Pos.Path == ".obsidian/themes/Nope/theme.css"
	}
	for p := range em.Files {
		if strings.HasPrefix(string(p), lookDir+"theme.") {
			t.Errorf("a theme folder without theme.css gave %s", p)
		}
	}
	if !missing {
		t.Errorf("no missing-theme warning in %v", res.Diags)
	}
	_, em = buildLook(t, themedVault, Options{Look: LookOptions{RemoteImports: true}})
	if _, theme := lookFileData(t, em, "theme."); !strings.Contains(theme, `@import url("https://fonts.example.com/inter.css");`) {
		t.Errorf("themeRemoteImports did not keep the @import:\n%s", theme)
	}
}

// TestLookNone: a vault without any of the look's files gets pages with
// no look at all: no look file, no extra link or script.
func TestLookNone(t *testing.T) {
	t.Parallel()
	_, em := buildLook(t, "-- Home.md --\n# Home\n", Options{})
	for p := range em.Files {
		if strings.HasPrefix(string(p), lookDir) {
			t.Errorf("a vault without a look got %s", p)
		}
	}
	assertFile(t, em, "index.html", `<html lang="en">`, `<body class="page-note">`, "! _site/look/", "! site-header-logo")
}

// publishVault is a vault that moved from Obsidian Publish.
const publishVault = `
-- site-options.json --
{
  "siteName": "My Garden",
  "logo": "img/logo.svg",
  "indexFile": "Start",
  "defaultTheme": "light",
  "showOutline": false,
  "showBacklinks": false,
  "showSearch": true,
  "showThemeToggle": false,
  "navigationOrdering": ["Zeta", "Alpha/B.md", "Alpha", "Alpha/A.md"],
  "navigationHiddenItems": ["Hidden.md"],
  "showHoverPreview": false,
  "hideTitle": true,
  "readableLineLength": false,
  "strictLineBreaks": true,
  "someFutureKey": 3
}
-- publish.css --
.publish-css-marker {}
-- publish.js --
window.publishJSMarker = true;
-- img/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
-- Start.md --
# Start
[[A]] [[Hidden]]
-- Alpha/A.md --
# A
[[B]]
-- Alpha/B.md --
b1
b2
-- Zeta/Z.md --
z
-- Hidden.md --
h
`

// TestLookPublish: publish.css and publish.js load on every page, and
// site-options.json names the site, its logo, its home note and default
// mode, hides what its toggles turn off (the title, the hover preview,
// the readable line width too), sets strict line breaks, orders the
// explorer, and lists a key it does not know as an info.
func TestLookPublish(t *testing.T) {
	t.Parallel()
	res, em := buildLook(t, publishVault, Options{DefaultTitle: "folder name"})
	var jsOut site.OutPath
	for p := range em.Files {
		if strings.HasPrefix(string(p), lookDir+"publish.") && strings.HasSuffix(string(p), ".js") {
			jsOut = p
		}
	}
	for _, page := range []site.OutPath{"index.html", "alpha/a/index.html"} {
		assertFile(t, em, page, "<title>", "My Garden</title>", `class="site-header-logo"`, `img/logo.svg" alt="">`,
			`data-theme="light"`, "_site/look/publish.", string(jsOut)+`"></script></body>`,
			`! class="toc"`, `! class="backlinks"`, `! class="theme-toggle"`, `class="search-button"`)
	}
	assertFile(t, em, "index.html", "<title>Start · My Garden</title>") // indexFile's note is the home page
	// hideTitle, showHoverPreview, readableLineLength and strictLineBreaks.
	assertFile(t, em, "alpha/b/index.html", `<body class="page-note theme-light vs-full-width" data-hover-preview="off">`,
		"! page-title", "<p>b1\nb2</p>", "! <br>")
	if _, ok := em.Files["img/logo.svg"]; !ok {
		t.Error("the logo was not copied")
	}
	assertFile(t, em, explorerDir+"0.json", `"items":[["Zeta","",1],["Alpha","",1]]`)
	assertFile(t, em, explorerDir+"alpha/0.json", `"items":[["B"],["A"]]`)
	var info bool
	for _, d := range res.Diags {
		if d.Code == "unused-setting" && strings.Contains(d.Msg, `"someFutureKey"`) {
			info = d.Severity == site.Info && d.Pos.Line == 16
		}
	}
	if !info {
		t.Errorf("no info at line 16 for the unknown key in %v", res.Diags)
	}

	_, em = buildLook(t, publishVault, Options{Site: templates.SiteInfo{Title: "From yaml"}})
	assertFile(t, em, "index.html", "<title>Start · From yaml</title>")
}
