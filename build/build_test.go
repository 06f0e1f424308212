package build

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/vaultsite/vaultsite/site"
)

// helpVault is the official help vault shipped beside the repository.
const helpVault = "../../shared/vaults/obsidian-help"

func TestHelpVaultLinksPointToFiles(t *testing.T) {
	t.Parallel()
	res, em := buildDir(t, helpVault, Options{})
	if res.Pages != 173 {
		t.Errorf("built %d note pages, want 173", res.Pages)
	}
	checked := checkLinks(t, em)
	t.Logf("%d internal URLs checked", checked)
	if checked < 3000 {
		t.Errorf("only %d internal URLs checked; the walk is missing links", checked)
	}
}

func TestBundledVaultLinksPointToFiles(t *testing.T) {
	t.Parallel()
	_, em := buildDir(t, "../vault", Options{})
	if checkLinks(t, em) < 50 {
		t.Error("too few internal URLs in the bundled vault")
	}
}

// checkLinks walks every HTML page and proves that each internal href and
// src names an emitted file, and each fragment an id on that page, and
// that no page has an id twice. It returns how many URLs it checked.
func checkLinks(t *testing.T, em *MemEmitter) int {
	t.Helper()
	ids := map[site.OutPath]map[string]bool{}
	refs := map[site.OutPath][]string{}
	for _, p := range em.Paths() {
		if strings.HasSuffix(string(p), ".html") && p != "404.html" {
			ids[p], refs[p] = scanHTML(t, p, em.Files[p])
		}
	}
	n := 0
	for _, p := range em.Paths() {
		for _, ref := range refs[p] {
			n++
			if err := checkRef(p, ref, em, ids); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
	}
	return n
}

// urlAttrs are the attributes that hold URLs, by element. The src of an
// embed's <span> wrapper is Obsidian's linktext, not a URL.
var urlAttrs = map[string]string{"a": "href", "link": "href", "img": "src", "script": "src",
	"audio": "src", "video": "src", "source": "src", "iframe": "src"}

func scanHTML(t *testing.T, p site.OutPath, data []byte) (ids map[string]bool, refs []string) {
	ids = map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ids, refs
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key == "id" {
					if ids[a.Val] {
						t.Errorf("%s: id %q appears twice", p, a.Val)
					}
					ids[a.Val] = true
				}
				if urlAttrs[tok.Data] == a.Key && !external(a.Val) {
					refs = append(refs, a.Val)
				}
			}
		}
	}
}

func external(u string) bool {
	i := strings.IndexAny(u, ":/?#")
	return i > 0 && u[i] == ':' || strings.HasPrefix(u, "//")
}

func checkRef(page site.OutPath, ref string, em *MemEmitter, ids map[site.OutPath]map[string]bool) error {
	if ref == "" {
		return fmt.Errorf("empty URL")
	}
	if strings.HasPrefix(ref, "/") {
		return fmt.Errorf("%q is absolute; every link must be relative", ref)
	}
	u, err := url.Parse(ref)
	if err != nil {
		return fmt.Errorf("%q: %v", ref, err)
	}
	target := path.Join(path.Dir(string(page)), u.Path)
	if u.Path == "" {
		target = string(page)
	} else if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == "./" {
		target = path.Join(target, "index.html")
	}
	tp := site.OutPath(strings.TrimPrefix(target, "./"))
	if _, ok := em.Files[tp]; !ok {
		return fmt.Errorf("%q points to %s, which was not emitted", ref, tp)
	}
	if u.Fragment != "" && strings.HasSuffix(string(tp), ".html") && !ids[tp][u.Fragment] && !strings.HasPrefix(u.Fragment, "page=") {
		return fmt.Errorf("%q: %s has no element with id %q", ref, tp, u.Fragment)
	}
	return nil
}

// TestDeterministic builds each vault with one and with two threads and
// requires identical bytes for every file.
func TestDeterministic(t *testing.T) {
	for _, dir := range []string{"../vault", helpVault} {
		prev := runtime.GOMAXPROCS(1)
		_, one := buildDir(t, dir, Options{})
		runtime.GOMAXPROCS(2)
		_, two := buildDir(t, dir, Options{})
		runtime.GOMAXPROCS(prev)
		if len(one.Files) != len(two.Files) {
			t.Fatalf("%s: %d files with 1 thread, %d with 2", dir, len(one.Files), len(two.Files))
		}
		for p, data := range one.Files {
			if !bytes.Equal(data, two.Files[p]) {
				t.Errorf("%s: %s differs between 1 and 2 threads", dir, p)
			}
		}
	}
}
