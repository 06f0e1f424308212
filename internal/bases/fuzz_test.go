package bases

import (
	"os"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// FuzzBase reads any text as a base and as an expression, and evaluates
// every view and the expression over the fixture: content must never
// stop the build, whatever it holds. The seeds are the case file's
// expressions.
func FuzzBase(f *testing.F) {
	if data, err := os.ReadFile("testdata/eval.txt"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if give, _, ok := strings.Cut(line, " => "); ok && !strings.HasPrefix(line, "#") {
				f.Add(give)
			}
		}
	}
	f.Add("filters: x\nviews:\n  - type: table\n    order: [file.name]\n    groupBy:\n      property: x\n")
	fx, row, self := newFixture()
	rows := []*File{row, fx.files["dune"]}
	f.Fuzz(func(t *testing.T, src string) {
		var diags site.Diagnostics
		b := Parse("F.base", []byte(src), 0, &diags)
		cx := &Context{Base: b, Env: fx, Now: testNow, This: self}
		for _, v := range b.Views {
			RenderView(Run(cx, v, rows), testLinker{}, "v", nil)
		}
		if e, err := Compile(src); err == nil {
			_, _ = Eval(cx, e, row)
		}
	})
}
