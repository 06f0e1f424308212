package site

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParseVaultPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give    string
		want    VaultPath
		wantErr bool
	}{
		{give: "Daily/2024-01-02.md", want: "Daily/2024-01-02.md"},
		{give: "note.md", want: "note.md"},
		{give: "Images/Photo.PNG", want: "Images/Photo.PNG"},
		{give: "日本語/メモ.md", want: "日本語/メモ.md"},
		{give: "Cafe\u0301.md", want: "Caf\u00e9.md"},                    // NFD becomes NFC
		{give: "Re\u0301sume\u0301/x.md", want: "R\u00e9sum\u00e9/x.md"}, // in folders too
		{give: ".obsidian/app.json", want: ".obsidian/app.json"},         // valid, but Hidden
		{give: "..md", want: "..md"},                                     // a name, not ".."
		{give: "a\\b.md", want: "a\\b.md"},                               // a backslash is a character
		{give: "with space/a b.md", want: "with space/a b.md"},
		{give: "", wantErr: true},
		{give: "/abs.md", wantErr: true},
		{give: "a//b.md", wantErr: true},
		{give: "a/", wantErr: true},
		{give: "./a.md", wantErr: true},
		{give: ".", wantErr: true},
		{give: "a/../b.md", wantErr: true},
		{give: "..", wantErr: true},
		{give: "bad\xff.md", wantErr: true},
	}
	for _, tt := range tests {
		got, err := ParseVaultPath(tt.give)
		if tt.wantErr {
			if err == nil {
				t.Errorf("ParseVaultPath(%q) = %q, want an error", tt.give, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseVaultPath(%q): %v", tt.give, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseVaultPath(%q) = %q, want %q", tt.give, got, tt.want)
		}
		if !got.Valid() {
			t.Errorf("ParseVaultPath(%q) = %q, which is not Valid", tt.give, got)
		}
	}
}

func TestVaultPathValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give VaultPath
		want bool
	}{
		{give: "a/b.md", want: true},
		{give: "Caf\u00e9.md", want: true},
		{give: "Cafe\u0301.md", want: false}, // not NFC
		{give: "", want: false},
		{give: "/a.md", want: false},
		{give: "a/./b.md", want: false},
		{give: "a/", want: false},
	}
	for _, tt := range tests {
		if got := tt.give.Valid(); got != tt.want {
			t.Errorf("VaultPath(%q).Valid() = %v, want %v", tt.give, got, tt.want)
		}
	}
}

func TestVaultPathParts(t *testing.T) {
	t.Parallel()
	type parts struct {
		Dir, Base, Ext, Name string
		Hidden               bool
	}
	tests := []struct {
		give VaultPath
		want parts
	}{
		{give: "a.md", want: parts{Base: "a.md", Ext: "md", Name: "a"}},
		{give: "Daily/2024-01-02.MD", want: parts{Dir: "Daily", Base: "2024-01-02.MD", Ext: "md", Name: "2024-01-02"}},
		{give: "a/b/c.tar.gz", want: parts{Dir: "a/b", Base: "c.tar.gz", Ext: "gz", Name: "c.tar"}},
		{give: "a/noext", want: parts{Dir: "a", Base: "noext", Name: "noext"}},
		{give: ".obsidian/app.json", want: parts{Dir: ".obsidian", Base: "app.json", Ext: "json", Name: "app", Hidden: true}},
		{give: "a/.hidden.md", want: parts{Dir: "a", Base: ".hidden.md", Ext: "md", Name: ".hidden", Hidden: true}},
	}
	for _, tt := range tests {
		if !tt.give.Valid() {
			t.Errorf("input %q is not a valid VaultPath", tt.give)
		}
		got := parts{Dir: tt.give.Dir(), Base: tt.give.Base(), Ext: tt.give.Ext(), Name: tt.give.Name(), Hidden: tt.give.Hidden()}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q: parts mismatch (-want +got):\n%s", tt.give, diff)
		}
	}
}

