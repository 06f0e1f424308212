package site

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/internal/parallel"
)

// LoadOptions says what to leave out of the published site.
type LoadOptions struct {
	// Ignore holds glob patterns (path.Match, against the vault path and
	// each of its parent folders) of notes that are not published.
	Ignore []string
	// OptIn publishes only notes with "publish: true".
	OptIn bool
	// Home is the vault path of the home note; "" lets the note with
	// "permalink: /", then Obsidian Publish's indexFile, then index.md or
	// Home.md at the root decide (Vault.chooseHome).
	Home string
	// NoPublishOptions ignores Obsidian Publish's site-options.json
	// (vaultsite.yaml's publishFiles: none).
	NoPublishOptions bool
}

// maxNoteSize bounds what one note may hold; a larger file is reported and
// left out, unread, rather than slowing every page that links to it.
const maxNoteSize = 32 << 20

// Load reads the vault in fsys: every file outside dot-folders, notes with
// their frontmatter, and .obsidian/app.json. Content problems become
// diagnostics; only a failure to read the vault's folders is an error.
// Symbolic links are not followed, so nothing outside the vault is read.
// When ctx is done it stops with ctx's error.
func Load(ctx context.Context, fsys fs.FS, opts LoadOptions) (*Vault, Diagnostics, error) {
	return loadVault(ctx, fsys, opts, nil, nil)
}

// Reload is Load after some files changed: it walks the vault again but
// reuses the notes of old whose file is not in changed and whose size and
// modification time are the same, so only changed notes are read and
// split. Reused notes keep their parse-phase fields; slugs are assigned
// afresh, since an added or removed note can move a collision suffix.
// When ctx is done it stops with ctx's error.
func Reload(ctx context.Context, old *Vault, fsys fs.FS, opts LoadOptions, changed map[VaultPath]bool) (*Vault, Diagnostics, error) {
	return loadVault(ctx, fsys, opts, old, changed)
}

func loadVault(ctx context.Context, fsys fs.FS, opts LoadOptions, old *Vault, changed map[VaultPath]bool) (*Vault, Diagnostics, error) {
	var diags Diagnostics
	cfg, templates := readConfig(fsys, &diags)
	w := &walker{ctx: ctx, old: old, changed: changed, names: map[VaultPath]string{}}
	if err := fs.WalkDir(fsys, ".", w.visit); err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, append(diags, w.diags...), fmt.Errorf("load: %w", err)
	}
	v := NewVault(fsys, w.notes, w.assets)
	v.walkDiags = w.diags
	for p, name := range w.names {
		if string(p) != name {
			v.names[p] = name
		}
	}
	diags, err := v.finish(ctx, cfg, templates, opts, diags)
	if err != nil {
		return nil, nil, err
	}
	return v, diags, nil
}

// finish reads the notes not read yet, decides what is published and
// assigns slugs; it returns diags with every finding of the load added.
// When ctx is done it stops with ctx's error.
func (v *Vault) finish(ctx context.Context, cfg AppConfig, templates string, opts LoadOptions, diags Diagnostics) (Diagnostics, error) {
	v.Config, v.TemplatesFolder, v.home, v.opts = cfg, templates, opts.Home, opts
	v.Look = Look{Appearance: readAppearance(v.FS, &diags)}
	v.Publish = PublishOptions{}
	if !opts.NoPublishOptions {
		v.Publish = readPublishOptions(v.FS, &diags)
	}
	if err := v.readNotes(ctx, opts); err != nil {
		return nil, err
	}
	diags = append(diags, v.walkDiags...)
	for _, n := range v.Notes {
		diags = append(diags, n.LoadDiags...)
	}
	v.AssignSlugs(&diags)
	return diags, nil
}

// ReloadKnown is Reload for a caller that knows every file that changed,
// such as a file watcher, when each of them is a file of old that is
// still a regular file: it looks only at those files instead of walking
// the vault, which on a vault of 10,000 notes is most of a reload. A
// named file that old lacks and that no longer exists (an editor's
// temporary file, written and renamed away) changes nothing. It reports
// false, having read nothing, when changed is empty, or names a new file,
// a file of old that is gone, or one that is no longer a regular file:
// an added, removed or renamed file needs Reload's walk. It also reports
// false when ctx is done before it finished.
func ReloadKnown(ctx context.Context, old *Vault, fsys fs.FS, opts LoadOptions, changed map[VaultPath]bool) (*Vault, Diagnostics, bool) {
	if old == nil || len(changed) == 0 {
		return nil, nil, false
	}
	infos := map[VaultPath]fs.FileInfo{}
	for p := range changed {
		known := old.byPath[p] != nil || old.asset(p) != nil
		info, err := fs.Lstat(fsys, old.FSName(p))
		switch {
		case !known && errors.Is(err, fs.ErrNotExist):
			continue
		case !known || err != nil || !info.Mode().IsRegular():
			return nil, nil, false
		}
		infos[p] = info
	}
	var diags Diagnostics
	cfg, templates := readConfig(fsys, &diags)
	notes := make([]*Note, len(old.Notes))
	for i, n := range old.Notes {
		if notes[i] = n; infos[n.Path] != nil {
			notes[i] = &Note{Path: n.Path, size: infos[n.Path].Size(), modTime: infos[n.Path].ModTime()}
		}
	}
	assets := make([]*Asset, len(old.Assets))
	for i, a := range old.Assets {
		if assets[i] = a; infos[a.Path] != nil {
			assets[i] = &Asset{Path: a.Path, Kind: a.Kind, Size: infos[a.Path].Size()}
		}
	}
	v := NewVault(fsys, notes, assets)
	v.walkDiags, v.names = old.walkDiags, old.names
	diags, err := v.finish(ctx, cfg, templates, opts, diags)
	if err != nil {
		return nil, nil, false
	}
	return v, diags, true
}

