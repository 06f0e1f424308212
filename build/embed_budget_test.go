package build

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// chainVault is nine notes of about 1.3 KB, each embedding the next ten
// times: without a bound on embedded bytes, 10⁶ expansions on a page.
func chainVault() fstest.MapFS {
	fsys := fstest.MapFS{}
	text := strings.Repeat("Some words of a note that is embedded. ", 33) + "\n\n"
	for i := 1; i <= 9; i++ {
		src := text
		if i < 9 {
			src += strings.Repeat(fmt.Sprintf("![[n%d]]\n\n", i+1), 10)
		}
		fsys[fmt.Sprintf("n%d.md", i)] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// TestEmbedBudget builds the chain: the output stays within a few times
// the budget per page, the cut embeds are reported (embed-budget) and
// show as links, and every embedded section was rendered once.
func TestEmbedBudget(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, err := Analyze(ctx, chainVault(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	em := NewMemEmitter()
	b, _, err := buildFrom(ctx, a, Options{}, em, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, data := range em.Files {
		total += len(data)
	}
	t.Logf("%d bytes in %d files", total, len(em.Files))
	if total > 40<<20 {
		t.Errorf("the site is %d MiB; the budget should keep it near 9 pages × 4 MiB", total>>20)
	}
	for p, data := range em.Files {
		if len(data) > DefaultEmbedBudget+1<<20 {
			t.Errorf("%s is %d bytes, over the budget of %d and one section", p, len(data), DefaultEmbedBudget)
		}
	}
	if got := len(b.templates.m); got != 8 {
		t.Errorf("%d sections rendered, want 8 (n2 to n9, once each)", got)
	}
	budget := 0
	for _, d := range b.use.diags {
		if d.Code == "embed-budget" {
			budget++
		}
	}
	if budget == 0 {
		t.Error("no embed-budget diagnostic")
	}
	if !strings.Contains(string(em.Files["n1/index.html"]), `title="`+budgetTitle+`"`) {
		t.Error("n1's page has no embed cut by the budget")
	}
}

// TestCheckEmbedsAsBuild proves that check's measure reports the
// embed-budget lines the build reports, with a smaller budget too.
func TestCheckEmbedsAsBuild(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	opts := Options{EmbedBudget: 64 << 10}
	res, err := Build(ctx, chainVault(), opts, NewMemEmitter())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range res.Diags {
		if d.Code == "embed-budget" {
			want = append(want, d.String())
		}
	}
	a, err := Analyze(ctx, chainVault(), opts)
	if err != nil {
		t.Fatal(err)
	}
	diags, err := CheckEmbeds(ctx, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check reports\n%s\nbuild reports\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(strings.Join(want, ""), "64 KiB") {
		t.Errorf("the message does not name the budget: %v", want)
	}
}

// TestEmbedsFilledPerPage embeds the same sections, which link to notes,
// headings, tags, an image and a PDF page and hold footnotes, from pages
// at several depths, nested and in cycles: every URL the filled-in
// templates hold points to a written file from the page it is on, every
// id is there once, and each section was rendered once.
func TestEmbedsFilledPerPage(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"Home.md":       {Data: []byte("Intro[^1] ![[A/One]]\n\n![[A/B/Two#Part]] ![[A/B/C/Deep#^blk]]\n\n- ![[Cyc1]]\n\n[^1]: foot ![[A/One]]\n")},
		"A/One.md":      {Data: []byte("# One\nText[^a] #inner [[Home]] [[A/B/Two#Part|part]] ![[img/p.png]] ![[A/doc.pdf#page=3]]\n\n![[A/B/Two]]\n\n[^a]: see [[A/B/C/Deep]]\n")},
		"A/B/Two.md":    {Data: []byte("# Two\n## Part\nPart[^x] ^pb\n![[A/B/C/Deep]]\n[^x]: two\n## Other\n![[Map.canvas]]\n")},
		"A/B/C/Deep.md": {Data: []byte("Deep[^d] ^blk\n\n## Sec\n![[Home]]\n\n[^d]: deep\n")},
		"Cyc1.md":       {Data: []byte("![[Cyc2]]\n")},
		"Cyc2.md":       {Data: []byte("![[Cyc1]] ![[A/One]]\n")},
		"img/p.png":     {Data: []byte("png")},
		"A/doc.pdf":     {Data: []byte("%PDF")},
		"Map.canvas":    {Data: []byte(`{"nodes":[{"id":"a","type":"file","file":"A/One.md","x":0,"y":0,"width":9,"height":9}],"edges":[]}`)},
	}
	ctx := context.Background()
	a, err := Analyze(ctx, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	em := NewMemEmitter()
	b, _, err := buildFrom(ctx, a, Options{}, em, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkLinks(t, em)
	home := string(em.Files["index.html"])
	for _, want := range []string{`href="a/one/"`, `src="img/p.png"`, `src="A/doc.pdf#page=3"`, `href="tags/inner/"`, `id="fn-e1-fn:1"`, `href="#fn-e2-fn:1"`} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	deep := string(em.Files["a/b/c/deep/index.html"])
	for _, want := range []string{`href="../../../"`, `title="not embedded again: it would embed itself"`} {
		if !strings.Contains(deep, want) {
			t.Errorf("a/b/c/deep/index.html lacks %s", want)
		}
	}
	if got := len(b.templates.m); got > 9 {
		t.Errorf("%d sections rendered; each embedded section should be rendered once", got)
	}
}