func TestVaultPathSlug(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give string // parsed with ParseVaultPath first
		want Slug
	}{
		{give: "Daily/2024-01-02.md", want: "daily/2024-01-02"},
		{give: "Network+/Port Scanning.md", want: "network/port-scanning"},
		{give: "日本語/Café.md", want: "日本語/café"},
		{give: "Ünïcödé Notes.md", want: "ünïcödé-notes"},
		{give: "हिन्दी.md", want: "हिन्दी"},        // spacing and non-spacing marks stay
		{give: "Cafe\u0301.md", want: "caf\u00e9"}, // NFD name, NFC slug
		{give: "C++.md", want: "c"},
		{give: "C#.md", want: "c"},
		{give: "a#b.md", want: "a-b"},
		{give: "a^b|c.md", want: "a-b-c"},
		{give: "A b.md", want: "a-b"},
		{give: "a-b.md", want: "a-b"},
		{give: "a - b.md", want: "a-b"},
		{give: "a   b.md", want: "a-b"},
		{give: "  padded  .md", want: "padded"},
		{give: "snake_case.md", want: "snake_case"},
		{give: "v1.2.3.md", want: "v1.2.3"},
		{give: ".Hidden.md", want: "hidden"},
		{give: "Trailing..md", want: "trailing"},
		{give: "What?.md", want: "what"},
		{give: "!!!.md", want: "_"},
		{give: "(a)/[b].md", want: "a/b"},
		{give: "?/x.md", want: "_/x"},
		{give: "２０２４.md", want: "２０２４"},
		{give: "Straße.md", want: "straße"},
		{give: "İstanbul.md", want: "istanbul"},
		{give: "𝐀𝐁𝐂.md", want: "𝐀𝐁𝐂"}, // letters without a lower-case form
		{give: "ϒ.md", want: "ϒ"},

		// Emoji and other symbols are separators, and leave no marks behind.
		{give: "🚀 Launch.md", want: "launch"},
		{give: "Rocket 🚀.md", want: "rocket"},
		{give: "🚀.md", want: "_"},
		{give: "❤️ Love.md", want: "love"}, // U+FE0F after a dropped symbol
		{give: "Café ❤️ Notes.md", want: "café-notes"},
		{give: "👍🏽 ok.md", want: "ok"},            // skin tone modifier
		{give: "👨‍👩‍👧 Family.md", want: "family"}, // ZWJ sequence
		{give: "ℹ️ Info.md", want: "ℹ-info"},      // a letter with an emoji selector
		{give: "x \u0301y.md", want: "x-y"},       // a combining mark on a space

		// Extensions: only ".md" is dropped, in any case.
		{give: "Board.canvas", want: "board.canvas"},
		{give: "NOTE.MD", want: "note"},
		{give: "img.png", want: "img.png"},
		{give: "Folder", want: "folder"},

		// The site's own top-level names are kept free.
		{give: "Tags/x.md", want: "tags_/x"},
		{give: "tags.md", want: "tags_"},
		{give: "TAGS.md", want: "tags_"},
		{give: "Graph.md", want: "graph_"},
		{give: "Search/Index.md", want: "search_/index"},
		{give: "_site/a.md", want: "_site_/a"},
		{give: "404.html.md", want: "404.html_"},
		{give: "Sitemap.xml.md", want: "sitemap.xml_"},
		{give: "robots.txt.md", want: "robots.txt_"},
		{give: "Feed.xml/a.md", want: "feed.xml_/a"},
		{give: "Notes/Tags/x.md", want: "notes/tags/x"},
		{give: "Tagsy.md", want: "tagsy"},
		{give: "Tags 2.md", want: "tags-2"},
	}
	for _, tt := range tests {
		p, err := ParseVaultPath(tt.give)
		if err != nil || !p.Valid() {
			t.Errorf("input %q is not a valid VaultPath: %v", tt.give, err)
			continue
		}
		got := p.Slug()
		if got != tt.want {
			t.Errorf("VaultPath(%q).Slug() = %q (%+q), want %q (%+q)", tt.give, got, got, tt.want, tt.want)
		}
		if !got.Valid() {
			t.Errorf("VaultPath(%q).Slug() = %q, which is not Valid", tt.give, got)
		}
	}
}

