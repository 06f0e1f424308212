package build

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/vaultsite/vaultsite/site"
)

// calloutLine is the first line of a callout: blockquote markers, then
// "[!"; indented by up to three spaces, or inside a list item.
var calloutLine = regexp.MustCompile(`^(?:\s*(?:[-*+]|\d+[.)])\s+)?\s{0,3}(?:>\s*)+\[!`)

// sourceCallouts counts callout first lines outside fenced code, with a
// scanner of its own so the test does not trust the renderer it checks.
func sourceCallouts(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, fence := 0, ""
	prevQuote := false
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		trim := strings.TrimLeft(line, " \t>")
		switch {
		case fence != "" && strings.HasPrefix(trim, fence):
			fence = ""
			continue
		case fence == "" && (strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~")):
			fence = trim[:3]
			continue
		case fence != "":
			continue
		}
		quote := strings.HasPrefix(strings.TrimSpace(line), ">")
		if calloutLine.MatchString(line) && (!prevQuote || strings.Count(strings.Split(line, "[!")[0], ">") > 1) {
			n++
		}
		prevQuote = quote
	}
	return n
}

// pageCallouts counts callouts on a page outside embedded content, and
// collects the text of the note's content (embeds included) outside code.
func pageCallouts(data []byte) (n int, text string) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var b strings.Builder
	embed, code, content := 0, 0, 0
	type open struct{ embed, content bool }
	var stack []open
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n, b.String()
		case html.StartTagToken:
			tok := z.Token()
			isEmbed, isContent := false, false
			for _, a := range tok.Attr {
				if a.Key == "class" && strings.Contains(a.Val, "markdown-embed-content") {
					isEmbed = true
				}
				if a.Key == "class" && strings.Contains(a.Val, "markdown-preview-view") {
					isContent = true
				}
				if a.Key == "data-callout" && embed == 0 {
					n++
				}
			}
			if isEmbed {
				embed++
			}
			if isContent {
				content++
			}
			switch tok.Data {
			case "code", "pre", "script", "style":
				code++
			}
			if !voidElement(tok.Data) {
				stack = append(stack, open{isEmbed, isContent})
			}
		case html.EndTagToken:
			tok := z.Token()
			switch tok.Data {
			case "code", "pre", "script", "style":
				code--
			}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				if top.embed {
					embed--
				}
				if top.content {
					content--
				}
				stack = stack[:len(stack)-1]
			}
		case html.TextToken:
			if code == 0 && content > 0 {
				b.Write(z.Text())
				b.WriteByte('\n')
			}
		}
	}
}

