package build

import (
	"context"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/site"
)

// Plan is what a build of the vault would publish, and what it would
// leave out and why: the answer of "vaultsite build --dry-run".
type Plan struct {
	// Pages are the published notes and canvases, by path.
	Pages []PlannedPage
	// Attachments are the files copied because a published page uses
	// them, by path; AttachmentFiles says where each is copied.
	Attachments     []site.VaultPath
	AttachmentFiles map[site.VaultPath]site.OutPath
	// Icon is the vault's favicon, copied as the site's icon to IconOut;
	// "" when the site uses its built-in icon.
	Icon    site.VaultPath
	IconOut site.OutPath
	// Redirects are the redirect pages, by From.
	Redirects []Redirect
	// Excluded are the notes, canvases and attachments left out, by path.
	Excluded []Exclusion
	// Files is every file the build would write, sorted.
	Files []site.OutPath
	// Look is each setting of the author's look and the file that made
	// it, in the order the build reads them (look.go).
	Look  []LookSetting
	Diags site.Diagnostics
}

// PlannedPage is one published note or canvas.
type PlannedPage struct {
	Path site.VaultPath
	Slug site.Slug
	// Permalink is the note's permalink property when it gave the slug,
	// at line Line.
	Permalink string
	Line      int
}

// Exclusion says why a file of the vault is not published.
type Exclusion struct {
	Path site.VaultPath
	// Line is the line of the frontmatter key that decided (publish,
	// draft), 0 for the other rules.
	Line int
	// Rule names the rule, a stable word: publish-false, draft, opt-in,
	// templates-folder, user-ignore-filters, ignore, unused for an
	// attachment that no published page uses, html-attachment for an
	// HTML document the settings do not publish, or invalid-svg for an
	// SVG file that is not well-formed (attachments.go).
	Rule string
	// Pattern is the glob, filter or folder that matched, for ignore,
	// user-ignore-filters and templates-folder.
	Pattern string
	// Reason is the rule in words ("ignored by Private/*").
	Reason string
}

// Rule words, as Exclusion.Rule gives them.
const (
	RulePublishFalse    = "publish-false"
	RuleDraft           = "draft"
	RuleOptIn           = "opt-in"
	RuleTemplatesFolder = "templates-folder"
	RuleUserIgnore      = "user-ignore-filters"
	RuleIgnore          = "ignore"
	RuleUnused          = "unused"
	RuleHTMLAttachment  = "html-attachment"
	RuleInvalidSVG      = "invalid-svg"
)

// baseOptIn is why a base gets no page in opt-in mode, where it has no
// frontmatter to opt in with; its embeds still show published notes.
const baseOptIn = "bases get no page in opt-in mode"

// reasonRules reads site's reasons back into rules; a prefix is followed
// by the pattern. TestPlanRules covers every reason site gives.
var reasonRules = []struct{ reason, rule string }{
	{"publish: false", RulePublishFalse},
	{"draft: true", RuleDraft},
	{"not marked publish: true (opt-in mode)", RuleOptIn},
	{"canvases are not published in opt-in mode", RuleOptIn},
	{baseOptIn, RuleOptIn},
	{"in the templates folder ", RuleTemplatesFolder},
	{"excluded by userIgnoreFilters ", RuleUserIgnore},
	{"ignored by ", RuleIgnore},
}

func exclusion(p site.VaultPath, line int, reason string) Exclusion {
	e := Exclusion{Path: p, Line: line, Reason: reason}
	for _, r := range reasonRules {
		if pat, ok := strings.CutPrefix(reason, r.reason); ok {
			e.Rule, e.Pattern = r.rule, pat
			break
		}
	}
	return e
}

// MakePlan runs a whole build of the vault in fsys without writing a
// file, so the plan is exactly what Build would publish: the attachments
// are those the rendered pages use, the redirects those it would write.
func MakePlan(ctx context.Context, fsys fs.FS, opts Options) (*Plan, error) {
	a, err := analyze(ctx, fsys, opts, true)
	if err != nil {
		return nil, err
	}
	rec := &pathRecorder{}
	b, _, err := buildFrom(ctx, a, opts, rec, nil, nil)
	if err != nil {
		return nil, err
	}
	p := &Plan{Redirects: b.redirects(b.tree), Files: rec.sorted(), AttachmentFiles: map[site.VaultPath]site.OutPath{},
		Look: a.look.settings}
	p.Diags = append(a.Diags, b.use.diags...)
	p.Diags.RemoveMultiples()
	for _, n := range a.Vault.Notes {
		switch {
		case !n.Published:
			p.Excluded = append(p.Excluded, exclusion(n.Path, n.UnpublishedLine, n.Unpublished))
		case n.Props.Permalink != "" && n.Slug != n.Path.Slug() && n.Slug != "":
			p.Pages = append(p.Pages, PlannedPage{Path: n.Path, Slug: n.Slug, Permalink: n.Props.Permalink, Line: propLine(n, "permalink")})
		default:
			p.Pages = append(p.Pages, PlannedPage{Path: n.Path, Slug: n.Slug})
		}
	}
	for _, c := range b.canvases().pages {
		p.Pages = append(p.Pages, PlannedPage{Path: c.asset.Path, Slug: c.slug})
	}
	p.Icon, p.IconOut, _ = b.favicon()
	for _, as := range a.Vault.Assets {
		switch {
		case b.use.held[as.Path].Rule != "":
			p.Excluded = append(p.Excluded, b.use.held[as.Path])
		case b.use.assets[as.Path] != nil:
			p.Attachments = append(p.Attachments, as.Path)
			p.AttachmentFiles[as.Path] = a.Vault.AssetOut(as.Path)
		case as.Path == p.Icon:
		case a.look.uses(as.Path): // in p.Look
		case as.Kind == site.KindCanvas || as.Kind == site.KindBase:
			if ok, why := a.Vault.CanvasPublished(as.Path); !ok {
				if as.Kind == site.KindBase && opts.Load.OptIn {
					why = baseOptIn
				}
				p.Excluded = append(p.Excluded, exclusion(as.Path, 0, why))
			}
		default:
			p.Excluded = append(p.Excluded, Exclusion{Path: as.Path, Rule: RuleUnused, Reason: "no published page uses it"})
		}
	}
	sort.Slice(p.Pages, func(i, j int) bool { return p.Pages[i].Path < p.Pages[j].Path })
	sort.Slice(p.Excluded, func(i, j int) bool { return p.Excluded[i].Path < p.Excluded[j].Path })
	return p, nil
}

// pathRecorder is an Emitter that keeps only the paths.
type pathRecorder struct {
	mu    sync.Mutex
	paths []site.OutPath
}

func (r *pathRecorder) Emit(p site.OutPath, _ []byte) error {
	r.mu.Lock()
	r.paths = append(r.paths, p)
	r.mu.Unlock()
	return nil
}

var _ assetEmitter = (*pathRecorder)(nil)

// EmitAsset records p without opening the file: a dry run reads no
// attachment.
func (r *pathRecorder) EmitAsset(p site.OutPath, _ AssetFile) error {
	return r.Emit(p, nil)
}

func (r *pathRecorder) sorted() []site.OutPath {
	sort.Slice(r.paths, func(i, j int) bool { return r.paths[i] < r.paths[j] })
	return r.paths
}