func TestPermalinkSlug(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give string
		want Slug
	}{
		{give: "about", want: "about"},
		{give: "/Publish/Permalinks/", want: "publish/permalinks"},
		{give: "Company/About us", want: "company/about-us"},
		{give: "How to/Embed files", want: "how-to/embed-files"},
		{give: "notes.md", want: "notes"},
		{give: "a//b", want: "a/b"},
		{give: "../../etc/passwd", want: "etc/passwd"},
		{give: "./x/./y", want: "x/y"},
		{give: " a / b ", want: "a/b"},
		{give: "tags", want: "tags_"},
		{give: "robots.txt", want: "robots.txt_"},
		{give: "!!!", want: "_"},
		{give: "/", want: ""},
		{give: "", want: ""},
		{give: "..", want: ""},
	}
	for _, tt := range tests {
		got := PermalinkSlug(tt.give)
		if got != tt.want || !got.Valid() {
			t.Errorf("PermalinkSlug(%q) = %q (valid %v), want %q", tt.give, got, got.Valid(), tt.want)
		}
	}
}

// TestSlugValidForEveryRune checks the output validity of Slug over all of
// Unicode, alone and between letters.
func TestSlugValidForEveryRune(t *testing.T) {
	t.Parallel()
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || r == '/' {
			continue
		}
		for _, name := range []string{string(r) + ".md", "a" + string(r) + "b.md"} {
			p, err := ParseVaultPath(name)
			if err != nil {
				continue
			}
			if s := p.Slug(); !s.Valid() {
				t.Errorf("VaultPath(%q).Slug() = %q (%+q), which is not Valid", p, s, s)
			}
		}
	}
}

func TestFolderSlug(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give string
		want Slug
	}{
		{give: "", want: ""},
		{give: "Projects", want: "projects"},
		{give: "Projects/Alpha Beta", want: "projects/alpha-beta"},
		{give: "Tags", want: "tags_"},
		{give: "Notes.md", want: "notes.md"}, // a folder keeps every dot
	}
	for _, tt := range tests {
		got := FolderSlug(tt.give)
		if got != tt.want {
			t.Errorf("FolderSlug(%q) = %q, want %q", tt.give, got, tt.want)
		}
		if !got.Valid() {
			t.Errorf("FolderSlug(%q) = %q, which is not Valid", tt.give, got)
		}
	}
}

func TestSlugValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give Slug
		want bool
	}{
		{give: "", want: true},
		{give: "a", want: true},
		{give: "daily/2024-01-02", want: true},
		{give: "日本語/café", want: true},
		{give: "tags_/x", want: true},
		{give: "a-b-2", want: true},
		{give: "A", want: false},
		{give: "a b", want: false},
		{give: "a/", want: false},
		{give: "/a", want: false},
		{give: "a//b", want: false},
		{give: "-a", want: false},
		{give: "a.", want: false},
		{give: "a+b", want: false},
		{give: "a#b", want: false},
		{give: "a:b", want: false},
		{give: "a%20b", want: false},
	}
	for _, tt := range tests {
		if got := tt.give.Valid(); got != tt.want {
			t.Errorf("Slug(%q).Valid() = %v, want %v", tt.give, got, tt.want)
		}
	}
}

func TestSlugDerived(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give       Slug
		wantParent Slug
		wantOut    OutPath
		wantRoot   RelURL
		wantSuffix Slug
	}{
		{give: "", wantParent: "", wantOut: "index.html", wantRoot: "./", wantSuffix: "-2"},
		{give: "a", wantParent: "", wantOut: "a/index.html", wantRoot: "../", wantSuffix: "a-2"},
		{give: "a/b", wantParent: "a", wantOut: "a/b/index.html", wantRoot: "../../", wantSuffix: "a/b-2"},
		{give: "x/y/z", wantParent: "x/y", wantOut: "x/y/z/index.html", wantRoot: "../../../", wantSuffix: "x/y/z-2"},
	}
	for _, tt := range tests {
		if !tt.give.Valid() {
			t.Errorf("input %q is not a valid Slug", tt.give)
		}
		if got := tt.give.Parent(); got != tt.wantParent || !got.Valid() {
			t.Errorf("Slug(%q).Parent() = %q, want %q", tt.give, got, tt.wantParent)
		}
		if got := tt.give.OutPath(); got != tt.wantOut || !got.Valid() {
			t.Errorf("Slug(%q).OutPath() = %q (valid %v), want %q", tt.give, got, got.Valid(), tt.wantOut)
		}
		if got := tt.give.Root(); got != tt.wantRoot || !got.Valid() {
			t.Errorf("Slug(%q).Root() = %q (valid %v), want %q", tt.give, got, got.Valid(), tt.wantRoot)
		}
		if got := tt.give.WithSuffix(2); got != tt.wantSuffix {
			t.Errorf("Slug(%q).WithSuffix(2) = %q, want %q", tt.give, got, tt.wantSuffix)
		}
	}
}

