package site

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	yast "github.com/goccy/go-yaml/ast"
	yparser "github.com/goccy/go-yaml/parser"
	ytoken "github.com/goccy/go-yaml/token"
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
	Line  int
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
// of the YAML's first line minus one. Invalid YAML yields no properties and
// a diagnostic; a duplicate key keeps the first value (SPEC §7.2).
func parseFrontmatter(p VaultPath, text []byte, line0 int, diags *Diagnostics) Properties {
	var props Properties
	if len(bytes.TrimSpace(text)) == 0 {
		return props
	}
	file, err := yparser.ParseBytes(text, 0, yparser.AllowDuplicateMapKey())
	if err != nil {
		pos := Pos{Path: p, Line: line0 + 1, Col: 1}
		var se *yaml.SyntaxError
		msg := err.Error()
		if errors.As(err, &se) {
			msg = se.GetMessage()
			if t := se.GetToken(); t != nil && t.Position != nil {
				pos.Line, pos.Col = line0+t.Position.Line, t.Position.Column
			}
		}
		diags.Add(pos, Warning, "invalid-frontmatter", "invalid frontmatter: %s; the note gets no properties", firstLine(msg))
		return props
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return props
	}
	m, ok := unwrap(file.Docs[0].Body).(*yast.MappingNode)
	if !ok {
		if _, isNull := unwrap(file.Docs[0].Body).(*yast.NullNode); !isNull {
			diags.Add(Pos{Path: p, Line: line0 + 1, Col: 1}, Warning, "invalid-frontmatter",
				"invalid frontmatter: not a mapping of keys to values; the note gets no properties")
		}
		return props
	}
	seen := map[string]bool{}
	for _, mv := range m.Values {
		key := scalarText(mv.Key)
		line := line0 + tokenLine(mv.Key)
		if seen[key] {
			diags.Add(Pos{Path: p, Line: line, Col: tokenCol(mv.Key)}, Warning, "duplicate-key",
				"duplicate property %q; the first value is kept", key)
			continue
		}
		seen[key] = true
		props.List = append(props.List, Property{Key: key, Value: toValue(mv.Value, line0), Line: line})
	}
	props.interpret()
	return props
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimPrefix(s, "[")
}

func unwrap(n yast.Node) yast.Node {
	for {
		switch v := n.(type) {
		case *yast.TagNode:
			n = v.Value
		case *yast.AnchorNode:
			n = v.Value
		case *yast.MappingKeyNode:
			n = v.Value
		case *yast.DocumentNode:
			n = v.Body
		default:
			return n
		}
	}
}

func tokenLine(n yast.Node) int {
	if t := n.GetToken(); t != nil && t.Position != nil {
		return t.Position.Line
	}
	return 1
}

func tokenCol(n yast.Node) int {
	if t := n.GetToken(); t != nil && t.Position != nil {
		return t.Position.Column
	}
	return 1
}

func scalarText(n yast.Node) string {
	n = unwrap(n)
	switch v := n.(type) {
	case nil:
		return ""
	case *yast.StringNode:
		return v.Value
	case *yast.LiteralNode:
		return v.Value.Value
	case *yast.NullNode:
		return ""
	}
	if t := n.GetToken(); t != nil {
		return t.Value
	}
	return strings.TrimSpace(n.String())
}

func toValue(n yast.Node, line0 int) Value {
	n = unwrap(n)
	if n == nil {
		return Value{}
	}
	line := line0 + tokenLine(n)
	switch v := n.(type) {
	case *yast.NullNode:
		return Value{Line: line}
	case *yast.SequenceNode:
		out := Value{Kind: ValueList, Line: line}
		for _, it := range v.Values {
			out.Items = append(out.Items, toValue(it, line0))
		}
		return out
	case *yast.MappingNode:
		out := Value{Kind: ValueMap, Line: line}
		for _, mv := range v.Values {
			out.Map = append(out.Map, Property{Key: scalarText(mv.Key), Value: toValue(mv.Value, line0), Line: line0 + tokenLine(mv.Key)})
		}
		return out
	case *yast.MappingValueNode:
		out := Value{Kind: ValueMap, Line: line}
		out.Map = append(out.Map, Property{Key: scalarText(v.Key), Value: toValue(v.Value, line0), Line: line})
		return out
	}
	quoted := false
	if s, ok := n.(*yast.StringNode); ok && s.Token != nil {
		quoted = s.Token.Type == ytoken.SingleQuoteType || s.Token.Type == ytoken.DoubleQuoteType
	}
	return Value{Kind: ValueScalar, Text: scalarText(n), Quoted: quoted, Line: line}
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
	line := 0
	for _, p := range props.List {
		if strings.EqualFold(p.Key, key) {
			line = p.Line
		}
	}
	return line
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
