package build

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/site"
)

// failingEmitter fails to write one file.
type failingEmitter struct{ fail site.OutPath }

var errDiskFull = errors.New("disk full")

func (e failingEmitter) Emit(p site.OutPath, _ []byte) error {
	if p == e.fail {
		return errDiskFull
	}
	return nil
}

// TestErrorsNameThePage fails the write of a note's page, of a folder
// listing and of an attachment: the build's error must name the note or
// the file, and wrap the emitter's.
func TestErrorsNameThePage(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"Home.md":           {Data: []byte("# Home\n\n![[pic.png]]\n")},
		"Projects/Alpha.md": {Data: []byte("Alpha.\n")},
		"pic.png":           {Data: []byte("\x89PNG")},
	}
	for _, tt := range []struct {
		fail site.OutPath
		want string
	}{
		{"projects/alpha/index.html", "Projects/Alpha.md"},
		{"projects/index.html", "projects/index.html"},
		{"pic.png", "pic.png"},
	} {
		_, err := Build(context.Background(), fsys, Options{}, failingEmitter{tt.fail})
		if !errors.Is(err, errDiskFull) || !strings.Contains(fmtErr(err), tt.want) {
			t.Errorf("failing %s: error %v, want one naming %s", tt.fail, err, tt.want)
		}
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
