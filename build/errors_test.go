package build

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/vaultsite/vaultsite/render"
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
	fsys := vaultArchive(t, `
-- Home.md --
# Home

![[pic.png]]
-- Projects/Alpha.md --
Alpha.
-- pic.png --
PNG image
`)
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

// TestEmbedRenderFailureReported makes every embed fail to render: the
// page still shows the embed as a link, and the build reports it at the
// embedding link, with the renderer's error.
func TestEmbedRenderFailureReported(t *testing.T) {
	t.Parallel()
	fsys := vaultArchive(t, `
-- Home.md --
# Home

Intro.

![[Other]]
-- Other.md --
Embedded text.
`)
	opts := Options{renderNodes: func(io.Writer, *render.Doc, []ast.Node) error { return errDiskFull }}
	res, em := buildSite(t, fsys, opts)
	page := string(em.Files["index.html"])
	// The home's folder listing shows Other's first sentence; the embed
	// would show it as a paragraph of its own.
	if strings.Contains(page, "<p>Embedded text.</p>") || !strings.Contains(page, `href="other/"`) {
		t.Errorf("the failed embed is not shown as a link:\n%s", page)
	}
	want := `Home.md:5:1: warning: embed of "Other" could not be rendered: embed Other.md: disk full; shown as a link (embed-failed)`
	var got []string
	for _, d := range res.Diags {
		if got = append(got, d.String()); d.String() == want {
			return
		}
	}
	t.Errorf("diagnostics %q lack %q", got, want)
}
