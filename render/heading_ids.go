package render

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// headingIDTransformerPriority runs last among ours: ids are slugs of the
// rendered text, which the link transformers shape.
const headingIDTransformerPriority = 900

// headingIDTransformer gives every heading a GitHub-style id from its
// rendered text, de-duplicated with -1, -2 …, and data-heading with the
// raw text (SPEC §9.3). goldmark's own automatic ids drop every non-ASCII
// letter (DEPS §4), so they stay off.
type headingIDTransformer struct{}

var _ parser.ASTTransformer = headingIDTransformer{}

func (headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var ids headingIDs
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		id := ids.unique(githubSlug(plainText(h, src)))
		h.SetAttributeString("id", []byte(id))
		h.SetAttributeString("data-heading", []byte(headingRaw(h, src)))
		return ast.WalkSkipChildren, nil
	})
}

// headingRaw is the heading's source after its markers, as Obsidian stores
// it (SPEC §9.1): "See [[Other]]".
func headingRaw(h *ast.Heading, src []byte) string {
	var b strings.Builder
	lines := h.Lines()
	for i := 0; i < lines.Len(); i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// githubSlug lower-cases s, keeps letters, marks, digits, "_" and "-",
// turns each space into "-" and drops everything else (punctuation,
// symbols, emoji), as github-slugger does: "This -- Is__A_Test!" gives
// "this----is__a_test".
func githubSlug(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// headingIDs hands out a document's heading ids. next remembers, for
// each slug, the suffix to try first: trying -1, -2 … from the start for
// every heading made a note of thousands of equal headings quadratic.
type headingIDs struct {
	taken map[string]bool
	next  map[string]int
}

// unique returns id, or id-1, id-2 … when taken in this document.
func (s *headingIDs) unique(id string) string {
	if s.taken == nil {
		s.taken, s.next = map[string]bool{}, map[string]int{}
	}
	if id == "" {
		id = "heading" // a heading of emoji or punctuation alone
	}
	out := id
	if s.taken[out] {
		n := max(s.next[id], 1)
		for out = id + "-" + strconv.Itoa(n); s.taken[out]; out = id + "-" + strconv.Itoa(n) {
			n++
		}
		s.next[id] = n + 1
	}
	s.taken[out] = true
	return out
}
