package bases

import (
	"math"
	"math/big"
	"strings"
	"unicode"
)

// maxText bounds the text one repeat() makes, so a formula cannot fill
// the build's memory by repeating a repeat.
const maxText = 1 << 20

// strArgs evaluates a call's arguments as text.
func (s *scope) strArgs(n *callNode, min, max int) ([]string, error) {
	a, err := s.args(n, min, max)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(a))
	for i, v := range a {
		out[i] = toString(v)
	}
	return out, nil
}

var stringMethods = map[string]method{
	"contains": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.strArgs(n, 1, 1)
		if err != nil {
			return nil, err
		}
		return strings.Contains(v.(string), a[0]), nil
	},
	"containsAll": func(s *scope, n *callNode, v Value) (Value, error) { return strContains(s, n, v.(string), true) },
	"containsAny": func(s *scope, n *callNode, v Value) (Value, error) { return strContains(s, n, v.(string), false) },
	"endsWith": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.strArgs(n, 1, 1)
		if err != nil {
			return nil, err
		}
		return strings.HasSuffix(v.(string), a[0]), nil
	},
	"startsWith": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.strArgs(n, 1, 1)
		if err != nil {
			return nil, err
		}
		return strings.HasPrefix(v.(string), a[0]), nil
	},
	"lower": func(s *scope, n *callNode, v Value) (Value, error) { return strings.ToLower(v.(string)), s.none(n) },
	"upper": func(s *scope, n *callNode, v Value) (Value, error) { return strings.ToUpper(v.(string)), s.none(n) },
	"trim":  func(s *scope, n *callNode, v Value) (Value, error) { return strings.TrimSpace(v.(string)), s.none(n) },
	"title": func(s *scope, n *callNode, v Value) (Value, error) { return titleCase(v.(string)), s.none(n) },
	"reverse": func(s *scope, n *callNode, v Value) (Value, error) {
		r := []rune(v.(string))
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
		return string(r), s.none(n)
	},
	"repeat": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.args(n, 1, 1)
		if err != nil {
			return nil, err
		}
		c, ok := a[0].(float64)
		if !ok || !(c >= 0 && c <= 1e4) || float64(len(v.(string)))*c > maxText {
			return nil, s.fail(n, "repeat() takes a count from 0 to 10000, and makes at most 1 MiB")
		}
		return strings.Repeat(v.(string), int(c)), nil
	},
	"slice": func(s *scope, n *callNode, v Value) (Value, error) {
		r := []rune(v.(string))
		i, j, err := s.sliceBounds(n, len(r))
		if err != nil {
			return nil, err
		}
		return string(r[i:j]), nil
	},
	"replace": strReplace,
	"split":   strSplit,
}

func strContains(s *scope, n *callNode, str string, all bool) (Value, error) {
	a, err := s.strArgs(n, 1, -1)
	if err != nil {
		return nil, err
	}
	for _, sub := range a {
		if strings.Contains(str, sub) != all {
			return !all, nil
		}
	}
	return all, nil
}

func titleCase(s string) string {
	r := []rune(s)
	for i := range r {
		if i == 0 || unicode.IsSpace(r[i-1]) {
			r[i] = unicode.ToUpper(r[i])
		}
	}
	return string(r)
}

// sliceBounds reads JavaScript slice(start, end?) arguments: negative
// counts from the end, both clamped to the length.
func (s *scope) sliceBounds(n *callNode, length int) (int, int, error) {
	a, err := s.args(n, 1, 2)
	if err != nil {
		return 0, 0, err
	}
	idx := func(v Value, def int) int {
		f, ok := v.(float64)
		if !ok {
			return def
		}
		i := int(f)
		if i < 0 {
			i += length
		}
		return max(0, min(i, length))
	}
	i, j := idx(a[0], 0), length
	if len(a) == 2 {
		j = idx(a[1], length)
	}
	return i, max(i, j), nil
}

