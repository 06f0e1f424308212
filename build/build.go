package build

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/vaultsite/vaultsite/internal/parallel"
	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// Options configure a build; the zero value builds every note with the
// default site settings.
type Options struct {
	Load site.LoadOptions
	Site templates.SiteInfo
	// Headers writes a _headers file that lets hosts which read one cache
	// the files named by their content's hash for a year.
	Headers bool
	// Look says which parts of the author's look to publish (look.go).
	Look LookOptions
	// DefaultTitle is the site's title when Site.Title is empty and the
	// vault's Publish settings name none (the vault folder's name).
	DefaultTitle string
	// Progress, when set, is called after each rendered page with the
	// count done and the total; it is called from several goroutines.
	Progress func(done, total int)
	// EmbedBudget bounds the bytes of embedded HTML on one page; embeds
	// past it show as links (embed-budget). 0 is DefaultEmbedBudget.
	EmbedBudget int64
	// NewestFirst lists the notes of folder, tag and home listings by
	// date, the newest first, instead of by title (vaultsite.yaml
	// listingOrder: newest).
	NewestFirst bool
	// RemoteStylesheets keeps <link rel="stylesheet"> to http(s) URLs in
	// notes' raw HTML; HTMLAttachments publishes HTML documents
	// (attachments.go). They are vaultsite.yaml's html settings.
	RemoteStylesheets, HTMLAttachments bool
	// Cache, when set, keeps highlighted code, note bodies, the graph's
	// layout and the search index from one build to the next (cache.go).
	Cache Cache
	// phase, when set, is told the name of each phase as it starts
	// (phaseLoad …), so tests can see how far a cancelled build went.
	phase func(name string)
	// renderNodes, when set, renders an embed in place of the renderer's
	// RenderNodes, so tests can make one fail.
	renderNodes func(w io.Writer, d *render.Doc, nodes []ast.Node) error
	// embedCache bounds the bytes of the embedded sections the build
	// keeps rendered; 0 is DefaultEmbedCache (embed_cache.go).
	embedCache int64
}

// renderNodes renders the nodes of an embedded section (embed_template.go).
func (b *builder) renderNodes(w io.Writer, d *render.Doc, nodes []ast.Node) error {
	if b.opts.renderNodes != nil {
		return b.opts.renderNodes(w, d, nodes)
	}
	return b.r.RenderNodes(w, d, nodes)
}

// The phases, as Options.phase names them, in the order they run.
const (
	phaseLoad     = "load"
	phaseParse    = "parse"
	phaseResolve  = "resolve"
	phaseCanvases = "canvases"
	phaseLayout   = "layout"
	phaseRender   = "render"
	phaseEmit     = "emit"
)

// start tells opts.phase that a phase starts, and returns ctx's error
// when the build is to stop instead.
func (opts *Options) start(ctx context.Context, name string) error {
	if opts.phase != nil {
		opts.phase(name)
	}
	return ctx.Err()
}

// Result is what a build made and found.
type Result struct {
	Vault  *site.Vault
	Graph  *links.Graph
	Diags  site.Diagnostics
	Pages  int // note pages
	Files  int // every emitted file
	Assets int // attachments copied
	Took   time.Duration
	// Theme is the community theme shipped, "" for none, and ThemeBytes
	// the size of its stylesheet.
	Theme      string
	ThemeBytes int
}

