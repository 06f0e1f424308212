package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// LookOptions say which parts of the author's look a build publishes;
// the zero value publishes all the vault has.
type LookOptions struct {
	// Theme is "" for the theme appearance.json names, "none" for the
	// built-in look, or the name of a folder of .obsidian/themes/.
	Theme string
	// Snippets is "" for the enabled snippets, "none" for none.
	Snippets string
	// Publish is "" to use Obsidian Publish's publish.css, publish.js
	// and site-options.json, "none" to ignore them.
	Publish string
	// RemoteImports keeps @import rules of remote URLs in the theme and
	// snippets; without it they are dropped, so a theme cannot make the
	// site load what the author did not ship.
	RemoteImports bool
	// StackedPages is the site's own stackedPages setting; nil leaves it
	// to site-options.json's slidingWindowMode.
	StackedPages *bool
}

// Off is the value of a LookOptions field that turns its part off.
const Off = "none"

// Publish's own files, at the vault root.
const (
	publishCSS = "publish.css"
	publishJS  = "publish.js"
)

// isPublishLook reports whether the vault path p is a file of Obsidian
// Publish's look, whose change alters every page.
func isPublishLook(p string) bool {
	return p == publishCSS || p == publishJS || p == site.PublishOptionsFile
}

// lookDir is the output folder of the author's look files; each name
// carries a hash of its bytes, so hosts may cache them for a year.
const lookDir = "_site/look/"

// look is the author's look as one build publishes it: what pages show,
// the files to write, and which file set each setting.
type look struct {
	page  templates.Look
	hide  templates.Hide
	title string // siteName, when it gives the title
	// stacked is slidingWindowMode, nil when site-options.json is silent.
	stacked *bool
	files   []templates.File
	logo    site.VaultPath // the logo's attachment, copied with the look
	// Theme and ThemeBytes name the shipped theme and its size.
	theme      string
	themeBytes int
	settings   []LookSetting
	diags      site.Diagnostics
	// shipped maps each vault file a stylesheet's url() names to the
	// name it is shipped under (look_url.go).
	shipped map[string]string
}

// LookSetting is one setting of the look and what set it, for "build
// --dry-run": {"theme", "Minimal", ".obsidian/appearance.json cssTheme"}.
// From is a file of the vault, then the key in it, if any.
type LookSetting struct {
	Key, Value, From string
}

// File returns the vault file that made the setting.
func (s LookSetting) File() site.VaultPath {
	f, _, _ := strings.Cut(s.From, " ")
	return site.VaultPath(f)
}

// Field returns the key of File that made the setting, "" for the whole
// file.
func (s LookSetting) Field() string {
	_, k, _ := strings.Cut(s.From, " ")
	return k
}

// uses reports whether the vault file p is part of the look, which
// "build --dry-run" must not call unused.
func (l *look) uses(p site.VaultPath) bool {
	if p == l.logo {
		return true
	}
	for _, s := range l.settings {
		if s.File() == p {
			return true
		}
	}
	return false
}

// makeLook gathers the author's look from the vault: the appearance
// variables, the theme, the snippets, then Publish's files, in the order
// their stylesheets load. Problems (a missing theme or snippet, a remote
// @import) are diagnostics; the look goes on without the part.
func makeLook(v *site.Vault, opts LookOptions, title string) *look {
	l := &look{}
	app := v.Look.Appearance
	if css := appearanceCSS(app); css != "" {
		l.addStyle("vars.css", []byte(css))
		l.set("appearance", "accent, fonts and text size", site.AppearanceFile)
	}
	if m := app.Mode(); m != "" {
		l.page.Mode = m
		l.set("default mode", m, site.AppearanceFile+" theme")
	}
	l.addTheme(v.FS, app, opts)
	l.addSnippets(v.FS, app, opts)
	if opts.Publish != Off {
		l.addPublish(v, title, opts.RemoteImports)
	}
	return l
}

// set records that from set key to value.
func (l *look) set(key, value, from string) {
	l.settings = append(l.settings, LookSetting{Key: key, Value: value, From: from})
}

// lookFile returns the output path of a look file: "_site/look/" and
// name with eight hex digits of the data's SHA-256 before its extension,
// as the site's own files are named (templates/static.go).
func lookFile(name string, data []byte) site.OutPath {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return site.OutPath(lookDir + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext)
}

