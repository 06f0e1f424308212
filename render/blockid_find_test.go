package render

import (
	"slices"
	"testing"
)

// TestFindBlockIDMatchesRegexp: starting at the last "^" finds exactly
// what the expression finds over the whole text.
func TestFindBlockIDMatchesRegexp(t *testing.T) {
	t.Parallel()
	parts := []string{"", " ", "\t", "^", "^id", "a", "^^x", "-", "é", "\n", "^a b", "x^y", "  "}
	var texts []string
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				texts = append(texts, a+b+c, "text "+a+b+c)
			}
		}
	}
	for _, s := range texts {
		got, want := findBlockID([]byte(s)), blockIDRE.FindSubmatchIndex([]byte(s))
		if !slices.Equal(got, want) {
			t.Errorf("findBlockID(%q) = %v, want %v", s, got, want)
		}
	}
}