// walker collects a vault's files during fs.WalkDir.
type walker struct {
	ctx     context.Context // the walk stops when it is done
	old     *Vault
	changed map[VaultPath]bool
	notes   []*Note
	assets  []*Asset
	names   map[VaultPath]string // vault path -> the name in the file system
	diags   Diagnostics
}

// visit takes one directory entry: dot-entries and symlinks are skipped
// (the latter with a note), regular files become notes or attachments.
func (w *walker) visit(name string, d fs.DirEntry, err error) error {
	switch {
	case w.ctx.Err() != nil:
		return w.ctx.Err()
	case err != nil && name == ".":
		return err
	case err != nil:
		w.diags.Add(Pos{Path: VaultPath(name)}, Warning, "unreadable", "cannot read: %v", unwrapPathErr(err))
		return nil
	case name == ".":
		return nil
	case strings.HasPrefix(d.Name(), ".") && d.IsDir():
		return fs.SkipDir
	case strings.HasPrefix(d.Name(), "."):
		return nil
	case d.Type()&fs.ModeSymlink != 0:
		w.diags.Add(Pos{Path: VaultPath(name)}, Info, "symlink-skipped", "symbolic link not followed")
		return nil
	case d.IsDir() || !d.Type().IsRegular():
		return nil
	}
	w.addFile(name, d)
	return nil
}

// addFile records a regular file under its NFC vault path.
func (w *walker) addFile(name string, d fs.DirEntry) {
	vp, err := ParseVaultPath(name)
	if err != nil {
		w.diags.Add(Pos{Path: VaultPath(name)}, Warning, "bad-file-name", "file name is not valid UTF-8; skipped")
		return
	}
	if prev, dup := w.names[vp]; dup {
		w.diags.Add(Pos{Path: vp}, Warning, "duplicate-file", "%+q and %+q are the same name in NFC; the second is skipped", prev, name)
		return
	}
	w.names[vp] = name
	info, err := d.Info()
	if err != nil {
		w.diags.Add(Pos{Path: vp}, Warning, "unreadable", "cannot read: %v", unwrapPathErr(err))
		return
	}
	if vp.Ext() == "md" {
		w.notes = append(w.notes, reuse(w.old, w.changed, vp, info))
	} else {
		w.assets = append(w.assets, &Asset{Path: vp, Kind: KindOf(vp), Size: info.Size()})
	}
}

