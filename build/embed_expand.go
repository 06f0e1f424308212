package build

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/vaultsite/vaultsite/links"
	"github.com/vaultsite/vaultsite/site"
)

// DefaultEmbedBudget bounds the embedded HTML of one page (Options
// .EmbedBudget). The largest page of the help vault is under 100 KB;
// a page that embeds 4 MiB is already slow to lay out in a browser, and
// nobody reads that much on one page. The depth cap alone does not bound
// a page: notes that each embed the next ten times, five deep, expand
// 10⁵ times.
const DefaultEmbedBudget = 4 << 20

// budgetTitle is the title of an embed cut by the budget, shown as a
// link to the note.
const budgetTitle = "not embedded: the page already shows as much embedded content as it may"

// embed expands the part of n that l embeds on this page, from its
// template, with links resolved from n and URLs relative to the page.
// It refuses, with cycle true, an embed already being expanded (keyed on
// file and subpath, so a note may embed its own sections, SPEC §4.9),
// one past maxEmbedDepth, or, with cut set to the link's title, one
// that comes when the page's embeds hold the budget already.
func (pb *pageBinder) embed(n *site.Note, res links.Resolved, l *site.Link) (content []byte, cycle bool, cut string) {
	if pb.embeds == nil {
		pb.embeds = pb.b.newEmbeds() // a binder of no page (a property link)
	}
	key := embedKey(n.Path, l.Subpath)
	h := &embedHole{note: n, res: res, key: key, raw: l.Raw, pos: pb.from.Pos(l.Offset)}
	switch why := pb.refuse(h, pb.stack); why {
	case "":
	case budgetTitle:
		return nil, true, why
	default:
		return nil, true, ""
	}
	t, err := pb.b.template(n, res)
	if err != nil {
		pb.report(h.pos, "embed-failed", site.Warning, "embed of %q could not be rendered: %v; shown as a link", l.Raw, err)
		return nil, true, ""
	}
	var buf bytes.Buffer
	pb.expand(&buf, t, append(pb.stack[:len(pb.stack):len(pb.stack)], key))
	return buf.Bytes(), false, ""
}

// refuse says why the embed h may not be expanded under stack, and
// reports it: "" when it may, budgetTitle when the budget is spent, or
// another word for a cycle or a nesting past maxEmbedDepth.
func (pb *pageBinder) refuse(h *embedHole, stack []string) string {
	switch {
	case slices.Contains(stack, h.key):
		pb.report(h.pos, "embed-cycle", site.Warning, "embed cycle: %q embeds itself; shown as a link", h.raw)
		return "cycle"
	case len(stack) > maxEmbedDepth:
		pb.report(h.pos, "embed-cycle", site.Warning, "embed of %q is nested deeper than %d; shown as a link", h.raw, maxEmbedDepth)
		return "depth"
	case pb.embeds.bytes >= pb.embeds.budget:
		pb.report(h.pos, "embed-budget", site.Warning, "embed of %q shown as a link: the page already holds %s of embedded content, its embedBudget",
			h.raw, formatSize(pb.embeds.budget))
		return budgetTitle
	}
	return ""
}

// report adds a diagnostic found while expanding embeds. It is written
// at the link, in the note that holds it; every page that meets the
// same link repeats the same line, and the build keeps one.
func (pb *pageBinder) report(pos site.Pos, code string, sev site.Severity, format string, args ...any) {
	pb.use.mu.Lock()
	pb.use.diags.Add(pos, sev, code, format, args...)
	pb.use.mu.Unlock()
}

// expand writes template t for this page into w; stack holds the embeds
// being expanded, t's own last. The embed takes the page's next number,
// which keys its footnotes, and tells the page what it shows.
func (pb *pageBinder) expand(w *bytes.Buffer, t *embedTemplate, stack []string) {
	e := pb.embeds
	e.count++
	e.math, e.mermaid = e.math || t.hasMath, e.mermaid || t.hasMermaid
	e.bases, e.maps = e.bases || t.hasBases, e.maps || t.hasMap
	for _, a := range t.assets {
		pb.use.asset(pb.page, a)
	}
	pb.writeSegs(w, t, t.segs, "e"+strconv.Itoa(e.count), stack)
}

// writeSegs writes segments of t: text as it is, tokens filled in for
// this page. key is the embed's footnote key.
func (pb *pageBinder) writeSegs(w *bytes.Buffer, t *embedTemplate, segs []segment, key string, stack []string) {
	for _, s := range segs {
		switch s.kind {
		case 0:
			pb.write(w, s.lit)
		case tokURL:
			pb.writeString(w, string(pb.resolveURL(t.urls[s.i])))
		case tokFootnote:
			pb.writeString(w, key)
		case tokHole:
			pb.fill(w, t, t.holes[s.i], stack)
		}
	}
}

// fill writes a note embed nested in t: expanded, or a link when
// refused.
func (pb *pageBinder) fill(w *bytes.Buffer, t *embedTemplate, h *embedHole, stack []string) {
	switch pb.refuse(h, stack) {
	case "":
	case budgetTitle:
		pb.writeSegs(w, t, h.overflow, "", stack)
		return
	default:
		pb.writeSegs(w, t, h.cycle, "", stack)
		return
	}
	child, err := pb.b.template(h.note, h.res)
	if err != nil {
		pb.report(h.pos, "embed-failed", site.Warning, "embed of %q could not be rendered: %v; shown as a link", h.raw, err)
		pb.writeSegs(w, t, h.cycle, "", stack)
		return
	}
	pb.writeSegs(w, t, h.pre, "", stack)
	pb.expand(w, child, append(stack[:len(stack):len(stack)], h.key))
	pb.writeSegs(w, t, h.post, "", stack)
}

func (pb *pageBinder) resolveURL(u pageURL) site.RelURL {
	if u.file != "" {
		return pb.page.FileURL(u.file)
	}
	return pb.page.LinkTo(u.slug, "")
}

// write counts p against the page's budget and writes it, unless the
// embeds are only measured.
func (pb *pageBinder) write(w *bytes.Buffer, p []byte) {
	pb.embeds.bytes += int64(len(p))
	if !pb.embeds.discard {
		w.Write(p)
	}
}

func (pb *pageBinder) writeString(w *bytes.Buffer, s string) {
	pb.embeds.bytes += int64(len(s))
	if !pb.embeds.discard {
		w.WriteString(s)
	}
}

// url returns the token of a page-dependent URL, one per target.
func (t *embedTemplate) url(u pageURL) site.RelURL {
	i := slices.Index(t.urls, u)
	if i < 0 {
		i = len(t.urls)
		t.urls = append(t.urls, u)
	}
	return site.RelURL(token(tokURL, i))
}

// hole records a note embed inside the template and returns its token,
// the embed's content until the page fills it in.
func (t *embedTemplate) hole(n *site.Note, res links.Resolved, l *site.Link) []byte {
	t.holes = append(t.holes, &embedHole{note: n, res: res, key: embedKey(n.Path, l.Subpath), raw: l.Raw, pos: t.note.Pos(l.Offset)})
	return []byte(token(tokHole, len(t.holes)-1))
}

// newEmbeds returns the embed state of a new page.
func (b *builder) newEmbeds() *pageEmbeds {
	budget := b.opts.EmbedBudget
	if budget <= 0 {
		budget = DefaultEmbedBudget
	}
	return &pageEmbeds{budget: budget}
}

// formatSize writes a byte count as people read it ("4 MiB").
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
