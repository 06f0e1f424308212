package site

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckProperties(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		give      string
		wantTags  []string
		wantAlias []string
		wantCSS   []string
		wantDiags []string
	}{
		{
			name:     "empty item before publish is null, not a mapping",
			give:     "tags:\n- \npublish: true\n",
			wantTags: nil,
		},
		{
			name:     "mapping item under tags is dropped",
			give:     "tags:\n- seedling\n- publish: true\n",
			wantTags: []string{"seedling"},
			wantDiags: []string{`n.md:4:3: warning: tags item "publish: true" is a mapping, not text; it is ignored; ` +
				`if "publish: true" is a property of its own, remove the "- " before it (invalid-property)`},
		},
		{
			name:      "unquoted wikilink alias is dropped",
			give:      "aliases: [[Other]]\n",
			wantAlias: nil,
			wantDiags: []string{`n.md:2:11: warning: aliases item "Other" is a list, not text; it is ignored; a link must be quoted, as in "[[Note]]" (invalid-property)`},
		},
		{
			name:      "mapping under aliases",
			give:      "aliases:\n  old: new\n",
			wantDiags: []string{`n.md:3:3: warning: property "aliases" holds a mapping ("old: new"), not a list of text; it is ignored (invalid-property)`},
		},
		{
			name:      "mapping item under cssclasses",
			give:      "cssclasses:\n  - wide\n  - {a: b}\n",
			wantCSS:   []string{"wide"},
			wantDiags: []string{`n.md:4:5: warning: cssclasses item "a: b" is a mapping, not text; it is ignored; if "a: b" is a property of its own, remove the "- " before it (invalid-property)`},
		},
		{
			name:      "tag with a space is read as two tags, with a warning",
			give:      "tags:\n  - my tag\n  - ok\n",
			wantTags:  []string{"my", "tag", "ok"},
			wantDiags: []string{`n.md:3:5: warning: tag "my tag" holds a space or a comma; it is read as the tags "my", "tag" (invalid-tag)`},
		},
		{
			name:     "a comma-separated string is the documented form",
			give:     "tags: a, b c\n",
			wantTags: []string{"a", "b", "c"},
		},
		{
			name:      "tag of digits",
			give:      "tags: [1984, y1984]\n",
			wantTags:  []string{"1984", "y1984"},
			wantDiags: []string{`n.md:2:8: warning: tag "1984" is only digits; Obsidian does not read it as a tag (invalid-tag)`},
		},
		{
			name:      "tag with a forbidden character",
			give:      "tag:\n- don't\n",
			wantTags:  []string{"don't"},
			wantDiags: []string{`n.md:3:3: warning: tag "don't" holds '\'', which a tag cannot hold; Obsidian does not read it as a tag (invalid-tag)`},
		},
		{
			name:     "nested tags, emoji and a leading # are fine",
			give:     "tags: [inbox/to-read, \"#x\", 🚀, été_1]\n",
			wantTags: []string{"inbox/to-read", "x", "🚀", "été_1"},
		},
		{
			name: "other keys may hold mappings",
			give: "meta:\n- a: b\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			props, diags := fm(tt.give)
			if diff := cmp.Diff(tt.wantTags, props.Tags); diff != "" {
				t.Errorf("tags (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantAlias, props.Aliases); diff != "" {
				t.Errorf("aliases (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantCSS, props.CSSClasses); diff != "" {
				t.Errorf("cssclasses (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDiags, diags.strings()); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEmptyItemKeepsPublish is the case that made 97% of an opt-in
// vault's notes disappear: the key after an empty item is its own.
func TestEmptyItemKeepsPublish(t *testing.T) {
	t.Parallel()
	props, diags := fm("tags:\n- \npublish: true\n")
	if props.Publish == nil || !*props.Publish || len(diags) != 0 {
		t.Errorf("publish = %v, diagnostics %v; want true and none", props.Publish, diags.strings())
	}
}
