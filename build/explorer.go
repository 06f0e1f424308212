package build

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/site"
)

// explorerFile is the site's explorer, the left sidebar's folder tree,
// written as a set of small files under "_site/explorer/" that every
// page's script (templates/assets/explorer.js) fetches as folders open.
// It is never inlined into the pages: Quartz did that and one site grew
// from 99 MB to 407 MB. Nor is it one file: the whole tree of a
// 10,000-note vault is 170 KB gzipped, too much for a phone's first view
// of one note.
//
// Each folder's listing is written in parts of at most explorerPartSize
// entries, "_site/explorer/<folder slug>/<k>.json" ("_site/explorer/0.json"
// for the root), so a folder of thousands of notes costs a phone one
// part. A page names the folder it sits in and, for each folder down to
// it, the part holding the next step (explorerTrail), so its script
// fetches exactly the parts that show the page, in parallel.
//
// Unlike the site's other files, the names carry no hash of their
// content. A hashed name would change with every added, removed or
// renamed note, and with it every page that names the file; an
// incremental rebuild could no longer render only the pages a change
// touches. The script instead draws the parts it kept for the session
// at once and asks the server whether they changed (conditional
// requests).
type explorerFile struct {
	once sync.Once
	made *explorerSite // nil: no explorer
	err  error
}

// explorerDir is where the explorer's files are written.
const explorerDir = "_site/explorer/"

// explorerVersion is the files' format version, read by explorer.js.
const explorerVersion = 2

// explorerPartSize is the most entries one file of a folder's listing
// holds. A part of 300 generated note titles is about 2.5 KB gzipped, so
// a page five folders deep fetches at most about 13 KB of explorer data
// however large its folders are.
const explorerPartSize = 300

// explorerSite is the explorer as made: its files, in folder order, and
// where each listed page and folder sits.
type explorerSite struct {
	files  []explorerOut
	places map[site.Slug]explorerPlace
}

// dropStale deletes from files the explorer files e does not have: the
// listings of folders gone, or parts a shorter listing no longer needs. A
// rebuild that drew no page made no explorer (e is nil) and keeps all.
func (e *explorerSite) dropStale(files map[site.OutPath][]byte) {
	if e == nil {
		return
	}
	have := make(map[site.OutPath]bool, len(e.files))
	for _, f := range e.files {
		have[f.path] = true
	}
	for p := range files {
		if strings.HasPrefix(string(p), explorerDir) && !have[p] {
			delete(files, p)
		}
	}
}

// explorerOut is one file of the explorer.
type explorerOut struct {
	path site.OutPath
	data []byte
}

// explorerPlace is where a page or folder is listed: in the folder of
// slug folder, in the part of that folder's listing numbered part.
type explorerPlace struct {
	folder site.Slug
	part   int
}

// explorer returns the output path of the explorer's first file, the
// first part of the root's listing, writing all its files on the first
// call; pages call it as they are emitted, so the
// files exist before any page names them. An empty path means no
// explorer (the site has no published page); an error is the emitter's.
func (b *builder) explorer() (site.OutPath, error) {
	if b.opts.Site.Hide.Explorer {
		return "", nil // site-options.json's showNavigation: false
	}
	e := &b.explorerFile
	e.once.Do(func() {
		made, same := b.explorerSite()
		e.made = made
		for _, f := range made.files {
			if !same || !b.has(f.path) {
				if e.err = b.emit(f.path, f.data); e.err != nil {
					return
				}
			}
		}
	})
	if len(e.made.files) == 0 {
		return "", e.err
	}
	return e.made.files[0].path, e.err
}

// explorerTrail returns what the page of slug tells its script: the URL
// from the site root of the folder it is listed in ("" for the root,
// "protocols/" for protocols/http), and, unless all are 0, the part
// holding the next step of the way down from each folder, root first
// ("0 2": the first part of the root's listing holds protocols/, the
// third of protocols/ holds the page). A page the explorer does not list
// (a tag page, a hidden note) gets the root only.
func (b *builder) explorerTrail(slug site.Slug) (folder site.RelURL, parts string) {
	e := b.explorerFile.made
	if e == nil {
		return "", ""
	}
	p, ok := e.places[slug]
	if !ok || p.folder == "" && p.part == 0 {
		return "", ""
	}
	var steps []int
	for f, part := p.folder, p.part; ; {
		steps = append(steps, part)
		if f == "" {
			break
		}
		up := e.places[f]
		f, part = up.folder, up.part
	}
	slices.Reverse(steps)
	if p.folder != "" {
		folder = p.folder.FromRoot()
	}
	if slices.ContainsFunc(steps, func(k int) bool { return k != 0 }) {
		s := make([]string, len(steps))
		for i, k := range steps {
			s[i] = strconv.Itoa(k)
		}
		parts = strings.Join(s, " ")
	}
	return folder, parts
}

// explorerItem is one entry of a folder's listing: a page, or a folder.
// Its url is relative to its folder's ("http/" in "protocols/").
type explorerItem struct {
	name string
	url  string
	slug site.Slug
	path string  // the vault path of the folder or page, for navOrder
	dir  *folder // the folder, for a folder's entry
}

