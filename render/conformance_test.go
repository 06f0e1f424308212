package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// specExample is one example of the CommonMark spec as goldmark's module
// ships it in _test/spec.json.
type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// addedAttr matches the attributes our pipeline adds to CommonMark's
// elements and the spec never has: heading and footnote ids, classes
// (internal-link, language-…, tag, …), data-* (data-href, data-heading,
// …), and rel and target on external links. normaliseHTML drops them from
// both sides, so a difference that remains is a difference a reader sees.
var addedAttr = regexp.MustCompile(` (?:id|class|rel|target|data-[a-z-]+)="[^"]*"`)

// alignStyle is a table cell's alignment as goldmark's Table writes it by
// default; its case files use the align attribute, which shows the same.
var alignStyle = regexp.MustCompile(` style="text-align:(\w+)"`)

// normaliseHTML also writes void elements the HTML way on both sides (<br>
// for the spec's <br />), as the sanitizer prints them, and drops the
// "fn-" our footnote ids start with (a prefix that keeps them unique on a
// page that embeds other notes) from links to them.
func normaliseHTML(s string) string {
	s = addedAttr.ReplaceAllString(s, "")
	s = alignStyle.ReplaceAllString(s, ` align="$1"`)
	return strings.NewReplacer("<br />", "<br>", "<hr />", "<hr>", `href="#fn-`, `href="#`).Replace(s)
}

// loadSpec reads the CommonMark examples from goldmark's module
// directory; they are not copied into the repository.
func loadSpec(t *testing.T) []specExample {
	t.Helper()
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Fatalf("goldmark's module not found: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "_test", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ex []specExample
	if err := json.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	if len(ex) < 600 {
		t.Fatalf("only %d CommonMark examples", len(ex))
	}
	return ex
}

// deviation is one line of testdata/commonmark-deviations.txt: an example
// our pipeline renders differently from the spec, on purpose or as a
// known bug.
type deviation struct{ category, reason string }

// loadDeviations reads "KEY CATEGORY reason…" lines, where KEY is a spec
// example's number or FILE:N for case N of a goldmark extension case file;
// # starts a comment.
func loadDeviations(t *testing.T, name string) map[string]deviation {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	devs := map[string]deviation{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fields := strings.SplitN(s, " ", 3)
		n := fields[0]
		_, err := strconv.Atoi(n[strings.LastIndexByte(n, ':')+1:])
		if err != nil || len(fields) < 3 {
			t.Fatalf("%s:%d: want KEY CATEGORY reason", name, line)
		}
		if _, dup := devs[n]; dup {
			t.Fatalf("%s:%d: example %s listed twice", name, line, n)
		}
		devs[n] = deviation{fields[1], fields[2]}
	}
	return devs
}

// conformance compares examples with what they should render to and
// counts the outcome.
type conformance struct {
	t    *testing.T
	md   caseMarkdown
	devs map[string]deviation
	pass int
	seen map[string]bool
	cats map[string]int
}

func newConformance(t *testing.T, cfg Config) *conformance {
	return &conformance{
		t: t, md: newCaseMarkdown(cfg), seen: map[string]bool{}, cats: map[string]int{},
		devs: loadDeviations(t, filepath.Join("testdata", "commonmark-deviations.txt")),
	}
}

// check renders one example: it must match want after normaliseHTML, or
// be listed under key; a listed example that matches fails too, so the
// table stays exact.
func (c *conformance) check(key, where, markdown, want string) {
	c.seen[key] = true
	var out bytes.Buffer
	if err := c.md.Convert([]byte(markdown), &out); err != nil {
		c.t.Errorf("example %s: %v", key, err)
		return
	}
	got, want := normaliseHTML(out.String()), normaliseHTML(want)
	d, listed := c.devs[key]
	switch {
	case got == want && listed:
		c.t.Errorf("example %s (%s) now matches: remove it from the deviations", key, where)
	case got == want:
		c.pass++
	case !listed:
		c.t.Errorf("example %s (%s) differs and is not a listed deviation\nsource %q\nwant   %q\ngot    %q",
			key, where, markdown, want, got)
	default:
		c.cats[d.category]++
	}
}

// checkListed fails for each listed key that keep says is this test's
// and no example had, so a mistyped or vanished number is noticed.
func (c *conformance) checkListed(keep func(key string) bool) {
	for key := range c.devs {
		if keep(key) && !c.seen[key] {
			c.t.Errorf("deviation %s names no example", key)
		}
	}
}

// TestCommonMarkConformance runs every example of the CommonMark spec
// through the pipeline a note goes through (Parse, Bind, Render, with
// strict line breaks, as CommonMark has them). Each example must match
// the spec after normaliseHTML, or be listed in
// testdata/commonmark-deviations.txt with the reason.
func TestCommonMarkConformance(t *testing.T) {
	t.Parallel()
	c := newConformance(t, Config{StrictLineBreaks: true})
	for _, e := range loadSpec(t) {
		c.check(strconv.Itoa(e.Example), e.Section, e.Markdown, e.HTML)
	}
	c.checkListed(func(key string) bool { return !strings.Contains(key, ":") })
	t.Logf("%d examples match; deviations by reason: %v", c.pass, c.cats)
}
