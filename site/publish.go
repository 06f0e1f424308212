package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"sort"
	"strings"
)

// PublishOptionsFile is where a vault keeps the settings of its Obsidian
// Publish site, at the vault root (the help vault carries one).
const PublishOptionsFile = "site-options.json"

// PublishOptions are the keys of site-options.json that vaultsite
// honours. A nil *bool is a key the file does not set; the build then
// keeps its own default (every part shown).
type PublishOptions struct {
	// Found says the vault has the file.
	Found bool
	// Logo is the vault path of the image shown in the header.
	Logo string
	// IndexFile is the vault path of the site's home note, with or
	// without ".md" ("Home" in the help vault); "" when unset
	// (Vault.chooseHome).
	IndexFile string
	// SiteName is the site's title.
	SiteName string
	// DefaultTheme is "dark", "light" or "system".
	DefaultTheme    string
	ShowOutline     *bool
	ShowBacklinks   *bool
	ShowSearch      *bool
	ShowThemeToggle *bool
	ShowGraph       *bool
	ShowNavigation  *bool
	// ShowHoverPreview false turns off the hover preview of links.
	ShowHoverPreview *bool
	// SlidingWindowMode true turns on stacked pages.
	SlidingWindowMode *bool
	// HideTitle true leaves out every page's title heading.
	HideTitle *bool
	// ReadableLineLength false lets the text take the page's width.
	ReadableLineLength *bool
	// StrictLineBreaks, when set, wins over .obsidian/app.json's.
	StrictLineBreaks *bool
	// NavigationOrdering lists vault paths (folders bare, files with
	// their extension) in the order the explorer shows them.
	NavigationOrdering []string
	// NavigationHiddenItems lists vault paths the explorer leaves out.
	NavigationHiddenItems []string
}

// fields maps each honoured key to the field it fills.
func (o *PublishOptions) fields() map[string]any {
	return map[string]any{
		"logo": &o.Logo, "indexFile": &o.IndexFile, "siteName": &o.SiteName, "defaultTheme": &o.DefaultTheme,
		"showOutline": &o.ShowOutline, "showBacklinks": &o.ShowBacklinks, "showSearch": &o.ShowSearch,
		"showThemeToggle": &o.ShowThemeToggle, "showGraph": &o.ShowGraph, "showNavigation": &o.ShowNavigation,
		"showHoverPreview": &o.ShowHoverPreview, "hideTitle": &o.HideTitle, "readableLineLength": &o.ReadableLineLength,
		"strictLineBreaks": &o.StrictLineBreaks, "slidingWindowMode": &o.SlidingWindowMode,
		"navigationOrdering": &o.NavigationOrdering, "navigationHiddenItems": &o.NavigationHiddenItems,
	}
}

// readPublishOptions reads site-options.json at the vault root. A
// missing file is the zero PublishOptions. A file that is not a JSON
// object is a warning and is ignored; a key of the wrong type is a
// warning and keeps its default; a key vaultsite does not use is an
// info naming it, never an error, since Publish adds keys over time.
func readPublishOptions(fsys fs.FS, diags *Diagnostics) PublishOptions {
	var o PublishOptions
	data, err := fs.ReadFile(fsys, PublishOptionsFile)
	if err != nil {
		return o
	}
	pos := func(key string) Pos { return Pos{Path: PublishOptionsFile, Line: keyLine(data, key), Col: 1} }
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		diags.Add(Pos{Path: PublishOptionsFile}, Warning, "invalid-config", "invalid %s: %v; its settings are not used", PublishOptionsFile, err)
		return o
	}
	o.Found = true
	fields := o.fields()
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dst, ok := fields[k]
		if !ok {
			diags.Add(pos(k), Info, "unused-setting", "%s key %q is not used by vaultsite", PublishOptionsFile, k)
			continue
		}
		if err := json.Unmarshal(raw[k], dst); err != nil {
			diags.Add(pos(k), Warning, "invalid-config", "%s key %q: %v; using the default", PublishOptionsFile, k, err)
		}
	}
	o.Logo = strings.Trim(o.Logo, "/")
	o.IndexFile = strings.Trim(o.IndexFile, "/")
	return o
}

// keyLine returns the 1-based line of the first `"key"` followed by a
// colon in a JSON file, or 0 when it cannot be found (an escaped name).
func keyLine(data []byte, key string) int {
	q, _ := json.Marshal(key)
	for off := 0; ; {
		i := bytes.Index(data[off:], q)
		if i < 0 {
			return 0
		}
		off += i + len(q)
		if rest := bytes.TrimLeft(data[off:], " \t\r\n"); len(rest) > 0 && rest[0] == ':' {
			return bytes.Count(data[:off], []byte("\n")) + 1
		}
	}
}

// IndexNote returns the vault path of the note indexFile names ("Home"
// → "Home.md"), or "" when it names none.
func (o PublishOptions) IndexNote() string {
	if o.IndexFile == "" {
		return ""
	}
	if strings.HasSuffix(strings.ToLower(o.IndexFile), ".md") {
		return o.IndexFile
	}
	return o.IndexFile + ".md"
}