// strReplace replaces every occurrence of a string, or the first (or,
// with the g flag, every) match of a regular expression; "$1" in the
// replacement names a group.
func strReplace(s *scope, n *callNode, v Value) (Value, error) {
	a, err := s.args(n, 2, 2)
	if err != nil {
		return nil, err
	}
	str, repl := v.(string), toString(a[1])
	re, ok := a[0].(*Regexp)
	if !ok {
		return strings.ReplaceAll(str, toString(a[0]), repl), nil
	}
	repl = jsGroups(repl)
	if re.Global {
		return re.Re.ReplaceAllString(str, repl), nil
	}
	loc := re.Re.FindStringSubmatchIndex(str)
	if loc == nil {
		return str, nil
	}
	out := re.Re.ExpandString(nil, repl, str, loc)
	return str[:loc[0]] + string(out) + str[loc[1]:], nil
}

// jsGroups turns JavaScript's "$1" into Go's "${1}", so "$1x" still names
// group 1, and "$$" into a dollar.
func jsGroups(r string) string {
	var b strings.Builder
	for i := 0; i < len(r); i++ {
		if r[i] == '$' && i+1 < len(r) && r[i+1] >= '0' && r[i+1] <= '9' {
			b.WriteString("${" + r[i+1:i+2] + "}")
			i++
			continue
		}
		if r[i] == '$' && i+1 < len(r) && r[i+1] == '$' {
			i++
		}
		if r[i] == '$' {
			b.WriteString("$$")
			continue
		}
		b.WriteByte(r[i])
	}
	return b.String()
}

func strSplit(s *scope, n *callNode, v Value) (Value, error) {
	a, err := s.args(n, 1, 2)
	if err != nil {
		return nil, err
	}
	var parts []string
	if re, ok := a[0].(*Regexp); ok {
		parts = re.Re.Split(v.(string), -1)
	} else {
		parts = strings.Split(v.(string), toString(a[0]))
	}
	if len(a) == 2 {
		if f, ok := a[1].(float64); ok && int(f) < len(parts) {
			parts = parts[:max(0, int(f))]
		}
	}
	out := make([]Value, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out, nil
}

var numberMethods = map[string]method{
	"abs":   numFunc(math.Abs),
	"ceil":  numFunc(math.Ceil),
	"floor": numFunc(math.Floor),
	"round": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.args(n, 0, 1)
		if err != nil {
			return nil, err
		}
		p := 1.0
		if len(a) == 1 {
			d, _ := a[0].(float64)
			p = math.Pow(10, d)
		}
		return jsRound(v.(float64)*p) / p, nil
	},
	"toFixed": func(s *scope, n *callNode, v Value) (Value, error) {
		a, err := s.args(n, 0, 1)
		if err != nil {
			return nil, err
		}
		d := 0.0
		if len(a) == 1 {
			d, _ = a[0].(float64)
		}
		if d < 0 || d > 100 {
			return nil, s.fail(n, "toFixed() takes 0 to 100 digits")
		}
		return toFixed(v.(float64), int(d)), nil
	},
}

func numFunc(f func(float64) float64) method {
	return func(s *scope, n *callNode, v Value) (Value, error) { return f(v.(float64)), s.none(n) }
}

// jsRound is JavaScript's Math.round: halves go up, towards +Infinity.
func jsRound(f float64) float64 { return math.Floor(f + 0.5) }

// toFixed is JavaScript's Number.prototype.toFixed: the exact binary
// value rounded to d digits, a tie going away from zero.
func toFixed(f float64, d int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1e21 {
		return formatNumber(f)
	}
	neg := f < 0
	exact := new(big.Float).SetPrec(2000).SetFloat64(math.Abs(f))
	scale := new(big.Float).SetPrec(2000).SetFloat64(math.Pow(10, float64(d)))
	exact.Mul(exact, scale)
	half := new(big.Float).SetPrec(2000).SetFloat64(0.5)
	exact.Add(exact, half)
	n, _ := exact.Int(nil)
	digits := n.String()
	for len(digits) <= d {
		digits = "0" + digits
	}
	out := digits
	if d > 0 {
		out = digits[:len(digits)-d] + "." + digits[len(digits)-d:]
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}
