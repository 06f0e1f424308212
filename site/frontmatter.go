package site

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v4"
)

// ValueKind says what shape a property value has.
type ValueKind int

const (
	ValueNull ValueKind = iota
	ValueScalar
	ValueList
	ValueMap
)

// Value is a property value, kept as the YAML scalar text so dates, numbers
// and "yes" keep the spelling the author wrote (SPEC §7.2).
type Value struct {
	Kind  ValueKind
	Text  string     // ValueScalar
	Items []Value    // ValueList
	Map   []Property // ValueMap
	// Quoted is true for a scalar written in quotes; only quoted "[[x]]"
	// values are links (SPEC §1.5).
	Quoted bool
	Line   int // 1-based line in the note file
	Col    int // 1-based column, in characters
}

// Strings flattens a scalar or a list of scalars.
func (v Value) Strings() []string {
	switch v.Kind {
	case ValueScalar:
		return []string{v.Text}
	case ValueList:
		var out []string
		for _, it := range v.Items {
			out = append(out, it.Strings()...)
		}
		return out
	}
	return nil
}

// Property is one top-level key of the frontmatter.
type Property struct {
	Key   string
	Value Value
	Line  int // of the key, 1-based in the note file
	Col   int // of the key, in characters; 0 for a key made by vaultsite
}

// Properties are the decoded frontmatter of a note: the keys vaultsite
// acts on, and every key in source order for the properties view.
type Properties struct {
	Aliases     []string
	Tags        []string
	Publish     *bool // nil when the key is absent
	Draft       bool
	CSSClasses  []string
	Description string
	Title       string
	Permalink   string
	Date        string // date, else created
	Image       string
	List        []Property
}

// splitFrontmatter finds a leading YAML block: a first line "---" and a
// later line "---" (trailing spaces allowed on both). It returns the YAML
// text, its offset in src and where the body starts; ok is false when src
// has no such block, and the whole file is then body.
func splitFrontmatter(src []byte) (yamlText []byte, yamlOff, bodyStart int, ok bool) {
	first, _, found := bytes.Cut(src, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \t")) != "---" {
		return nil, 0, 0, false
	}
	off := len(first) + 1
	for pos := off; pos <= len(src); {
		line, _, more := bytes.Cut(src[pos:], []byte("\n"))
		if string(bytes.TrimRight(line, " \t")) == "---" {
			end := pos + len(line)
			if more {
				end++
			}
			return src[off:pos], off, end, true
		}
		if !more {
			break
		}
		pos += len(line) + 1
	}
	return nil, 0, 0, false
}

// parseFrontmatter decodes the YAML text of a note. line0 is the file line
// of the YAML's first line minus one. Invalid YAML, a YAML value that is
// not a mapping, and aliases that expand too far yield no properties and
// an invalid-frontmatter warning; a duplicate key keeps the first value
// (SPEC §7.2); values of the well-known keys that no author could mean are
// dropped with a warning (checkProperties).
func parseFrontmatter(p VaultPath, text []byte, line0 int, diags *Diagnostics) Properties {
	var props Properties
	if len(bytes.TrimSpace(text)) == 0 {
		return props
	}
	root, err := decodeYAML(text, line0)
	if err == nil && root != nil && root.Kind != yaml.MappingNode && !isNull(root) {
		err = &yamlProblem{line: 1, col: 1, msg: "not a mapping of keys to values"}
	}
	var list []Property
	if err == nil && root != nil && root.Kind == yaml.MappingNode {
		r := &valueReader{line0: line0}
		list, err = r.mapping(root, false)
	}
	if err != nil {
		reportYAMLProblem(p, line0, err, diags)
		return props
	}
	props.List = dedupe(p, list, diags)
	props.List = checkProperties(p, props.List, diags)
	props.interpret()
	return props
}

