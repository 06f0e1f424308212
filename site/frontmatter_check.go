package site

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// listKeys are the well-known properties whose value is a list of text
// (SPEC §7.3), with the deprecated singular forms.
var listKeys = map[string]bool{
	"tags": true, "tag": true, "aliases": true, "alias": true, "cssclasses": true, "cssclass": true,
}

// checkProperties drops what no author could mean from the list-of-text
// properties, with an invalid-property warning at the value: a mapping
// where a list belongs ("tags:" followed by an indented "a: b"), and a
// list item that is itself a list or a mapping ("- publish: true" under
// "tags:", an unquoted "[[Note]]"). Such a value used to become a tag pill
// or an alias made of "key: value" text. Tags that Obsidian would not
// accept get an invalid-tag warning and are kept (checkTags).
func checkProperties(p VaultPath, list []Property, diags *Diagnostics) []Property {
	for i := range list {
		key := strings.ToLower(list[i].Key)
		if !listKeys[key] {
			continue
		}
		v := &list[i].Value
		switch v.Kind {
		case ValueMap:
			diags.Add(Pos{Path: p, Line: v.Line, Col: v.Col}, Warning, "invalid-property",
				"property %q holds a mapping (%q), not a list of text; it is ignored", list[i].Key, v.String())
			*v = Value{Line: v.Line, Col: v.Col}
		case ValueList:
			v.Items = textItems(p, list[i].Key, v.Items, diags)
		}
		if key == "tags" || key == "tag" {
			checkTags(p, *v, diags)
		}
	}
	return list
}

// textItems returns the scalar and null items of a list, warning at each
// list or mapping it leaves out.
func textItems(p VaultPath, key string, items []Value, diags *Diagnostics) []Value {
	out := items[:0]
	for _, it := range items {
		what := map[ValueKind]string{ValueList: "a list", ValueMap: "a mapping"}[it.Kind]
		if what == "" {
			out = append(out, it)
			continue
		}
		hint := ""
		if it.Kind == ValueList {
			hint = `; a link must be quoted, as in "[[Note]]"`
		} else {
			hint = fmt.Sprintf("; if %q is a property of its own, remove the \"- \" before it", it.String())
		}
		diags.Add(Pos{Path: p, Line: it.Line, Col: it.Col}, Warning, "invalid-property",
			"%s item %q is %s, not text; it is ignored%s", key, it.String(), what, hint)
	}
	return out
}

// checkTags warns about each tag of a tags value that Obsidian would not
// take for a tag (SPEC §6.3): a list item with a space, which vaultsite
// reads as several tags, a character a tag cannot hold, or only digits.
// The tags are kept as splitTags reads them, so each warning names the
// tag pages the note really links to.
func checkTags(p VaultPath, v Value, diags *Diagnostics) {
	items := v.Items
	if v.Kind == ValueScalar {
		items = []Value{v}
	}
	for _, it := range items {
		if it.Kind != ValueScalar {
			continue
		}
		pos := Pos{Path: p, Line: it.Line, Col: it.Col}
		tags := splitTags(it)
		if v.Kind == ValueList && len(tags) > 1 {
			diags.Add(pos, Warning, "invalid-tag", "tag %q holds a space or a comma; it is read as the tags %s",
				it.Text, quoteAll(tags))
		}
		for _, t := range tags {
			if msg := badTag(t); msg != "" {
				diags.Add(pos, Warning, "invalid-tag", "tag %q %s; Obsidian does not read it as a tag", t, msg)
			}
		}
	}
}

// badTag says what keeps t from being a tag, or "" when nothing does.
func badTag(t string) string {
	digits := true
	for _, r := range t {
		if !TagRune(r) {
			return fmt.Sprintf("holds %q, which a tag cannot hold", r)
		}
		digits = digits && (unicode.IsDigit(r) || r == '/')
	}
	if digits {
		return "is only digits"
	}
	return ""
}

// TagRune reports whether r may be part of a tag: not whitespace, not
// general or supplemental punctuation, none of the ASCII characters
// Obsidian's tag expression excludes (SPEC §6.3). Tags in properties and
// render's #tags in the body follow it alike.
func TagRune(r rune) bool {
	switch {
	case unicode.IsSpace(r), r == utf8.RuneError:
		return false
	case r >= 0x2000 && r <= 0x206F, r >= 0x2E00 && r <= 0x2E7F:
		return false
	case r < 0x80:
		return !strings.ContainsRune("!\"#$%&'()*+,.:;<=>?@^`{|}~[]\\", r)
	}
	return true
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
	return strings.Join(q, ", ")
}
