package templates

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
)

// TestMiniSearchPinned checks the vendored MiniSearch that search.js
// loads: version 7.2.0 exactly, which writes serialization version 2 and
// reads 1 and 2 only. The build writes its index in version 2
// (build/search_files.go); a MiniSearch that moved on would refuse it, or
// worse, misread it, so an upgrade must fail here first.
func TestMiniSearchPinned(t *testing.T) {
	t.Parallel()
	p := loadThirdParty().byName[libMiniSearch]
	if p == nil || p.Version != "7.2.0" {
		t.Fatalf("vendored MiniSearch = %+v, want 7.2.0", p)
	}
	data, err := fs.ReadFile(thirdpartyFS, thirdpartyRoot+"/minisearch/minisearch.min.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"serializationVersion:2", "d!==2)throw new Error(\"MiniSearch: cannot deserialize"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("minisearch.min.js lacks %q: does it still write and read serialization version 2?", want)
		}
	}
	var names []string
	for _, f := range SearchLibrary() {
		names = append(names, string(f.Path))
	}
	if got := strings.Join(names, " "); got != "_site/thirdparty/minisearch-7.2.0/LICENSE _site/thirdparty/minisearch-7.2.0/minisearch.min.js" {
		t.Errorf("SearchLibrary() = %s", got)
	}
}

// TestSearchButton renders a note page and the 404 page: the note page
// has the hidden search button with the index, script and library it
// loads, and the keyboard shortcuts; the 404 page, served at any depth,
// has it with every address from its absolute root.
func TestSearchButton(t *testing.T) {
	t.Parallel()
	render := func(p *PageData) string {
		var b bytes.Buffer
		if err := Render(&b, p); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	note := render(&PageData{Kind: PageNote, Title: "T", Root: "../", Content: "<p>x</p>"})
	script, _ := StaticPath("search.js")
	for _, want := range []string{
		`class="search-button"`, ` hidden`, `aria-keyshortcuts="Control+K Meta+K /"`,
		`data-root="../"`, `data-index="../_site/search/index.json"`,
		`data-script="../` + string(script) + `"`,
		`data-lib="../_site/thirdparty/minisearch-7.2.0/minisearch.min.js"`,
		`window.vaultsiteSearch`, `(e.ctrlKey||e.metaKey)`, // minified
	} {
		if !strings.Contains(note, want) {
			t.Errorf("note page lacks %s", want)
		}
	}
	page := render(&PageData{Kind: PageNotFound, Root: "/notes/"})
	for _, want := range []string{`data-root="/notes/"`, `data-index="/notes/_site/search/index.json"`, `data-script="/notes/` + string(script) + `"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the 404 page lacks %s", want)
		}
	}
}