// reuse returns old's note at p when its file did not change, or a new
// note to read.
func reuse(old *Vault, changed map[VaultPath]bool, p VaultPath, info fs.FileInfo) *Note {
	fresh := &Note{Path: p, size: info.Size(), modTime: info.ModTime()}
	if old == nil || changed[p] {
		return fresh
	}
	n := old.byPath[p]
	if n == nil || !n.read || n.size != fresh.size || !n.modTime.Equal(fresh.modTime) {
		return fresh
	}
	return n
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readNotes reads and splits every note not read yet, concurrently; each
// note keeps its own diagnostics, so output stays deterministic. When ctx
// is done it stops with ctx's error.
func (v *Vault) readNotes(ctx context.Context, opts LoadOptions) error {
	return parallel.Each(ctx, len(v.Notes), func(i int) error {
		n := v.Notes[i]
		if n.read {
			// Reused: its content is as it was, but the rules
			// around it (ignore globs, opt-in) may not be.
			n.Published, n.Unpublished, n.UnpublishedLine = v.publishRule(n, opts)
			return nil
		}
		v.readNote(n, opts, &n.LoadDiags)
		n.read = true
		return nil
	})
}

func (v *Vault) readNote(n *Note, opts LoadOptions, diags *Diagnostics) {
	n.Source = v.readNoteSource(n, diags) // load_text.go
	n.lines = lineStarts(n.Source)
	if text, off, body, ok := splitFrontmatter(n.Source); ok {
		n.BodyStart = body
		line0 := bytes.Count(n.Source[:off], []byte("\n"))
		n.Props = parseFrontmatter(n.Path, text, line0, diags)
	}
	n.Published, n.Unpublished, n.UnpublishedLine = v.publishRule(n, opts)
}

// publishRule decides whether n is published, and if not, why, with the
// line of the frontmatter key that decided it (0 for the other rules).
func (v *Vault) publishRule(n *Note, opts LoadOptions) (bool, string, int) {
	switch {
	case n.Props.Publish != nil && !*n.Props.Publish:
		return false, "publish: false", n.Props.line("publish")
	case n.Props.Draft:
		return false, "draft: true", n.Props.line("draft")
	case opts.OptIn && (n.Props.Publish == nil || !*n.Props.Publish):
		return false, "not marked publish: true (opt-in mode)", 0
	}
	ok, why := v.pathRule(n.Path, opts)
	return ok, why, 0
}

// pathRule applies the rules that depend on a file's path alone: the
// templates folder, Obsidian's excluded files and the ignore globs.
func (v *Vault) pathRule(p VaultPath, opts LoadOptions) (bool, string) {
	if v.TemplatesFolder != "" && inFolder(p, v.TemplatesFolder) {
		return false, "in the templates folder " + v.TemplatesFolder
	}
	if f := matchIgnore(p, v.Config.UserIgnoreFilters, false); f != "" {
		return false, "excluded by userIgnoreFilters " + f
	}
	if g := matchIgnore(p, opts.Ignore, true); g != "" {
		return false, "ignored by " + g
	}
	return true, ""
}

// PathPublished says whether the file at p may be published by the rules
// that depend on its path alone (templates folder, userIgnoreFilters,
// ignore globs), and if not, why.
func (v *Vault) PathPublished(p VaultPath) (bool, string) { return v.pathRule(p, v.opts) }

// CanvasPublished says whether the canvas at p gets a page, and if not,
// why. A canvas has no frontmatter to opt in with, so opt-in mode
// publishes none; otherwise the path rules of notes apply.
func (v *Vault) CanvasPublished(p VaultPath) (bool, string) {
	if v.opts.OptIn {
		return false, "canvases are not published in opt-in mode"
	}
	return v.pathRule(p, v.opts)
}

func inFolder(p VaultPath, folder string) bool {
	folder = strings.Trim(folder, "/")
	return folder != "" && strings.HasPrefix(strings.ToLower(string(p)), strings.ToLower(folder)+"/")
}

// matchIgnore returns the first pattern matching p. Obsidian's filters are
// path prefixes or "/regexp/" (SPEC §8.2); globs are path.Match patterns
// tried against the path and each parent folder.
func matchIgnore(p VaultPath, patterns []string, glob bool) string {
	for _, pat := range patterns {
		switch {
		case glob:
			for q := string(p); q != ""; q = VaultPath(q).Dir() {
				if ok, _ := path.Match(pat, q); ok {
					return pat
				}
			}
		case len(pat) > 2 && strings.HasPrefix(pat, "/") && strings.HasSuffix(pat, "/"):
			if re := ignoreRegexp(pat[1 : len(pat)-1]); re != nil && re.MatchString(string(p)) {
				return pat
			}
		case pat != "" && strings.HasPrefix(string(p), pat):
			return pat
		}
	}
	return ""
}

// normalizeNewlines drops a UTF-8 byte-order mark, which would hide the
// frontmatter fence, and turns CRLF and lone CR into LF (SPEC §0).
func normalizeNewlines(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// readConfig reads .obsidian/app.json and the templates folder. A broken
// file is reported and the defaults are used.
func readConfig(fsys fs.FS, diags *Diagnostics) (AppConfig, string) {
	var cfg AppConfig
	if data, err := fs.ReadFile(fsys, ".obsidian/app.json"); err == nil {
		if err := json.Unmarshal(data, &cfg); err != nil {
			diags.Add(Pos{Path: ".obsidian/app.json"}, Warning, "invalid-config", "invalid app.json: %v; using defaults", err)
			cfg = AppConfig{}
		}
	}
	var tpl struct {
		Folder string `json:"folder"`
	}
	if data, err := fs.ReadFile(fsys, ".obsidian/templates.json"); err == nil {
		_ = json.Unmarshal(data, &tpl) // an unreadable templates.json only loses the default exclusion
	}
	return cfg, strings.Trim(tpl.Folder, "/")
}

// ignoreREs holds the compiled "/regexp/" filters by source (nil for one
// that does not compile): the path rules run for every note at load and
// for every attachment link a page binds, and a filter is compiled once.
var ignoreREs sync.Map

func ignoreRegexp(src string) *regexp.Regexp {
	if re, ok := ignoreREs.Load(src); ok {
		return re.(*regexp.Regexp)
	}
	re, _ := regexp.Compile(src)
	ignoreREs.Store(src, re)
	return re
}
