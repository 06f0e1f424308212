package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vaultsite/vaultsite/site"
)

// The case files of the Obsidian-flavoured syntax, one per feature.

func TestHighlight(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/highlight.txt")
}

func TestCallout(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/callout.txt")
}

func TestBlockID(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/blockid.txt")
}

// TestBlocksFound checks what Parse reports of block ids: each id once,
// the first definition winning, at the offset of its "^".
func TestBlocksFound(t *testing.T) {
	t.Parallel()
	src := "para ^one\n\n> [!tip] T\n> body\n^two\n\nagain ^ONE\n\n- item ^three\n"
	d := New(Config{}).Parse(&site.Note{Path: "T.md", Source: []byte(src)}, nil)
	var want []site.Block
	for _, id := range []string{"one", "two", "three"} {
		want = append(want, site.Block{ID: id, Offset: strings.Index(src, "^"+id)})
	}
	if diff := cmp.Diff(want, d.Blocks); diff != "" {
		t.Errorf("Blocks (-want +got):\n%s", diff)
	}
}

// TestBlockEmbedsCallout checks that Doc.Block, which block embeds use,
// finds a callout named by a lazy "^id" and renders it whole (SPEC §12.2
// #4).
func TestBlockEmbedsCallout(t *testing.T) {
	t.Parallel()
	r := New(Config{})
	src := "intro\n\n> [!tip] Link text\n> body\n^callout-id\n"
	d := r.Parse(&site.Note{Path: "T.md", Source: []byte(src)}, nil)
	nodes := d.Block("Callout-ID")
	if len(nodes) != 1 {
		t.Fatalf("Block found %d nodes, want 1", len(nodes))
	}
	var b bytes.Buffer
	if err := r.RenderNodes(&b, d, nodes); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{`<div class="callout callout-tip" data-callout="tip"`, `id="^callout-id"`, "Link text", "<p>body</p>"} {
		if !strings.Contains(got, want) {
			t.Errorf("embedded block lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "intro") || strings.Contains(got, "^callout-id\n") {
		t.Errorf("embedded block shows more than the callout:\n%s", got)
	}
}

func TestComment(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/comment.txt")
}

// TestCommentStrictLineBreaks checks that a comment ending a line leaves
// no trailing blanks behind, which under strict line breaks would be read
// as a hard break (two spaces before the newline).
func TestCommentStrictLineBreaks(t *testing.T) {
	t.Parallel()
	m := newCaseMarkdown(Config{StrictLineBreaks: true})
	for _, tt := range []struct{ give, want string }{
		{give: "one %%x%%\ntwo\n", want: "<p>one\ntwo</p>\n"},
		{give: "one  \ntwo\n", want: "<p>one<br>\ntwo</p>\n"},
		{give: "one %%x%%  \ntwo\n", want: "<p>one<br>\ntwo</p>\n"},
	} {
		var b bytes.Buffer
		if err := m.Convert([]byte(tt.give), &b); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%q: got %q, want %q", tt.give, b.String(), tt.want)
		}
	}
}

func TestTask(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/task.txt")
}

func TestFootnote(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/footnote.txt")
}

func TestHTML(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/html.txt")
}

func TestCJKEmphasis(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/cjk.txt")
}

func TestWebEmbed(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/webembed.txt")
}

// TestBlockIDAfterHTML checks that a "^id" line after an HTML block is
// found, and that a block embed of it shows the HTML without the id.
func TestBlockIDAfterHTML(t *testing.T) {
	t.Parallel()
	r := New(Config{})
	src := "<iframe src=\"https://example.com/x\"></iframe>\n^frame\n\ntext\n"
	d := r.Parse(&site.Note{Path: "T.md", Source: []byte(src)}, nil)
	want := []site.Block{{ID: "frame", Offset: strings.Index(src, "^frame")}}
	if diff := cmp.Diff(want, d.Blocks); diff != "" {
		t.Errorf("Blocks (-want +got):\n%s", diff)
	}
	nodes := d.Block("frame")
	Unanchor(nodes)
	var b bytes.Buffer
	if err := r.RenderNodes(&b, d, nodes); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "<iframe src=\"https://example.com/x\"></iframe>\n" {
		t.Errorf("embedded block: %q", got)
	}
}

func TestMermaidLinks(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{}), "testdata/mermaid.txt")
}

func TestHTMLRemoteStylesheets(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{RemoteStylesheets: true}), "testdata/html_stylesheets.txt")
}

func TestTextJoin(t *testing.T) {
	doCaseFile(t, newCaseMarkdown(Config{StrictLineBreaks: true}), "testdata/textjoin.txt")
}