// explorerSite returns the explorer as made for the current pages. The
// files depend only on the pages' paths, URLs and titles, so a rebuild
// that changes none of them takes the last build's, and reports same.
func (b *builder) explorerSite() (made *explorerSite, same bool) {
	keys := b.explorerKeys()
	if m := b.memo.explorer; m != nil && slices.Equal(m.keys, keys) {
		return m.made, true
	}
	made = b.makeExplorer()
	b.memo.explorer = &explorerMemo{keys: keys, made: made}
	return made, false
}

// explorerMemo is an explorer with what it was made from.
type explorerMemo struct {
	keys []explorerKey
	made *explorerSite
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

// makeExplorer makes the explorer's files, folder by folder from the
// root down through the folders the listings show. The folder tree is
// built anew with the canvases, as emitCanvases does to its own, so
// every page may ask for the explorer, canvas pages first. A site with
// no page gets no files.
func (b *builder) makeExplorer() *explorerSite {
	tree := newFolderTree(b.v)
	tree.addCanvases(b.v, b.canvases().pages)
	o := newNavOrder(b.v.Publish)
	type listing struct {
		slug  site.Slug
		items []explorerItem
	}
	var all []listing
	parts := map[*folder]int{}
	var walk func(f *folder)
	walk = func(f *folder) {
		items := o.items(f)
		all = append(all, listing{f.slug, items})
		parts[f] = partsOf(len(items))
		for _, it := range items {
			if it.dir != nil {
				walk(it.dir)
			}
		}
	}
	e := &explorerSite{places: map[site.Slug]explorerPlace{}}
	if walk(tree.root); len(all[0].items) == 0 {
		return e
	}
	for _, l := range all {
		e.addFolder(l.slug, l.items, parts)
	}
	return e
}

// partsOf returns how many files a listing of n entries takes: one at
// least, so an empty folder still opens.
func partsOf(n int) int { return max(1, (n+explorerPartSize-1)/explorerPartSize) }

// addFolder writes the listing of the folder of slug in parts and
// records where each entry sits; parts holds every listed folder's
// number of parts.
func (e *explorerSite) addFolder(slug site.Slug, items []explorerItem, parts map[*folder]int) {
	n := partsOf(len(items))
	dir := explorerDir
	if slug != "" {
		dir += string(slug) + "/"
	}
	for k := range n {
		chunk := items[k*explorerPartSize : min(len(items), (k+1)*explorerPartSize)]
		for _, it := range chunk {
			e.places[it.slug] = explorerPlace{folder: slug, part: k}
		}
		buf := fmt.Appendf(nil, `{"version":%d,"parts":%d,"items":`, explorerVersion, n)
		buf = append(appendItems(buf, chunk, parts), "}\n"...)
		e.files = append(e.files, explorerOut{site.OutPath(dir + strconv.Itoa(k) + ".json"), buf})
	}
}

// appendItems appends items to buf as a JSON array, each item an array:
// [name] or [name, url] for a page, [name, url, parts] for a folder. The
// url is "" or left out where explorer.js derives it from the name
// (derivedURL): in a generated vault that halves the bytes.
func appendItems(buf []byte, items []explorerItem, parts map[*folder]int) []byte {
	buf = append(buf, '[')
	for i, it := range items {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(append(buf, '['), it.name)
		url := it.url
		if d, ok := derivedURL(it.name); ok && d == url {
			url = ""
		}
		if url != "" || it.dir != nil {
			buf = appendJSONString(append(buf, ','), url)
		}
		if it.dir != nil {
			buf = strconv.AppendInt(append(buf, ','), int64(parts[it.dir]), 10)
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

// derivedURL returns the URL explorer.js makes of a name when an item
// gives none: the name lower-cased, each run of characters other than
// a-z, 0-9, "_" and "." one "-", with "-" and "." trimmed from both ends,
// and a "/". It applies to ASCII names only (ok false otherwise, or when
// nothing is left), so the two sides never disagree on Unicode case or
// letters; the build still writes the url whenever the page's own
// differs (a permalink, a long name cut short, a collision).
func derivedURL(name string) (url string, ok bool) {
	b := make([]byte, 0, len(name)+1)
	dash := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80:
			return "", false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '.' {
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			dash, b = false, append(b, c)
		} else {
			dash = true
		}
	}
	s := strings.Trim(string(b), "-.")
	return s + "/", s != ""
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
			pages = append(pages, explorerItem{name: n.Title(), url: url(n.Slug), slug: n.Slug, path: string(n.Path)})
		}
	}
	for _, c := range f.canvases {
		pages = append(pages, explorerItem{name: c.title, url: url(c.slug), slug: c.slug, path: string(c.asset.Path)})
	}
	sortFold(pages, func(it explorerItem) string { return it.name }, true)
	out := make([]explorerItem, 0, len(subs)+len(pages))
	for _, s := range subs {
		out = append(out, explorerItem{name: s.name, url: url(s.slug), slug: s.slug, path: s.path, dir: s})
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
