package site

import (
	"io/fs"
	"path"
	"sort"
	"strings"
)

// AppConfig holds the keys of .obsidian/app.json that matter for
// publishing (SPEC §8.2); the zero value is Obsidian's default.
type AppConfig struct {
	StrictLineBreaks  bool     `json:"strictLineBreaks"`
	UserIgnoreFilters []string `json:"userIgnoreFilters"`
	ShowInlineTitle   *bool    `json:"showInlineTitle"`
}

// Look is what Obsidian's settings say of the vault's look
// (.obsidian/appearance.json); Obsidian Publish's are in Vault.Publish.
type Look struct {
	Appearance Appearance
}

// Vault is a loaded vault: every note and attachment outside dot-folders,
// sorted by path.
type Vault struct {
	FS     fs.FS
	Notes  []*Note
	Assets []*Asset
	Config AppConfig
	// TemplatesFolder is the folder of Obsidian's Templates plugin, never
	// published ("" when unset).
	TemplatesFolder string

	// Publish holds the Obsidian Publish settings of the vault.
	Publish PublishOptions
	// Look is the vault's appearance settings, read by Load.
	Look Look

	home     string      // the configured home note's path, if any
	homeNote *Note       // chosen by AssignSlugs
	opts     LoadOptions // what Load was asked, for CanvasPublished

	byPath map[VaultPath]*Note
	names  map[VaultPath]string // the name in FS, when it differs (NFD)
	// assetOuts are the attachments AssetOut moves for a page's folder.
	assetOuts map[VaultPath]OutPath
	// walkDiags are what the walk of the vault's folders found, which
	// ReloadKnown, walking nothing, keeps.
	walkDiags Diagnostics
}

// NewVault assembles a vault from notes and assets, sorting both; tests
// and Load use it.
func NewVault(fsys fs.FS, notes []*Note, assets []*Asset) *Vault {
	sort.Slice(notes, func(i, j int) bool { return notes[i].Path < notes[j].Path })
	sort.Slice(assets, func(i, j int) bool { return assets[i].Path < assets[j].Path })
	v := &Vault{FS: fsys, Notes: notes, Assets: assets, byPath: map[VaultPath]*Note{}, names: map[VaultPath]string{}}
	for _, n := range notes {
		v.byPath[n.Path] = n
	}
	return v
}

// Note returns the note at p, or nil.
func (v *Vault) Note(p VaultPath) *Note { return v.byPath[p] }

// asset returns the attachment at p, or nil.
func (v *Vault) asset(p VaultPath) *Asset {
	i := sort.Search(len(v.Assets), func(i int) bool { return v.Assets[i].Path >= p })
	if i < len(v.Assets) && v.Assets[i].Path == p {
		return v.Assets[i]
	}
	return nil
}

// FSName returns the name under which p is stored in v.FS.
func (v *Vault) FSName(p VaultPath) string {
	if n, ok := v.names[p]; ok {
		return n
	}
	return string(p)
}

// ReadFile reads a vault file by its vault path.
func (v *Vault) ReadFile(p VaultPath) ([]byte, error) {
	return fs.ReadFile(v.FS, v.FSName(p))
}

// Published returns the notes that are published, in path order.
func (v *Vault) Published() []*Note {
	out := make([]*Note, 0, len(v.Notes))
	for _, n := range v.Notes {
		if n.Published {
			out = append(out, n)
		}
	}
	return out
}

// AssignSlugs gives each published note a unique slug: the home note
// (chooseHome) gets the empty slug, a note with a
// permalink property the slug of that permalink (PermalinkSlug), every
// other note its path's slug. Permalinks are served first, as they are
// asked for by name; then the other notes, in path order. A slug already
// taken gets "-2", "-3", … and a slug-collision warning. A note whose
// slug equals the folder of a published note is that folder's note.
func (v *Vault) AssignSlugs(diags *Diagnostics) {
	home := v.chooseHome(diags)
	v.homeNote = home
	taken := map[Slug]VaultPath{}
	var later []*Note
	for _, n := range v.Notes {
		n.Slug = ""
		switch {
		case !n.Published:
		case n == home:
			taken[""] = n.Path
		case n.Props.Permalink != "":
			line, col := n.Props.pos("permalink")
			for _, f := range SlugFixes(n.Props.Permalink) {
				f.Report(diags, Pos{Path: n.Path, Line: line, Col: col}, "permalink")
			}
			if s, ok := v.permalink(n); ok {
				v.claim(n, s, taken, diags)
				continue
			}
			later = append(later, n)
		default:
			later = append(later, n)
		}
	}
	folders := map[string]bool{} // folders whose name was reported
	for _, n := range later {
		if n.pathSlug == "" {
			n.pathSlug = n.Path.Slug() // kept on the note, which Reload reuses
		}
		reportPathFixes(n.Path, folders, diags)
		v.claim(n, n.pathSlug, taken, diags)
	}
	published := v.publishedFolders()
	for _, n := range v.Notes {
		n.FolderNote = n.Published && n.Slug != "" && published[n.Slug]
	}
	v.placeAssets()
}

