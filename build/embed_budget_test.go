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
	b, _, err := buildFrom(ctx, a, Options{}, em, nil)
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
	if got := len(a.templates.m); got != 8 {
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
