package build

import (
	"crypto/sha256"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/internal/bases"
	"github.com/vaultsite/vaultsite/site"
)

// A rebuild draws again only the pages whose base views changed. What a
// view shows depends on every published note (its filters, formulas,
// sorts and summaries may read any property, tag, link or backlink),
// so no rule over the changed files can tell which views they touch;
// but evaluating a view costs far less than drawing its page. So each
// analysis sums up, per page, the views that page shows, as drawn with
// page-independent URLs, and a rebuild compares the sums of the last
// analysis and this one (affected_bases.go).

// baseSum is the sum of the views one page shows.
type baseSum [sha256.Size]byte

// baseSums holds an analysis's sums, made on first use.
type baseSums struct {
	once sync.Once
	sums map[*site.Note]baseSum
}

// baseSums returns the sum of the base views of every published note
// whose page shows one: its base blocks, with this the note, and its
// embeds of .base files, the named view or the first. A note that shows
// none has no entry.
func (a *Analysis) baseSums() map[*site.Note]baseSum {
	a.bases.sums.once.Do(func() {
		a.bases.sums.sums = map[*site.Note]baseSum{}
		for i, n := range a.Vault.Notes {
			if !n.Published || a.facts[i] == nil {
				continue
			}
			if s, ok := a.baseSum(n, a.facts[i].bases); ok {
				a.bases.sums.sums[n] = s
			}
		}
	})
	return a.bases.sums.sums
}

// baseSum sums up the views the page of n shows, given its base blocks;
// it reports false when the page shows none.
func (a *Analysis) baseSum(n *site.Note, blocks []baseSource) (baseSum, bool) {
	var views strings.Builder
	shown := false
	draw := func(b *bases.Base, vs []*bases.View) {
		env := a.baseEnv() // made only for a vault that shows a view
		cx := &bases.Context{Base: b, Env: env, Now: env.now, This: env.this(n)}
		for _, v := range vs {
			views.WriteString(bases.RenderView(bases.Run(cx, v, env.files), sumLinker{a, n}, "v", nil)) // the words are the site's, alike in both builds
		}
		views.WriteString("\x00")
	}
	for _, blk := range blocks {
		shown = true
		b := blockBase(n, blk.src, blk.offset, nil)
		draw(b, b.Views)
	}
	for _, l := range n.Links {
		if !l.Embed {
			continue
		}
		t := a.Graph.Resolve(n, l.Path).Target.Asset
		if t == nil || t.Kind != site.KindBase {
			continue
		}
		shown = true
		b := a.bases.files[t.Path]
		if b == nil {
			views.WriteString("hidden\x00")
			continue
		}
		v := b.ViewNamed(strings.TrimSpace(l.Subpath))
		if v == nil {
			v = b.ViewNamed("")
		}
		if v == nil {
			views.WriteString("no views\x00")
			continue
		}
		draw(b, []*bases.View{v})
	}
	return sha256.Sum256([]byte(views.String())), shown
}

// sumLinker writes a row's note as its slug and an image as its
// attachment's path or its URL: what the page's URLs are made from, the
// page itself aside. An image no row holds resolves from the page's
// note, as baseLinker resolves it.
type sumLinker struct {
	a    *Analysis
	page *site.Note
}

func (l sumLinker) FileURL(f *bases.File) string {
	return string(f.Ref.(*site.Note).Slug)
}

func (l sumLinker) ImageURL(v bases.Value, row *bases.File) string {
	from := l.page
	if row != nil {
		from = row.Ref.(*site.Note)
	}
	url, as := baseImage(l.a.Graph, l.a.Vault, from, v)
	if as != nil {
		return string(as.Path)
	}
	return url
}

func (l sumLinker) LinkURL(link bases.Link, row *bases.File) string {
	from := l.page
	if row != nil {
		from = row.Ref.(*site.Note)
	}
	if t, ok := baseLinkTarget(l.a, from, link); ok {
		return t
	}
	return ""
}
