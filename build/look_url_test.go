package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// urlVault has a theme with a font beside it, a snippet naming an image
// of the vault, publish.css naming a font, and url()s that must be left
// alone or reported.
const urlVault = `
-- .obsidian/appearance.json --
{"cssTheme": "X", "enabledCssSnippets": ["pics"]}
-- .obsidian/themes/X/theme.css --
@font-face { font-family: "X Sans"; src: url(fonts/XSans.woff2) format("woff2"), url('fonts/XSans.woff2?#iefix'); }
body { background: url("data:image/png;base64,AAAA"); }
.a { background: url(https://example.com/a.png); }
.b { background: url(../../../../etc/passwd); }
.c { background: url(/abs.png); }
.d { background: URL( "missing.png" ); }
/* url(in-comment.png) */
.e { content: "url(in-string.png)"; }
.f { filter: url(#svgfilter); }
-- .obsidian/themes/X/fonts/XSans.woff2 --
XSANS-FONT-BYTES
-- .obsidian/snippets/pics.css --
.banner { background-image: url("../../Attachments/banner%20one.png"); }
-- Attachments/banner one.png --
PNG-BYTES
-- publish.css --
@import url("https://fonts.example.com/p.css");
@font-face { font-family: P; src: url(fonts/p.woff); }
-- fonts/p.woff --
P-FONT-BYTES
-- Home.md --
# Home
`

// TestLookURLs: each relative url() of the theme, a snippet and
// publish.css that names a file of the vault ships that file under the
// look's folder and points there; other sites' URLs, data:, fragments,
// comments and strings are left alone; a path out of the vault, an
// absolute path and a missing file are warnings at their url().
func TestLookURLs(t *testing.T) {
	t.Parallel()
	res, em := buildLook(t, urlVault, Options{})
	_, theme := lookFileData(t, em, "theme.")
	_, snippets := lookFileData(t, em, "snippets.")
	_, publish := lookFileData(t, em, "publish.")
	for _, c := range []struct{ css, prefix, data, suffix string }{
		{theme, "XSans.", "XSANS-FONT-BYTES\n", ".woff2"},
		{snippets, "banner one.", "PNG-BYTES\n", ".png"},
		{publish, "p.", "P-FONT-BYTES\n", ".woff"},
	} {
		out, data := lookFileData(t, em, c.prefix)
		if data != c.data || !strings.HasSuffix(string(out), c.suffix) {
			t.Errorf("%s holds %q, want %q", out, data, c.data)
		}
		name := strings.ReplaceAll(strings.TrimPrefix(string(out), lookDir), " ", "%20")
		if !strings.Contains(c.css, `url("`+name+`")`) {
			t.Errorf("the stylesheet does not point at %s:\n%s", name, c.css)
		}
	}
	for _, keep := range []string{`url("data:image/png;base64,AAAA")`, "url(https://example.com/a.png)", "url(../../../../etc/passwd)",
		"url(/abs.png)", `URL( "missing.png" )`, "/* url(in-comment.png) */", `"url(in-string.png)"`, "url(#svgfilter)"} {
		if !strings.Contains(theme, keep) {
			t.Errorf("theme.css lost %q:\n%s", keep, theme)
		}
	}
	if !regexp.MustCompile(`url\("XSans\.[0-9a-f]{8}\.woff2\?#iefix"\)`).MatchString(theme) {
		t.Errorf("the font's ?#iefix suffix is lost:\n%s", theme)
	}
	if strings.Contains(publish, "fonts.example.com") {
		t.Errorf("publish.css keeps its remote @import:\n%s", publish)
	}
	var got []string
	for _, d := range res.Diags {
		if d.Code == "outside-vault" || d.Code == "missing-look-file" || d.Code == "remote-import" {
			got = append(got, fmt.Sprintf("%s (%s)", d.Pos, d.Code))
		}
	}
	want := []string{
		".obsidian/themes/X/theme.css:4:18 (outside-vault)",
		".obsidian/themes/X/theme.css:5:18 (outside-vault)",
		".obsidian/themes/X/theme.css:6:18 (missing-look-file)",
		"publish.css:1:1 (remote-import)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.ThemeBytes != len(theme)+len("XSANS-FONT-BYTES\n") {
		t.Errorf("the theme's size %d leaves out its font (theme %d)", res.ThemeBytes, len(theme))
	}
}

// TestLookURLSymlink: a url() through a symbolic link is not followed,
// as the vault's loader follows none, and is a warning.
func TestLookURLSymlink(t *testing.T) {
	t.Parallel()
	fsys := vaultArchive(t, `
-- .obsidian/appearance.json --
{"cssTheme": "X"}
-- .obsidian/themes/X/theme.css --
@font-face { src: url(link.woff); }
-- Home.md --
# Home
`)
	fsys[".obsidian/themes/X/link.woff"] = &fstest.MapFile{Data: []byte("../../../Home.md"), Mode: fs.ModeSymlink}
	res, em := buildSite(t, fsys, Options{})
	found := false
	for _, d := range res.Diags {
		found = found || d.Code == "outside-vault" && d.Pos.String() == ".obsidian/themes/X/theme.css:1:19"
	}
	if !found {
		t.Errorf("no outside-vault warning for the link: %v", res.Diags)
	}
	for p := range em.Files {
		if strings.HasPrefix(string(p), lookDir+"link.") {
			t.Errorf("the link's target was shipped as %s", p)
		}
	}
}

// TestLookURLRebuild: in serve, an edit to a file a stylesheet names
// (publish.css's font, outside .obsidian/) ships the new file, as a full
// build would.
func TestLookURLRebuild(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(urlVault)).Files {
		writeFile(t, dir, f.Name, string(f.Data))
	}
	s := NewLive(os.DirFS(dir), Options{})
	if _, err := s.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "fonts/p.woff", "P-FONT-BYTES, a new cut\n")
	if _, err := s.Update(context.Background(), []string{"fonts/p.woff"}); err != nil {
		t.Fatal(err)
	}
	sameAsFull(t, "a font edited", dir, s)
}
