package build

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vaultsite/vaultsite/internal/bases"
	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/site"
)

// baseEnv is what every view of the build sees: the published notes as
// rows, and the lookups evaluation asks for. Unpublished notes are not
// rows, resolve to nothing and are nobody's backlink, so no view can
// show their name, a property or a count of them.
type baseEnv struct {
	v      *site.Vault
	graph  *links.Graph
	files  []*bases.File // the published notes, in path order
	byNote map[*site.Note]*bases.File
	now    time.Time
}

var _ bases.Env = (*baseEnv)(nil)

// baseEnvOnce holds an analysis's baseEnv, made on first use: a vault
// without bases never pays for it.
type baseEnvOnce struct {
	once sync.Once
	env  *baseEnv
}

func (a *Analysis) baseEnv() *baseEnv {
	a.bases.env.once.Do(func() { a.bases.env.env = newBaseEnv(a.Vault, a.Graph) })
	return a.bases.env.env
}

func newBaseEnv(v *site.Vault, g *links.Graph) *baseEnv {
	e := &baseEnv{v: v, graph: g, byNote: map[*site.Note]*bases.File{}, now: bases.Clock()}
	for _, n := range v.Published() {
		f := &bases.File{Path: n.Path, Size: int64(len(n.Source)), MTime: n.ModTime(), Ref: n}
		e.files = append(e.files, f)
		e.byNote[n] = f
	}
	for _, f := range e.files {
		e.fill(f)
	}
	return e
}

// fill gives a row its properties, tags and links, once every row
// exists, so links between rows resolve.
func (e *baseEnv) fill(f *bases.File) {
	n := f.Ref.(*site.Note)
	f.Props = bases.NewObject()
	resolve := func(target string) (*bases.File, bool) {
		t := e.graph.Resolve(n, target).Target
		if e.hidden(t) {
			return nil, true
		}
		return e.byNote[t.Note], false
	}
	for _, p := range n.Props.List {
		f.Props.Set(p.Key, bases.FromProperty(p.Value, resolve))
	}
	seen := map[string]bool{}
	tags := append([]string{}, n.Props.Tags...) // the tags property, then the body's
	for _, t := range n.Tags {
		tags = append(tags, t.Name)
	}
	for _, t := range tags {
		if t = strings.TrimPrefix(t, "#"); t != "" && !seen[t] {
			seen[t] = true
			f.Tags = append(f.Tags, t)
		}
	}
	for _, l := range n.Links {
		t, hidden := resolve(l.Path)
		if hidden {
			continue // a link to an unpublished note is not there for views
		}
		bl := bases.Link{Target: l.Path, Display: l.Display, File: t}
		if l.Embed {
			f.Embeds = append(f.Embeds, bl)
		} else {
			f.Links = append(f.Links, bl)
		}
	}
}

// hidden says whether a link's target is a file left out of the site: an
// unpublished note, or an attachment, canvas or base the rules keep out.
// A view must not show even the link's text, which names it.
func (e *baseEnv) hidden(t site.Target) bool {
	switch {
	case t.Note != nil:
		return !t.Note.Published
	case t.Asset == nil:
		return false
	case t.Asset.Kind == site.KindCanvas:
		ok, _ := e.v.CanvasPublished(t.Asset.Path)
		return !ok
	}
	ok, _ := e.v.PathPublished(t.Asset.Path)
	return !ok
}

// Resolve finds a published note by a link target written in from (a
// row, or the base's own stand-in file).
func (e *baseEnv) Resolve(from *bases.File, target string) *bases.File {
	var n *site.Note
	if from != nil {
		n, _ = from.Ref.(*site.Note)
	}
	if n == nil {
		return nil // a summary has no row to resolve from
	}
	t := e.graph.Resolve(n, target).Target.Note
	if t == nil || !t.Published {
		return nil
	}
	return e.byNote[t]
}

// Backlinks lists the published notes that link to f, in path order.
func (e *baseEnv) Backlinks(f *bases.File) []*bases.File {
	n, _ := f.Ref.(*site.Note)
	if n == nil || e.byNote[n] == nil {
		return nil
	}
	seen := map[*bases.File]bool{}
	var out []*bases.File
	for _, bl := range e.graph.Backlinks(n) {
		if r := e.byNote[bl.From]; r != nil && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// this is the row for the note that shows a base: the embedding note,
// or, for a .base page, a stand-in at the base's own path.
func (e *baseEnv) this(n *site.Note) *bases.File {
	if f := e.byNote[n]; f != nil {
		return f
	}
	return &bases.File{Path: n.Path, Props: bases.NewObject(), Ref: n}
}
