// Package version tells which vaultsite this binary is: the module version
// and VCS revision the Go toolchain stamped into it, the Go version, and
// the versions of the two libraries that decide what a page looks like
// (goldmark parses it, chroma highlights it). The same string goes into
// the pages' generator tag and the command's --version output.
package version
