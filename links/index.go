package links

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vaultsite/vaultsite/site"
)

// Graph indexes every note and asset of a vault, published or not (SPEC
// §3.1: excluded files still resolve), and, once the parse phase has filled
// each note's Links, Headings and Blocks, the links between notes.
//
// After NewGraph every method is safe for concurrent use. Backlinks and
// Outlinks read every note's Links once, on their first call (or on
// Index); Links must not change after that.
type Graph struct {
	v     *site.Vault
	files []file // notes and assets, sorted by path

	// byName is SPEC §3.2's byName index with byPath folded into it: every
	// file whose path can equal or end with a linkpath p has the base name
	// of p, so one lookup serves the exact and the suffix steps. The key is
	// the folded base name, without ".md" for notes, so that "x" finds
	// x.md and an asset named x at once; the value is a chain through
	// file.next, in path order.
	byName map[string]chain

	noteIdx map[*site.Note]int // position in v.Notes

	histOnce sync.Once
	hists    []hist // Suggest's name summaries, parallel to files

	// Index fills these, once.
	once   sync.Once
	at     []int32   // v.Notes[i]'s links resolve into to[at[i]:at[i+1]]
	to     []int32   // each link's target note's position in v.Notes, or -1
	backs  []linkRef // backlinks grouped by target
	backAt []int32   // backs[backAt[i]:backAt[i+1]] are the links to v.Notes[i]
	outs   []int32   // outlinks grouped by source, as positions in v.Notes
	outAt  []int32   // outs[outAt[i]:outAt[i+1]] are v.Notes[i]'s outlinks
}

// file is one indexed vault file with what resolution needs precomputed.
type file struct {
	target site.Target
	note   int32 // position in v.Notes, or -1 for an asset
	asset  int32 // position in v.Assets, or -1 for a note
	path   string
	folded string // fold(path)
	base   int    // byte offset of the base name in folded
	u16    int    // UTF-16 length of path (SPEC §3.2 compares JavaScript lengths)
	// implied marks a note keyed without its ".md": a linkpath p finds it
	// as p+".md".
	implied bool
	next    int32 // the next file in the same byName chain, or -1
}

// chain is a list of files linked through file.next, with its ends.
type chain struct{ first, last int32 }

// NewGraph indexes v's notes and assets. Files with a hidden component
// (a name starting with ".") are left out, as Obsidian does (SPEC §3.2).
// Paths are indexed in NFC even when a hand-built vault holds NFD names.
func NewGraph(v *site.Vault) *Graph {
	g := &Graph{v: v, noteIdx: make(map[*site.Note]int, len(v.Notes))}
	for i, n := range v.Notes {
		g.noteIdx[n] = i
	}
	g.files = indexFiles(v)
	// Chains follow path order, which the tie-breaks and Candidates rely on.
	slices.SortStableFunc(g.files, func(a, b file) int { return strings.Compare(a.path, b.path) })
	g.byName = make(map[string]chain, len(g.files))
	for k := range g.files {
		g.chain(int32(k))
	}
	return g
}

// indexFiles returns v's files that are not hidden, notes first, with
// their NFC paths folded. All folded paths share one string: one
// allocation, and neighbours in memory.
func indexFiles(v *site.Vault) []file {
	files := make([]file, 0, len(v.Notes)+len(v.Assets))
	ends := make([]int, 0, cap(files))
	arena := make([]byte, 0, 48*cap(files)) // a guess at the mean path length; append grows it if needed
	add := func(t site.Target, note, asset int32, p site.VaultPath) {
		s := nfc(string(p))
		if !hidden(s) {
			arena = appendFold(arena, s)
			ends = append(ends, len(arena))
			files = append(files, file{target: t, note: note, asset: asset, path: s, u16: utf16Len(s), next: -1})
		}
	}
	for i, n := range v.Notes {
		add(site.Target{Note: n}, int32(i), -1, n.Path)
	}
	for i, a := range v.Assets {
		add(site.Target{Asset: a}, -1, int32(i), a.Path)
	}
	folded, start := string(arena), 0
	for k := range files {
		f := &files[k]
		f.folded, start = folded[start:ends[k]], ends[k]
		f.base = strings.LastIndexByte(f.folded, '/') + 1
		f.implied = f.target.Note != nil && strings.HasSuffix(f.folded, ".md")
	}
	return files
}

// chain appends file k to the byName chain of its name.
func (g *Graph) chain(k int32) {
	f := &g.files[k]
	key := f.folded[f.base:]
	if f.implied {
		key = key[:len(key)-len(".md")]
	}
	if c, ok := g.byName[key]; ok {
		g.files[c.last].next = k
		g.byName[key] = chain{c.first, k}
	} else {
		g.byName[key] = chain{k, k}
	}
}

// nfc returns s in NFC, quickly for ASCII, which needs no change.
func nfc(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFC.String(s)
		}
	}
	return s
}

// hidden reports whether a component of p starts with a dot.
func hidden(p string) bool {
	return strings.HasPrefix(p, ".") || strings.Contains(p, "/.")
}

// dir returns the folder part of a slash-separated path ("" at the root),
// without allocating.
func dir(p string) string {
	return p[:max(strings.LastIndexByte(p, '/'), 0)]
}

// appendFold appends the simple case folding of s to b (SPEC §1.2: Go's
// simple folding, nothing more). Each rune becomes a fixed member of its
// unicode.SimpleFold orbit, so two strings fold alike exactly when
// strings.EqualFold holds; lengths may change ("K" U+212A folds to "k").
func appendFold(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				b = utf8.AppendRune(b, foldRune(r))
			}
			return b
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// foldRune returns the smallest rune of r's simple-folding orbit, or its
// lower case when that is an ASCII letter.
func foldRune(r rune) rune {
	m := r
	if r >= utf8.RuneSelf {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

// utf16Len returns the length of s in UTF-16 code units, JavaScript's
// String.length.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++ // a surrogate pair
		}
	}
	return n
}
