package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// cancellingFS cancels its context when the at-th file is opened, and
// counts the files opened after that.
type cancellingFS struct {
	fs.FS
	at     int64
	cancel context.CancelFunc
	opened atomic.Int64
}

func (c *cancellingFS) Open(name string) (fs.File, error) {
	if n := c.opened.Add(1); n == c.at {
		c.cancel()
	}
	return c.FS.Open(name)
}

// TestLoadCancelled cancels the load of 2,000 notes while it reads them:
// Load returns context.Canceled, having opened at most one more file per
// reader after the cancel.
func TestLoadCancelled(t *testing.T) {
	t.Parallel()
	files := fstest.MapFS{}
	for i := range 2000 {
		files[fmt.Sprintf("n%d.md", i)] = &fstest.MapFile{Data: []byte("---\ntags: [a]\n---\nText.\n")}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fsys := &cancellingFS{FS: files, at: 10, cancel: cancel}
	v, _, err := Load(ctx, fsys, LoadOptions{})
	if !errors.Is(err, context.Canceled) || v != nil {
		t.Fatalf("Load = %v, %v; want no vault and context.Canceled", v, err)
	}
	if after := fsys.opened.Load() - fsys.at; after > int64(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d files opened after the cancel", after)
	}
}