// builder carries one build's state between its phases.
type builder struct {
	opts  Options
	v     *site.Vault
	r     *render.Renderer
	graph *links.Graph
	em    Emitter
	use   *usage
	libs  templates.Libraries // what the emitted pages load, for emitFiles
	files int
	// canvasIdx is built on first use (canvas.go).
	canvasIdx canvasIndex
	// graphOut is the site graph, made on first use (graph_page.go).
	graphOut graphOutput
	// a is the analysis being rendered.
	a *Analysis
	// memo is what the last build made that this one may reuse, and
	// receives what this one makes (memo.go); oneShot says no build
	// follows this one.
	memo    *memo
	oneShot bool
	// templates are the embedded sections as rendered for this build,
	// a bounded cache (embed_template.go, embed_cache.go); every build
	// starts afresh.
	templates embedTemplates
	// searchFiles are the search index's files, written or kept.
	searchFiles map[site.OutPath]bool
	// redirectList is every redirect page of this build.
	redirectList []Redirect
	// listed is each published note's description and date for the
	// listings, found before rendering (listing.go).
	listed map[*site.Note]listedNote
	// explorerFile is written with the first page (explorer.go), from
	// the analysis's explorer when the pages it lists are the same.
	explorerFile explorerFile
	// only, when set, limits a rebuild to these pages (incremental.go);
	// have tells which files the previous build already wrote, so a
	// rebuild does not copy them again.
	only map[site.Slug]bool
	have func(site.OutPath) bool
	tree *folderTree
	tags *tagIndex
	// kept is what a rebuild takes from the last build, or nil.
	kept *kept
}

// tagIndex returns the kept tag index, or a new one.
func (b *builder) tagIndex() *tagIndex {
	if b.kept != nil && b.kept.tags != nil {
		return b.kept.tags
	}
	return newTagIndex(b.v)
}

// wants reports whether this build writes the page at slug.
func (b *builder) wants(slug site.Slug) bool { return b.only == nil || b.only[slug] }

// has reports whether this is a rebuild whose last build wrote p.
func (b *builder) has(p site.OutPath) bool { return b.have != nil && b.have(p) }

// Build turns the vault in fsys into a site written to em. The phases
// run in this order:
//
//  1. load: read every file, split frontmatter, decide what is published
//     and give each published note its URL (site.Load);
//  2. parse: parse every note concurrently and record its links,
//     headings, block ids and tags on the Note;
//  3. resolve: index the whole vault and its backlinks (links.NewGraph);
//  4. render: render and emit each canvas's page (canvas.go), the search
//     index, then each published note's page, concurrently, parsing it
//     again and expanding embeds;
//  5. emit: listings, the static files and exactly the attachments that
//     published pages use.
//
// Content problems become diagnostics in the Result; only I/O failures
// return an error.
func Build(ctx context.Context, fsys fs.FS, opts Options, em Emitter) (*Result, error) {
	start := time.Now()
	a, err := analyze(ctx, fsys, opts, true)
	if err != nil {
		return nil, err
	}
	b, pages, err := buildFrom(ctx, a, opts, em, nil, nil)
	if err != nil {
		return nil, err
	}
	diags := append(a.Diags, b.use.diags...)
	diags.RemoveMultiples()
	return &Result{
		Vault: a.Vault, Graph: b.graph, Diags: diags, Pages: pages, Files: b.files,
		Assets: len(b.use.assets), Took: time.Since(start), Theme: a.look.theme, ThemeBytes: a.look.themeBytes,
	}, nil
}

// increment is what a rebuild of the live preview may leave out: it
// renders only the pages in only, skips the files have says the last
// build wrote, takes what kept holds from the last build (carry.go),
// and, with layoutLater, leaves a changed graph's layout to Live.Settle.
// graph is the site graph, which finding the pages in only made.
type increment struct {
	only        map[site.Slug]bool
	have        func(site.OutPath) bool
	kept        *kept
	layoutLater bool
	graph       *siteGraph
}