// placeAssets finds the attachments that would be written where a page's
// folder is: a file "a" beside a note "a.md", whose page is "a/", or
// "docs" beside a folder "Docs". They go below "_site/files/", as
// VaultPath.AssetOut moves those at the site's own files. Compared
// without case, as a file system may.
func (v *Vault) placeAssets() {
	v.assetOuts = nil
	dirs := map[string]bool{}
	for _, n := range v.Notes {
		if !n.Published {
			continue
		}
		for s := n.Slug; s != "" && !dirs[string(s)]; s = s.Parent() {
			dirs[string(s)] = true
		}
	}
	for _, a := range v.Assets {
		if out := a.Path.AssetOut(); dirs[strings.ToLower(string(out))] {
			if v.assetOuts == nil {
				v.assetOuts = map[VaultPath]OutPath{}
			}
			v.assetOuts[a.Path] = OutPath("_site/files/" + string(a.Path))
		}
	}
}

// AssetOut returns where the attachment at p is copied: p.AssetOut(),
// unless a page's folder is there (placeAssets).
func (v *Vault) AssetOut(p VaultPath) OutPath {
	if out, ok := v.assetOuts[p]; ok {
		return out
	}
	return p.AssetOut()
}

// reportPathFixes reports the components of a note's path whose slug
// was shortened or renamed (SlugFixes): the file's own name at the note,
// a folder's at the first note in it, once.
func reportPathFixes(p VaultPath, reported map[string]bool, diags *Diagnostics) {
	parts := strings.Split(strings.TrimSuffix(string(p), path.Ext(string(p))), "/")
	for i, c := range parts {
		folder := strings.Join(parts[:i+1], "/")
		if reported[folder] {
			continue
		}
		what := "folder name"
		if i == len(parts)-1 {
			what = "file name"
		}
		for _, f := range SlugFixes(c) {
			reported[folder] = true
			f.Report(diags, Pos{Path: p}, what)
		}
	}
}

// permalink returns the slug n's permalink asks for; ok is false for a
// permalink that names the home page when n is not the home note
// (chooseHome has warned about it).
func (v *Vault) permalink(n *Note) (Slug, bool) {
	s := PermalinkSlug(n.Props.Permalink)
	return s, s != ""
}

// claim gives n the slug base, or base with the first free suffix.
func (v *Vault) claim(n *Note, base Slug, taken map[Slug]VaultPath, diags *Diagnostics) {
	s := base
	for i := 2; taken[s] != ""; i++ {
		s = base.WithSuffix(i)
	}
	if s != base {
		diags.Add(Pos{Path: n.Path}, Warning, "slug-collision",
			"the URL %q is taken by %q; this note is published at %q", string(base)+"/", taken[base], string(s)+"/")
	}
	taken[s] = n.Path
	n.Slug = s
}

// publishedFolders returns the slugs of the folders that hold a published
// note; an unpublished note leaves no trace, not even its folder.
func (v *Vault) publishedFolders() map[Slug]bool {
	folders := map[Slug]bool{}
	seenDir := map[string]bool{} // a folder's slug is worked out once, not once per note
	for _, n := range v.Notes {
		if !n.Published {
			continue
		}
		for d := n.Path.Dir(); d != "" && !seenDir[d]; d = VaultPath(d).Dir() {
			seenDir[d] = true
			folders[FolderSlug(d)] = true
		}
	}
	return folders
}

// Home returns the note shown as the home page (chooseHome), or nil; it
// is known once AssignSlugs has run.
func (v *Vault) Home() *Note { return v.homeNote }
