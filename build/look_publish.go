package build

import (
	"io/fs"
	"strconv"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// addPublish takes an Obsidian Publish vault's look: publish.css (after
// the theme and snippets; its remote @imports dropped unless
// remoteImports, its url()s shipped), publish.js, and site-options.json's
// settings.
// title is the title the settings gave; siteName gives it only when
// that is empty.
func (l *look) addPublish(v *site.Vault, title string, remoteImports bool) {
	if data, err := fs.ReadFile(v.FS, publishCSS); err == nil {
		l.addStyle(publishCSS, l.localURLs(v.FS, publishCSS, l.guardImports(publishCSS, data, remoteImports)))
		l.set("stylesheet", string(l.page.Styles[len(l.page.Styles)-1]), publishCSS)
	}
	if data, err := fs.ReadFile(v.FS, publishJS); err == nil {
		p := lookFile(publishJS, data)
		l.files = append(l.files, templates.File{Path: p, Data: data})
		l.page.Scripts = append(l.page.Scripts, p)
		l.set("script", string(p), publishJS)
	}
	o := v.Publish
	if !o.Found {
		return
	}
	from := func(key string) string { return site.PublishOptionsFile + " " + key }
	switch {
	case o.SiteName != "" && title == "":
		l.title = o.SiteName
		l.set("title", o.SiteName, from("siteName"))
	case o.SiteName != "":
		l.set("title", title+" (not siteName "+quote(o.SiteName)+")", "vaultsite.yaml title")
	}
	if h := v.Home(); h != nil && strings.EqualFold(string(h.Path), o.IndexNote()) {
		l.set("home note", string(h.Path), from("indexFile"))
	}
	l.setMode(o.DefaultTheme, from("defaultTheme"))
	l.setLogo(v, o.Logo, from("logo"))
	l.setHide(o, from)
	if o.SlidingWindowMode != nil {
		l.stacked = o.SlidingWindowMode
		l.set("stacked pages", strconv.FormatBool(*o.SlidingWindowMode), from("slidingWindowMode"))
	}
	if len(o.NavigationOrdering) > 0 {
		l.set("explorer order", "navigationOrdering", from("navigationOrdering"))
	}
}

func quote(s string) string { return `"` + s + `"` }

// setMode takes Publish's defaultTheme, which wins over appearance.json:
// it is the setting made for the site.
func (l *look) setMode(theme, from string) {
	switch strings.ToLower(theme) {
	case "dark", "light":
		l.page.Mode = strings.ToLower(theme)
	case "system":
		l.page.Mode = ""
	default:
		return
	}
	l.set("default mode", strings.ToLower(theme), from)
}

// setLogo shows the logo attachment in the header; a logo that is not a
// published attachment of the vault is a warning.
func (l *look) setLogo(v *site.Vault, logo, from string) {
	if logo == "" {
		return
	}
	p, err := site.ParseVaultPath(logo)
	if ok, _ := v.PathPublished(p); err != nil || !ok || !hasAsset(v, p) {
		l.diags.Add(site.Pos{Path: site.PublishOptionsFile, Line: 1, Col: 1}, site.Warning, "missing-logo",
			"logo %q is not a published file of the vault; the header shows the site's name alone", logo)
		return
	}
	l.logo, l.page.Logo = p, v.AssetOut(p)
	l.set("logo", logo, from)
}

// hasAsset reports whether the vault has the attachment p.
func hasAsset(v *site.Vault, p site.VaultPath) bool {
	for _, a := range v.Assets {
		if a.Path == p {
			return true
		}
	}
	return false
}

// setHide turns off the parts whose show* key is false.
func (l *look) setHide(o site.PublishOptions, from func(string) string) {
	for _, s := range []struct {
		key  string
		show *bool
		hide *bool
	}{
		{"showOutline", o.ShowOutline, &l.hide.Outline},
		{"showBacklinks", o.ShowBacklinks, &l.hide.Backlinks},
		{"showSearch", o.ShowSearch, &l.hide.Search},
		{"showThemeToggle", o.ShowThemeToggle, &l.hide.ThemeToggle},
		{"showGraph", o.ShowGraph, &l.hide.Graph},
		{"showNavigation", o.ShowNavigation, &l.hide.Explorer},
		{"showHoverPreview", o.ShowHoverPreview, &l.hide.HoverPreview},
		{"readableLineLength", o.ReadableLineLength, &l.hide.LineWidth},
	} {
		if s.show != nil && !*s.show {
			*s.hide = true
			l.set(strings.TrimPrefix(s.key, "show"), "hidden", from(s.key))
		}
	}
	if o.HideTitle != nil && *o.HideTitle {
		l.hide.Title = true
		l.set("page titles", "hidden", from("hideTitle"))
	}
}

// strictLineBreaks is Obsidian Publish's strictLineBreaks when
// site-options.json sets it, the site's own setting, else app.json's.
func strictLineBreaks(v *site.Vault) bool {
	if b := v.Publish.StrictLineBreaks; b != nil {
		return *b
	}
	return v.Config.StrictLineBreaks
}
