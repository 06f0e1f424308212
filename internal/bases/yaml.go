package bases

import (
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/vaultsite/vaultsite/site"
)

// ykind is the shape of a YAML node.
type ykind int

const (
	yNull ykind = iota
	yScalar
	ySeq
	yMap
)

// ynode is a YAML node with its position, independent of the YAML
// library: this file is the only one that imports it, so swapping the
// library touches nothing else.
type ynode struct {
	kind  ykind
	text  string   // yScalar
	items []*ynode // ySeq
	keys  []*ynode // yMap keys, in source order
	vals  []*ynode // yMap values, parallel to keys
	line  int      // 1-based, in the YAML text
	col   int      // 1-based, in characters
	quote byte     // '"' or '\'' for a quoted scalar, else 0
	block bool     // a literal or folded block scalar (| or >)
}

// get returns the value under key, or nil.
func (n *ynode) get(key string) *ynode {
	if n == nil || n.kind != yMap {
		return nil
	}
	for i, k := range n.keys {
		if k.text == key {
			return n.vals[i]
		}
	}
	return nil
}

// yamlError is a YAML syntax error with the position it names.
type yamlError struct {
	line, col int
	msg       string
}

// maxYAMLNodes bounds what aliases may expand to: a base is a page of
// settings, and a few nested aliases can otherwise name billions of
// nodes.
const maxYAMLNodes = 100000

// parseYAML reads one YAML document. An empty document is a yNull node.
func parseYAML(src []byte) (*ynode, *yamlError) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, col, msg := site.YAMLError(err, 0)
		return nil, &yamlError{line: max(line, 1), col: max(col, 1), msg: msg}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return &ynode{line: 1, col: 1}, nil
	}
	c := &converter{lines: strings.Split(string(src), "\n")}
	n := c.convert(doc.Content[0])
	if c.count > maxYAMLNodes {
		return nil, &yamlError{line: 1, col: 1, msg: "aliases expand to too many values"}
	}
	return n, nil
}

// converter keeps the source lines, to find where a block scalar's
// content starts: the library gives only the header's position.
type converter struct {
	lines []string
	count int
}

func (c *converter) convert(n *yaml.Node) *ynode {
	out := &ynode{line: max(n.Line, 1), col: max(n.Column, 1)}
	if c.count++; c.count > maxYAMLNodes {
		return out
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			a := c.convert(n.Alias)
			a.line, a.col = out.line, out.col
			return a
		}
	case yaml.SequenceNode:
		out.kind = ySeq
		for _, it := range n.Content {
			out.items = append(out.items, c.convert(it))
		}
	case yaml.MappingNode:
		out.kind = yMap
		for i := 0; i+1 < len(n.Content); i += 2 {
			out.keys, out.vals = append(out.keys, c.convert(n.Content[i])), append(out.vals, c.convert(n.Content[i+1]))
		}
	case yaml.ScalarNode:
		c.scalar(n, out)
	}
	return out
}

func (c *converter) scalar(n *yaml.Node, out *ynode) {
	if n.Tag == "!!null" && n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) == 0 {
		return
	}
	out.kind, out.text = yScalar, n.Value
	switch {
	case n.Style&yaml.SingleQuotedStyle != 0:
		out.quote = '\''
	case n.Style&yaml.DoubleQuotedStyle != 0:
		out.quote = '"'
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		out.block = true
		if n.Line < len(c.lines) {
			out.line = n.Line + 1
			body := c.lines[out.line-1]
			out.col = len(body) - len(strings.TrimLeft(body, " ")) + 1
		}
	}
}
