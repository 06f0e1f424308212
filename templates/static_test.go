package templates

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStaticDeterministic(t *testing.T) {
	t.Parallel()
	a, b := Static(), Static()
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("Static() differs between calls (-first +second):\n%s", diff)
	}
	var names []string
	for _, f := range a {
		names = append(names, string(f.Path))
	}
	want := []string{"_site/bases.", "_site/basemap.", "_site/canvas.", "_site/favicon.", "_site/graph.", "_site/graphlocal.", "_site/search.", "_site/site.", "_site/stack.", "_site/stack.", "_site/style."}
	if len(names) != len(want) {
		t.Fatalf("Static() = %v", names)
	}
	for i, n := range names {
		if !strings.HasPrefix(n, want[i]) {
			t.Errorf("file %d = %q, want prefix %q (fixed order)", i, n, want[i])
		}
	}
}

var hashedRE = regexp.MustCompile(`^_site/[a-z]+\.([0-9a-f]{8})\.(css|js|svg)$`)

func TestStaticFingerprinted(t *testing.T) {
	t.Parallel()
	for _, f := range Static() {
		if !f.Path.Valid() {
			t.Errorf("%q is not a valid OutPath", f.Path)
		}
		m := hashedRE.FindStringSubmatch(string(f.Path))
		if m == nil {
			t.Errorf("%q is not a fingerprinted name", f.Path)
			continue
		}
		sum := sha256.Sum256(f.Data)
		if m[1] != hex.EncodeToString(sum[:])[:hashLen] {
			t.Errorf("%q: hash is not of its content", f.Path)
		}
		if len(f.Data) == 0 {
			t.Errorf("%q is empty", f.Path)
		}
		plain := strings.Replace(path.Base(string(f.Path)), "."+m[1], "", 1)
		if got, ok := StaticPath(plain); !ok || got != f.Path {
			t.Errorf("StaticPath(%q) = %q, %v; want %q", plain, got, ok, f.Path)
		}
	}
	if _, ok := StaticPath("nope.css"); ok {
		t.Error("StaticPath found a file that does not exist")
	}
	if fingerprint("a.css", []byte("x")) == fingerprint("a.css", []byte("y")) {
		t.Error("different content, same name")
	}
}

// TestStyleCoversCallouts checks that every callout type and alias of
// SPEC §5.3 has a colour rule, and that the DOM conventions of SPEC §11
// have styles.
func TestStyleCoversCallouts(t *testing.T) {
	t.Parallel()
	p, _ := StaticPath("style.css")
	var css string
	for _, f := range Static() {
		if f.Path == p {
			css = string(f.Data)
		}
	}
	types := []string{
		"abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
		"success", "check", "done", "question", "help", "faq", "warning", "caution",
		"attention", "failure", "fail", "missing", "danger", "error", "bug", "example",
		"quote", "cite",
	}
	for _, ty := range types {
		if !strings.Contains(css, `.callout[data-callout="`+ty+`" i]`) {
			t.Errorf("no rule for callout type %q", ty)
		}
	}
	for _, sel := range []string{
		"a.internal-link.is-unresolved", "a.external-link", "a.tag", "mark", ".callout-title",
		".callout-icon", ".callout-content", "details.callout", "summary.callout-title",
		".internal-embed.markdown-embed", ".markdown-embed-content", ".markdown-embed-link",
		".image-embed", ".video-embed", ".audio-embed", ".pdf-embed", ".file-embed",
		".internal-embed.is-unresolved", "li.task-list-item", `[data-task="?"]`, `[data-task="-"]`,
		`[data-task="/"]`, `[data-task="!"]`, `[data-task=">"]`, ".footnotes", ".heading-anchor",
		`[id^="^"]:target`, ".math.math-block", "pre.mermaid", ".markdown-rendered table",
		`:root[data-theme="dark"] .chroma .k`,
	} {
		if !strings.Contains(css, sel) {
			t.Errorf("stylesheet has no %q", sel)
		}
	}
}
