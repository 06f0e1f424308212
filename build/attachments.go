package build

import (
	"slices"

	"github.com/vaultsite/vaultsite/internal/sanitize"
	"github.com/vaultsite/vaultsite/site"
)

// Attachments that would run script with the site's origin, were a
// reader to open them from the site, are never copied as they are:
//
//   - an SVG file is re-written through the raw-HTML allowlist
//     (sanitize.SVG). An <img> never runs an SVG's scripts, but a link
//     to the file opens it as a document;
//   - HTML and the other documents of site.IsHTMLDocument are copied
//     only when vaultsite.yaml says html.publishAttachments: true. Else
//     links to them render as text, and every link from a published
//     note is an html-attachment finding, in build and check alike.

// publishedBytes returns what the site publishes for the attachment at
// p, whose content is data: data itself, or for an SVG file its
// sanitised form. An SVG file that is not well-formed XML is not
// published (ok false) and is reported as invalid-svg.
func (b *builder) publishedBytes(p site.VaultPath, data []byte) (out []byte, ok bool) {
	out, err := publishable(p, data)
	if err != nil {
		b.use.withhold(p, RuleInvalidSVG, "not well-formed SVG: "+err.Error())
		b.use.mu.Lock()
		b.use.diags.Add(site.Pos{Path: p}, site.Warning, "invalid-svg", "SVG file not published: %v; a browser could not show it either", err)
		b.use.mu.Unlock()
		return nil, false
	}
	return out, true
}

// emitSVG publishes the SVG attachment a sanitised, from its bytes: it is
// never copied as a stream. A file that cannot be read is a *sourceError,
// as copyAsset's are; one that is not well-formed is left out.
func (b *builder) emitSVG(a *site.Asset) error {
	data, err := b.v.ReadFile(a.Path)
	if err != nil {
		return &sourceError{err}
	}
	data, ok := b.publishedBytes(a.Path, data)
	if !ok {
		return nil
	}
	return b.emit(b.v.AssetOut(a.Path), data)
}

// publishable returns what the site publishes for the attachment at p,
// whose content is data: data itself, or for an SVG file its sanitised
// form, or an error for an SVG file that is not well-formed.
func publishable(p site.VaultPath, data []byte) ([]byte, error) {
	if p.Ext() != "svg" {
		return data, nil
	}
	return sanitize.SVG(data)
}

// heldHTML is the plan's reason for an HTML document not published.
const heldHTML = "an HTML document, whose scripts would run with the site's origin (html.publishAttachments is off)"

// withheld reports whether the attachment at p is an HTML document that
// the settings do not publish.
func (b *builder) withheld(p site.VaultPath) bool {
	return !b.opts.HTMLAttachments && site.IsHTMLDocument(p)
}

// htmlAttachmentFindings reports each link from a published note to an
// HTML document the settings do not publish. It runs on every rebuild of
// the preview, so it resolves only links whose path ends in such an
// extension (Obsidian needs the extension to link to a file that is not
// a note), and nothing at all in a vault without HTML documents.
func (a *Analysis) htmlAttachmentFindings(publish bool) site.Diagnostics {
	var diags site.Diagnostics
	if publish || !slices.ContainsFunc(a.Vault.Assets, func(as *site.Asset) bool { return site.IsHTMLDocument(as.Path) }) {
		return nil
	}
	for _, n := range a.Vault.Notes {
		if !n.Published {
			continue
		}
		for _, l := range n.Links {
			if !site.IsHTMLDocument(site.VaultPath(l.Path)) {
				continue
			}
			t := a.Graph.Link(n, l).Target
			if t.Asset == nil || !site.IsHTMLDocument(t.Asset.Path) {
				continue
			}
			diags.Add(n.Pos(l.Offset), site.Warning, "html-attachment",
				"%q is not published: opened from the site, its scripts would run with the site's origin; the link shows as text (set html.publishAttachments: true in vaultsite.yaml to publish it)",
				string(t.Asset.Path))
		}
	}
	return diags
}
