//go:build !unix

package serve

import "errors"

func mkfifo(string) error { return errors.New("FIFOs are a Unix thing") }
