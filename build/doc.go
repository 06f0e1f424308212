// Package build turns a vault into a site. It holds the phases, the
// incremental engine of the live preview and the site's own files; the
// algorithms it calls live in packages of their own.
//
// The phases, in the order they run (Build, and Analyze for the first
// three; each starts by asking its context and stops when it is done):
//
//  1. load: read every file, split frontmatter, decide what is
//     published and give each published note its URL (site.Load);
//  2. parse: parse every note concurrently and record its links,
//     headings, block ids and tags on the Note (build.go, render);
//  3. resolve: index the whole vault and its backlinks (links.NewGraph);
//     check stops here and reports links.Graph.Check;
//  4. canvases: render each published canvas's page (canvas.go);
//  5. layout: build the site graph and lay it out (graph.go,
//     graph_page.go; internal/graphlayout), before the note pages that
//     draw their local graphs from it;
//  6. render: render and emit each published note's page, concurrently,
//     expanding embeds, each embedded section rendered once and filled
//     in per page (build.go, bind.go, embed_expand.go, embed_template.go,
//     pages.go; embed_check.go measures the same for check);
//  7. emit: the folder and tag listings (tree.go, tags.go), the graph
//     file and page, the search index (search.go; internal/search), the
//     redirects, robots.txt, sitemap and feed (redirect.go, discover.go,
//     feed.go), the explorer file (explorer.go), the hosts' header files
//     (headers.go), then the static files and exactly the attachments
//     published pages use (asset_file.go).
//
// Everything is written through an Emitter (emit.go): the memory
// emitters for the live preview (which keeps attachments as files of the
// vault, asset_file.go) and tests, internal/outdir's folder for
// "vaultsite build". MakePlan (plan.go) runs a whole build that writes
// nothing, for --dry-run.
//
// The incremental engine: Live (incremental.go) keeps the last build in
// memory and, given the changed paths, reads again only those notes
// (affected.go's reload and reanalyze), renders only the pages that show
// something of them (affected.go, affected_graph.go), keeps the
// listings whose layout did not change (carry.go), and reuses what the
// last build made through its memo (memo.go): the graph layout, the
// search index, the explorer file, redirects, dates and the sitemap.
// Settle (settle.go) lays out afterwards a graph a rebuild left stale.
//
// Where the subsystems live:
//
//   - internal/search: the search index, documents in, files out;
//   - internal/graphlayout: ForceAtlas2, edges in, positions out;
//   - internal/outdir: the output folder, written beside the old one and
//     swapped in (used by cmd, not by build);
//   - internal/parallel: the one loop that runs a phase's work on every
//     core;
//   - render, links, site, templates: Markdown, link resolution, the
//     vault model, the page layouts.
//
// Content problems become diagnostics; only I/O failures and a done
// context return an error, which names the phase and the page or file.
package build
