package bases

import (
	"strconv"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/site"
)

// Expr is a compiled expression: a filter, a formula or a summary.
type Expr struct {
	Src  string
	root node
	at   exprOrigin
}

// node is an expression's syntax tree; off is a byte offset into Src.
type node interface{ offset() int }

type (
	litNode struct {
		off int
		v   Value
	}
	identNode struct {
		off  int
		name string
	}
	memberNode struct {
		off  int
		x    node
		name string
	}
	indexNode struct {
		off  int
		x, i node
	}
	callNode struct {
		off  int
		fn   node
		args []node
	}
	unaryNode struct {
		off int
		op  string
		x   node
	}
	binaryNode struct {
		off  int
		op   string
		x, y node
	}
	listNode struct {
		off   int
		items []node
	}
	objectNode struct {
		off  int
		keys []string
		vals []node
	}
	regexNode struct {
		off        int
		src, flags string
	}
)

func (n *litNode) offset() int    { return n.off }
func (n *identNode) offset() int  { return n.off }
func (n *memberNode) offset() int { return n.off }
func (n *indexNode) offset() int  { return n.off }
func (n *callNode) offset() int   { return n.off }
func (n *unaryNode) offset() int  { return n.off }
func (n *binaryNode) offset() int { return n.off }
func (n *listNode) offset() int   { return n.off }
func (n *objectNode) offset() int { return n.off }
func (n *regexNode) offset() int  { return n.off }

// exprOrigin maps an offset in an expression to its file position.
type exprOrigin struct {
	where origin
	node  *ynode
}

// pos is exact for plain and quoted scalars on one line and for block
// scalars; a quoted scalar with escapes may be off by the escapes.
func (o exprOrigin) pos(off int) site.Pos {
	n := o.node
	if n == nil {
		return o.where.pos(1, 1)
	}
	src := n.text
	off = max(0, min(off, len(src)))
	line, col := n.line, n.col
	if n.quote != 0 {
		col++
	}
	lineStart := 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			lineStart = i + 1
			col = n.col
		}
	}
	return o.where.pos(line, col+utf8.RuneCountInString(src[lineStart:off]))
}

// Compile parses an expression.
func Compile(src string) (*Expr, *SyntaxError) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &exprParser{toks: toks}
	if p.peek().kind == tEOF {
		return nil, &SyntaxError{Off: 0, Msg: "empty expression"}
	}
	root, err := p.parse(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, &SyntaxError{Off: t.off, Msg: "unexpected " + describe(t)}
	}
	return &Expr{Src: src, root: root}, nil
}

type exprParser struct {
	toks  []token
	i     int
	depth int
}

// maxDepth bounds nesting, so "((((…" cannot exhaust the stack; no
// formula a person writes comes near it.
const maxDepth = 200

func (p *exprParser) peek() token { return p.toks[p.i] }
func (p *exprParser) next() token { t := p.toks[p.i]; p.i++; return t }

func (p *exprParser) isOp(s string) bool { t := p.peek(); return t.kind == tOp && t.text == s }

func (p *exprParser) expect(s string) *SyntaxError {
	if !p.isOp(s) {
		t := p.peek()
		return &SyntaxError{Off: t.off, Msg: "expected \"" + s + "\", found " + describe(t)}
	}
	p.i++
	return nil
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "the end of the expression"
	case tStr:
		return "a string"
	case tNum:
		return "number " + t.text
	}
	return strconv.Quote(t.text)
}

// precedence of binary operators; higher binds tighter (JavaScript's).
var precedence = map[string]int{
	"||": 1, "&&": 2, "==": 3, "!=": 3,
	"<": 4, "<=": 4, ">": 4, ">=": 4,
	"+": 5, "-": 5, "*": 6, "/": 6, "%": 6,
}

// parse reads a binary expression whose operators bind tighter than min.
func (p *exprParser) parse(min int) (node, *SyntaxError) {
	if p.depth++; p.depth > maxDepth {
		return nil, &SyntaxError{Off: p.peek().off, Msg: "the expression is nested too deeply"}
	}
	defer func() { p.depth-- }()
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		prec, ok := precedence[t.text]
		if t.kind != tOp || !ok || prec <= min {
			return x, nil
		}
		p.i++
		y, err := p.parse(prec)
		if err != nil {
			return nil, err
		}
		x = &binaryNode{off: t.off, op: t.text, x: x, y: y}
	}
}

func (p *exprParser) unary() (node, *SyntaxError) {
	if t := p.peek(); t.kind == tOp && (t.text == "!" || t.text == "-") {
		p.i++
		if p.depth++; p.depth > maxDepth {
			return nil, &SyntaxError{Off: t.off, Msg: "the expression is nested too deeply"}
		}
		defer func() { p.depth-- }()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &unaryNode{off: t.off, op: t.text, x: x}, nil
	}
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	return p.postfix(x)
}

