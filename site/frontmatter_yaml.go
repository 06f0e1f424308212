package site

import (
	"errors"
	"fmt"
	"regexp"

	"go.yaml.in/yaml/v4"
)

// maxAliasValues caps the values that aliases may add to one note's
// properties. Real frontmatter reuses an anchor a handful of times; a
// "billion laughs" block of about 1 KB would expand to 10⁹ values, so past
// this many the note gets no properties instead (ten thousand is far above
// any property list a person writes, and costs well under a megabyte).
const maxAliasValues = 10_000

// yamlProblem is a frontmatter that cannot become properties: line and col
// are 1-based within the YAML text (0 when unknown).
type yamlProblem struct {
	line, col int
	msg       string
}

func (e *yamlProblem) Error() string { return e.msg }

// decodeYAML parses YAML text, whose first line is line0+1 of its file,
// into its syntax tree. It returns nil for a
// text that holds no document (only comments or blank lines), and a
// *yamlProblem for a syntax error, positioned at the library's mark.
func decodeYAML(text []byte, line0 int) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		p := &yamlProblem{}
		p.line, p.col, p.msg = YAMLError(err, line0)
		return nil, p
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// contextWords is the start of the library's context messages ("while
// parsing a flow sequence", "while scanning a quoted scalar").
var contextWords = regexp.MustCompile(`^while \w+ (an? |the )?`)

// YAMLError takes apart an error of the YAML library (go.yaml.in/yaml/v4)
// into the 1-based line and column (in characters) of its first problem,
// 0 when unknown, and its message. When the library names the construct
// it was reading on an earlier line (an unclosed "[" or quote), the
// position is that construct's start, where the fix belongs, and the
// message says where the library gave up; line0 is added to that line
// (the file line of the YAML's first line, minus one).
func YAMLError(err error, line0 int) (line, col int, msg string) {
	var le *yaml.LoadError
	var les *yaml.LoadErrors
	if errors.As(err, &les) && len(les.Errors) > 0 {
		le = les.Errors[0]
	}
	if le == nil && !errors.As(err, &le) {
		return 0, 0, err.Error()
	}
	if le.ContextMsg != "" && le.ContextMark.Line > 0 && le.ContextMark.Line != le.Mark.Line {
		what := contextWords.ReplaceAllString(le.ContextMsg, "")
		return le.ContextMark.Line, le.ContextMark.Column,
			fmt.Sprintf("%s for the %s that starts here (seen at line %d)", le.Message, what, line0+le.Mark.Line)
	}
	return le.Mark.Line, le.Mark.Column, le.Message
}

// valueReader turns syntax-tree nodes into Values: scalars keep the text
// the author wrote (SPEC §7.2), aliases are expanded as YAML says, up to
// maxAliasValues values in all.
type valueReader struct {
	line0    int // the file line of the YAML's first line, minus one
	expanded int // values produced under an alias so far
}

// value converts n. inAlias is true under an alias, where each value
// counts against the cap. It fails with a *yamlProblem when the aliases
// expand too far or a key is not a scalar.
func (r *valueReader) value(n *yaml.Node, inAlias bool) (Value, error) {
	if inAlias {
		if r.expanded++; r.expanded > maxAliasValues {
			return Value{}, &yamlProblem{line: n.Line, col: n.Column,
				msg: fmt.Sprintf("aliases expand to more than %d values", maxAliasValues)}
		}
	}
	line, col := r.line0+n.Line, n.Column
	switch n.Kind {
	case yaml.AliasNode:
		v, err := r.value(n.Alias, true)
		var yp *yamlProblem
		if err != nil && !inAlias && errors.As(err, &yp) {
			// Point at the alias the author wrote, not deep inside the
			// anchored value it expands.
			yp.line, yp.col = n.Line, n.Column
		}
		return v, err
	case yaml.SequenceNode:
		out := Value{Kind: ValueList, Line: line, Col: col}
		for _, it := range n.Content {
			v, err := r.value(it, inAlias)
			if err != nil {
				return Value{}, err
			}
			out.Items = append(out.Items, v)
		}
		return out, nil
	case yaml.MappingNode:
		props, err := r.mapping(n, inAlias)
		return Value{Kind: ValueMap, Map: props, Line: line, Col: col}, err
	}
	if isNull(n) {
		return Value{Line: line, Col: col}, nil
	}
	return Value{Kind: ValueScalar, Text: n.Value, Quoted: isQuoted(n), Line: line, Col: col}, nil
}

// mapping converts the pairs of a mapping in source order, keeping every
// key (the top level drops duplicates itself, with a warning).
func (r *valueReader) mapping(n *yaml.Node, inAlias bool) ([]Property, error) {
	var out []Property
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, err := r.key(n.Content[i])
		if err != nil {
			return nil, err
		}
		v, err := r.value(n.Content[i+1], inAlias)
		if err != nil {
			return nil, err
		}
		out = append(out, Property{Key: k, Value: v, Line: r.line0 + n.Content[i].Line, Col: n.Content[i].Column})
	}
	return out, nil
}

// key returns the text of a mapping key. A list or mapping as a key, as
// in a template's "date:: {{date}}", is a *yamlProblem: no property name
// can be made of it (Obsidian's parser refuses it too, SPEC §7.4).
func (r *valueReader) key(n *yaml.Node) (string, error) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		return "", &yamlProblem{line: n.Line, col: n.Column, msg: "a key is a list or a mapping, not a name"}
	}
	if isNull(n) {
		return "", nil
	}
	return n.Value, nil
}

// isNull reports an unquoted null scalar: empty, "~" or "null".
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && !isQuoted(n)
}

func isQuoted(n *yaml.Node) bool {
	return n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0
}
