package build

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/site"
)

func TestCanvasPages(t *testing.T) {
	t.Parallel()
	em := NewMemEmitter()
	res, err := Build(context.Background(), vaultFile(t, "canvas"), Options{}, em)
	if err != nil {
		t.Fatal(err)
	}
	page := string(em.Files["maps/board.canvas/index.html"])
	if page == "" {
		t.Fatalf("no canvas page; emitted %v", em.Paths())
	}
	for _, want := range []string{
		`<body class="page-canvas">`,
		`<h1 class="page-title inline-title">board</h1>`,
		`<li><a href="../">Maps</a></li>`,                                          // breadcrumbs
		`<strong>this</strong>`,                                                    // a text card's Markdown
		`<a class="internal-link" data-href="UDP" href="../../notes/udp/">UDP</a>`, // resolved from the canvas's folder
		`href="../../notes/tcp/#handshake"`,                                        // the file node links its section
		`SYN, SYN-ACK, ACK.`,                                                       // and shows it
		`<img class="canvas-node-image" src="../../Maps/img.png"`,                  // an image node
		`href="https://example.org/"`,                                              // a link node
		`File not found`,                                                           // a missing file
		`class="canvas-node canvas-node-file is-unpublished"`,                      // a hidden note, nameless
		`<path class="canvas-edge-line"`,                                           // the edges
		`>handshake first</div>`,                                                   // with labels
		`<li>Start → TCP › Handshake: handshake first</li>`,                        // and in words
		`<script src="../../_site/canvas.`,                                         // pan and zoom
		`<a class="backlink-title internal-link" href="../../">Home</a>`,           // who links here
	} {
		if !strings.Contains(page, want) {
			t.Errorf("canvas page lacks %q", want)
		}
	}
	for _, not := range []string{"Not in the card", "Secret", "Hidden."} {
		if strings.Contains(page, not) {
			t.Errorf("canvas page shows %q", not)
		}
	}
	if _, ok := em.Files["Maps/img.png"]; !ok {
		t.Error("the image of a file node was not copied")
	}
	for _, p := range []site.OutPath{"Maps/unused.png", "Maps/board.canvas", "Maps/broken.canvas"} {
		if _, ok := em.Files[p]; ok {
			t.Errorf("%s was copied", p)
		}
	}
	home := string(em.Files["index.html"])
	for _, want := range []string{
		`data-href="board.canvas" href="maps/board.canvas/">board.canvas</a>`,
		`<a class="internal-link file-embed-link" href="maps/board.canvas/">The board</a>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
	if folder := string(em.Files["maps/index.html"]); !strings.Contains(folder, `<a href="board.canvas/">board</a>`) {
		t.Error("the folder listing does not list the canvas")
	}

	// A broken canvas is reported at its error and still gets a page.
	broken := string(em.Files["maps/broken.canvas/index.html"])
	if !strings.Contains(broken, "This canvas is empty.") {
		t.Errorf("broken canvas page = %q", broken)
	}
	var found bool
	for _, d := range res.Diags {
		if d.Code == "invalid-canvas" {
			found = true
			if got := d.Pos.String(); got != "Maps/broken.canvas:4:3" {
				t.Errorf("invalid-canvas at %s, want Maps/broken.canvas:4:3", got)
			}
		}
	}
	if !found {
		t.Errorf("no invalid-canvas diagnostic in %v", res.Diags)
	}
	if n := checkLinks(t, em); n < 20 {
		t.Errorf("only %d internal URLs checked", n)
	}
}

// TestCanvasCheck proves check, which runs Analyze only, sees an invalid
// canvas as build does.
func TestCanvasCheck(t *testing.T) {
	t.Parallel()
	a, err := Analyze(context.Background(), vaultFile(t, "canvas"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range a.Diags {
		if d.Code == "invalid-canvas" {
			got = append(got, d.Pos.String())
		}
	}
	if len(got) != 1 || got[0] != "Maps/broken.canvas:4:3" {
		t.Errorf("invalid-canvas diagnostics at %v, want one at Maps/broken.canvas:4:3", got)
	}
}

// TestCanvasPublishing: a canvas follows the path rules of notes (here
// userIgnoreFilters), and opt-in mode publishes no canvas; links to an
// unpublished canvas are plain text.
func TestCanvasPublishing(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		".obsidian/app.json":    {Data: []byte(`{"userIgnoreFilters": ["Private/"]}`)},
		"Private/secret.canvas": {Data: []byte(`{"nodes":[{"id":"a","type":"text","text":"zebra-marker","x":0,"y":0,"width":100,"height":50}]}`)},
		"Public board.canvas":   {Data: []byte(`{"nodes":[]}`)},
		"Home.md":               {Data: []byte("---\npublish: true\n---\n[[secret.canvas]] and [[Public board.canvas]]\n")},
	}
	for _, optIn := range []bool{false, true} {
		_, em := buildSite(t, fsys, Options{Load: site.LoadOptions{OptIn: optIn}})
		for p, data := range em.Files {
			if bytes.Contains(data, []byte("zebra-marker")) {
				t.Errorf("opt-in %v: %s shows the ignored canvas's text", optIn, p)
			}
		}
		_, public := em.Files["public-board.canvas/index.html"]
		if public == optIn {
			t.Errorf("opt-in %v: public canvas page emitted = %v", optIn, public)
		}
		if _, ok := em.Files["private/secret.canvas/index.html"]; ok {
			t.Errorf("opt-in %v: the ignored canvas got a page", optIn)
		}
	}
}