// buildFrom runs the render and emit phases on an analysis: all of them,
// or, with inc set, an incremental rebuild. It starts from the memo m of
// the last build and records its own in b.memo; a nil m is a build that
// nothing will follow, which keeps out of its memo what only a next build
// would read (the search index, as large as a tenth of the build's heap).
func buildFrom(ctx context.Context, a *Analysis, opts Options, em Emitter, m *memo, inc *increment) (*builder, int, error) {
	b := &builder{a: a, memo: m.next(), oneShot: m == nil, opts: opts, v: a.Vault, r: a.r, graph: a.Graph, em: em,
		use: &usage{assets: map[site.VaultPath]*site.Asset{}}}
	if inc != nil {
		b.only, b.have, b.kept, b.graphOut.later, b.graphOut.sg = inc.only, inc.have, inc.kept, inc.layoutLater, inc.graph
	}
	b.canvasIdx.parsed = a.canvases
	_, b.opts.Site.Favicon, _ = b.favicon() // discover.go
	b.applyLook()
	b.tree, b.tags = newFolderTree(a.Vault), b.tagIndex()
	if err := opts.start(ctx, phaseCanvases); err != nil {
		return nil, 0, err
	}
	if err := b.emitCanvases(ctx, b.tree); err != nil {
		return nil, 0, fmt.Errorf("render: %w", err)
	}
	if err := opts.start(ctx, phaseLayout); err != nil {
		return nil, 0, err
	}
	if err := b.placeGraph(ctx); err != nil {
		return nil, 0, fmt.Errorf("graph: %w", err)
	}
	if err := opts.start(ctx, phaseRender); err != nil {
		return nil, 0, err
	}
	b.listed = b.listInfo() // listing.go
	// The search index comes first: it lets the notes' words go (search.go).
	if err := b.emitSearch(ctx); err != nil {
		return nil, 0, err
	}
	pages, err := b.renderNotes(ctx, b.tree, b.tags)
	if err != nil {
		return nil, 0, fmt.Errorf("render: %w", err)
	}
	if err := opts.start(ctx, phaseEmit); err != nil {
		return nil, 0, err
	}
	if err := b.emitRest(ctx, b.tree, b.tags); err != nil {
		return nil, 0, fmt.Errorf("emit: %w", err)
	}
	return b, pages, nil
}

// Analysis is a vault loaded, parsed and resolved, with no HTML made:
// what check reports on and what build goes on to render. Both use this
// one path, so check sees exactly the links build renders.
type Analysis struct {
	Vault *site.Vault
	Graph *links.Graph
	Diags site.Diagnostics // from loading and parsing

	r *render.Renderer
	// htmlAttachments is Options.HTMLAttachments, for rebuilds.
	htmlAttachments bool
	// forPages: the facts keep what only pages show (facts.go).
	forPages   bool
	facts      []*noteFacts       // parallel to Vault.Notes
	parseDiags []site.Diagnostics // parallel to Vault.Notes
	// canvases are the vault's .canvas files, parsed (canvas.go).
	canvases map[site.VaultPath]*render.Canvas
	// bases are the vault's .base files, parsed, and the rows their
	// views see (bases.go).
	bases analysisBases
	// look is the author's look (look.go).
	look *look
}

// Analyze runs the first three phases of Build, load, parse and resolve,
// for check: it keeps no more of each note than its links need, so an
// analysis is no build's start (Build makes its own, for pages).
func Analyze(ctx context.Context, fsys fs.FS, opts Options) (*Analysis, error) {
	return analyze(ctx, fsys, opts, false)
}

// analyze runs load, parse and resolve; forPages keeps, besides, what
// the render phase shows of each note on other pages (facts.go).
func analyze(ctx context.Context, fsys fs.FS, opts Options, forPages bool) (*Analysis, error) {
	if err := opts.start(ctx, phaseLoad); err != nil {
		return nil, err
	}
	v, diags, err := site.Load(ctx, fsys, opts.Load)
	if err != nil {
		return nil, err
	}
	rc := render.Config{StrictLineBreaks: strictLineBreaks(v), RemoteStylesheets: opts.RemoteStylesheets,
		BlockBoxes: true, Code: opts.Cache, Language: opts.Site.Lang} // cache.go
	a := &Analysis{Vault: v, r: render.New(rc), htmlAttachments: opts.HTMLAttachments, forPages: forPages}
	if err := opts.start(ctx, phaseParse); err != nil {
		return nil, err
	}
	parsed, err := a.parse(ctx)
	if err != nil {
		return nil, err
	}
	a.Diags = append(append(diags, parsed...), a.parseCanvases()...)
	a.Diags = append(a.Diags, a.parseBases()...)
	if err := opts.start(ctx, phaseResolve); err != nil {
		return nil, err
	}
	a.look = makeLook(v, opts.Look, opts.Site.Title)
	a.Diags = append(a.Diags, a.look.diags...)
	a.Graph = links.NewGraph(v)
	a.Graph.Index()
	if forPages {
		if err := a.fillContexts(ctx); err != nil {
			return nil, err
		}
	}
	a.Diags = append(a.Diags, a.nameDiags()...)
	a.Diags = append(a.Diags, a.htmlAttachmentFindings(a.htmlAttachments)...)
	a.Diags = append(a.Diags, a.checkBases()...)
	return a, ctx.Err()
}

