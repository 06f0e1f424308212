// Package links resolves links between notes the way Obsidian does and builds the backlink graph.
package links
