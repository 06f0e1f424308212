package build

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestHeaders builds a small site with and without Options.Headers: the
// file exists only when asked, names every file of the site whose name
// carries a content hash once, and no other.
func TestHeaders(t *testing.T) {
	t.Parallel()
	vault := fstest.MapFS{
		"a.md":        {Data: []byte("# A\n\n$x$ and `code`\n")},
		"favicon.png": {Data: []byte("\x89PNG\r\n\x1a\n")},
	}
	_, em := buildSite(t, vault, Options{})
	if _, ok := em.Files[headersPath]; ok {
		t.Fatal("_headers written without Options.Headers")
	}
	_, em = buildSite(t, vault, Options{Headers: true})
	rules := map[string]bool{}
	for _, line := range strings.Split(string(em.Files[headersPath]), "\n") {
		if strings.HasPrefix(line, "/") {
			if rules[line] {
				t.Errorf("rule %s twice", line)
			}
			rules[line] = true
		}
	}
	for _, p := range em.Paths() {
		name := "/" + string(p)
		covered := rules[name]
		for _, d := range hashedDirs {
			covered = covered || strings.HasPrefix(name, "/"+d) && rules["/"+d+"*"]
		}
		hashed := strings.HasPrefix(name, "/_site/") && (hashedName.MatchString(name) || strings.HasPrefix(name, "/_site/thirdparty/"))
		if covered != hashed {
			t.Errorf("%s: covered %v, hashed %v", p, covered, hashed)
		}
	}
	for _, want := range []string{"/_site/style.", "/_site/icon."} {
		found := false
		for r := range rules {
			found = found || strings.HasPrefix(r, want)
		}
		if !found {
			t.Errorf("no rule for %s*", want)
		}
	}
}
