package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// vaultFS builds a MapFS from path → content pairs.
func vaultFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}

func load(t *testing.T, files map[string]string, opts LoadOptions) (*Vault, Diagnostics) {
	t.Helper()
	v, diags, err := Load(context.Background(), vaultFS(files), opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	diags.Sort()
	return v, diags
}

// codes lists the diagnostics as "path: code", sorted.
func codes(diags Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, string(d.Pos.Path)+": "+d.Code)
	}
	return out
}

// noteState is what Load decides about a note.
type noteState struct {
	Slug        Slug
	Published   bool
	Unpublished string
	FolderNote  bool
}

func states(v *Vault) map[VaultPath]noteState {
	out := map[VaultPath]noteState{}
	for _, n := range v.Notes {
		out[n.Path] = noteState{Slug: n.Slug, Published: n.Published, Unpublished: n.Unpublished, FolderNote: n.FolderNote}
	}
	return out
}

func TestLoadFiles(t *testing.T) {
	t.Parallel()
	v, diags := load(t, map[string]string{
		".obsidian/app.json":            `{}`,
		".obsidian/plugins/x/README.md": "plugin",
		".obsidian/snippets/wide.css":   "x",
		".trash/Old.md":                 "old",
		".hidden.md":                    "hidden",
		"Folder/.git/config":            "x",
		"Folder/.hidden/Inner.md":       "x",
		"Folder/Note.md":                "# Note",
		"Note.md":                       "# Root",
		"Attachments/Photo.PNG":         "12345",
		"Board.canvas":                  "{}",
		"Data.base":                     "",
		"Docs/Manual.pdf":               "%PDF",
		"Audio/clip.mp3":                "x",
		"Video/clip.webm":               "x",
		"Other/notes.txt":               "x",
		"Other/UPPER.MD":                "# upper-case extension",
		"Empty folder/.keep":            "",
		"Deep/a/b/c/d/e/f/Deep note.md": "deep",
	}, LoadOptions{})
	var notes []VaultPath
	for _, n := range v.Notes {
		notes = append(notes, n.Path)
	}
	wantNotes := []VaultPath{"Deep/a/b/c/d/e/f/Deep note.md", "Folder/Note.md", "Note.md", "Other/UPPER.MD"}
	if diff := cmp.Diff(wantNotes, notes); diff != "" {
		t.Errorf("notes mismatch (-want +got):\n%s", diff)
	}
	wantAssets := []*Asset{
		{Path: "Attachments/Photo.PNG", Kind: KindImage, Size: 5},
		{Path: "Audio/clip.mp3", Kind: KindAudio, Size: 1},
		{Path: "Board.canvas", Kind: KindCanvas, Size: 2},
		{Path: "Data.base", Kind: KindBase, Size: 0},
		{Path: "Docs/Manual.pdf", Kind: KindPDF, Size: 4},
		{Path: "Other/notes.txt", Kind: KindOther, Size: 1},
		{Path: "Video/clip.webm", Kind: KindVideo, Size: 1},
	}
	if diff := cmp.Diff(wantAssets, v.Assets); diff != "" {
		t.Errorf("assets mismatch (-want +got):\n%s", diff)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags.strings())
	}
	if n := v.Note("Folder/Note.md"); n == nil || string(n.Source) != "# Note" {
		t.Errorf("Note(%q) = %v, want the note with its source", "Folder/Note.md", n)
	}
	if n := v.Note(".hidden.md"); n != nil {
		t.Errorf("Note(%q) found a hidden note", ".hidden.md")
	}
}

