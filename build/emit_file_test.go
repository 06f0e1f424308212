package build

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/internal/outdir"
)

// denyFS refuses to read the files in noOpen (Open and ReadFile) and
// those in noWhole through ReadFile only, so a test proves that a file
// is never read, or never read whole.
type denyFS struct {
	fstest.MapFS
	noOpen, noWhole map[string]bool
}

func (f denyFS) Open(name string) (fs.File, error) {
	if f.noOpen[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f denyFS) ReadFile(name string) ([]byte, error) {
	if f.noOpen[name] || f.noWhole[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadFile(name)
}

func assetVault(img []byte) fstest.MapFS {
	return fstest.MapFS{
		"a.md":          {Data: []byte("![[big.png]] [[doc.pdf]]\n")},
		"big.png":       {Data: img},
		"doc.pdf":       {Data: []byte("%PDF")},
		"sub/other.png": {Data: []byte("unused")},
	}
}

// TestDryRunOpensNoAttachment proves that a dry run lists the
// attachments it would copy without opening one.
func TestDryRunOpensNoAttachment(t *testing.T) {
	t.Parallel()
	deny := map[string]bool{"big.png": true, "doc.pdf": true, "sub/other.png": true}
	p, err := MakePlan(context.Background(), denyFS{MapFS: assetVault([]byte("png")), noOpen: deny}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(p.Attachments); got != 2 {
		t.Errorf("plan lists %d attachments, want 2", got)
	}
	for _, d := range p.Diags {
		if d.Code == "unreadable" {
			t.Errorf("dry run read an attachment: %v", d)
		}
	}
}

// TestAttachmentsStreamed builds to disk from a vault that refuses to
// read attachments whole: they are copied a piece at a time, an
// unchanged one is left alone on the next build, and a changed one of
// the same size (differing only in its last piece) is copied again.
func TestAttachmentsStreamed(t *testing.T) {
	t.Parallel()
	img := bytes.Repeat([]byte("0123456789abcdef"), 50000) // several pieces of the copy and a part
	out := filepath.Join(t.TempDir(), "out")
	build := func(img []byte) {
		t.Helper()
		vault := denyFS{MapFS: assetVault(img), noWhole: map[string]bool{"big.png": true, "doc.pdf": true}}
		err := outdir.Write(out, outdir.Options{}, func(em *outdir.Dir) error {
			res, err := Build(context.Background(), vault, Options{}, em)
			if err == nil && res.Assets != 2 {
				t.Errorf("copied %d attachments, want 2", res.Assets)
			}
			for _, d := range res.Diags {
				if d.Code == "unreadable" {
					t.Errorf("%v", d)
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(out, "big.png"))
		if err != nil || !bytes.Equal(got, img) {
			t.Errorf("big.png: %d bytes, want the %d of the vault (err %v)", len(got), len(img), err)
		}
	}
	build(img)
	first, _ := os.Stat(filepath.Join(out, "big.png"))
	build(img) // the first output waits as the previous one
	build(img) // and is written into again
	again, _ := os.Stat(filepath.Join(out, "big.png"))
	if !os.SameFile(first, again) || !again.ModTime().Equal(first.ModTime()) {
		t.Error("an unchanged attachment was written again")
	}
	changed := bytes.Clone(img)
	changed[len(changed)-1] = 'X'
	build(changed)
	build(changed) // into the output of the third build, which holds img
	if _, err := os.Stat(filepath.Join(out, "sub", "other.png")); err == nil || !strings.Contains(err.Error(), "no such") {
		t.Errorf("an unused attachment was copied: %v", err)
	}
}