// reportYAMLProblem adds the invalid-frontmatter warning for err, at its
// position in the note file (the YAML's first line when unknown).
func reportYAMLProblem(p VaultPath, line0 int, err error, diags *Diagnostics) {
	pos := Pos{Path: p, Line: line0 + 1, Col: 1}
	var yp *yamlProblem
	if errors.As(err, &yp) && yp.line > 0 {
		pos.Line, pos.Col = line0+yp.line, max(yp.col, 1)
	}
	diags.Add(pos, Warning, "invalid-frontmatter", "invalid frontmatter: %s; the note gets no properties", firstLine(err.Error()))
}

// dedupe keeps the first of each top-level key and warns at the others.
// Keys compare as written, as Obsidian's do.
func dedupe(p VaultPath, list []Property, diags *Diagnostics) []Property {
	seen := map[string]bool{}
	out := list[:0]
	for _, prop := range list {
		if seen[prop.Key] {
			diags.Add(Pos{Path: p, Line: prop.Line, Col: prop.Col}, Warning, "duplicate-key",
				"duplicate property %q; the first value is kept", prop.Key)
			continue
		}
		seen[prop.Key] = true
		out = append(out, prop)
	}
	return out
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// interpret fills the well-known fields from List (SPEC §7.3). Singular
// deprecated keys are read too.
func (props *Properties) interpret() {
	for _, p := range props.List {
		switch strings.ToLower(p.Key) {
		case "aliases", "alias":
			props.Aliases = append(props.Aliases, nonEmpty(p.Value.Strings())...)
		case "tags", "tag":
			props.Tags = append(props.Tags, splitTags(p.Value)...)
		case "cssclasses", "cssclass":
			for _, s := range p.Value.Strings() {
				props.CSSClasses = append(props.CSSClasses, strings.Fields(s)...)
			}
		case "publish":
			b := isTrue(p.Value)
			if p.Value.Kind == ValueScalar {
				props.Publish = &b
			}
		case "draft":
			props.Draft = isTrue(p.Value)
		case "description":
			props.Description = p.Value.Text
		case "title":
			props.Title = p.Value.Text
		case "permalink":
			props.Permalink = p.Value.Text
		case "image", "cover":
			if props.Image == "" {
				props.Image = p.Value.Text
			}
		case "date":
			props.Date = p.Value.Text
		case "created":
			if props.Date == "" {
				props.Date = p.Value.Text
			}
		}
	}
}

// line returns the line of the last key named key, without case: the one
// whose value interpret kept for a field such as Publish. It returns 0
// when there is none.
func (props *Properties) line(key string) int {
	line, _ := props.pos(key)
	return line
}

// pos is line with the key's column as well.
func (props *Properties) pos(key string) (line, col int) {
	for _, p := range props.List {
		if strings.EqualFold(p.Key, key) {
			line, col = p.Line, p.Col
		}
	}
	return line, col
}

func isTrue(v Value) bool {
	switch strings.ToLower(v.Text) {
	case "true", "yes", "on":
		return v.Kind == ValueScalar
	}
	return false
}

func nonEmpty(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Tags reads v as the value of a tags property, as splitTags does, so
// the properties view shows the same tags the tag pages are made for.
func (v Value) Tags() []string { return splitTags(v) }

// splitTags reads a tags value: a list, or one string split on commas and
// whitespace; a leading "#" is dropped.
func splitTags(v Value) []string {
	var out []string
	for _, s := range v.Strings() {
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			if f = strings.TrimPrefix(f, "#"); f != "" {
				out = append(out, f)
			}
		}
	}
	return out
}

// String prints a value for messages.
func (v Value) String() string {
	switch v.Kind {
	case ValueScalar:
		return v.Text
	case ValueList:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			parts[i] = it.String()
		}
		return strings.Join(parts, ", ")
	case ValueMap:
		parts := make([]string, len(v.Map))
		for i, p := range v.Map {
			parts[i] = fmt.Sprintf("%s: %s", p.Key, p.Value)
		}
		return strings.Join(parts, ", ")
	}
	return ""
}
