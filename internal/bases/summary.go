package bases

import (
	"math"
	"sort"
)

// builtinSummaries are the default summary formulas of "Bases syntax".
// Each takes the column's values, empty ones included.
var builtinSummaries = map[string]func([]Value) Value{
	"Average": func(vs []Value) Value { return numSummary(vs, mean) },
	"Min": func(vs []Value) Value {
		return numSummary(vs, func(f []float64) float64 { return f[0] })
	},
	"Max": func(vs []Value) Value {
		return numSummary(vs, func(f []float64) float64 { return f[len(f)-1] })
	},
	"Sum": func(vs []Value) Value {
		return numSummary(vs, func(f []float64) float64 { return sum(f) })
	},
	"Median": func(vs []Value) Value { return numSummary(vs, median) },
	"Stddev": func(vs []Value) Value {
		return numSummary(vs, func(f []float64) float64 {
			m, ss := mean(f), 0.0
			for _, x := range f {
				ss += (x - m) * (x - m)
			}
			return math.Sqrt(ss / float64(len(f)))
		})
	},
	"Range":     rangeSummary,
	"Earliest":  func(vs []Value) Value { return dateSummary(vs, false) },
	"Latest":    func(vs []Value) Value { return dateSummary(vs, true) },
	"Checked":   func(vs []Value) Value { return countIf(vs, func(v Value) bool { return v == true }) },
	"Unchecked": func(vs []Value) Value { return countIf(vs, func(v Value) bool { return v == false }) },
	"Empty":     func(vs []Value) Value { return countIf(vs, isEmpty) },
	"Filled":    func(vs []Value) Value { return countIf(vs, func(v Value) bool { return !isEmpty(v) }) },
	"Unique": func(vs []Value) Value {
		var seen []Value
		for _, v := range vs {
			if !isEmpty(v) && !listHas(seen, v) {
				seen = append(seen, v)
			}
		}
		return float64(len(seen))
	},
}

// numbers are the numeric values, sorted.
func numbers(vs []Value) []float64 {
	var f []float64
	for _, v := range vs {
		if x, ok := v.(float64); ok && !math.IsNaN(x) {
			f = append(f, x)
		}
	}
	sort.Float64s(f)
	return f
}

func numSummary(vs []Value, f func([]float64) float64) Value {
	n := numbers(vs)
	if len(n) == 0 {
		return nil
	}
	return f(n)
}

func sum(f []float64) float64 {
	t := 0.0
	for _, x := range f {
		t += x
	}
	return t
}

func mean(f []float64) float64 { return sum(f) / float64(len(f)) }

func median(f []float64) float64 {
	if len(f)%2 == 1 {
		return f[len(f)/2]
	}
	return (f[len(f)/2-1] + f[len(f)/2]) / 2
}

// rangeSummary is Max minus Min for numbers, Latest minus Earliest (in
// milliseconds) for dates.
func rangeSummary(vs []Value) Value {
	if n := numbers(vs); len(n) > 0 {
		return n[len(n)-1] - n[0]
	}
	lo, hi := dateSummary(vs, false), dateSummary(vs, true)
	if lo == nil {
		return nil
	}
	return float64(hi.(Date).T.Sub(lo.(Date).T).Milliseconds())
}

func dateSummary(vs []Value, latest bool) Value {
	var best *Date
	for _, v := range vs {
		d, ok := v.(Date)
		if !ok {
			continue
		}
		if best == nil || (latest && d.T.After(best.T)) || (!latest && d.T.Before(best.T)) {
			best = &d
		}
	}
	if best == nil {
		return nil
	}
	return *best
}

func countIf(vs []Value, f func(Value) bool) Value {
	n := 0
	for _, v := range vs {
		if f(v) {
			n++
		}
	}
	return float64(n)
}
