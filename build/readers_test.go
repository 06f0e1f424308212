package build

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// readersVault returns testdata/readers.txtar with the notes the test
// adds: Long.md, five long sections, and Hub.md with hubSize neighbours
// of long titles, each linked to the next three.
func readersVault(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := vaultFile(t, "readers")
	var long strings.Builder
	for s := 1; s <= 5; s++ {
		fmt.Fprintf(&long, "## Section %d\n\n", s)
		for p := 0; p < 12; p++ {
			fmt.Fprintf(&long, "Paragraph %d of section %d, long enough to take a few lines of the page as a reader scrolls through it slowly.\n\n", p, s)
		}
	}
	fsys["Long.md"] = &fstest.MapFile{Data: []byte(long.String())}
	var hub strings.Builder
	for i := 1; i <= hubSize; i++ {
		name := fmt.Sprintf("Topic %02d with a fairly long descriptive title", i)
		fmt.Fprintf(&hub, "[[%s]] ", name)
		body := "Back to [[Hub]], on to"
		for k := 1; k <= 3; k++ {
			body += fmt.Sprintf(" [[Topic %02d with a fairly long descriptive title]]", (i+k-1)%hubSize+1)
		}
		fsys["Topics/"+name+".md"] = &fstest.MapFile{Data: []byte(body + ".\n")}
	}
	fsys["Hub.md"] = &fstest.MapFile{Data: []byte(hub.String() + "\n")}
	return fsys
}

// hubSize is how many notes Hub.md links: enough that their labels
// would cover each other on both graphs.
const hubSize = 40

// Listings show each note's description (its property, else its first
// sentence) and date in the site's language; by title, or newest first.
func TestListingRows(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, readersVault(t), Options{})
	assertOutput(t, em, "log/index.html", `
<a href="alpha/">Alpha</a> <time class="entry-date" datetime="2024-01-05">5 January 2024</time><p class="entry-description">First entry about alpha.</p>
<a href="beta/">Beta</a> <time class="entry-date" datetime="2024-03-01">1 March 2024</time><p class="entry-description">The beta one.</p>
<a href="gamma/">Gamma</a> <time class="entry-date" datetime="2023-12-31">31 December 2023</time><p class="entry-description">Gamma text here!</p>
<a href="undated/">Undated</a><p class="entry-description">Nothing dates this note.</p>
! Beta's body
`)
	page := string(em.Files["log/index.html"])
	if a, b := strings.Index(page, `"alpha/"`), strings.Index(page, `"beta/"`); a > b {
		t.Error("by default the listing is not in title order")
	}
	_, em = buildSite(t, readersVault(t), Options{NewestFirst: true})
	page = string(em.Files["log/index.html"])
	b, a, g, u := strings.Index(page, `"beta/"`), strings.Index(page, `"alpha/"`), strings.Index(page, `"gamma/"`), strings.Index(page, `"undated/"`)
	if !(b < a && a < g && g < u) {
		t.Errorf("newest first: beta, alpha, gamma, undated at %d, %d, %d, %d, want that order", b, a, g, u)
	}
}

func TestFirstSentence(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ give, want string }{
		{"One. Two.", "One."},
		{"Version 1.2 is out. Next.", "Version 1.2 is out."},
		{"Why? Because.", "Why?"},
		{"日本語の文です。次の文。", "日本語の文です。"},
		{"No end", "No end"},
		{strings.Repeat("word ", 50), strings.TrimSpace(strings.Repeat("word ", 32)) + "…"},
	} {
		if got := firstSentence(tt.give); got != tt.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}
