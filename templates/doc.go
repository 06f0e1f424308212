// Package templates turns typed page data into HTML pages and ships the
// site's own stylesheet and script.
//
// Layouts are html/template files under layouts/, assets live under
// assets/, and both are embedded with go:embed. Render executes the
// layout of a page's kind; Static returns the stylesheet, script and icon
// under "_site/" with content-hashed names, and StaticPath maps an asset's
// plain name to its hashed one. Every URL a page carries is relative
// (PageData.Root and the RelURLs the build computes), so the site works
// under any base path and from file://; the 404 page is the one exception
// (see PageNotFound).
//
// The stylesheet styles the DOM conventions of Obsidian that the render
// package emits (SPEC §11): internal and external links, tags, callouts,
// embeds, task lists, footnotes, math and Mermaid containers, and
// chroma's class-mode syntax highlighting in a light and a dark variant.
// Headings with an id get a hover "#" link, a.heading-anchor, added by the
// script; render may emit the same element itself and the script then
// leaves the heading alone. The page chrome's ids all start with "vs."
// ("vs.main", the skip link's target, "vs.explorer", "vs.aside",
// "vs.preview"): a GitHub-style heading slug never contains a dot, so
// they cannot collide with a heading of the note.
//
// The layout (layout.css) is one grid for every kind of page, the text
// between two sidebars: the explorer, a folder tree that explorer.js
// builds from the site's one explorer file (PageData.Explorer), and the
// aside with the local graph's slot, the table of contents and the
// backlinks. Where the aside has no column it follows the note, and the
// table of contents shows as a closed "On this page" above the text;
// where the explorer has no column it becomes a drawer behind a header
// button (sidebars.js).
// preview.js shows hover previews of internal links; navigate.js swaps
// the next page's text in on a click instead of loading it (swap.js),
// and stack.js, on sites that turn stacked pages on, opens it in a pane
// beside the last. mathrender.js typesets math wherever text lands.
//
// The browser libraries KaTeX and Mermaid are vendored under
// assets/thirdparty by "go generate ./templates" (DEPS §5) and embedded.
// A page loads them only when PageData.HasMath or HasMermaid is set, and
// ThirdParty (or Libraries, fed every rendered page) returns their files
// for the build to emit under "_site/thirdparty/<name>-<version>/".
//
// JavaScript is optional: every page is complete without it. The script
// adds the theme toggle, heading anchors, copy buttons on code blocks, the
// explorer, its drawer and the previews.
// The theme is light or dark by prefers-color-scheme, overridden by a
// data-theme attribute on <html> that a one-line inline snippet restores
// from localStorage before the first paint.
package templates
