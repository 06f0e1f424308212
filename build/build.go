package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/render"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// Options configure a build; the zero value builds every note with the
// default site settings.
type Options struct {
	Load site.LoadOptions
	Site templates.Site
	// Serve marks pages for the live preview (a reload script).
	Serve bool
	// Progress, when set, is called after each rendered page with the
	// count done and the total; it is called from several goroutines.
	Progress func(done, total int)
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
}

// builder carries one build's state between its phases.
type builder struct {
	opts  Options
	v     *site.Vault
	r     *render.Renderer
	graph *links.Graph
	docs  []*render.Doc // parallel to v.Notes
	em    Emitter
	use   *usage
	files int
}

// Build turns the vault in fsys into a site written to em. The phases
// run in this order:
//
//  1. load: read every file, split frontmatter, decide what is published
//     and give each published note its URL (site.Load);
//  2. parse: parse every note concurrently and record its links,
//     headings, block ids and tags on the Note;
//  3. resolve: index the whole vault and its backlinks (links.NewGraph);
//  4. render: render each published note concurrently, expanding embeds;
//  5. emit: note pages, listings, the static files and exactly the
//     attachments that published pages use.
//
// Content problems become diagnostics in the Result; only I/O failures
// return an error.
func Build(ctx context.Context, fsys fs.FS, opts Options, em Emitter) (*Result, error) {
	start := time.Now()
	v, diags, err := site.Load(fsys, opts.Load)
	if err != nil {
		return nil, err
	}
	b := &builder{opts: opts, v: v, em: em, use: &usage{assets: map[site.VaultPath]*site.Asset{}}}
	b.r = render.New(render.Config{StrictLineBreaks: v.Config.StrictLineBreaks})
	diags = append(diags, b.parse(ctx)...)
	b.graph = links.NewGraph(v)
	b.graph.Index()
	pages, err := b.renderNotes(ctx)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	if err := b.emitAll(ctx, pages); err != nil {
		return nil, fmt.Errorf("emit: %w", err)
	}
	diags = append(diags, b.use.diags...)
	diags.RemoveMultiples()
	return &Result{
		Vault: v, Graph: b.graph, Diags: diags, Pages: len(pages), Files: b.files,
		Assets: len(b.use.assets), Took: time.Since(start),
	}, nil
}

// parse parses every note; each worker writes only its own slots, so the
// result does not depend on scheduling.
func (b *builder) parse(ctx context.Context) site.Diagnostics {
	b.docs = make([]*render.Doc, len(b.v.Notes))
	per := make([]site.Diagnostics, len(b.v.Notes))
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, n := range b.v.Notes {
		g.Go(func() error {
			d := b.r.Parse(n, &per[i])
			n.Links, n.Headings, n.Blocks, n.Tags, n.FirstH1 = d.Links, d.Headings, d.Blocks, d.Tags, d.FirstH1
			b.docs[i] = d
			return nil
		})
	}
	_ = g.Wait()
	var all site.Diagnostics
	for _, d := range per {
		all = append(all, d...)
	}
	return all
}

// page is one rendered note page.
type page struct {
	note *site.Note
	doc  *render.Doc
	html []byte // the rendered body
}

// renderNotes renders the body of every published note concurrently.
func (b *builder) renderNotes(ctx context.Context) ([]page, error) {
	var idx []int
	for i, n := range b.v.Notes {
		if n.Published {
			idx = append(idx, i)
		}
	}
	pages := make([]page, len(idx))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	var done atomic.Int64
	for k, i := range idx {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			n, d := b.v.Notes[i], b.docs[i]
			pb := &pageBinder{b: b, from: n, page: n.Slug, stack: []string{embedKey(n.Path, "")}, use: b.use}
			render.Bind(d, pb)
			var buf bytes.Buffer
			if err := b.r.Render(&buf, d); err != nil {
				return fmt.Errorf("%s: %w", n.Path, err)
			}
			pages[k] = page{note: n, doc: d, html: buf.Bytes()}
			if b.opts.Progress != nil {
				b.opts.Progress(int(done.Add(1)), len(idx))
			}
			return nil
		})
	}
	return pages, g.Wait()
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
