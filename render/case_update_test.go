package render

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark/testutil"
)

// update rewrites the expected HTML of the case files from the current
// output: go test ./render -run TestX -update. Review the diff before
// committing: a case file is a specification, not a snapshot.
var update = flag.Bool("update", false, "rewrite the expected HTML in render/testdata/*.txt")

const (
	caseSep = "//- - - - - - - - -//"
	caseEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

// doCaseFile runs a case file with goldmark's testutil, or rewrites it
// under -update.
func doCaseFile(t *testing.T, m caseMarkdown, file string) {
	t.Helper()
	if !*update {
		testutil.DoTestCaseFile(m, file, t, testutil.ParseCliCaseArg()...)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, c := range strings.Split(string(data), caseEnd+"\n") {
		if strings.TrimSpace(c) == "" {
			continue
		}
		parts := strings.SplitN(c, caseSep+"\n", 3)
		if len(parts) < 3 {
			t.Fatalf("%s: malformed case %q", file, c)
		}
		src := parts[1]
		var html bytes.Buffer
		if err := m.Convert([]byte(src), &html); err != nil {
			t.Fatal(err)
		}
		out.WriteString(parts[0] + caseSep + "\n" + parts[1] + caseSep + "\n" + html.String())
		if !strings.HasSuffix(html.String(), "\n") {
			out.WriteString("\n")
		}
		out.WriteString(caseEnd + "\n")
	}
	if err := os.WriteFile(file, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
