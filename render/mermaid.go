package render

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/vaultsite/vaultsite/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindMermaidLinks is the kind of MermaidLinks.
var KindMermaidLinks = ast.NewNodeKind("MermaidLinks")

// MermaidLinks lists the nodes of a Mermaid flowchart marked
// "class A internal-link;", which Obsidian turns into links to the notes
// named by the nodes' text (SPEC §6.7). It hangs under the fenced code
// block of the diagram, which renders it (code.go): ids, sections and
// embeds go on treating the diagram as the code block it is. The links
// are resolved like wikilinks (Bind) but are not links of the note:
// Obsidian leaves them out of the graph and backlinks.
type MermaidLinks struct {
	ast.BaseInline
	Links []MermaidLink
}

// MermaidLink is one linked node: its Mermaid id, the note its text
// names, and where that leads once bound.
type MermaidLink struct {
	ID   string
	Link site.Link
	Dest Dest
}

// Kind implements ast.Node.
func (n *MermaidLinks) Kind() ast.NodeKind { return KindMermaidLinks }

// Dump implements ast.Node.
func (n *MermaidLinks) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// mermaidTransformerPriority: before the block ids (200), which may name
// the code block, though any slot works since it only adds a child.
const mermaidTransformerPriority = 190

type mermaidTransformer struct{}

var _ parser.ASTTransformer = mermaidTransformer{}

// Transform finds the internal-link nodes of each flowchart fence.
func (mermaidTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		f, ok := n.(*ast.FencedCodeBlock)
		if !ok || !entering || !strings.EqualFold(string(f.Language(src)), "mermaid") {
			return ast.WalkContinue, nil
		}
		if links := mermaidLinks(codeText(f, src)); len(links) > 0 {
			f.AppendChild(f, &MermaidLinks{Links: links})
		}
		return ast.WalkSkipChildren, nil
	})
}

var (
	// mermaidClass is "class A,B internal-link;": the ids before the class.
	mermaidClass = regexp.MustCompile(`(?m)^[ \t]*class[ \t]+(.+?)[ \t]+internal-link[ \t]*;?[ \t]*$`)
	// mermaidID is an id that a "click" line can name; any other (a
	// quoted name with spaces) gets no link rather than break the chart.
	mermaidID = regexp.MustCompile(`^[\p{L}\p{N}_.-]+$`)
	// mermaidChart is the first statement of a flowchart, where
	// "click … href" is Mermaid syntax.
	mermaidChart = regexp.MustCompile(`^(?:graph|flowchart)(?:[ \t;]|$)`)
)

// mermaidLinks reads the internal-link nodes of a flowchart and the note
// each names: the text of its shape ("A[Biology]", "A([\"⨳ x\"])"), or
// the id itself for a node written bare ("Biology --> Chemistry").
func mermaidLinks(code []byte) []MermaidLink {
	if !mermaidChart.Match(bytes.TrimSpace(firstStatement(code))) {
		return nil
	}
	var out []MermaidLink
	seen := map[string]bool{}
	for _, m := range mermaidClass.FindAllSubmatch(code, -1) {
		for _, id := range strings.Split(string(m[1]), ",") {
			id = strings.TrimSpace(id)
			if !mermaidID.MatchString(id) || seen[id] {
				continue
			}
			seen[id] = true
			name := nodeText(code, id)
			if name == "" {
				continue
			}
			path, sub := splitSubpath(name)
			out = append(out, MermaidLink{ID: id, Link: site.Link{Kind: site.WikiLink, Path: path, Subpath: sub, Raw: name}})
		}
	}
	return out
}

// firstStatement returns the first line that is not blank or a %%
// comment.
func firstStatement(code []byte) []byte {
	for _, line := range bytes.Split(code, []byte("\n")) {
		if t := bytes.TrimSpace(line); len(t) > 0 && !bytes.HasPrefix(t, []byte("%%")) {
			return t
		}
	}
	return nil
}

// nodeText returns the text of the node id: the label of its first shape
// without quotes, or the id when it appears bare in a statement that
// draws it ("Biology --> Chemistry"); "" when it only names a class or a
// style, where Mermaid draws no node.
func nodeText(code []byte, id string) string {
	shape := regexp.MustCompile(`(?:^|[\s;&>|-])` + regexp.QuoteMeta(id) + `[ \t]*([\[({>])`)
	for _, m := range shape.FindAllSubmatchIndex(code, -1) {
		if label := shapeLabel(code[m[2]:]); label != "" {
			return label
		}
	}
	bare := regexp.MustCompile(`(?:^|[\s;&>|-])` + regexp.QuoteMeta(id) + `(?:$|[\s;&-])`)
	for _, line := range bytes.Split(code, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if !mermaidDirective.Match(t) && bare.Match(t) {
			return id
		}
	}
	return ""
}

// mermaidDirective is a statement that names nodes without drawing them.
var mermaidDirective = regexp.MustCompile(`^(?:class|classDef|click|style|linkStyle)\s`)

// shapeLabel reads the label of a shape that opens at s: the run of
// bracket characters, then a quoted string or the text up to the first
// closing bracket.
func shapeLabel(s []byte) string {
	i := 0
	for i < len(s) && strings.IndexByte("[({>/\\", s[i]) >= 0 {
		i++
	}
	s = s[i:]
	if len(s) > 0 && s[0] == '"' {
		if end := bytes.IndexByte(s[1:], '"'); end >= 0 {
			return strings.TrimSpace(string(s[1 : end+1]))
		}
	}
	end := bytes.IndexAny(s, "])}\n")
	if end < 0 {
		return ""
	}
	return strings.TrimSpace(strings.TrimRight(string(s[:end]), `/\`))
}

// writeMermaidClicks appends to a diagram's source one
// `click ID href "URL"` line per linked node whose note resolved: Mermaid
// then draws the node inside an <a>, with the theme's own link styles.
func writeMermaidClicks(w util.BufWriter, f ast.Node) {
	for c := f.FirstChild(); c != nil; c = c.NextSibling() {
		ml, ok := c.(*MermaidLinks)
		if !ok {
			continue
		}
		for _, l := range ml.Links {
			if l.Dest.State != Resolved {
				continue
			}
			_, _ = w.WriteString("\nclick " + l.ID + ` href "`)
			_, _ = w.Write(util.EscapeHTML([]byte(l.Dest.URL)))
			_, _ = w.WriteString(`"`)
		}
	}
}
