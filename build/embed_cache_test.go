package build

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"

	"github.com/vaultsite/vaultsite/render"
)

// embedsVault is 40 notes with a section each, every one embedded whole
// or by its section by several of 20 pages, and each note's section
// embedding the next note's: 80 sections, most shown on many pages.
func embedsVault() fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i < 40; i++ {
		src := fmt.Sprintf("Note %d says %s\n\n## Part\n\nPart %d, which shows [[s%d]] and ![[s%d#Part]]\n",
			i, strings.Repeat("words ", 40), i, (i+1)%40, (i+1)%40)
		fsys[fmt.Sprintf("s%d.md", i)] = &fstest.MapFile{Data: []byte(src)}
	}
	for p := 0; p < 20; p++ {
		var b strings.Builder
		for k := 0; k < 6; k++ {
			fmt.Fprintf(&b, "![[s%d]]\n\n![[s%d#Part]]\n\n", (p*7+k*3)%40, (p*5+k)%40)
		}
		fsys[fmt.Sprintf("p%d.md", p)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// buildCounted builds fsys with an embed cache of limit bytes and
// returns the files, how many sections were rendered, and what the
// cache held at the end.
func buildCounted(t *testing.T, fsys fstest.MapFS, limit int64) (map[string]string, int64, int, int64) {
	t.Helper()
	var renders atomic.Int64
	opts := Options{embedCache: limit, renderNodes: func(w io.Writer, d *render.Doc, nodes []ast.Node) error {
		renders.Add(1)
		return render.New(render.Config{}).RenderNodes(w, d, nodes)
	}}
	ctx := context.Background()
	a, err := analyze(ctx, fsys, opts, true)
	if err != nil {
		t.Fatal(err)
	}
	em := NewMemEmitter()
	b, _, err := buildFrom(ctx, a, opts, em, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for p, data := range em.Files {
		files[string(p)] = string(data)
	}
	n, held := b.templates.held()
	return files, renders.Load(), n, held
}

// TestEmbedCacheBounded builds the same vault with room for every
// embedded section and with room for about two: the site is the same
// bytes; with room, each section is rendered once however many pages
// show it; without, the cache never holds more than its bound.
func TestEmbedCacheBounded(t *testing.T) {
	t.Parallel()
	fsys := embedsVault()
	roomy, once, n, _ := buildCounted(t, fsys, 0)
	if once != 80 || n != 80 {
		t.Errorf("with room: %d sections rendered, %d kept; want each of the 80 rendered and kept once", once, n)
	}
	const small = 2500 // a section here is about 1 KB
	tight, again, n, held := buildCounted(t, fsys, small)
	if held > small || n > 3 {
		t.Errorf("a cache of %d bytes holds %d sections, %d bytes", small, n, held)
	}
	if again <= once {
		t.Errorf("a small cache rendered %d sections, no more than a large one (%d): it was not bounded", again, once)
	}
	if diff := cmp.Diff(roomy, tight); diff != "" {
		t.Errorf("the site depends on the embed cache's size (-roomy +tight):\n%s", diff)
	}
}
