// Package build turns a vault into a site: load, parse, resolve, render
// and emit, in that order, writing through an Emitter so the same build
// feeds a directory (vaultsite build) or memory (vaultsite serve, tests).
package build
