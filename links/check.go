package links

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/vaultsite/vaultsite/internal/parallel"
	"github.com/vaultsite/vaultsite/site"
)

// Check reports every link problem of the vault, with build's own
// resolution (STYLE §5): links and embeds that find no file
// (broken-link), headings and blocks a found note lacks (missing-heading,
// missing-block), links from a published note to an unpublished one
// (unpublished-link), raw-space links that only vaultsite's forgiving rule
// repairs (raw-space-link), links settled by a tie-break (ambiguous-link)
// or found only without case (case-mismatch), and embed cycles
// (embed-cycle). Every note is checked, published or not. Positions point
// at the link's first character. When ctx is done it stops with ctx's
// error.
func (g *Graph) Check(ctx context.Context) (site.Diagnostics, error) {
	notes := g.v.Notes
	per := make([]site.Diagnostics, len(notes))
	err := parallel.Chunks(ctx, len(notes), indexChunk, func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			for _, l := range notes[i].Links {
				g.checkLink(notes[i], l, &per[i])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var diags site.Diagnostics
	for _, d := range per {
		diags = append(diags, d...)
	}
	diags = append(diags, g.embedCycles()...)
	diags.Sort()
	return diags, nil
}

func (g *Graph) checkLink(n *site.Note, l site.Link, diags *site.Diagnostics) {
	r := g.Link(n, l)
	pos := n.Pos(l.Offset)
	what := "link"
	if l.Embed {
		what = "embed"
	}
	t := r.Target
	switch {
	case !t.Found() && l.RawSpace:
		diags.Add(pos, site.Error, "broken-link", "broken %s %q: no such file; its destination also has raw spaces, which Obsidian does not read as a link", what, l.Raw)
		return
	case !t.Found():
		diags.Add(pos, site.Error, "broken-link", "broken %s %q: no such %s%s", what, l.Path, noun(l.Path), g.didYouMean(l.Path))
		return
	case r.SubpathMissing && r.Block == nil && strings.HasPrefix(l.Subpath, "^"):
		diags.Add(pos, site.Error, "missing-block", "%s %q: %q has no block ^%s", what, l.Path+"#"+l.Subpath, string(t.Path()), strings.TrimPrefix(l.Subpath, "^"))
	case r.SubpathMissing:
		diags.Add(pos, site.Error, "missing-heading", "%s %q: %q has no heading %q%s", what, l.Path+"#"+l.Subpath, string(t.Path()), l.Subpath, headingHint(g.HeadingNames(t.Note)))
	}
	if t.Note != nil && n.Published && !t.Note.Published {
		diags.Add(pos, site.Error, "unpublished-link", "%s to %q, which is not published (%s); the site shows it as plain text", what, string(t.Note.Path), t.Note.Unpublished)
	}
	if l.RawSpace {
		diags.Add(pos, site.Warning, "raw-space-link", "link destination %q has raw spaces, so Obsidian shows it as text; write %q or %q", l.Raw, encodeSpaces(l.Raw), "<"+l.Raw+">")
	}
	if r.Ambiguous {
		diags.Add(pos, site.Info, "ambiguous-link", "%q matches %d files; Obsidian's tie-break (%s) picks %q", l.Path, len(r.Candidates), r.Step, string(t.Path()))
	}
	if r.CaseOnly {
		diags.Add(pos, site.Info, "case-mismatch", "%q matches %q only when case is ignored", l.Path, string(t.Path()))
	}
}

// noun says what a broken linkpath was meant to find: a note, unless it
// names a file type.
func noun(p string) string {
	if k := site.KindOf(site.VaultPath(p)); k != site.KindNote && k != site.KindOther {
		return "file"
	}
	return "note"
}

// didYouMean names the note nearest to a broken linkpath. Only notes are
// suggested, so a missing picture gets no hint rather than a wrong one.
func (g *Graph) didYouMean(p string) string {
	if noun(p) != "note" {
		return ""
	}
	s := g.Suggest(p, 1)
	if len(s) == 0 {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", string(s[0]))
}

// maxHeadingHint bounds the headings named in a missing-heading hint.
const maxHeadingHint = 8

func headingHint(names []string) string {
	if len(names) == 0 {
		return "; it has no headings"
	}
	quoted := make([]string, 0, maxHeadingHint)
	for i, h := range names {
		if i == maxHeadingHint {
			quoted = append(quoted, fmt.Sprintf("and %d more", len(names)-maxHeadingHint))
			break
		}
		quoted = append(quoted, fmt.Sprintf("%q", h))
	}
	return "; it has " + strings.Join(quoted, ", ")
}

// encodeSpaces writes each space of a destination as %20, the fix the
// raw-space warning names; nothing else changes, so the fix is minimal.
func encodeSpaces(raw string) string {
	u := &url.URL{Path: raw}
	if esc := u.EscapedPath(); !strings.ContainsAny(raw, "%?#") && esc == strings.ReplaceAll(raw, " ", "%20") {
		return esc
	}
	return strings.ReplaceAll(raw, " ", "%20")
}
