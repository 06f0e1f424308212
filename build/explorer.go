package build

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/site"
)

// explorerFile is the site's explorer: its folder tree, written once as
// "_site/explorer.json" and fetched by every page's script
// (templates/assets/explorer.js). It is never inlined into the pages:
// Quartz did that and one site grew from 99 MB to 407 MB.
//
// Unlike the site's other files, its name carries no hash of its content.
// A hashed name would change with every added, removed or renamed note,
// and with it every page that names the file; an incremental rebuild
// could no longer render only the pages a change touches. The script
// instead draws the tree it kept for the session at once and asks the
// server whether the file changed (a conditional request).
type explorerFile struct {
	once    sync.Once
	written bool
	err     error
}

// explorerPath is where the explorer file is written.
const explorerPath site.OutPath = "_site/explorer.json"

// explorerVersion is the file's format version, read by explorer.js.
const explorerVersion = 1

// explorer returns the output path of the site's explorer file, writing
// the file on the first call; pages call it as they are emitted, so the
// file exists before any page names it. An empty path means no explorer
// (the site has no published page); an error is the emitter's.
func (b *builder) explorer() (site.OutPath, error) {
	if b.opts.Site.Hide.Explorer {
		return "", nil // site-options.json's showNavigation: false
	}
	e := &b.explorerFile
	e.once.Do(func() {
		data, same := b.explorerJSON()
		if e.written = data != nil; e.written && (!same || !b.has(explorerPath)) {
			e.err = b.emit(explorerPath, data)
		}
	})
	if !e.written {
		return "", e.err
	}
	return explorerPath, e.err
}

// explorerItem is one entry of the tree: a page, or a folder with its
// items. It is written as a JSON array, [name, url] or
// [name, url, [item, …]], and its url is relative to its folder's
// ("http/" in "protocols/"), which keeps a large vault's file small: a
// generated vault of 10,000 notes gets a file of 580 KB (170 KB
// gzipped), fetched once per visit.
type explorerItem struct {
	name  string
	url   string
	items []explorerItem
	dir   bool
	path  string // the vault path of the folder or page, for navOrder
}

// appendItems appends items to buf as a JSON array, in one pass. It is
// written by hand because a MarshalJSON method per item would have
// encoding/json re-read every folder's JSON once per folder above it.
func appendItems(buf []byte, items []explorerItem) []byte {
	buf = append(buf, '[')
	for i, it := range items {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(append(buf, '['), it.name)
		buf = appendJSONString(append(buf, ','), it.url)
		if it.dir {
			buf = appendItems(append(buf, ','), it.items)
		}
		buf = append(buf, ']')
	}
	return append(buf, ']')
}

// appendJSONString appends s as encoding/json writes a string.
func appendJSONString(buf []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(buf, q...)
}

// explorerJSON returns the explorer file's content: the published notes
// and canvases by folder, in the order of the folder listings (folders,
// then pages, each by name without case). It returns nil for an empty
// site. The file depends only on the pages' paths, URLs and titles, so a
// rebuild that changes none of them takes the last build's bytes, and
// reports same.
func (b *builder) explorerJSON() (data []byte, same bool) {
	keys := b.explorerKeys()
	if m := b.memo.explorer; m != nil && slices.Equal(m.keys, keys) {
		return m.data, true
	}
	data = b.makeExplorerJSON()
	b.memo.explorer = &explorerMemo{keys: keys, data: data}
	return data, false
}

// explorerMemo is an explorer file with what it was made from.
type explorerMemo struct {
	keys []explorerKey
	data []byte
}

// explorerKey is what the explorer shows of one page.
type explorerKey struct {
	path  site.VaultPath
	slug  site.Slug
	title string
}

// explorerKeys lists the published notes, then the canvases.
func (b *builder) explorerKeys() []explorerKey {
	out := make([]explorerKey, 0, len(b.v.Notes))
	for _, n := range b.v.Notes {
		if n.Published {
			out = append(out, explorerKey{n.Path, n.Slug, n.Title()})
		}
	}
	for _, c := range b.canvases().pages {
		out = append(out, explorerKey{c.asset.Path, c.slug, c.title})
	}
	return out
}

// makeExplorerJSON makes the explorer file. The folder tree is built anew
// with the canvases, as emitCanvases does to its own, so every page may
// ask for the file, canvas pages first.
func (b *builder) makeExplorerJSON() []byte {
	tree := newFolderTree(b.v)
	tree.addCanvases(b.v, b.canvases().pages)
	items := newNavOrder(b.v.Publish).items(tree.root)
	if len(items) == 0 {
		return nil
	}
	buf := fmt.Appendf(nil, `{"version":%d,"items":`, explorerVersion)
	return append(appendItems(buf, items), "}\n"...)
}

// items lists a folder's sub-folders, then its pages, leaving out
// folder notes (the home note, and a note beside a folder of its name),
// which the folders' own links reach, and the items o hides; o's order
// comes first (navOrder.sort).
func (o navOrder) items(f *folder) []explorerItem {
	base := string(f.slug.FromRoot())
	if f.slug == "" {
		base = ""
	}
	// url is the page's URL relative to base, which every page below f
	// starts with; the "/" of a URL from the root stays a safeguard.
	url := func(slug site.Slug) string {
		u := string(slug.FromRoot())
		if rest, ok := strings.CutPrefix(u, base); ok {
			return rest
		}
		return "/" + u
	}
	subs := append([]*folder(nil), f.subs...)
	sortFold(subs, func(f *folder) string { return f.name }, false)
	folders := map[site.Slug]bool{f.slug: true}
	for _, s := range subs {
		folders[s.slug] = true
	}
	var pages []explorerItem
	for _, n := range f.notes {
		if !folders[n.Slug] { // a folder note: its folder's link goes there
			pages = append(pages, explorerItem{name: n.Title(), url: url(n.Slug), path: string(n.Path)})
		}
	}
	for _, c := range f.canvases {
		pages = append(pages, explorerItem{name: c.title, url: url(c.slug), path: string(c.asset.Path)})
	}
	sortFold(pages, func(it explorerItem) string { return it.name }, true)
	out := make([]explorerItem, 0, len(subs)+len(pages))
	for _, s := range subs {
		out = append(out, explorerItem{name: s.name, url: url(s.slug), items: o.items(s), dir: true, path: s.path})
	}
	return o.sort(append(out, pages...))
}

// navOrder is Obsidian Publish's explorer order (site-options.json's
// navigationOrdering and navigationHiddenItems): vault paths, folders
// without a slash at the end, files with their extension.
type navOrder struct {
	rank   map[string]int
	hidden map[string]bool
}

func newNavOrder(o site.PublishOptions) navOrder {
	n := navOrder{rank: map[string]int{}, hidden: map[string]bool{}}
	for i, p := range o.NavigationOrdering {
		if _, dup := n.rank[p]; !dup {
			n.rank[p] = i
		}
	}
	for _, p := range o.NavigationHiddenItems {
		n.hidden[p] = true
	}
	return n
}

// sort leaves out the hidden items and puts the listed ones first, in
// their listed order; the rest follow in the order they came.
func (o navOrder) sort(items []explorerItem) []explorerItem {
	if len(o.rank) == 0 && len(o.hidden) == 0 {
		return items
	}
	items = slices.DeleteFunc(items, func(it explorerItem) bool { return o.hidden[it.path] })
	rank := func(it explorerItem) int {
		if r, ok := o.rank[it.path]; ok {
			return r
		}
		return math.MaxInt
	}
	slices.SortStableFunc(items, func(a, b explorerItem) int { return cmp.Compare(rank(a), rank(b)) })
	return items
}
