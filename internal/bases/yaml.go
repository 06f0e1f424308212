package bases

import (
	"errors"
	"strings"

	"github.com/goccy/go-yaml"
	yast "github.com/goccy/go-yaml/ast"
	yparser "github.com/goccy/go-yaml/parser"
	ytoken "github.com/goccy/go-yaml/token"
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

// parseYAML reads one YAML document. An empty document is a yNull node.
func parseYAML(src []byte) (*ynode, *yamlError) {
	file, err := yparser.ParseBytes(src, 0, yparser.AllowDuplicateMapKey())
	if err != nil {
		ye := &yamlError{line: 1, col: 1, msg: err.Error()}
		var se *yaml.SyntaxError
		if errors.As(err, &se) {
			ye.msg = se.GetMessage()
			if t := se.GetToken(); t != nil && t.Position != nil {
				ye.line, ye.col = t.Position.Line, t.Position.Column
			}
		}
		ye.msg = strings.TrimPrefix(strings.SplitN(strings.TrimSpace(ye.msg), "\n", 2)[0], "[")
		return nil, ye
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return &ynode{line: 1, col: 1}, nil
	}
	c := converter{lines: strings.Split(string(src), "\n")}
	return c.convert(file.Docs[0].Body), nil
}

// converter keeps the source lines, to find where a block scalar's
// content starts: the library gives only the header's position.
type converter struct{ lines []string }

func (c converter) convert(n yast.Node) *ynode {
	n = unwrapY(n)
	out := &ynode{line: 1, col: 1}
	if n == nil {
		return out
	}
	if t := n.GetToken(); t != nil && t.Position != nil {
		out.line, out.col = t.Position.Line, t.Position.Column
	}
	switch v := n.(type) {
	case *yast.NullNode:
	case *yast.SequenceNode:
		out.kind = ySeq
		for _, it := range v.Values {
			out.items = append(out.items, c.convert(it))
		}
	case *yast.MappingNode:
		out.kind = yMap
		for _, mv := range v.Values {
			out.keys, out.vals = append(out.keys, c.convert(mv.Key)), append(out.vals, c.convert(mv.Value))
		}
	case *yast.MappingValueNode:
		out.kind = yMap
		out.keys, out.vals = []*ynode{c.convert(v.Key)}, []*ynode{c.convert(v.Value)}
	case *yast.LiteralNode:
		out.kind, out.text, out.block = yScalar, v.Value.Value, true
		if v.Start != nil && v.Start.Position != nil && v.Start.Position.Line < len(c.lines) {
			out.line = v.Start.Position.Line + 1
			body := c.lines[out.line-1]
			out.col = len(body) - len(strings.TrimLeft(body, " ")) + 1
		}
	case *yast.StringNode:
		out.kind, out.text = yScalar, v.Value
		if v.Token != nil && v.Token.Type == ytoken.SingleQuoteType {
			out.quote = '\''
		} else if v.Token != nil && v.Token.Type == ytoken.DoubleQuoteType {
			out.quote = '"'
		}
	default:
		out.kind = yScalar
		if t := n.GetToken(); t != nil {
			out.text = t.Value
		} else {
			out.text = strings.TrimSpace(n.String())
		}
	}
	return out
}

func unwrapY(n yast.Node) yast.Node {
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
