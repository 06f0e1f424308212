package render

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gfmCaseFiles are goldmark's case files for the GFM extensions a note
// uses: tables, strikethrough (as Obsidian has it, double tildes only),
// task lists, linkify and footnotes.
var gfmCaseFiles = []string{"table", "strikethrough", "tasklist", "linkify", "footnote"}

// caseExample is one case of a goldmark case file.
type caseExample struct {
	no                 int
	markdown, expected string
}

// readCaseFile parses goldmark's case-file format ("N: title", an
// optional OPTIONS line, then markdown and HTML between separators), as
// goldmark's testutil does without exporting it. Of the options only
// enableEscape is used by these files, for tabs and newlines.
func readCaseFile(t *testing.T, name string) []caseExample {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const attrSep, caseSep = "//- - - - - - - - -//", "//= = = = = = = = = = = = = = = = = = = = = = = =//"
	sc := bufio.NewScanner(f)
	var cases []caseExample
	for sc.Scan() {
		head := strings.TrimSpace(sc.Text())
		if head == "" {
			continue
		}
		no, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(head, ":", 2)[0]))
		if err != nil || !sc.Scan() {
			t.Fatalf("%s: bad case header %q", name, head)
		}
		escape := strings.Contains(strings.ToLower(sc.Text()), `"enableescape": true`)
		if sc.Text() != attrSep && !sc.Scan() {
			t.Fatalf("%s: case %d has no markdown", name, no)
		}
		md := readUntil(sc, attrSep)
		html := readUntil(sc, caseSep)
		if html != "" {
			html += "\n"
		}
		if escape {
			md, html = unescapeCase(md), unescapeCase(html)
		}
		cases = append(cases, caseExample{no, md, html})
	}
	return cases
}

func readUntil(sc *bufio.Scanner, sep string) string {
	var lines []string
	for sc.Scan() && sc.Text() != sep {
		lines = append(lines, sc.Text())
	}
	return strings.Join(lines, "\n")
}

var caseEscapes = strings.NewReplacer(`\t`, "\t", `\n`, "\n", `\\`, `\`)

func unescapeCase(s string) string { return caseEscapes.Replace(s) }

// TestGFMConformance runs goldmark's case files for the extensions we use
// through the note pipeline (hard wraps off, as those files assume), with
// the same normalisation and deviations table as the CommonMark spec,
// keyed FILE:N.
func TestGFMConformance(t *testing.T) {
	t.Parallel()
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Fatalf("goldmark's module not found: %v", err)
	}
	c := newConformance(t, Config{StrictLineBreaks: true})
	for _, name := range gfmCaseFiles {
		file := filepath.Join(strings.TrimSpace(string(dir)), "extension", "_test", name+".txt")
		for _, e := range readCaseFile(t, file) {
			c.check(name+":"+strconv.Itoa(e.no), name+".txt", e.markdown, e.expected)
		}
	}
	c.checkListed(func(key string) bool { return strings.Contains(key, ":") })
	t.Logf("%d cases match; deviations by reason: %v", c.pass, c.cats)
}
