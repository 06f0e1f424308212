// Package sanitize filters author HTML and SVG down to what cannot run
// script in the site's origin. It is an allowlist, modelled on DOMPurify's
// defaults (the sanitizer Obsidian uses): elements and attributes it does
// not list go, and every attribute value that is not known to be inert is
// read as a URL, each item of a list on its own, and kept only when its
// scheme is a safe one.
//
// Contract: HTML filters one piece of raw HTML token by token, so each
// piece is safe in whatever state the browser reached before it; the same
// input gives the same bytes. SVG re-serialises a whole SVG file through
// the same allowlist, or refuses a file that is not well-formed XML.
// Neither ever panics on any input (FuzzSanitize).
package sanitize
