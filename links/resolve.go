package links

import (
	"bytes"
	"cmp"
	"iter"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// Step says which rule of SPEC §3.2 settled a resolution.
type Step int

const (
	StepNone      Step = iota // unresolved
	StepSelf                  // an empty linkpath: the source note itself
	StepExact                 // the exact vault path, with or without an implied ".md"
	StepRelative              // an explicit "./" or "../" path from the source's folder
	StepSuffix                // the only file whose path ends with the linkpath
	StepOwnFolder             // the only candidate in the source's own folder
	StepShortest              // the shortest candidate path, then the lexically smallest
)

var stepNames = [...]string{"none", "self", "exact", "relative", "suffix", "own-folder", "shortest"}

// String returns the step's name in kebab case ("own-folder"), or
// "Step(n)" for an unknown value.
func (s Step) String() string {
	if s < 0 || int(s) >= len(stepNames) {
		return "Step(" + strconv.Itoa(int(s)) + ")"
	}
	return stepNames[s]
}

// Resolution is the outcome of resolving a linkpath.
type Resolution struct {
	Target site.Target // zero when unresolved
	Step   Step        // StepNone when unresolved
	// Ambiguous says that several files matched and the tie-break (own
	// folder, shortest path, exact case, lexical order) picked Target.
	Ambiguous bool
	// Candidates lists, when Ambiguous, every file that matched, the
	// winner first and the rest in tie-break order.
	Candidates []site.VaultPath
	// CaseOnly says that Target's path matches the link only when case is
	// ignored ("[[Graph View]]" for "Plugins/Graph view.md").
	CaseOnly bool
}

// maxStack is the size of the stack buffer for folded linkpaths; longer
// ones spill to the heap, which is correct, only slower.
const maxStack = 128

// Resolve resolves a linkpath written in note from, by SPEC §3.2. The
// caller has cut off the subpath and percent-decoded Markdown links;
// Resolve trims white space and normalises to NFC itself. An empty
// linkpath names from (StepSelf). Otherwise the steps run in order, each
// comparing case-insensitively (simple folding) and preferring a file whose
// case matches exactly:
//
//   - the exact vault path p, else p+".md" (StepExact);
//   - for "./x" and "../x", that path from from's folder, and nothing else;
//     a path leaving the vault resolves to nothing (StepRelative);
//   - for "/x", only the exact step, from the vault root;
//   - else every file whose path ends with "/"+p, or with "/"+p+".md" for a
//     note, compared component by component: the only one (StepSuffix),
//     else the only one in from's folder (StepOwnFolder), else the one with
//     the shortest UTF-16 path, then exact case, then the smallest path
//     (StepShortest).
//
// Aliases never resolve a link, and ".md" is the only implied extension:
// "x" never finds "x.canvas". A nil from is allowed; it has no own folder
// and an empty linkpath then resolves to nothing. Resolve does not allocate
// unless the link is ambiguous, relative, longer than maxStack bytes or
// not in NFC.
func (g *Graph) Resolve(from *site.Note, linkpath string) Resolution {
	r, _ := g.resolve(from, linkpath)
	return r
}

// resolve is Resolve, also returning the target's index in g.files (-1
// when unresolved or for StepSelf).
func (g *Graph) resolve(from *site.Note, linkpath string) (Resolution, int32) {
	p := nfc(strings.TrimSpace(linkpath))
	if p == "" {
		if from == nil {
			return Resolution{}, -1
		}
		return Resolution{Target: site.Target{Note: from}, Step: StepSelf}, -1
	}
	p, rooted := strings.CutPrefix(p, "/")
	var buf [maxStack]byte
	lk := g.lookup(p, buf[:0])
	if r, k, ok := g.exact(&lk, StepExact); ok {
		return r, k
	}
	if strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") {
		return g.relative(from, p)
	}
	if rooted {
		return Resolution{}, -1
	}
	return g.suffix(from, &lk)
}

// lookup holds a linkpath and the byName chains of the files named like it.
type lookup struct {
	p      string   // the linkpath, NFC
	buf    []byte   // fold(p) + ".md"
	n      int      // len(fold(p))
	chains [2]chain // the chains of base(fold(p)), and of it without ".md"
	has    [2]bool
}

// key returns the folded text that the path of a file must equal or end
// with: fold(p), or fold(p)+".md" for a note found by its implied ".md".
func (lk *lookup) key(implied bool) []byte {
	if implied {
		return lk.buf
	}
	return lk.buf[:lk.n]
}

// lookup folds p into buf and finds the chains of its base name: the chain
// of notes p.md and assets p, and, when p ends with ".md", the chain
// holding the note p itself.
func (g *Graph) lookup(p string, buf []byte) lookup {
	lk := lookup{p: p, buf: appendFold(buf, p)}
	lk.n = len(lk.buf)
	lk.buf = append(lk.buf, ".md"...)
	base := lk.buf[bytes.LastIndexByte(lk.buf[:lk.n], '/')+1 : lk.n]
	lk.chains[0], lk.has[0] = g.byName[string(base)]
	if stem, ok := bytes.CutSuffix(base, []byte(".md")); ok && len(stem) > 0 {
		lk.chains[1], lk.has[1] = g.byName[string(stem)]
	}
	return lk
}

// named yields every file named like lk.p, and whether it is a note found
// by its implied ".md".
func (g *Graph) named(lk *lookup) iter.Seq2[int32, bool] {
	return func(yield func(int32, bool) bool) {
		for i, c := range lk.chains {
			for k := c.first; lk.has[i] && k >= 0; k = g.files[k].next {
				implied := g.files[k].implied
				if i == 1 && !implied {
					continue // an asset named like p without ".md"
				}
				if !yield(k, i == 0 && implied) {
					return
				}
			}
		}
	}
}

