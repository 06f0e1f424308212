//go:build !linux

package outdir

// exchange is not available here: swaps take two renames.
func exchange(a, b string) error { return errNoExchange }