func TestLoadAppConfig(t *testing.T) {
	t.Parallel()
	v, diags := load(t, map[string]string{
		".obsidian/app.json": `{
			"strictLineBreaks": true,
			"showInlineTitle": false,
			"vimMode": true,
			"userIgnoreFilters": ["Private/", "/^Drafts?\\//", "/\\.excalidraw\\.md$/", "/[unclosed/"]
		}`,
		"Private/a.md":           "",
		"Private/Sub/b.md":       "",
		"Privateer.md":           "",
		"Draft/c.md":             "",
		"Drafts/d.md":            "",
		"Old Drafts/e.md":        "",
		"x.excalidraw.md":        "",
		"Sub/y.excalidraw.md":    "",
		"[unclosed/z.md":         "", // an invalid regexp matches nothing
		"Public.md":              "",
		"Sub/excalidraw.md.note": "",
	}, LoadOptions{})
	f := false
	wantCfg := AppConfig{
		StrictLineBreaks:  true,
		ShowInlineTitle:   &f,
		UserIgnoreFilters: []string{"Private/", `/^Drafts?\//`, `/\.excalidraw\.md$/`, "/[unclosed/"},
	}
	if diff := cmp.Diff(wantCfg, v.Config); diff != "" {
		t.Errorf("Config mismatch (-want +got):\n%s", diff)
	}
	want := map[VaultPath]noteState{
		"Private/a.md":        {Unpublished: "excluded by userIgnoreFilters Private/"},
		"Private/Sub/b.md":    {Unpublished: "excluded by userIgnoreFilters Private/"},
		"Privateer.md":        {Slug: "privateer", Published: true},
		"Draft/c.md":          {Unpublished: `excluded by userIgnoreFilters /^Drafts?\//`},
		"Drafts/d.md":         {Unpublished: `excluded by userIgnoreFilters /^Drafts?\//`},
		"Old Drafts/e.md":     {Slug: "old-drafts/e", Published: true},
		"x.excalidraw.md":     {Unpublished: `excluded by userIgnoreFilters /\.excalidraw\.md$/`},
		"Sub/y.excalidraw.md": {Unpublished: `excluded by userIgnoreFilters /\.excalidraw\.md$/`},
		"[unclosed/z.md":      {Slug: "unclosed/z", Published: true},
		"Public.md":           {Slug: "public", Published: true},
	}
	if diff := cmp.Diff(want, states(v)); diff != "" {
		t.Errorf("notes mismatch (-want +got):\n%s", diff)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags.strings())
	}
}

func TestLoadAppConfigDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		give      map[string]string
		wantDiags []string
	}{
		{name: "no .obsidian", give: map[string]string{"a.md": ""}},
		{name: "no app.json", give: map[string]string{".obsidian/appearance.json": "{}", "a.md": ""}},
		{name: "empty object", give: map[string]string{".obsidian/app.json": "{}", "a.md": ""}},
		{name: "null filters", give: map[string]string{".obsidian/app.json": `{"userIgnoreFilters": null}`, "a.md": ""}},
		{
			name:      "invalid JSON",
			give:      map[string]string{".obsidian/app.json": `{"strictLineBreaks": true,`, "a.md": ""},
			wantDiags: []string{".obsidian/app.json: invalid-config"},
		},
		{
			name:      "wrong type",
			give:      map[string]string{".obsidian/app.json": `{"strictLineBreaks": true, "userIgnoreFilters": "a"}`, "a.md": ""},
			wantDiags: []string{".obsidian/app.json: invalid-config"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, diags := load(t, tt.give, LoadOptions{})
			if diff := cmp.Diff(AppConfig{}, v.Config); diff != "" {
				t.Errorf("Config is not the default (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDiags, codes(diags)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
			for _, d := range diags {
				if d.Severity != Warning || !strings.HasPrefix(d.Msg, "invalid app.json: ") {
					t.Errorf("diagnostic %s: want a warning about app.json", d)
				}
			}
			if n := v.Note("a.md"); n == nil || !n.Published {
				t.Errorf("a.md is not published with the default config")
			}
		})
	}
}

func TestLoadTemplatesFolder(t *testing.T) {
	t.Parallel()
	v, _ := load(t, map[string]string{
		".obsidian/templates.json": `{"folder": "/Templates/"}`,
		"Templates/Daily.md":       "---\ndate:: {{date}}\n---\n# {{title}}\n",
		"Templates/Sub/Meeting.md": "",
		"templates/lower.md":       "", // Obsidian compares folders without case
		"Templates.md":             "",
		"TemplatesOld/x.md":        "",
		"Notes/Templates/y.md":     "",
	}, LoadOptions{})
	if v.TemplatesFolder != "Templates" {
		t.Errorf("TemplatesFolder = %q, want %q", v.TemplatesFolder, "Templates")
	}
	const reason = "in the templates folder Templates"
	want := map[VaultPath]noteState{
		"Templates/Daily.md":       {Unpublished: reason},
		"Templates/Sub/Meeting.md": {Unpublished: reason},
		"templates/lower.md":       {Unpublished: reason},
		"Templates.md":             {Slug: "templates", Published: true},
		"TemplatesOld/x.md":        {Slug: "templatesold/x", Published: true},
		"Notes/Templates/y.md":     {Slug: "notes/templates/y", Published: true},
	}
	if diff := cmp.Diff(want, states(v)); diff != "" {
		t.Errorf("notes mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadTemplatesFolderBrokenJSON(t *testing.T) {
	t.Parallel()
	v, diags := load(t, map[string]string{
		".obsidian/templates.json": `{"folder": `,
		"Templates/a.md":           "",
	}, LoadOptions{})
	if v.TemplatesFolder != "" || !v.Note("Templates/a.md").Published {
		t.Errorf("TemplatesFolder = %q; want none, and the note published", v.TemplatesFolder)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags.strings())
	}
}

func TestLoadPublishRules(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"Plain.md":        "# no frontmatter",
		"Yes.md":          "---\npublish: true\n---\n",
		"No.md":           "---\npublish: false\n---\n",
		"Draft.md":        "---\ndraft: true\n---\n",
		"Not draft.md":    "---\ndraft: false\n---\n",
		"No and draft.md": "---\ndraft: true\npublish: false\n---\n",
		"Draft yes.md":    "---\npublish: true\ndraft: true\n---\n",
		"Broken.md":       "---\npublish: false\ntitle: a: b\n---\n", // no properties at all
		"Private/a.md":    "---\npublish: true\n---\n",
		"Private/b.md":    "",
		"Sub/x.canvas.md": "",
		"drafts/a.md":     "",
		"drafts/sub/b.md": "",
		"Notes/Drafts.md": "",
	}
	ignore := []string{"Private", "*.canvas.md", "drafts/*"}
	tests := []struct {
		name string
		opts LoadOptions
		want map[VaultPath]noteState
	}{
		{
			name: "default",
			opts: LoadOptions{Ignore: ignore},
			want: map[VaultPath]noteState{
				"Plain.md":        {Slug: "plain", Published: true},
				"Yes.md":          {Slug: "yes", Published: true},
				"No.md":           {Unpublished: "publish: false"},
				"Draft.md":        {Unpublished: "draft: true"},
				"Not draft.md":    {Slug: "not-draft", Published: true},
				"No and draft.md": {Unpublished: "publish: false"},
				"Draft yes.md":    {Unpublished: "draft: true"},
				"Broken.md":       {Slug: "broken", Published: true},
				"Private/a.md":    {Unpublished: "ignored by Private"},
				"Private/b.md":    {Unpublished: "ignored by Private"},
				"Sub/x.canvas.md": {Slug: "sub/x.canvas", Published: true}, // "*" does not cross "/"
				"drafts/a.md":     {Unpublished: "ignored by drafts/*"},
				"drafts/sub/b.md": {Unpublished: "ignored by drafts/*"}, // matches the folder drafts/sub
				"Notes/Drafts.md": {Slug: "notes/drafts", Published: true},
			},
		},
		{
			name: "opt-in",
			opts: LoadOptions{OptIn: true},
			want: map[VaultPath]noteState{
				"Plain.md":        {Unpublished: "not marked publish: true (opt-in mode)"},
				"Yes.md":          {Slug: "yes", Published: true},
				"No.md":           {Unpublished: "publish: false"},
				"Draft.md":        {Unpublished: "draft: true"},
				"Not draft.md":    {Unpublished: "not marked publish: true (opt-in mode)"},
				"No and draft.md": {Unpublished: "publish: false"},
				"Draft yes.md":    {Unpublished: "draft: true"},
				"Broken.md":       {Unpublished: "not marked publish: true (opt-in mode)"},
				"Private/a.md":    {Slug: "private/a", Published: true},
				"Private/b.md":    {Unpublished: "not marked publish: true (opt-in mode)"},
				"Sub/x.canvas.md": {Unpublished: "not marked publish: true (opt-in mode)"},
				"drafts/a.md":     {Unpublished: "not marked publish: true (opt-in mode)"},
				"drafts/sub/b.md": {Unpublished: "not marked publish: true (opt-in mode)"},
				"Notes/Drafts.md": {Unpublished: "not marked publish: true (opt-in mode)"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, diags := load(t, files, tt.opts)
			if diff := cmp.Diff(tt.want, states(v)); diff != "" {
				t.Errorf("notes mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"Broken.md: invalid-frontmatter"}, codes(diags)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
			var published []VaultPath
			for _, n := range v.Published() {
				published = append(published, n.Path)
			}
			var wantPublished []VaultPath
			for _, n := range v.Notes {
				if tt.want[n.Path].Published {
					wantPublished = append(wantPublished, n.Path)
				}
			}
			if diff := cmp.Diff(wantPublished, published); diff != "" {
				t.Errorf("Published() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadNFD(t *testing.T) {
	t.Parallel()
	v, diags := load(t, map[string]string{
		"Cafe\u0301.md":                 "# Café",
		"Re\u0301sume\u0301/Photo.png":  "png",
		"Re\u0301sume\u0301/Plan\u0303": "x",
	}, LoadOptions{})
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags.strings())
	}
	const nfc = VaultPath("Caf\u00e9.md")
	n := v.Note(nfc)
	if n == nil {
		t.Fatalf("Note(%q) = nil; notes: %v", nfc, states(v))
	}
	if n.Slug != "caf\u00e9" || string(n.Source) != "# Café" {
		t.Errorf("note %q: slug %q, source %q", n.Path, n.Slug, n.Source)
	}
	if got := v.FSName(nfc); got != "Cafe\u0301.md" {
		t.Errorf("FSName(%q) = %q, want the NFD name", nfc, got)
	}
	if got := v.FSName("Other.md"); got != "Other.md" {
		t.Errorf("FSName(%q) = %q, want it unchanged", "Other.md", got)
	}
	wantAssets := []VaultPath{"R\u00e9sum\u00e9/Photo.png", "R\u00e9sum\u00e9/Pla\u00f1"}
	for i, a := range v.Assets {
		if i >= len(wantAssets) || a.Path != wantAssets[i] {
			t.Errorf("asset %d is %q, want %q", i, a.Path, wantAssets)
			continue
		}
		if !a.Path.Valid() {
			t.Errorf("asset path %q is not a valid VaultPath", a.Path)
		}
		if _, err := v.ReadFile(a.Path); err != nil {
			t.Errorf("ReadFile(%q): %v", a.Path, err)
		}
	}
	if data, err := v.ReadFile(nfc); err != nil || string(data) != "# Café" {
		t.Errorf("ReadFile(%q) = %q, %v", nfc, data, err)
	}
}

func TestLoadDuplicateInNFC(t *testing.T) {
	t.Parallel()
	v, diags := load(t, map[string]string{
		"Cafe\u0301.md": "nfd",
		"Caf\u00e9.md":  "nfc",
		"Other.md":      "",
	}, LoadOptions{})
	if len(v.Notes) != 2 {
		t.Fatalf("got %d notes, want 2: %v", len(v.Notes), states(v))
	}
	// The walk goes in byte order, and "e" sorts before "é": the NFD
	// file is met first and kept.
	if n := v.Note("Caf\u00e9.md"); n == nil || string(n.Source) != "nfd" {
		t.Errorf("Note(Café.md) = %+v, want the first file met", n)
	}
	if diff := cmp.Diff([]string{"Caf\u00e9.md: duplicate-file"}, codes(diags)); diff != "" {
		t.Fatalf("diagnostics mismatch (-want +got):\n%s", diff)
	}
	if d := diags[0]; d.Severity != Warning || !strings.Contains(d.Msg, `"Cafe\u0301.md"`) || !strings.Contains(d.Msg, `"Caf\u00e9.md"`) {
		t.Errorf("diagnostic %s: want a warning naming both files", d)
	}
}

func TestLoadSlugs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		give      []string
		want      map[VaultPath]noteState
		wantHome  VaultPath
		wantDiags []string
	}{
		{
			name: "index.html as a note, a folder and deeper",
			give: []string{"index.html.md", "Index.html/x.md", "Index.html/y.md", "Sub/index.html.md"},
			want: map[VaultPath]noteState{
				"index.html.md":     {Slug: "index.html_", Published: true, FolderNote: true},
				"Index.html/x.md":   {Slug: "index.html_/x", Published: true},
				"Index.html/y.md":   {Slug: "index.html_/y", Published: true},
				"Sub/index.html.md": {Slug: "sub/index.html_", Published: true},
			},
			wantDiags: []string{"Index.html/x.md: slug-collision", "Sub/index.html.md: slug-collision", "index.html.md: slug-collision"},
		},
		{
			name: "a name too long for a file is shortened",
			give: []string{strings.Repeat("é", 130) + ".md"},
			want: map[VaultPath]noteState{
				VaultPath(strings.Repeat("é", 130) + ".md"): {Slug: Slug(strings.Repeat("é", 115) + "-0e453436"), Published: true},
			},
			wantDiags: []string{strings.Repeat("é", 130) + ".md: long-name"},
		},
		{
			name: "collision gets -2",
			give: []string{"A b.md", "a-b.md"},
			want: map[VaultPath]noteState{
				"A b.md": {Slug: "a-b", Published: true},
				"a-b.md": {Slug: "a-b-2", Published: true},
			},
			wantDiags: []string{"a-b.md: slug-collision"},
		},
		{
			name: "three-way collision and a natural -2",
			give: []string{"A b.md", "a-b-2.md", "a-b.md", "A+B.md"},
			want: map[VaultPath]noteState{
				"A b.md":   {Slug: "a-b", Published: true},
				"A+B.md":   {Slug: "a-b-2", Published: true},
				"a-b-2.md": {Slug: "a-b-2-2", Published: true},
				"a-b.md":   {Slug: "a-b-3", Published: true},
			},
			wantDiags: []string{"A+B.md: slug-collision", "a-b-2.md: slug-collision", "a-b.md: slug-collision"},
		},
		{
			name: "case only",
			give: []string{"Note.md", "note.md", "NOTE.md"},
			want: map[VaultPath]noteState{
				"NOTE.md": {Slug: "note", Published: true},
				"Note.md": {Slug: "note-2", Published: true},
				"note.md": {Slug: "note-3", Published: true},
			},
			wantDiags: []string{"Note.md: slug-collision", "note.md: slug-collision"},
		},
		{
			name: "unpublished notes take no slug",
			give: []string{"A b.md|---\npublish: false\n---\n", "a-b.md"},
			want: map[VaultPath]noteState{
				"A b.md": {Unpublished: "publish: false"},
				"a-b.md": {Slug: "a-b", Published: true},
			},
		},
		{
			name:     "Home.md is the home page",
			give:     []string{"Home.md", "Other.md"},
			want:     map[VaultPath]noteState{"Home.md": {Slug: "", Published: true}, "Other.md": {Slug: "other", Published: true}},
			wantHome: "Home.md",
		},
		{
			name:     "index.md wins over Home.md",
			give:     []string{"Home.md", "index.md"},
			want:     map[VaultPath]noteState{"Home.md": {Slug: "home", Published: true}, "index.md": {Slug: "", Published: true}},
			wantHome: "index.md",
		},
		{
			name:     "case of the home note",
			give:     []string{"INDEX.md"},
			want:     map[VaultPath]noteState{"INDEX.md": {Slug: "", Published: true}},
			wantHome: "INDEX.md",
		},
		{
			name:     "unpublished Home.md is not the home page",
			give:     []string{"Home.md|---\npublish: false\n---\n", "index.md|---\ndraft: true\n---\n", "x.md"},
			want:     map[VaultPath]noteState{"Home.md": {Unpublished: "publish: false"}, "index.md": {Unpublished: "draft: true"}, "x.md": {Slug: "x", Published: true}},
			wantHome: "",
		},
		{
			name:     "only at the root",
			give:     []string{"Sub/Home.md", "Sub/index.md"},
			want:     map[VaultPath]noteState{"Sub/Home.md": {Slug: "sub/home", Published: true}, "Sub/index.md": {Slug: "sub/index", Published: true}},
			wantHome: "",
		},
		{
			name: "folder note",
			give: []string{"Foo.md", "Foo/x.md", "Bar.md", "Baz/Qux.md", "Baz/Qux/y.md"},
			want: map[VaultPath]noteState{
				"Foo.md":       {Slug: "foo", Published: true, FolderNote: true},
				"Foo/x.md":     {Slug: "foo/x", Published: true},
				"Bar.md":       {Slug: "bar", Published: true},
				"Baz/Qux.md":   {Slug: "baz/qux", Published: true, FolderNote: true},
				"Baz/Qux/y.md": {Slug: "baz/qux/y", Published: true},
			},
		},
		{
			// Unpublished notes leave no trace, not even a folder.
			name: "folder of unpublished notes only",
			give: []string{"Foo.md", "Foo/secret.md|---\npublish: false\n---\n"},
			want: map[VaultPath]noteState{
				"Foo.md":        {Slug: "foo", Published: true},
				"Foo/secret.md": {Unpublished: "publish: false"},
			},
		},
		{
			// An explicit permalink is served before path slugs, through
			// the same slug rule; a clash among permalinks is a collision.
			name: "permalinks",
			give: []string{
				"Home.md|---\npermalink: /\n---\n",
				"Old/About us.md|---\npermalink: /About/\n---\n",
				"about.md", // its path's URL is the permalink's: it moves
				"Guide.md|---\npermalink: tags\n---\n",
				"Twin.md|---\npermalink: about\n---\n",
				"Root.md|---\npermalink: /\n---\n",
				"Docs/x.md",
				"Folder.md|---\npermalink: docs\n---\n",
			},
			want: map[VaultPath]noteState{
				"Home.md":         {Slug: "", Published: true},
				"Old/About us.md": {Slug: "about", Published: true},
				"about.md":        {Slug: "about-3", Published: true},
				"Guide.md":        {Slug: "tags_", Published: true},
				"Twin.md":         {Slug: "about-2", Published: true},
				"Root.md":         {Slug: "root", Published: true},
				"Docs/x.md":       {Slug: "docs/x", Published: true},
				"Folder.md":       {Slug: "docs", Published: true, FolderNote: true},
			},
			wantDiags: []string{"Root.md: slug-collision", "Twin.md: slug-collision", "about.md: slug-collision"},
			wantHome:  "Home.md",
		},
		{
			name: "permalink of an unpublished note",
			give: []string{"a.md|---\npermalink: b\ndraft: true\n---\n", "b.md"},
			want: map[VaultPath]noteState{
				"a.md": {Unpublished: "draft: true"},
				"b.md": {Slug: "b", Published: true},
			},
		},
		{
			name: "folder note by slug, not by name",
			give: []string{"My Notes.md", "my notes/a.md", "Tags.md", "Tags/t.md"},
			want: map[VaultPath]noteState{
				"My Notes.md":   {Slug: "my-notes", Published: true, FolderNote: true},
				"my notes/a.md": {Slug: "my-notes/a", Published: true},
				"Tags.md":       {Slug: "tags_", Published: true, FolderNote: true},
				"Tags/t.md":     {Slug: "tags_/t", Published: true},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{}
			for _, f := range tt.give {
				name, src, _ := strings.Cut(f, "|")
				files[name] = src
			}
			v, diags := load(t, files, LoadOptions{})
			if diff := cmp.Diff(tt.want, states(v)); diff != "" {
				t.Errorf("notes mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDiags, codes(diags)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
			var home VaultPath
			if h := v.Home(); h != nil {
				home = h.Path
			}
			if home != tt.wantHome {
				t.Errorf("Home() = %q, want %q", home, tt.wantHome)
			}
			seen := map[Slug]VaultPath{}
			for _, n := range v.Published() {
				if !n.Slug.Valid() {
					t.Errorf("%q has the invalid slug %q", n.Path, n.Slug)
				}
				if prev, dup := seen[n.Slug]; dup {
					t.Errorf("%q and %q share the slug %q", prev, n.Path, n.Slug)
				}
				seen[n.Slug] = n.Path
			}
		})
	}
}

func TestLoadUnpublishedLine(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"No.md":      "---\ntitle: x\npublish: false\n---\n",
		"Draft.md":   "---\ntags: [a]\n\ndraft: true\n---\n",
		"Twice.md":   "---\nPublish: true\npublish: false\n---\n",
		"Private.md": "---\npublish: true\n---\n",
		"Plain.md":   "",
	}
	v, _ := load(t, files, LoadOptions{Ignore: []string{"Private.md"}, OptIn: true})
	want := map[VaultPath]int{"No.md": 3, "Draft.md": 4, "Twice.md": 3, "Private.md": 0, "Plain.md": 0}
	got := map[VaultPath]int{}
	for _, n := range v.Notes {
		got[n.Path] = n.UnpublishedLine
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("UnpublishedLine (-want +got):\n%s", diff)
	}
}

func TestLoadSlugCollisionMessage(t *testing.T) {
	t.Parallel()
	_, diags := load(t, map[string]string{"A b.md": "", "a-b.md": ""}, LoadOptions{})
	want := `a-b.md: warning: the URL "a-b/" is taken by "A b.md"; this note is published at "a-b-2/" (slug-collision)`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("got %v\nwant [%s]", diags.strings(), want)
	}
}

func TestLoadFrontmatter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		give          string
		wantBodyStart int
		wantBody      string
		wantProps     []string // key=value
		wantDiags     []string // formatted, without the message
	}{
		{
			name:          "plain",
			give:          "---\ntags: [a]\n---\n# Body\n",
			wantBodyStart: 18, wantBody: "# Body\n",
			wantProps: []string{"tags=a"},
		},
		{
			name:          "CRLF",
			give:          "---\r\ntags: [a]\r\n---\r\n# Body\r\n",
			wantBodyStart: 18, wantBody: "# Body\n",
			wantProps: []string{"tags=a"},
		},
		{
			name:          "seed note",
			give:          "---\ndate:: 2023-07-07\ntype:: network+\n---\n## Ports\n",
			wantBodyStart: 42, wantBody: "## Ports\n",
			wantProps: []string{"date:=2023-07-07", "type:=network+"},
		},
		{
			name:          "broken YAML: file line, block still cut",
			give:          "---\ntags: [a, b\nx: 1\n---\nBody\n",
			wantBodyStart: 25, wantBody: "Body\n",
			wantDiags: []string{"n.md:2:7 invalid-frontmatter"},
		},
		{
			name:          "broken YAML after CRLF lines",
			give:          "---\r\nok: 1\r\nok2: 2\r\ntitle: a: b\r\n---\r\n",
			wantBodyStart: 33, wantBody: "",
			wantDiags: []string{"n.md:4:9 invalid-frontmatter"},
		},
		{
			name:          "duplicate key: file line",
			give:          "---\na: 1\n\n# comment\na: 2\n---\n",
			wantBodyStart: 29, wantBody: "",
			wantProps: []string{"a=1"},
			wantDiags: []string{"n.md:5:1 duplicate-key"},
		},
		{
			name:          "no closing fence: all body",
			give:          "---\na: 1\n",
			wantBodyStart: 0, wantBody: "---\na: 1\n",
		},
		{
			name:          "blank first line: all body",
			give:          "\n---\na: 1\n---\n",
			wantBodyStart: 0, wantBody: "\n---\na: 1\n---\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, diags := load(t, map[string]string{"n.md": tt.give}, LoadOptions{})
			n := v.Note("n.md")
			if n.BodyStart != tt.wantBodyStart || string(n.Source[n.BodyStart:]) != tt.wantBody {
				t.Errorf("BodyStart = %d, body %q; want %d, %q", n.BodyStart, n.Source[n.BodyStart:], tt.wantBodyStart, tt.wantBody)
			}
			var props []string
			for _, p := range n.Props.List {
				props = append(props, p.Key+"="+p.Value.String())
			}
			if diff := cmp.Diff(tt.wantProps, props); diff != "" {
				t.Errorf("properties mismatch (-want +got):\n%s", diff)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.Pos.String()+" "+d.Code)
			}
			if diff := cmp.Diff(tt.wantDiags, got); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNotePos(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: Ünï ☕\n---\n# Café ☕ x\n\n日本語 [[y]]\r\nlast"
	v, _ := load(t, map[string]string{"Dir/n.md": src}, LoadOptions{})
	n := v.Note("Dir/n.md")
	tests := []struct {
		give string // the text whose first byte is asked for
		want Pos
	}{
		{give: "---", want: Pos{Path: "Dir/n.md", Line: 1, Col: 1}},
		{give: "title", want: Pos{Path: "Dir/n.md", Line: 2, Col: 1}},
		{give: "☕\n", want: Pos{Path: "Dir/n.md", Line: 2, Col: 12}},
		{give: "# Café", want: Pos{Path: "Dir/n.md", Line: 4, Col: 1}},
		{give: "x\n", want: Pos{Path: "Dir/n.md", Line: 4, Col: 10}},
		{give: "\n\n日本", want: Pos{Path: "Dir/n.md", Line: 4, Col: 11}},
		{give: "[[y]]", want: Pos{Path: "Dir/n.md", Line: 6, Col: 5}},
		{give: "last", want: Pos{Path: "Dir/n.md", Line: 7, Col: 1}}, // CRLF was normalised
	}
	for _, tt := range tests {
		off := strings.Index(string(n.Source), tt.give)
		if off < 0 {
			t.Fatalf("%q not in the source", tt.give)
		}
		if got := n.Pos(off); got != tt.want {
			t.Errorf("Pos(offset of %q) = %v, want %v", tt.give, got, tt.want)
		}
	}
	// Offsets out of range are clamped.
	if got, want := n.Pos(-5), (Pos{Path: "Dir/n.md", Line: 1, Col: 1}); got != want {
		t.Errorf("Pos(-5) = %v, want %v", got, want)
	}
	if got, want := n.Pos(len(n.Source)+10), (Pos{Path: "Dir/n.md", Line: 7, Col: 5}); got != want {
		t.Errorf("Pos(past the end) = %v, want %v", got, want)
	}
}

func TestNotePosWithoutLoad(t *testing.T) {
	t.Parallel()
	n := &Note{Path: "a.md", Source: []byte("é\nxé y")}
	if got, want := n.Pos(6), (Pos{Path: "a.md", Line: 2, Col: 3}); got != want {
		t.Errorf("Pos(6) = %v, want %v", got, want)
	}
	empty := &Note{Path: "e.md"}
	if got, want := empty.Pos(0), (Pos{Path: "e.md", Line: 1, Col: 1}); got != want {
		t.Errorf("Pos(0) of an empty note = %v, want %v", got, want)
	}
}

func TestLoadSymlinksNotFollowed(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	vault := filepath.Join(root, "vault")
	outside := filepath.Join(root, "outside")
	for _, dir := range []string{vault, outside, filepath.Join(vault, "Sub")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, data string) {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(vault, "Inside.md"), "inside")
	write(filepath.Join(outside, "Secret.md"), "secret")
	write(filepath.Join(outside, "secret.png"), "png")
	links := map[string]string{
		filepath.Join(vault, "Linked.md"):      filepath.Join(outside, "Secret.md"),
		filepath.Join(vault, "Sub", "img.png"): filepath.Join(outside, "secret.png"),
		filepath.Join(vault, "Outside"):        outside,                           // a folder
		filepath.Join(vault, "Self.md"):        filepath.Join(vault, "Inside.md"), // even inside the vault
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("cannot create symbolic links here: %v", err)
		}
	}
	v, diags, err := Load(context.Background(), os.DirFS(vault), LoadOptions{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var files []VaultPath
	for _, n := range v.Notes {
		files = append(files, n.Path)
		if strings.Contains(string(n.Source), "secret") {
			t.Errorf("%q was read from outside the vault", n.Path)
		}
	}
	for _, a := range v.Assets {
		files = append(files, a.Path)
	}
	if diff := cmp.Diff([]VaultPath{"Inside.md"}, files); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	diags.Sort()
	want := []string{"Linked.md: symlink-skipped", "Outside: symlink-skipped", "Self.md: symlink-skipped", "Sub/img.png: symlink-skipped"}
	if diff := cmp.Diff(want, codes(diags)); diff != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
	}
	for _, d := range diags {
		if d.Severity != Info {
			t.Errorf("%s: want severity info", d)
		}
	}
}

func TestLoadMissingRoot(t *testing.T) {
	t.Parallel()
	_, _, err := Load(context.Background(), os.DirFS(filepath.Join(t.TempDir(), "missing")), LoadOptions{})
	if err == nil || !strings.HasPrefix(err.Error(), "load: ") {
		t.Errorf("Load of a missing folder: err = %v, want a load error", err)
	}
}

func TestLoadUnreadableFolder(t *testing.T) {
	t.Parallel()
	fsys := errFS{vaultFS(map[string]string{"a.md": "a", "Locked/b.md": "b"}), "Locked"}
	v, diags, err := Load(context.Background(), fsys, LoadOptions{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(v.Notes) != 1 || v.Notes[0].Path != "a.md" {
		t.Errorf("notes = %v, want only a.md", states(v))
	}
	if diff := cmp.Diff([]string{"Locked: unreadable"}, codes(diags)); diff != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
	}
}

// errFS fails to list one folder.
type errFS struct {
	fstest.MapFS
	bad string
}

func (f errFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}
