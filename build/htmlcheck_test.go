package build_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// vnuVersion is the Nu HTML Checker that .ci/run installs from npm
// (package vnu-jar), pinned so that a new release's rules cannot fail a
// build by themselves.
const vnuVersion = "26.9.27"

// vnuJar finds the checker's jar: $VNU_JAR, or the copy that
// "npm install -g vnu-jar@<vnuVersion>" leaves in npm's global folder.
// It skips t when the jar or java is missing, or fails it under CI,
// where .ci/run installs both.
func vnuJar(t *testing.T) string {
	t.Helper()
	missing := func(why string) {
		if os.Getenv("CI") != "" {
			t.Fatalf("the HTML checker cannot run under CI: %s", why)
		}
		t.Skipf("no HTML checker here: %s", why)
	}
	if _, err := exec.LookPath("java"); err != nil {
		missing("no java")
	}
	jar := os.Getenv("VNU_JAR")
	if jar == "" {
		out, err := exec.Command("npm", "root", "-g").Output()
		if err != nil {
			missing("no VNU_JAR and no npm")
		}
		jar = filepath.Join(strings.TrimSpace(string(out)), "vnu-jar", "build", "dist", "vnu.jar")
	}
	if _, err := os.Stat(jar); err != nil {
		missing("no vnu.jar: npm install -g vnu-jar@" + vnuVersion)
	}
	return jar
}

// vnuMessage is one message of the checker's JSON output.
type vnuMessage struct {
	Type, URL, Message, Extract string
	LastLine                    int
	HiliteStart, HiliteLength   int
}

// tag is the start tag the message is about, as the checker quotes it.
func (m vnuMessage) tag() string {
	if m.HiliteStart < 0 || m.HiliteStart+m.HiliteLength > len(m.Extract) {
		return m.Extract
	}
	return m.Extract[m.HiliteStart : m.HiliteStart+m.HiliteLength]
}

// obsidianEmbedAttr is the one error the pages keep on purpose:
// Obsidian's embed containers, span.internal-embed and
// div.internal-embed, carry src and alt (and an image's width) as in
// Obsidian's own DOM, because themes and publish.css select on them
// (".internal-embed[src$='.pdf']", ".image-embed[alt*=center]"). The
// attributes mean nothing to a browser or a screen reader on a span or
// div: nothing loads and nothing is announced (README, "Accessibility").
var obsidianEmbedAttr = regexp.MustCompile(`^Attribute “(src|alt|width)” not allowed on element “(span|div)” at this point\.$`)

// TestHTMLValid runs the Nu HTML Checker on one page of each kind, from
// the bundled vault and testdata/a11y.txtar: no error but the embed
// attributes that obsidianEmbedAttr keeps for Obsidian's CSS.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	jar := vnuJar(t)
	bundled, err := bundledSite()
	if err != nil {
		t.Fatal(err)
	}
	sites, err := axeSites()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, p := range axePages {
		files := bundled // the redirect page with its refresh
		if p.fixture {
			files = sites[1]
		}
		out := site.OutPath(strings.TrimPrefix(p.path, "/") + "index.html")
		if p.kind == "404" {
			out = "404.html"
		}
		data, ok := files[out]
		if !ok {
			t.Fatalf("%s: no page %s", p.kind, out)
		}
		name := filepath.Join(dir, strings.ReplaceAll(p.kind, " ", "-")+".html")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("java", "-jar", jar, "--errors-only", "--format", "json", dir)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run() // exits 1 when it finds an error
	var res struct{ Messages []vnuMessage }
	if jerr := json.Unmarshal([]byte(stderr.String()), &res); jerr != nil {
		t.Fatalf("vnu: %v; %v; %s", err, jerr, stderr.String())
	}
	kept := 0
	for _, m := range res.Messages {
		if obsidianEmbedAttr.MatchString(m.Message) && strings.Contains(m.tag(), `class="internal-embed`) {
			kept++
			continue
		}
		t.Errorf("%s:%d: %s: %s", filepath.Base(m.URL), m.LastLine, m.Type, m.Message)
	}
	t.Logf("%d pages checked; %d errors kept for Obsidian's embed attributes", len(axePages), kept)
}
