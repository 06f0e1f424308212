package bases

import (
	"sort"
	"strconv"
	"strings"
)

// compare orders two values for <, >, sort and groups: -1, 0, 1, and ok
// false when they cannot be compared (a null, or a number and a word).
func compare(a, b Value) (int, bool) {
	switch x := a.(type) {
	case float64:
		if y, ok := toNumberLoose(b); ok {
			return cmpFloat(x, y), true
		}
	case string:
		switch y := b.(type) {
		case string:
			return strings.Compare(x, y), true
		case float64:
			if xf, ok := toNumberLoose(x); ok {
				return cmpFloat(xf, y), true
			}
		case Date:
			if xd, ok := parseDate(x); ok {
				return compare(xd, y)
			}
		}
	case Date:
		switch y := b.(type) {
		case Date:
			return x.T.Compare(y.T), true
		case string:
			if yd, ok := parseDate(y); ok {
				return x.T.Compare(yd.T), true
			}
		}
	case bool:
		if y, ok := b.(bool); ok {
			return cmpFloat(b2f(x), b2f(y)), true
		}
	case Duration:
		if y, ok := b.(Duration); ok {
			return cmpFloat(x.approxMs(), y.approxMs()), true
		}
	}
	return 0, false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func toNumberLoose(v Value) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil
	case bool:
		return b2f(v), true
	}
	return 0, false
}

// sortKeyOf ranks types so a sort is total: numbers, dates, strings,
// booleans, everything else as text, and nulls last.
func sortRank(v Value) int {
	switch v.(type) {
	case float64:
		return 0
	case Date:
		return 1
	case string, Link, *File:
		return 2
	case bool:
		return 3
	case nil:
		return 9
	}
	return 4
}

// order compares two values for sorting, totally: equal ranks compare by
// value, text case-insensitively; nulls sort last.
func order(a, b Value) int {
	ra, rb := sortRank(a), sortRank(b)
	if ra != rb {
		return ra - rb
	}
	switch ra {
	case 0, 1, 3:
		c, _ := compare(a, b)
		return c
	case 9:
		return 0
	}
	sa, sb := toString(a), toString(b)
	if c := strings.Compare(strings.ToLower(sa), strings.ToLower(sb)); c != 0 {
		return c
	}
	return strings.Compare(sa, sb)
}

func sortValues(vs []Value) {
	sort.SliceStable(vs, func(i, j int) bool { return order(vs[i], vs[j]) < 0 })
}
