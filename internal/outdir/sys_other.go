//go:build !unix

package outdir

import "os"

// linkCount is 1 where the system does not say: such a file is
// rewritten in place.
func linkCount(os.FileInfo) uint64 { return 1 }

// sameDevice is true where the system does not say; a rename across
// file systems then fails with its own error.
func sameDevice(a, b os.FileInfo) bool { return true }

// lockDir locks nothing here: concurrent builds into one output are not
// detected, and one may clear the other's folder away.
func lockDir(dir string) (*os.File, error) { return os.Open(dir) }

func lockedByOther(string) bool { return false }
