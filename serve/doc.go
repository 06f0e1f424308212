// Package serve is the live preview: it serves a build.Site from memory,
// watches the vault with a debounced recursive watcher, rebuilds on every
// save and tells open pages over server-sent events which pages changed,
// so a tab reloads only when its own page did and shows the diagnostics
// of its note in an overlay until they are fixed.
package serve
