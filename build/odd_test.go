package build

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/unicode/norm"
)

// TestOddVaultBuilds: a vault of everything that goes wrong in real ones
// builds without an error, every problem is a diagnostic with a position,
// and every page is still written.
func TestOddVaultBuilds(t *testing.T) {
	t.Parallel()
	huge := strings.Repeat("word [[Loop A]] #tag $x$ ==mark== %%c%% ", 8000) // about 330 KB in one paragraph
	fsys := fstest.MapFS{
		"Broken yaml.md":           {Data: []byte("---\ntags: [a, b\ntitle: Foo: bar\n---\nbody [[Loop A]]\n")},
		"Unclosed fence.md":        {Data: []byte("---\nx: 1\n")},
		"Loop A.md":                {Data: []byte("![[Loop B]]\n![[Loop A]]\n")},
		"Loop B.md":                {Data: []byte("![[Loop A#H]]\n# H\n![[Loop B]]\n")},
		"a#b.md":                   {Data: []byte("hash in name [[a#b]] [[a]]\n")},
		"100% sure.md":             {Data: []byte("[x](100%25%20sure.md) [y](100% sure.md) [z](%zz)\n")},
		"emoji 🔌 note.md":          {Data: []byte("[[emoji 🔌 note]] #🔌\n")},
		norm.NFD.String("Café.md"): {Data: []byte("[[Café]] nfd\n")},
		"Huge.md":                  {Data: []byte(huge)},
		"CRLF.md":                  {Data: []byte("---\r\ntitle: T\r\n---\r\n# Head\r\ntext ^blk\r\n")},
		"Empty.md":                 {Data: []byte("")},
		"Only dashes.md":           {Data: []byte("---\n---\n---\n")},
		"Deep/er/and/deeper/x.md":  {Data: []byte("[[../../../../../../etc/passwd]] ![[/../../x.png]]\n")},
		"Binary.md":                {Data: []byte("\x00\xff\xfe garbage \x00 [[x")},
		"Callouts.md":              {Data: []byte(">[!]\n>[!bug\n> [!note]- \n>>>>>>>>>>>>>>>>>>>>[!x]\n")},
		"Tables.md":                {Data: []byte("| a |\n| - |\n| [[x\\|y]] | ![[p.png\\|9999999999999]] |\n")},
		"Board.canvas":             {Data: []byte(`{"nodes":[{"id":1,"type":"text","text":"[[Loop A]]","x":"a","y":1e308,"width":-5,"height":null}],"edges":[{"id":"e","fromNode":"nope","toNode":"1"}]}`)},
		"Broken.canvas":            {Data: []byte(`{"nodes": [`)},
		".obsidian/app.json":       {Data: []byte(`{"strictLineBreaks": "yes"}`)},
		"p.png":                    {Data: []byte("\x89PNG")},
	}
	em := NewMemEmitter()
	res, err := Build(context.Background(), fsys, Options{}, em)
	if err != nil {
		t.Fatalf("an odd vault must build: %v", err)
	}
	if res.Pages < 15 {
		t.Errorf("only %d pages", res.Pages)
	}
	for _, d := range res.Diags {
		if d.Pos.Path == "" && d.Code != "no-base-url" {
			t.Errorf("diagnostic without a file: %v", d)
		}
	}
	for _, code := range []string{"invalid-frontmatter", "embed-cycle", "invalid-canvas", "invalid-config"} {
		found := false
		for _, d := range res.Diags {
			found = found || d.Code == code
		}
		if !found {
			t.Errorf("no %s diagnostic", code)
		}
	}
	for p, data := range em.Files {
		// The link's own text may show in data-href; no URL may leave the site.
		if bytes.Contains(data, []byte("%%c%%")) || bytes.Contains(data, []byte(` href="../../../../../../etc`)) {
			t.Errorf("%s leaks a comment or an escaping URL", p)
		}
	}
}
