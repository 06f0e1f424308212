package links

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/site"
)

// Suggest returns the paths of up to k notes whose names are nearest to a
// linkpath that did not resolve, for "did you mean" hints: nearest by edit
// distance (Levenshtein, in runes) between folded names without ".md", then
// by path. A linkpath with folders ("Projects/Alpa") is compared with the
// same number of trailing components of each path. Notes more than a third
// of the linkpath's length away (at least 1) are not suggested: beyond that
// a name is no longer a typo of the other. Suggest returns nil when none is
// near enough or k <= 0.
func (g *Graph) Suggest(linkpath string, k int) []site.VaultPath {
	q := strings.TrimLeft(string(appendFold(nil, nfc(strings.TrimSpace(linkpath)))), "/")
	for strings.HasPrefix(q, "./") || strings.HasPrefix(q, "../") {
		q = q[strings.IndexByte(q, '/')+1:]
	}
	q = strings.TrimSuffix(q, ".md")
	if q == "" || k <= 0 {
		return nil
	}
	query := []rune(q)
	limit := max(1, len(query)/3)
	comps := strings.Count(q, "/") + 1
	qh := histogram(q)
	type hit struct {
		d int
		f *file
	}
	var hits []hit
	row := make([]int, 2*(len(query)+1))
	for i := range g.files {
		f := &g.files[i]
		if f.target.Note == nil {
			continue
		}
		name := strings.TrimSuffix(lastComponents(f.folded, comps), ".md")
		if d := abs(utf8.RuneCountInString(name) - len(query)); d > limit {
			continue
		}
		if comps == 1 && histDistance(qh, g.hist(i)) > 2*limit {
			continue // no edit script that short can turn one into the other
		}
		if d := editDistance(query, name, limit, row); d <= limit {
			hits = append(hits, hit{d, f})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Or(cmp.Compare(a.d, b.d), strings.Compare(a.f.path, b.f.path)) })
	out := make([]site.VaultPath, 0, min(k, len(hits)))
	for _, h := range hits[:min(k, len(hits))] {
		out = append(out, site.VaultPath(h.f.path))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// lastComponents returns the last n slash-separated components of p.
func lastComponents(p string, n int) string {
	i := len(p)
	for ; n > 0 && i > 0; n-- {
		i = strings.LastIndexByte(p[:i], '/')
	}
	return p[i+1:]
}

// editDistance returns the Levenshtein distance between a and the runes of
// b, or limit+1 as soon as it must exceed limit. row is scratch space of
// 2*(len(a)+1) ints.
func editDistance(a []rune, b string, limit int, row []int) int {
	prev, cur := row[:len(a)+1], row[len(a)+1:]
	for i := range prev {
		prev[i] = i
	}
	j := 0
	for _, rb := range b {
		j++
		cur[0] = j
		best := j
		for i, ra := range a {
			cost := 1
			if ra == rb {
				cost = 0
			}
			cur[i+1] = min(prev[i+1]+1, cur[i]+1, prev[i]+cost)
			best = min(best, cur[i+1])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(a)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// hist is a cheap summary of a name: how often each letter, digit or
// other character occurs (others share a few bins). One edit changes the
// summed difference of two histograms by at most 2, so a difference over
// 2*limit proves an edit distance over limit without running the DP: on
// a 10,000-note vault this skips most of Suggest's work.
type hist [32]uint8

func histogram(name string) hist {
	var h hist
	for _, r := range name {
		var bin int
		switch {
		case r >= 'a' && r <= 'z':
			bin = int(r - 'a')
		case r >= '0' && r <= '9':
			bin = 26
		default:
			bin = 27 + int(r)%5
		}
		if h[bin] < 255 {
			h[bin]++
		}
	}
	return h
}

func histDistance(a, b hist) int {
	d := 0
	for i := range a {
		d += abs(int(a[i]) - int(b[i]))
	}
	return d
}

// hist returns the histogram of file i's base name without ".md",
// computed once for all files on first use.
func (g *Graph) hist(i int) hist {
	g.histOnce.Do(func() {
		g.hists = make([]hist, len(g.files))
		for k := range g.files {
			g.hists[k] = histogram(strings.TrimSuffix(lastComponents(g.files[k].folded, 1), ".md"))
		}
	})
	return g.hists[i]
}
