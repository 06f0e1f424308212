package site

import (
	"encoding/json"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// AppearanceFile is Obsidian's appearance settings.
const AppearanceFile = ".obsidian/appearance.json"

// Appearance holds the keys of .obsidian/appearance.json that make the
// author's look: the zero value is Obsidian's default look.
type Appearance struct {
	// Theme is the default mode: "obsidian" is dark, "moonstone" light,
	// "system" (or absent) follows the reader's system.
	Theme string `json:"theme"`
	// CSSTheme names the community theme, a folder of
	// .obsidian/themes/ holding theme.css; "" is Obsidian's own.
	CSSTheme string `json:"cssTheme"`
	// EnabledCSSSnippets names the enabled snippets, files of
	// .obsidian/snippets/ without ".css".
	EnabledCSSSnippets []string `json:"enabledCssSnippets"`
	// AccentColor is the accent, "#rrggbb"; "" keeps the theme's.
	AccentColor string `json:"accentColor"`
	// BaseFontSize is the text size in pixels; 0 keeps the default.
	BaseFontSize float64 `json:"baseFontSize"`
	// TextFontFamily and MonospaceFontFamily are font lists as Obsidian
	// stores them ("Inter, Arial"); "" keeps the theme's.
	TextFontFamily      string `json:"textFontFamily"`
	MonospaceFontFamily string `json:"monospaceFontFamily"`
}

// Mode returns the default colour mode the theme key names: "dark",
// "light", or "" to follow the reader's system.
func (a Appearance) Mode() string {
	switch a.Theme {
	case "obsidian":
		return "dark"
	case "moonstone":
		return "light"
	}
	return ""
}

// ThemeFile returns the vault path of the named theme's stylesheet.
func ThemeFile(name string) string { return path.Join(".obsidian/themes", name, "theme.css") }

// SnippetFile returns the vault path of the named snippet.
func SnippetFile(name string) string { return path.Join(".obsidian/snippets", name+".css") }

// readAppearance reads .obsidian/appearance.json; a missing file is the
// zero Appearance, a broken one a warning and the zero Appearance.
func readAppearance(fsys fs.FS, diags *Diagnostics) Appearance {
	var a Appearance
	data, err := fs.ReadFile(fsys, AppearanceFile)
	if err != nil {
		return a
	}
	if err := json.Unmarshal(data, &a); err != nil {
		diags.Add(Pos{Path: AppearanceFile}, Warning, "invalid-config", "invalid appearance.json: %v; using the default look", err)
		return Appearance{}
	}
	a.CSSTheme = strings.TrimSpace(a.CSSTheme)
	return a
}

// Snippets returns the enabled snippets that exist in fsys, in the order
// of their file names, which is the order Obsidian lists and loads them
// in; missing returns the enabled names that have no file.
func (a Appearance) Snippets(fsys fs.FS) (names, missing []string) {
	for _, n := range a.EnabledCSSSnippets {
		if _, err := fs.Stat(fsys, SnippetFile(n)); err == nil {
			names = append(names, n)
		} else {
			missing = append(missing, n)
		}
	}
	sort.Strings(names)
	return names, missing
}
