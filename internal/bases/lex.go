package bases

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind int

const (
	tEOF tokKind = iota
	tNum
	tStr
	tIdent
	tOp
	tRegex
)

type token struct {
	kind tokKind
	text string // the operator, identifier, number text, string value or regex source
	flag string // regex flags
	off  int
}

// SyntaxError is a problem in an expression at byte offset Off.
type SyntaxError struct {
	Off int
	Msg string
}

// lex splits an expression into tokens. A "/" starts a regular
// expression where an operand is expected, as in JavaScript.
func lex(src string) ([]token, *SyntaxError) {
	var out []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := scanNumber(src, i)
			out = append(out, token{kind: tNum, text: src[i:j], off: i})
			i = j
		case c == '"' || c == '\'':
			s, j, err := scanString(src, i)
			if err != nil {
				return nil, err
			}
			out = append(out, token{kind: tStr, text: s, off: i})
			i = j
		case c == '/' && operandExpected(out):
			t, j, err := scanRegex(src, i)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
			i = j
		case isIdentStart(src[i:]):
			j := i
			for j < len(src) && isIdentPart(src[j:]) {
				_, n := utf8.DecodeRuneInString(src[j:])
				j += n
			}
			out = append(out, token{kind: tIdent, text: src[i:j], off: i})
			i = j
		default:
			op := scanOp(src[i:])
			if op == "" {
				r, _ := utf8.DecodeRuneInString(src[i:])
				return nil, &SyntaxError{Off: i, Msg: "unexpected character " + quoteRune(r)}
			}
			out = append(out, token{kind: tOp, text: op, off: i})
			i += len(op)
		}
	}
	return append(out, token{kind: tEOF, off: len(src)}), nil
}

func quoteRune(r rune) string { return "\"" + string(r) + "\"" }

var ops = []string{"==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "<", ">", "!", "(", ")", "[", "]", "{", "}", ",", ".", ":"}

func scanOp(s string) string {
	for _, op := range ops {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

// scanNumber reads digits with an optional fraction: "1." followed by a
// letter is the number 1 and a method call, as in "1.isTruthy()".
func scanNumber(src string, i int) int {
	for i < len(src) && src[i] >= '0' && src[i] <= '9' {
		i++
	}
	if i+1 < len(src) && src[i] == '.' && src[i+1] >= '0' && src[i+1] <= '9' {
		i++
		for i < len(src) && src[i] >= '0' && src[i] <= '9' {
			i++
		}
	}
	return i
}

func scanString(src string, i int) (string, int, *SyntaxError) {
	q := src[i]
	var b strings.Builder
	for j := i + 1; j < len(src); j++ {
		c := src[j]
		switch {
		case c == q:
			return b.String(), j + 1, nil
		case c == '\\' && j+1 < len(src):
			j++
			switch src[j] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(src[j])
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, &SyntaxError{Off: i, Msg: "unterminated string"}
}

func scanRegex(src string, i int) (token, int, *SyntaxError) {
	inClass := false
	for j := i + 1; j < len(src); j++ {
		switch c := src[j]; {
		case c == '\\':
			j++
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			k := j + 1
			for k < len(src) && strings.IndexByte("gimsuy", src[k]) >= 0 {
				k++
			}
			return token{kind: tRegex, text: src[i+1 : j], flag: src[j+1 : k], off: i}, k, nil
		}
	}
	return token{}, 0, &SyntaxError{Off: i, Msg: "unterminated regular expression"}
}

// operandExpected says whether the next token starts an operand: at the
// start, or after an operator other than a closing bracket.
func operandExpected(prev []token) bool {
	if len(prev) == 0 {
		return true
	}
	t := prev[len(prev)-1]
	return t.kind == tOp && t.text != ")" && t.text != "]" && t.text != "}"
}

func isIdentStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || r == '$' || unicode.IsLetter(r)
}

func isIdentPart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