// exact is the exact step: the file at p, else the note at p+".md". Of
// several files that differ only in case it picks the one whose case
// matches p, else the smallest path, and reports that pick as ambiguous.
func (g *Graph) exact(lk *lookup, step Step) (Resolution, int32, bool) {
	for _, implied := range [2]bool{false, true} {
		first, same, n := int32(-1), int32(-1), 0
		for k, imp := range g.named(lk) {
			f := &g.files[k]
			if imp != implied || f.folded != string(lk.key(imp)) {
				continue
			}
			n++
			if first < 0 || f.path < g.files[first].path {
				first = k
			}
			if same < 0 && sameCase(f.path, lk.p, imp) {
				same = k
			}
		}
		switch {
		case n == 0:
			continue
		case same >= 0:
			return Resolution{Target: g.files[same].target, Step: step}, same, true
		}
		r := Resolution{Target: g.files[first].target, Step: step, CaseOnly: true}
		if n > 1 {
			r.Ambiguous = true
			for k, imp := range g.named(lk) {
				if imp == implied && g.files[k].folded == string(lk.key(imp)) {
					r.Candidates = append(r.Candidates, site.VaultPath(g.files[k].path))
				}
			}
			slices.Sort(r.Candidates)
		}
		return r, first, true
	}
	return Resolution{}, -1, false
}

// relative is the relative step for a p starting with "./" or "../".
func (g *Graph) relative(from *site.Note, p string) (Resolution, int32) {
	last := p[strings.LastIndexByte(p, '/')+1:]
	if last == "" || last == "." || last == ".." {
		return Resolution{}, -1 // a folder, never a file
	}
	q := path.Join(srcDir(from), p)
	if q == ".." || strings.HasPrefix(q, "../") {
		return Resolution{}, -1 // leaves the vault
	}
	var buf [maxStack]byte
	lk := g.lookup(q, buf[:0])
	r, k, _ := g.exact(&lk, StepRelative)
	return r, k
}

// srcDir returns the folder of the note from, in NFC ("" at the root or
// for nil).
func srcDir(from *site.Note) string {
	if from == nil {
		return ""
	}
	return dir(nfc(string(from.Path)))
}

// candidate is a file kept by the suffix step.
type candidate struct {
	k         int32
	own, same bool // in the source's folder; exact case
}

// suffix is the name step: the files named like p whose path ends with p
// (or p+".md" for a note) at a component boundary, ranked by better.
func (g *Graph) suffix(from *site.Note, lk *lookup) (Resolution, int32) {
	var arr [8]candidate // more than 8 files of one name is rare; more spill to the heap
	cs := arr[:0]
	for k, imp := range g.named(lk) {
		if f := &g.files[k]; hasPathSuffix(f.folded, lk.key(imp)) {
			cs = append(cs, candidate{k: k, same: sameCaseSuffix(f.path, lk.p, imp)})
		}
	}
	switch len(cs) {
	case 0:
		return Resolution{}, -1
	case 1:
		return Resolution{Target: g.files[cs[0].k].target, Step: StepSuffix, CaseOnly: !cs[0].same}, cs[0].k
	}
	own, owns := srcDir(from), 0
	for i := range cs {
		cs[i].own = from != nil && dir(g.files[cs[i].k].path) == own
		if cs[i].own {
			owns++
		}
	}
	slices.SortFunc(cs, g.compare)
	r := Resolution{Target: g.files[cs[0].k].target, Step: StepShortest, CaseOnly: !cs[0].same, Ambiguous: true}
	if owns == 1 {
		r.Step = StepOwnFolder
	}
	r.Candidates = make([]site.VaultPath, len(cs))
	for i, c := range cs {
		r.Candidates[i] = site.VaultPath(g.files[c.k].path)
	}
	return r, cs[0].k
}

// compare orders candidates best first: own folder, then shorter UTF-16
// path, then exact case, then the smaller path.
func (g *Graph) compare(a, b candidate) int {
	fa, fb := &g.files[a.k], &g.files[b.k]
	return cmp.Or(
		-cmp.Compare(b2i(a.own), b2i(b.own)),
		cmp.Compare(fa.u16, fb.u16),
		-cmp.Compare(b2i(a.same), b2i(b.same)),
		strings.Compare(fa.path, fb.path),
	)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hasPathSuffix reports whether s equals q or ends with "/"+q.
func hasPathSuffix(s string, q []byte) bool {
	i := len(s) - len(q)
	return i >= 0 && s[i:] == string(q) && (i == 0 || s[i-1] == '/')
}

// sameCase reports whether path is p (plus ".md" in any case when implied).
func sameCase(path, p string, implied bool) bool {
	if !implied {
		return path == p
	}
	return len(path) == len(p)+3 && path[:len(p)] == p && strings.EqualFold(path[len(p):], ".md")
}

// sameCaseSuffix reports whether path ends with p (plus ".md" in any case
// when implied) at a component boundary.
func sameCaseSuffix(path, p string, implied bool) bool {
	if implied {
		if len(path) < 3 || !strings.EqualFold(path[len(path)-3:], ".md") {
			return false
		}
		path = path[:len(path)-3]
	}
	i := len(path) - len(p)
	return i >= 0 && path[i:] == p && (i == 0 || path[i-1] == '/')
}
