package render

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/internal/sanitize/sanitizetest"
)

// FuzzRender runs the whole pipeline (Parse, Bind, Render) on any note:
// it must not panic, must render the same bytes twice, and must leave
// nothing that runs script in its output, parsed as a browser would
// (sanitizetest.Unsafe). The seeds are the case
// files; `go test ./render -fuzz FuzzRender` explores from them.
func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("```go\nfunc f() {}\n```\n> [!note]- T\n> %%c%% ==h== [[N#^b|a]] ![[img.png|9]] $x$ #t/u ^id\n")
	m := newCaseMarkdown(Config{})
	f.Fuzz(func(t *testing.T, src string) {
		var one, two bytes.Buffer
		if err := m.Convert([]byte(src), &one); err != nil {
			t.Fatal(err)
		}
		if err := m.Convert([]byte(src), &two); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(one.Bytes(), two.Bytes()) {
			t.Fatal("two renders differ")
		}
		if utf8.ValidString(src) && bytes.Contains(bytes.ToLower(one.Bytes()), []byte("<script")) {
			t.Fatalf("a <script> got through:\n%s", one.Bytes())
		}
		if why := sanitizetest.Unsafe(one.Bytes()); why != "" {
			t.Fatalf("%s got through:\n%s", why, one.Bytes())
		}
	})
}
