package outdir

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders at a and b in one step, so that whoever
// reads b sees either the old folder or the new one, never neither. It
// returns errNoExchange where the file system cannot (RENAME_EXCHANGE
// came with Linux 3.15 and not every file system has it).
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOTSUP) {
		return errNoExchange
	}
	return err
}
