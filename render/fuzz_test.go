package render

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/internal/sanitize/sanitizetest"
)

// FuzzRender runs the whole pipeline (Parse, Bind, Render) on any note:
// it must not panic, must render the same bytes twice, and must leave
// nothing that runs script in its output, parsed as a browser would
// (sanitizetest.Unsafe). The seeds are the Markdown of each case of the
// case files: small inputs, which the fuzzer mutates quickly, where
// whole case files with their expected HTML kept it to a few inputs a
// second. `go test ./render -run '^$' -fuzz FuzzRender` explores from
// them.
func FuzzRender(f *testing.F) {
	for _, src := range caseInputs(f) {
		f.Add(src)
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
		if utf8.ValidString(src) && scriptTag.Match(one.Bytes()) {
			t.Fatalf("a <script> got through:\n%s", one.Bytes())
		}
		if why := sanitizetest.Unsafe(one.Bytes()); why != "" {
			t.Fatalf("%s got through:\n%s", why, one.Bytes())
		}
	})
}

// scriptTag matches a script element's start tag: "<script" then what
// ends a tag name (HTML §13.2.5.8), so "<script0>", another element,
// does not count.
var scriptTag = regexp.MustCompile(`(?i)<script[\t\n\f\r />]`)

// caseInputs returns the Markdown of every case in testdata/*.txt: the
// text between a case's two "//- - -" separators.
func caseInputs(f *testing.F) []string {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		f.Fatalf("no case files: %v", err)
	}
	var out []string
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, c := range strings.Split(string(data), "//= = = = = = = = = = = = = = = = = = = = = = = =//") {
			parts := strings.Split(c, "//- - - - - - - - -//\n")
			if len(parts) >= 3 {
				out = append(out, parts[1])
			}
		}
	}
	return out
}
