//go:build unix

package outdir

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// linkCount is how many names the file has; a file the user linked
// elsewhere (a "cp -al" snapshot) has more than one.
func linkCount(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// sameDevice reports whether two files are on one file system; a folder
// on another one than its parent is a mount point, which no rename can
// replace.
func sameDevice(a, b os.FileInfo) bool {
	sa, oka := a.Sys().(*syscall.Stat_t)
	sb, okb := b.Sys().(*syscall.Stat_t)
	return !oka || !okb || sa.Dev == sb.Dev
}

// lockDir takes an exclusive lock on the folder dir for as long as the
// returned file stays open. It fails with errLocked when another process
// holds it. A file system without locks gives an unlocked file: the lock
// only keeps one build from clearing another's folder away.
func lockDir(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		f.Close()
		return nil, errLocked
	}
	return f, nil
}

// lockedByOther reports whether another process holds the lock of dir.
func lockedByOther(dir string) bool {
	f, err := lockDir(dir)
	if err != nil {
		return errors.Is(err, errLocked)
	}
	f.Close()
	return false
}
