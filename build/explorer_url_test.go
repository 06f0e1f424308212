package build

import "testing"

// TestDerivedURL: the URL explorer.js derives from a name, for the
// names where the build leaves it out.
func TestDerivedURL(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		give string
		want string
		ok   bool
	}{
		{"Schema Owner Design", "schema-owner-design/", true},
		{"C++ notes", "c-notes/", true},
		{" .a -- b. ", "a-b/", true},
		{"v1.2_beta", "v1.2_beta/", true},
		{"Thé", "", false},
		{"+++", "", false},
	} {
		got, ok := derivedURL(c.give)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("derivedURL(%q) = %q, %v; want %q, %v", c.give, got, ok, c.want, c.ok)
		}
	}
}
