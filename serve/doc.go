// Package serve is the live preview: it serves a build.Live, its pages
// from memory and its attachments from the vault, to requests addressed
// to a name it knows (host.go), watches the vault with a debounced
// recursive watcher that follows the vault folder when it is deleted and
// created again, rebuilds on every save and tells open pages over
// server-sent events which pages changed, so a tab reloads only when its
// own page did and shows the diagnostics of its note in an overlay until
// they are fixed.
package serve