// postfix reads member access, indexing and calls after an operand.
func (p *exprParser) postfix(x node) (node, *SyntaxError) {
	for {
		t := p.peek()
		switch {
		case p.isOp("."):
			p.i++
			name := p.next()
			if name.kind != tIdent {
				return nil, &SyntaxError{Off: name.off, Msg: "expected a name after \".\", found " + describe(name)}
			}
			x = &memberNode{off: name.off, x: x, name: name.text}
		case p.isOp("["):
			p.i++
			i, err := p.parse(0)
			if err != nil {
				return nil, err
			}
			if err := p.expect("]"); err != nil {
				return nil, err
			}
			x = &indexNode{off: t.off, x: x, i: i}
		case p.isOp("("):
			p.i++
			args, err := p.list(")")
			if err != nil {
				return nil, err
			}
			x = &callNode{off: x.offset(), fn: x, args: args}
		default:
			return x, nil
		}
	}
}

// list reads comma-separated expressions up to the closing bracket.
func (p *exprParser) list(closer string) ([]node, *SyntaxError) {
	var out []node
	for !p.isOp(closer) {
		x, err := p.parse(0)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
		if !p.isOp(",") {
			break
		}
		p.i++
	}
	return out, p.expect(closer)
}

func (p *exprParser) primary() (node, *SyntaxError) {
	t := p.next()
	switch t.kind {
	case tNum:
		f, _ := strconv.ParseFloat(t.text, 64)
		return &litNode{off: t.off, v: f}, nil
	case tStr:
		return &litNode{off: t.off, v: t.text}, nil
	case tRegex:
		return &regexNode{off: t.off, src: t.text, flags: t.flag}, nil
	case tIdent:
		switch t.text {
		case "true", "false":
			return &litNode{off: t.off, v: t.text == "true"}, nil
		case "null", "undefined":
			return &litNode{off: t.off, v: nil}, nil
		}
		return &identNode{off: t.off, name: t.text}, nil
	case tOp:
		return p.bracketed(t)
	}
	return nil, &SyntaxError{Off: t.off, Msg: "unexpected " + describe(t)}
}

func (p *exprParser) bracketed(t token) (node, *SyntaxError) {
	switch t.text {
	case "(":
		x, err := p.parse(0)
		if err != nil {
			return nil, err
		}
		return x, p.expect(")")
	case "[":
		items, err := p.list("]")
		return &listNode{off: t.off, items: items}, err
	case "{":
		return p.object(t)
	}
	return nil, &SyntaxError{Off: t.off, Msg: "unexpected " + describe(t)}
}

func (p *exprParser) object(open token) (node, *SyntaxError) {
	o := &objectNode{off: open.off}
	for !p.isOp("}") {
		k := p.next()
		if k.kind != tStr && k.kind != tIdent {
			return nil, &SyntaxError{Off: k.off, Msg: "expected a key, found " + describe(k)}
		}
		if err := p.expect(":"); err != nil {
			return nil, err
		}
		v, err := p.parse(0)
		if err != nil {
			return nil, err
		}
		o.keys, o.vals = append(o.keys, k.text), append(o.vals, v)
		if !p.isOp(",") {
			break
		}
		p.i++
	}
	return o, p.expect("}")
}

// unknownFunc is a call to a function no type has.
type unknownFunc struct {
	name string
	off  int
}

// unknownFuncs lists the calls in e to functions that exist neither as a
// global nor as a method of any type: they can never be evaluated.
func (e *Expr) unknownFuncs() []unknownFunc {
	var out []unknownFunc
	walk(e.root, func(n node) {
		c, ok := n.(*callNode)
		if !ok {
			return
		}
		switch fn := c.fn.(type) {
		case *identNode:
			if _, ok := globals[fn.name]; !ok {
				out = append(out, unknownFunc{fn.name, fn.off})
			}
		case *memberNode:
			if !isMethod(fn.name) {
				out = append(out, unknownFunc{fn.name, fn.off})
			}
		}
	})
	return out
}

func walk(n node, f func(node)) {
	if n == nil {
		return
	}
	f(n)
	switch n := n.(type) {
	case *memberNode:
		walk(n.x, f)
	case *indexNode:
		walk(n.x, f)
		walk(n.i, f)
	case *callNode:
		walk(n.fn, f)
		for _, a := range n.args {
			walk(a, f)
		}
	case *unaryNode:
		walk(n.x, f)
	case *binaryNode:
		walk(n.x, f)
		walk(n.y, f)
	case *listNode:
		for _, a := range n.items {
			walk(a, f)
		}
	case *objectNode:
		for _, a := range n.vals {
			walk(a, f)
		}
	}
}
