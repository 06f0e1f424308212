package build

import (
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// TestStackedPagesSetting: site-options.json's slidingWindowMode turns
// stacked pages on, the site's own stackedPages wins over it either
// way, and a site without either loads nothing of them.
func TestStackedPagesSetting(t *testing.T) {
	t.Parallel()
	const vault = "-- Note.md --\n[[Other]]\n-- Other.md --\no\n"
	const publish = "-- site-options.json --\n{\"slidingWindowMode\": true}\n"
	on, off := true, false
	for _, tt := range []struct {
		name  string
		vault string
		opt   *bool
		want  bool
	}{
		{"default", vault, nil, false},
		{"slidingWindowMode", publish + vault, nil, true},
		{"stackedPages", vault, &on, true},
		{"stackedPages wins", publish + vault, &off, false},
	} {
		_, em := buildLook(t, tt.vault, Options{Look: LookOptions{StackedPages: tt.opt}})
		var want []string
		for _, s := range []string{` data-stacked-pages>`, `_site/stack.`, `/stack.`} {
			if !tt.want {
				s = "! " + s
			}
			want = append(want, s)
		}
		t.Run(tt.name, func(t *testing.T) { assertFile(t, em, site.OutPath("note/index.html"), want...) })
	}
}
