package build

import (
	"github.com/vaultsite/vaultsite/internal/search"
	"github.com/vaultsite/vaultsite/site"
)

// memo is what a build makes that the next build of the same live site
// (Live) may reuse: most rebuilds of the preview change one note's text,
// and making these anew for 10,000 notes would cost more than rendering
// the pages that changed. A build starts from the last successful
// build's memo and records its own in a copy (next), which the live site
// keeps only when the whole rebuild succeeds, so no memo ever describes
// files that were not served. Build and MakePlan start from an empty
// memo and drop it.
//
// A build replaces fields of its copy and never modifies what they point
// to, so the last build's memo stays as it was; only Live.Settle sets a
// field of it, under the lock that serialises builds.
type memo struct {
	// graphLayout is the link graph as last laid out, which a rebuild
	// reuses while the graph is unchanged (graph_page.go).
	graphLayout *graphLayout
	// search is the search index as last written, which a rebuild
	// updates or takes the notes' terms from (search.go).
	search *search.Index
	// explorer is the explorer file as last made (explorer.go).
	explorer *explorerMemo
	// redirects maps each redirect page of the last build to its target
	// note, so a rebuild writes only the redirects that changed.
	redirects map[site.Slug]site.VaultPath
	// dates are the published notes' sitemap and feed dates, which a
	// rebuild reuses for the notes it did not read again (feed.go).
	dates map[*site.Note]noteDates
	// sitemap is the site's pages in URL order, as last listed, which a
	// rebuild that keeps the pages reuses (discover.go).
	sitemap []sitemapURL
}

// next returns a copy of m for a build to record its own memo in; a nil
// m gives an empty one.
func (m *memo) next() *memo {
	if m == nil {
		return &memo{}
	}
	c := *m
	return &c
}