func voidElement(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// TestHelpVaultSyntax: each callout of each note is a callout on its page,
// and no page shows Obsidian syntax as text outside code.
func TestHelpVaultSyntax(t *testing.T) {
	t.Parallel()
	res, em := buildDir(t, helpVault, Options{})
	total := 0
	for _, n := range res.Vault.Published() {
		want := sourceCallouts(t, filepath.Join(helpVault, filepath.FromSlash(string(n.Path))))
		total += want
		got, text := pageCallouts(em.Files[n.Slug.OutPath()])
		if got != want {
			t.Errorf("%s: %d callouts on the page, %d in the source", n.Path, got, want)
		}
		for _, lit := range []string{"[!", "[[", "==", "%%"} {
			if i := strings.Index(text, lit); i >= 0 && !escapedInSource(n, lit) {
				t.Errorf("%s: page shows %q as text: …%s…", n.Path, lit, text[max(0, i-40):min(len(text), i+40)])
			}
		}
		if m := blockIDText.FindStringIndex(text); m != nil {
			t.Errorf("%s: page shows a block id as text: …%s…", n.Path, text[max(0, m[0]-40):min(len(text), m[1]+40)])
		}
		for _, e := range titledEmbeds(em.Files[n.Slug.OutPath()]) {
			t.Errorf("%s: the embed of %q has a title bar", n.Path, e)
		}
	}
	if total < 250 {
		t.Errorf("only %d callouts found in the sources; SPEC §12.1 counts 264", total)
	}
	if index := em.Files[site.TagIndexSlug.OutPath()]; len(index) == 0 || bytes.Contains(index, []byte("##")) {
		t.Errorf("the tag index is missing or prints a tag as ##tag")
	}
}

// blockIDText is a "^id" as a reader would see it (SPEC §6.4 hides it).
var blockIDText = regexp.MustCompile(`(?:^|\s)\^[A-Za-z0-9-]+(?:\s|$)`)

// embedOpen is the start of a note embed and its src.
var embedOpen = regexp.MustCompile(`<div class="internal-embed markdown-embed[^"]*" src="([^"]*)"`)

// titledEmbeds returns the src of each section or block embed of a page
// that shows a title: Obsidian shows those seamlessly, and titles only a
// whole note (with its inline title). Every title bar is one too many.
func titledEmbeds(page []byte) []string {
	var out []string
	for _, m := range embedOpen.FindAllSubmatchIndex(page, -1) {
		src := string(page[m[2]:m[3]])
		rest := page[m[1]:]
		content := bytes.Index(rest, []byte(`<div class="markdown-embed-content">`))
		head := rest[:max(content, 0)]
		if content >= 0 {
			head = rest[:min(len(rest), content+120)]
		}
		if bytes.Contains(head, []byte("markdown-embed-title")) ||
			strings.Contains(src, "#") && bytes.Contains(head, []byte("inline-title")) {
			out = append(out, src)
		}
	}
	return out
}

// escapedInSource reports whether the note writes the syntax escaped on
// purpose, so the reader sees it as text: "using the \[\[double bracket
// syntax\]\]".
func escapedInSource(n *site.Note, lit string) bool {
	return bytes.Contains(n.Source, []byte(`\`+lit[:1]+`\`+lit[1:]))
}

// embedsOf returns the HTML inside each note embed of a page.
func embedsOf(page []byte) []string {
	var out []string
	parts := strings.Split(string(page), `<div class="markdown-embed-content">`)
	for _, p := range parts[1:] {
		end := strings.LastIndex(p, `<div class="markdown-embed-link">`)
		if end < 0 {
			end = len(p)
		}
		out = append(out, p[:end])
	}
	return out
}

// TestHelpVaultEmbeds: the section and block embeds SPEC §12.2 lists show
// the content of their targets.
func TestHelpVaultEmbeds(t *testing.T) {
	t.Parallel()
	res, em := buildDir(t, helpVault, Options{})
	tests := []struct {
		note site.VaultPath
		want string // in some embed of the page
	}{
		// #4: a lazy ^id line names the whole callout.
		{"Linking notes and files/Aliases.md", `data-callout="tip"`},
		// #5: the folder picks the Sync note; the lazy id names the quote,
		// which is an abstract callout.
		{"Obsidian Sync/Set up Obsidian Sync.md", `data-callout="abstract"`},
		// #6: a note embeds sections of itself.
		{"Obsidian Sync/Set up Obsidian Sync.md", `data-heading="Log in with your Obsidian account"`},
		{"Obsidian Sync/Set up Obsidian Sync.md", `data-heading="Begin syncing with Obsidian Sync"`},
		// An id right after an image embed, with no space.
		{"Obsidian Sync/Version history.md", `version-history-collaboration.png`},
		// A heading chain: the section of the last heading.
		{"Obsidian Sync/Local and remote vaults.md", `data-heading="Exclude a folder from syncing"`},
	}
	for _, tt := range tests {
		n := res.Vault.Note(tt.note)
		if n == nil {
			t.Fatalf("no note %s", tt.note)
		}
		found := false
		for _, e := range embedsOf(em.Files[n.Slug.OutPath()]) {
			if strings.Contains(e, tt.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no embed shows %s", tt.note, tt.want)
		}
	}
}