func TestSlugLinkTo(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from, to Slug
		fragment string
		want     RelURL
	}{
		{from: "", to: "", want: "./"},
		{from: "", to: "a", want: "a/"},
		{from: "", to: "a/b", want: "a/b/"},
		{from: "a", to: "", want: "../"},
		{from: "a/b", to: "", want: "../../"},
		{from: "a", to: "a", want: "./"},
		{from: "a/b", to: "a/b", want: "./"},
		{from: "a", to: "b", want: "../b/"},
		{from: "a", to: "a/b", want: "b/"},
		{from: "a/b", to: "a", want: "../"},
		{from: "a/b", to: "a/c", want: "../c/"},
		{from: "a/b/c", to: "a/x/y", want: "../../x/y/"},
		{from: "a/b", to: "c/d/e", want: "../../c/d/e/"},
		{from: "ab", to: "a/b", want: "../a/b/"},
		{from: "", to: "日本語/café", want: "%E6%97%A5%E6%9C%AC%E8%AA%9E/caf%C3%A9/"},
		{from: "tags_/x", to: "tags_", want: "../"},

		// Fragments.
		{from: "a", to: "a", fragment: "goals", want: "./#goals"},
		{from: "", to: "projects/alpha", fragment: "goals", want: "projects/alpha/#goals"},
		{from: "a/b", to: "", fragment: "top", want: "../../#top"},
		{from: "a", to: "b", fragment: "Héading: x/y z", want: "../b/#H%C3%A9ading:%20x/y%20z"},
		{from: "a", to: "b", fragment: "^block-id", want: "../b/#%5Eblock-id"},
		{from: "a", to: "b", fragment: "100%", want: "../b/#100%25"},
		{from: "a", to: "b", fragment: "a#b", want: "../b/#a%23b"},
	}
	for _, tt := range tests {
		if !tt.from.Valid() || !tt.to.Valid() {
			t.Errorf("input %q → %q is not a pair of valid slugs", tt.from, tt.to)
		}
		got := tt.from.LinkTo(tt.to, tt.fragment)
		if got != tt.want {
			t.Errorf("Slug(%q).LinkTo(%q, %q) = %q, want %q", tt.from, tt.to, tt.fragment, got, tt.want)
		}
		if !got.Valid() {
			t.Errorf("Slug(%q).LinkTo(%q, %q) = %q, which is not Valid", tt.from, tt.to, tt.fragment, got)
		}
	}
}

func TestSlugAssetURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from Slug
		give VaultPath
		want RelURL
	}{
		{from: "", give: "img.png", want: "img.png"},
		{from: "", give: "Attachments/Photo 1.PNG", want: "Attachments/Photo%201.PNG"},
		{from: "a", give: "img.png", want: "../img.png"},
		{from: "a/b", give: "img.png", want: "../../img.png"},
		{from: "a/b", give: "a/img.png", want: "../img.png"},
		{from: "a/b", give: "a/b/img.png", want: "img.png"},
		{from: "a/b", give: "a/b/c/img.png", want: "c/img.png"},
		{from: "notes/x", give: "Notes/img.png", want: "../../Notes/img.png"}, // case differs: no common folder
		{from: "", give: "Caf\u00e9/#icon.png", want: "Caf%C3%A9/%23icon.png"},
		{from: "", give: "a?b.png", want: "a%3Fb.png"},
		{from: "", give: "100%.png", want: "100%25.png"},
		{from: "", give: "a:b.png", want: "a%3Ab.png"}, // not the scheme "a:"
		{from: "x", give: "C:/pic.png", want: "../C%3A/pic.png"},
		{from: "", give: "a\\b.png", want: "a%5Cb.png"},
	}
	for _, tt := range tests {
		if !tt.from.Valid() || !tt.give.Valid() {
			t.Errorf("input %q, %q is not valid", tt.from, tt.give)
		}
		got := tt.from.AssetURL(tt.give)
		if got != tt.want {
			t.Errorf("Slug(%q).AssetURL(%q) = %q, want %q", tt.from, tt.give, got, tt.want)
		}
		if !got.Valid() {
			t.Errorf("Slug(%q).AssetURL(%q) = %q, which is not Valid", tt.from, tt.give, got)
		}
	}
}

func TestSlugFileURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from Slug
		give OutPath
		want RelURL
	}{
		{from: "", give: "_site/style.css", want: "_site/style.css"},
		{from: "a/b", give: "_site/style.css", want: "../../_site/style.css"},
		{from: "a", give: "a/index.html", want: "index.html"},
		{from: "", give: "a:b/index.html", want: "a%3Ab/index.html"},
	}
	for _, tt := range tests {
		if !tt.from.Valid() || !tt.give.Valid() {
			t.Errorf("input %q, %q is not valid", tt.from, tt.give)
		}
		got := tt.from.FileURL(tt.give)
		if got != tt.want || !got.Valid() {
			t.Errorf("Slug(%q).FileURL(%q) = %q (valid %v), want %q", tt.from, tt.give, got, got.Valid(), tt.want)
		}
	}
}

func TestRelURLValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give RelURL
		want bool
	}{
		{give: "./", want: true},
		{give: "../", want: true},
		{give: "a/b/", want: true},
		{give: "../../x/#frag", want: true},
		{give: "#frag", want: true},
		{give: "?q=1", want: true},
		{give: "img.png", want: true},
		{give: "a%3Ab.png", want: true},
		{give: "./a:b", want: true},  // the colon follows a slash
		{give: "a/b:c", want: true},  // likewise
		{give: "#a:b", want: true},   // a colon in the fragment
		{give: "?x=a:b", want: true}, // or in the query
		{give: "", want: false},
		{give: "/abs", want: false},
		{give: "//host/x", want: false},
		{give: "https://example.com/", want: false},
		{give: "mailto:a@b.c", want: false},
		{give: "a:b.png", want: false},
		{give: "javascript:alert(1)", want: false},
	}
	for _, tt := range tests {
		if got := tt.give.Valid(); got != tt.want {
			t.Errorf("RelURL(%q).Valid() = %v, want %v", tt.give, got, tt.want)
		}
	}
}

func TestOutPathValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give OutPath
		want bool
	}{
		{give: "index.html", want: true},
		{give: "a/b/index.html", want: true},
		{give: "", want: false},
		{give: "/index.html", want: false},
		{give: "a/../b", want: false},
		{give: "a/", want: false},
	}
	for _, tt := range tests {
		if got := tt.give.Valid(); got != tt.want {
			t.Errorf("OutPath(%q).Valid() = %v, want %v", tt.give, got, tt.want)
		}
	}
}

