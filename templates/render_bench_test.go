package templates

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// benchPage is a note page of about the median size of a generated
// 10,000-note vault, with a hub's share of backlinks.
func benchPage() *PageData {
	p := &PageData{Kind: PageNote, Title: "Timeout evening process partner", Root: "../../",
		Content:  template.HTML(strings.Repeat("<p>Some text with a <a href=\"../x/\">link</a>.</p>\n", 150)),
		Explorer: "_site/explorer/0.json", Slug: "math/timeout-evening", HasMath: true,
		Nav: []Link{{"Tags", "../../tags/"}, {"Graph", "../../graph/"}}, GraphData: "../../_site/graph.json"}
	p.Breadcrumbs = []Link{{"Home", "../../"}, {"Math", "../"}}
	for i := range 4 {
		p.Properties = append(p.Properties, Property{Key: fmt.Sprint("key", i), Values: []PropValue{{Text: "value " + fmt.Sprint(i)}, {Text: "tag", URL: "../../tags/tag/", IsTag: true}}})
	}
	for i := range 6 {
		p.Tags = append(p.Tags, Link{fmt.Sprint("topic/t", i), site.RelURL(fmt.Sprint("../../tags/topic/t", i, "/"))})
	}
	for i := range 12 {
		p.TOC = append(p.TOC, TOCEntry{Level: 2 + i%2, Text: fmt.Sprint("Heading number ", i), ID: fmt.Sprint("heading-number-", i)})
	}
	for i := range 30 {
		p.Backlinks = append(p.Backlinks, Backlink{Title: fmt.Sprint("Some note ", i), URL: site.RelURL(fmt.Sprint("../../folder/some-note-", i, "/")),
			Context: "… a sentence that mentions the note & its <context> at some length …"})
	}
	lg := &LocalGraph{Self: "math/timeout-evening/"}
	for i := range 25 {
		lg.Nodes = append(lg.Nodes, GraphNode{Title: fmt.Sprint("Node ", i), URL: site.RelURL(fmt.Sprint("../../n", i, "/"))})
		lg.Edges = append(lg.Edges, 0, int32(i))
	}
	p.LocalGraph = lg
	return p
}

func BenchmarkRenderNote(b *testing.B) {
	p := benchPage()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
