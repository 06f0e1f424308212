package site

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// maxSlugBytes bounds one component of a slug, which becomes a folder
// name on disk. File systems allow 255 bytes per name; 240 leaves room
// for what may still be appended: a collision suffix ("-2") or the "_"
// of a reserved name.
const maxSlugBytes = 240

// pageFile is the file each page folder holds, so no component of a slug
// may take its name: "Foo/index.html.md" would need "foo/index.html" as
// a folder where the folder page of Foo is that file.
const pageFile = "index.html"

// fitSlug makes a component's slug writable: one longer than
// maxSlugBytes is cut at a character boundary and ends in 8 hex digits
// of the SHA-256 of the whole slug, so the same name always gives the
// same URL and two long names that share their start still differ; one
// named "index.html" gets a trailing "_". fix says which happened
// (fixNone, fixLong or fixPageFile).
func fitSlug(s string) (string, int) {
	switch {
	case len(s) > maxSlugBytes:
		sum := sha256.Sum256([]byte(s))
		tail := "-" + hex.EncodeToString(sum[:4])
		cut := maxSlugBytes - len(tail)
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return strings.TrimRight(s[:cut], "-.") + tail, fixLong
	case s == pageFile:
		return s + "_", fixPageFile
	}
	return s, fixNone
}

// What fitSlug did to a component.
const (
	fixNone = iota
	fixLong
	fixPageFile
)

// SlugFix is a component of a written name whose slug fitSlug changed.
type SlugFix struct {
	Name string // the component as written
	Slug string // the slug it got
	Long bool   // shortened; else renamed away from "index.html"
}

// SlugFixes returns the components of a slash-separated name (a note's
// path without ".md", a folder, a tag, a permalink or an alias) whose
// slug had to be shortened or renamed, in order; nil for most names.
func SlugFixes(name string) []SlugFix {
	// Most names are short and say nothing of "html": lower-casing grows
	// a character by half at most (Ⱥ, 2 bytes, gives ⱥ, 3), so none of
	// their components can need a fix. The preview asks on every save.
	if len(name) <= maxSlugBytes*2/3 && !strings.Contains(strings.ToLower(name), "html") {
		return nil
	}
	var out []SlugFix
	for _, c := range strings.Split(name, "/") {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if s, fix := fitSlug(slugWord(c)); fix != fixNone {
			out = append(out, SlugFix{Name: c, Slug: s, Long: fix == fixLong})
		}
	}
	return out
}

// Report adds the diagnostic for f at pos: long-name for a shortened
// component, slug-collision for one that would have been a page's
// "index.html". what names the kind of name ("tag", "alias").
func (f SlugFix) Report(diags *Diagnostics, pos Pos, what string) {
	if f.Long {
		diags.Add(pos, Warning, "long-name", "%s %q is too long for a file name; its URL is shortened to %q",
			what, abbreviate(f.Name), abbreviate(f.Slug))
		return
	}
	diags.Add(pos, Warning, "slug-collision", "%s %q would take the file %q of a page; its URL uses %q",
		what, f.Name, pageFile, f.Slug)
}

// abbreviate keeps a long name readable in a message: its first and
// last 16 characters around an ellipsis, so a shortened slug still
// shows its hash.
func abbreviate(s string) string {
	const keep = 16
	r := []rune(s)
	if len(r) <= 2*keep+1 {
		return s
	}
	return string(r[:keep]) + "…" + string(r[len(r)-keep:])
}
