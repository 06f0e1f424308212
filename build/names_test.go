package build

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/internal/outdir"
)

// TestNamesTheFileSystemRefuses builds, to disk, a vault whose names a
// file system cannot take as they are: a 300-character tag, alias and
// file name, and notes, a folder and a permalink named index.html, plus
// attachments at the site's own files or where a page's folder goes. The build succeeds, reports each
// (as check does, from Analyze), and every link points to a written file.
// Its HTML attachments are published by consent (HTMLAttachments), so
// they are placed like any other.
func TestNamesTheFileSystemRefuses(t *testing.T) {
	t.Parallel()
	opts := Options{HTMLAttachments: true}
	long := strings.Repeat("a", 300)
	vault := fstest.MapFS{
		"n.md":              {Data: []byte("---\naliases: [" + long + "]\ntags: [" + long + "]\n---\nbody #b" + long + " [[index.html]] [[p]]\n")},
		"index.html.md":     {Data: []byte("x\n")},
		"Index.html/x.md":   {Data: []byte("![[404.html]] [[robots.txt]] ![[a.png]]\n")},
		"Index.html/a.png":  {Data: []byte("png")},
		"p.md":              {Data: []byte("---\npermalink: index.html\n---\n")},
		"Sub/index.html.md": {Data: []byte("[[Sub/index.html]]\n")},
		"Sub/index.html":    {Data: []byte("<p>html</p>")},
		"404.html":          {Data: []byte("mine")},
		"robots.txt":        {Data: []byte("mine")},
		"x.png":             {Data: []byte("png")}, // where the page of x.png.md has its folder
		"c" + strings.Repeat("d", 245) + ".canvas": {Data: []byte(`{"nodes":[],"edges":[]}`)},
		"x.png.md":                             {Data: []byte("![[x.png]]\n")},
		"é" + strings.Repeat("b", 250) + ".md": {Data: []byte("long file name\n")},
	}
	out := filepath.Join(t.TempDir(), "out")
	var res *Result
	err := outdir.Write(out, outdir.Options{}, func(em *outdir.Dir) error {
		var err error
		res, err = Build(context.Background(), vault, opts, em)
		return err
	})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	var got []string
	for _, d := range res.Diags {
		if d.Code != "no-base-url" {
			got = append(got, string(d.Pos.Path)+": "+d.Code)
		}
	}
	sort.Strings(got)
	want := []string{
		"404.html: slug-collision", "Index.html/a.png: slug-collision", "Index.html/x.md: slug-collision",
		"Sub/index.html.md: slug-collision", "Sub/index.html: slug-collision",
		"c" + strings.Repeat("d", 245) + ".canvas: long-name",
		"index.html.md: slug-collision", "index.html.md: slug-collision", // and taken by p.md's permalink
		"n.md: long-name", "n.md: long-name", "n.md: long-name", "p.md: slug-collision",
		"robots.txt: slug-collision", "x.png: slug-collision", "é" + strings.Repeat("b", 250) + ".md: long-name",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	for _, f := range []string{"404.html", "robots.txt", "_site/files/404.html", "_site/files/robots.txt", "_site/files/Index.html/a.png", "index.html_/index.html", "index.html_-2/index.html", "_site/files/x.png", "x.png/index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	mine, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
	if string(mine) == "mine" {
		t.Error("the vault's robots.txt replaced the site's")
	}
	em := NewMemEmitter()
	if _, err := Build(context.Background(), vault, opts, em); err != nil {
		t.Fatal(err)
	}
	checkLinks(t, em)
}