func TestEscapeFragment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give, want string
	}{
		{give: "goals", want: "goals"},
		{give: "a b", want: "a%20b"},
		{give: "a/b", want: "a/b"},
		{give: "日本", want: "%E6%97%A5%E6%9C%AC"},
		{give: "^id", want: "%5Eid"},
	}
	for _, tt := range tests {
		if got := EscapeFragment(tt.give); got != tt.want {
			t.Errorf("EscapeFragment(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestAssetOut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give VaultPath
		want OutPath
		url  RelURL // as seen from the page "a/b"
	}{
		{give: "Attachments/x.png", want: "Attachments/x.png", url: "../../Attachments/x.png"},
		{give: "tags/x.png", want: "_site/files/tags/x.png", url: "../../_site/files/tags/x.png"},
		{give: "Tags/x.png", want: "_site/files/Tags/x.png", url: "../../_site/files/Tags/x.png"},
		{give: "Foo/index.html", want: "_site/files/Foo/index.html", url: "../../_site/files/Foo/index.html"},
		{give: "Index.HTML/x.png", want: "_site/files/Index.HTML/x.png", url: "../../_site/files/Index.HTML/x.png"}, // a folder where the home page is
		{give: "Foo/index.html/x.png", want: "_site/files/Foo/index.html/x.png", url: "../../_site/files/Foo/index.html/x.png"},
		{give: "404.html", want: "_site/files/404.html", url: "../../_site/files/404.html"},
		{give: "robots.txt", want: "_site/files/robots.txt", url: "../../_site/files/robots.txt"},
		{give: "_headers", want: "_site/files/_headers", url: "../../_site/files/_headers"},
		{give: "sitemap.xml", want: "_site/files/sitemap.xml", url: "../../_site/files/sitemap.xml"},
		{give: "a/pic 1.png", want: "a/pic 1.png", url: "../pic%201.png"},
		{give: "img.png", want: "img.png", url: "../../img.png"},
		{give: "Caf\u00e9/#icon.png", want: "Caf\u00e9/#icon.png", url: "../../Caf%C3%A9/%23icon.png"},
	}
	for _, tt := range tests {
		if got := tt.give.AssetOut(); got != tt.want || !got.Valid() {
			t.Errorf("%q.AssetOut() = %q (valid %v), want %q", tt.give, got, got.Valid(), tt.want)
		}
		if got := Slug("a/b").AssetURL(tt.give); got != tt.url {
			t.Errorf("AssetURL(%q) = %q, want %q", tt.give, got, tt.url)
		}
	}
}

// TestSlugFits proves that every slug can be a file name: a component
// over 240 bytes is cut at a character boundary with a hash of the whole,
// the same for the same name and different for names that share their
// start; one named index.html gets "_". Tags, permalinks and folders
// follow the same rule.
func TestSlugFits(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("ß", 200) // 400 bytes
	tests := []struct {
		name string
		give Slug
	}{
		{"note", VaultPath(long + ".md").Slug()},
		{"other note", VaultPath(long + "x.md").Slug()},
		{"folder", FolderSlug(long + "/a")},
		{"tag", TagSlug("a/" + long)},
		{"permalink", PermalinkSlug("/" + long + "/")},
		{"lower case grows", VaultPath(strings.Repeat("Ⱥ", 121) + ".md").Slug()}, // 242 bytes, 363 lower-cased
		{"index.html", VaultPath("Index.html.md").Slug()},
		{"index.html folder", FolderSlug("a/index.HTML")},
	}
	for _, tt := range tests {
		if !tt.give.Valid() {
			t.Errorf("%s: %q is not a valid slug", tt.name, tt.give)
		}
		for _, c := range strings.Split(string(tt.give), "/") {
			if len(c) > maxSlugBytes || c == "index.html" {
				t.Errorf("%s: component %q (%d bytes) cannot be a page's folder", tt.name, c, len(c))
			}
			if !utf8.ValidString(c) {
				t.Errorf("%s: %q cut inside a character", tt.name, c)
			}
		}
	}
	if tests[0].give == tests[1].give {
		t.Errorf("two long names that share their start share the slug %q", tests[0].give)
	}
	if a, b := VaultPath(long+".md").Slug(), VaultPath(long+".md").Slug(); a != b {
		t.Errorf("the same name gave %q and %q", a, b)
	}
	if got := SlugFixes("ok/" + long + "/index.html"); len(got) != 2 || !got[0].Long || got[1].Long || got[1].Slug != "index.html_" {
		t.Errorf("SlugFixes = %+v, want a long component, then index.html", got)
	}
	if got := SlugFixes("Daily/2024-01-02"); got != nil {
		t.Errorf("SlugFixes of a plain name = %+v, want none", got)
	}
}

func TestRootPath(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ give, want string }{
		{"", "/"}, {"https://example.org", "/"}, {"https://example.org/", "/"},
		{"https://example.org/notes", "/notes/"}, {"https://x.github.io/repo/docs/", "/repo/docs/"},
	} {
		if got := RootPath(tt.give); string(got) != tt.want {
			t.Errorf("RootPath(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}