// parse parses every note that has no facts yet (all of them, but for
// the notes a rebuild reuses) and keeps what later phases need of the
// tree, which it drops (facts.go); each worker writes only its own
// slots, so the result does not depend on scheduling. When ctx is done
// it stops with ctx's error.
func (a *Analysis) parse(ctx context.Context) (site.Diagnostics, error) {
	notes := a.Vault.Notes
	if a.facts == nil {
		a.facts = make([]*noteFacts, len(notes))
		a.parseDiags = make([]site.Diagnostics, len(notes))
	}
	per := a.parseDiags
	err := parallel.Each(ctx, len(notes), func(i int) error {
		if a.facts[i] != nil {
			return nil
		}
		n := notes[i]
		d := a.r.Parse(n, &per[i])
		n.Links, n.Headings, n.Blocks, n.Tags, n.FirstH1 = d.Links, d.Headings, d.Blocks, d.Tags, d.FirstH1
		n.External = d.External
		a.facts[i] = factsOf(d, a.forPages)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var all site.Diagnostics
	for _, d := range per {
		all = append(all, d...)
	}
	return all, nil
}

// page is one rendered note page.
type page struct {
	note  *site.Note
	facts *noteFacts
	html  []byte // the rendered body
}

// renderNotes renders every published note concurrently and emits its
// page at once, so no page's HTML outlives its worker. It returns how
// many pages it wrote.
func (b *builder) renderNotes(ctx context.Context, tree *folderTree, tags *tagIndex) (int, error) {
	var idx []int
	for i, n := range b.v.Notes {
		if n.Published {
			idx = append(idx, i)
		}
	}
	var done atomic.Int64
	err := parallel.Each(ctx, len(idx), func(k int) error {
		n, f := b.v.Notes[idx[k]], b.a.facts[idx[k]]
		if !b.wants(n.Slug) {
			return nil
		}
		if err := b.renderNote(n, f, tree, tags); err != nil {
			return err
		}
		if k := done.Add(1); b.opts.Progress != nil {
			b.opts.Progress(int(k), len(idx))
		}
		return nil
	})
	return int(done.Load()), err
}

// renderNote renders the page of the published note n, whose facts are
// f, and emits it.
func (b *builder) renderNote(n *site.Note, f *noteFacts, tree *folderTree, tags *tagIndex) error {
	embeds := b.newEmbeds()
	d := b.r.Parse(n, nil) // the parse phase kept no tree (facts.go) and reported its findings
	pb := &pageBinder{b: b, from: n, page: n.Slug, stack: []string{embedKey(n.Path, "")}, use: b.use, embeds: embeds}
	var buf bytes.Buffer
	if err := b.renderBody(&buf, n, d, pb); err != nil { // cache.go
		return fmt.Errorf("%s: %w", n.Path, err)
	}
	data := b.notePage(page{note: n, facts: f, html: buf.Bytes()}, tree, tags)
	data.HasMath, data.HasMermaid = data.HasMath || embeds.math, data.HasMermaid || embeds.mermaid
	data.HasBases, data.HasMap = embeds.bases, embeds.maps
	if err := b.emitPage(n.Slug, data); err != nil {
		return fmt.Errorf("%s: %w", n.Path, err)
	}
	return nil
}

// sortedAssets returns the attachments published pages use, by path.
func (b *builder) sortedAssets() []*site.Asset {
	out := make([]*site.Asset, 0, len(b.use.assets))
	for _, a := range b.use.assets {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