func (l *look) addStyle(name string, data []byte) {
	p := lookFile(name, data)
	l.files = append(l.files, templates.File{Path: p, Data: data})
	l.page.Styles = append(l.page.Styles, p)
}

// addTheme ships the theme's theme.css: the one LookOptions.Theme names,
// else appearance.json's cssTheme.
func (l *look) addTheme(fsys fs.FS, app site.Appearance, opts LookOptions) {
	name, from := app.CSSTheme, site.AppearanceFile+" cssTheme"
	switch opts.Theme {
	case Off:
		if name != "" {
			l.set("theme", "none (the built-in look)", "vaultsite.yaml theme")
		}
		return
	case "":
	default:
		name, from = opts.Theme, "vaultsite.yaml theme"
	}
	if name == "" {
		return
	}
	file := site.ThemeFile(name)
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		l.diags.Add(site.Pos{Path: site.VaultPath(file)}, site.Warning, "missing-theme",
			"theme %q has no theme.css; the site keeps its built-in look", name)
		return
	}
	files := len(l.files)
	data = l.localURLs(fsys, file, l.guardImports(file, data, opts.RemoteImports))
	l.theme, l.themeBytes = name, len(data)
	for _, f := range l.files[files:] {
		l.themeBytes += len(f.Data) // the fonts and images its url()s name
	}
	l.addStyle("theme.css", data)
	l.set("theme", name, from)
}

// addSnippets ships the enabled snippets as one stylesheet, in the order
// of their file names, each headed by a comment naming it.
func (l *look) addSnippets(fsys fs.FS, app site.Appearance, opts LookOptions) {
	if opts.Snippets == Off {
		if len(app.EnabledCSSSnippets) > 0 {
			l.set("snippets", "none", "vaultsite.yaml snippets")
		}
		return
	}
	names, missing := app.Snippets(fsys)
	for _, n := range missing {
		l.diags.Add(site.Pos{Path: site.AppearanceFile}, site.Warning, "missing-snippet",
			"enabled snippet %q has no file %s", n, site.SnippetFile(n))
	}
	var all []byte
	for _, n := range names {
		file := site.SnippetFile(n)
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			continue // Snippets saw it; a race with the editor loses one snippet
		}
		all = fmt.Appendf(all, "/* snippet %s */\n", cssComment(n))
		all = append(append(all, l.localURLs(fsys, file, l.guardImports(file, data, opts.RemoteImports))...), '\n')
	}
	if all != nil {
		l.addStyle("snippets.css", all)
		l.set("snippets", strings.Join(names, ", "), site.AppearanceFile+" enabledCssSnippets")
	}
}

// cssComment makes s safe inside a CSS comment.
func cssComment(s string) string { return strings.ReplaceAll(s, "*/", "* /") }

// applyLook puts the analysis's look on the pages this build makes: the
// title (settings, then siteName, then DefaultTitle), the look's files
// and the parts it hides.
func (b *builder) applyLook() {
	l := b.a.look
	if b.opts.Site.Title == "" {
		b.opts.Site.Title = l.title
	}
	if b.opts.Site.Title == "" {
		b.opts.Site.Title = b.opts.DefaultTitle
	}
	b.opts.Site.Look, b.opts.Site.Hide = l.page, l.hide
	if s := b.opts.Look.StackedPages; s != nil {
		b.opts.Site.StackedPages = *s
	} else if l.stacked != nil {
		b.opts.Site.StackedPages = *l.stacked
	}
}

// emitLook writes the look's files and its logo, but those a rebuild's
// last build wrote.
func (b *builder) emitLook() error {
	for _, f := range b.a.look.files {
		if !b.has(f.Path) {
			if err := b.emit(f.Path, f.Data); err != nil {
				return err
			}
		}
	}
	logo := b.a.look.logo
	if logo == "" || b.has(b.v.AssetOut(logo)) || b.use.assets[logo] != nil { // a page's attachment too
		return nil
	}
	data, err := b.v.ReadFile(logo)
	if err != nil {
		b.use.diags.Add(site.Pos{Path: logo}, site.Warning, "unreadable", "cannot copy the logo: %v", err)
		return nil
	}
	return b.emit(b.v.AssetOut(logo), data)
}
