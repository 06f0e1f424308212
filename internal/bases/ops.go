package bases

import (
	"math"
	"time"
)

func (s *scope) unary(n *unaryNode) (Value, error) {
	x, err := s.eval(n.x)
	if err != nil {
		return nil, err
	}
	if n.op == "!" {
		return !truthy(x), nil
	}
	switch x := x.(type) {
	case float64:
		return -x, nil
	case Duration:
		return Duration{Months: -x.Months, Ms: -x.Ms}, nil
	}
	return nil, s.fail(n, "cannot negate a %s", typeName(x))
}

// binary evaluates an operator. && and || return an operand, as in
// JavaScript, and evaluate the right side only when needed.
func (s *scope) binary(n *binaryNode) (Value, error) {
	x, err := s.eval(n.x)
	if err != nil {
		return nil, err
	}
	switch n.op {
	case "&&":
		if !truthy(x) {
			return x, nil
		}
		return s.eval(n.y)
	case "||":
		if truthy(x) {
			return x, nil
		}
		return s.eval(n.y)
	}
	y, err := s.eval(n.y)
	if err != nil {
		return nil, err
	}
	switch n.op {
	case "==":
		return equal(x, y), nil
	case "!=":
		return !equal(x, y), nil
	case "<", "<=", ">", ">=":
		c, ok := compare(x, y)
		if !ok {
			return false, nil
		}
		return map[string]bool{"<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0}[n.op], nil
	case "+":
		return s.plus(n, x, y)
	case "-":
		return s.minus(n, x, y)
	}
	return s.arith(n, x, y)
}

// plus adds numbers, moves a date by a duration (or a duration string
// such as "1M"), and otherwise joins text, as JavaScript does.
func (s *scope) plus(n *binaryNode, x, y Value) (Value, error) {
	if d, ok := x.(Date); ok {
		dur, err := s.durationOf(n.y, y)
		if err != nil {
			return nil, err
		}
		return d.add(dur, 1), nil
	}
	if d, ok := x.(Duration); ok {
		if e, ok := y.(Duration); ok {
			return Duration{Months: d.Months + e.Months, Ms: d.Ms + e.Ms}, nil
		}
	}
	if a, ok := x.([]Value); ok {
		if b, ok := y.([]Value); ok {
			return append(append([]Value{}, a...), b...), nil
		}
	}
	_, xs := x.(string)
	_, ys := y.(string)
	if xs || ys {
		return toString(x) + toString(y), nil
	}
	a, aok := numeric(x)
	b, bok := numeric(y)
	if !aok || !bok {
		return toString(x) + toString(y), nil
	}
	return a + b, nil
}

// minus subtracts numbers, a duration from a date, or two dates (giving
// milliseconds, as Bases syntax says).
func (s *scope) minus(n *binaryNode, x, y Value) (Value, error) {
	if d, ok := x.(Date); ok {
		if e, ok := y.(Date); ok {
			return float64(d.T.Sub(e.T).Milliseconds()), nil
		}
		dur, err := s.durationOf(n.y, y)
		if err != nil {
			return nil, err
		}
		return d.add(dur, -1), nil
	}
	return s.arith(n, x, y)
}

func (s *scope) arith(n *binaryNode, x, y Value) (Value, error) {
	if d, ok := x.(Duration); ok {
		f, ok := numeric(y)
		if !ok {
			return nil, s.fail(n, "a duration can only be multiplied or divided by a number")
		}
		switch n.op {
		case "*":
			return Duration{Months: int(float64(d.Months) * f), Ms: d.Ms * f}, nil
		case "/":
			return Duration{Months: int(float64(d.Months) / f), Ms: d.Ms / f}, nil
		}
	}
	if x == nil || y == nil {
		return nil, nil // a missing property makes the result empty, not an error
	}
	a, aok := numeric(x)
	b, bok := numeric(y)
	if !aok || !bok {
		return nil, s.fail(n, "%q needs numbers, not a %s and a %s", n.op, typeName(x), typeName(y))
	}
	switch n.op {
	case "-":
		return a - b, nil
	case "*":
		return a * b, nil
	case "/":
		return a / b, nil
	case "%":
		return math.Mod(a, b), nil
	}
	return nil, s.fail(n, "unknown operator %q", n.op)
}

// numeric is JavaScript's number conversion for arithmetic: numbers,
// booleans, null as 0, numeric text and dates as milliseconds.
func numeric(v Value) (float64, bool) {
	switch v := v.(type) {
	case nil:
		return 0, true
	case Date:
		return float64(v.T.UnixMilli()), true
	case Duration:
		return v.approxMs(), true
	}
	return toNumberLoose(v)
}

func (s *scope) durationOf(n node, v Value) (Duration, error) {
	switch v := v.(type) {
	case Duration:
		return v, nil
	case string:
		if d, ok := parseDuration(v); ok {
			return d, nil
		}
		return Duration{}, s.fail(n, "%q is not a duration", v)
	case float64:
		return Duration{Ms: v}, nil
	}
	return Duration{}, s.fail(n, "cannot add a %s to a date", typeName(v))
}

// add moves a date by sign times d. Adding any time of day makes it a
// date with a time.
func (d Date) add(dur Duration, sign int) Date {
	t := d.T.AddDate(0, sign*dur.Months, 0).Add(time.Duration(float64(sign) * dur.Ms * float64(time.Millisecond)))
	return Date{T: t, Time: d.Time || math.Mod(dur.Ms, 864e5) != 0}
}
