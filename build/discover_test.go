package build

import (
	"bytes"
	"context"
	"encoding/xml"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

const testBase = "https://notes.example.org/docs/"

func withBase(base string) Options {
	var o Options
	o.Site.Title, o.Site.BaseURL, o.Site.Lang = "Notes & more", base, "en-GB"
	return o
}

type sitemapDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"url"`
}

func TestSitemap(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, vaultFile(t, "discover"), withBase(testBase))
	var doc sitemapDoc
	if err := xml.Unmarshal(em.Files["sitemap.xml"], &doc); err != nil {
		t.Fatalf("sitemap.xml: %v\n%s", err, em.Files["sitemap.xml"])
	}
	got := map[string]string{}
	for i, u := range doc.URLs {
		got[u.Loc] = u.Lastmod
		if !strings.HasPrefix(u.Loc, testBase) {
			t.Errorf("<loc>%s</loc> is not below the base URL", u.Loc)
		}
		if i > 0 && doc.URLs[i-1].Loc >= u.Loc {
			t.Errorf("URLs out of order: %s before %s", doc.URLs[i-1].Loc, u.Loc)
		}
		rel := strings.TrimPrefix(u.Loc, testBase)
		if _, ok := em.Files[site.OutPath(rel+"index.html")]; !ok {
			t.Errorf("<loc>%s</loc> names no page", u.Loc)
		}
	}
	want := map[string]string{
		testBase: "2024-05-01T12:00:00Z", testBase + "about/": "2024-03-01T00:00:00Z",
		testBase + "notes/": "", testBase + "company/": "",
		testBase + "notes/a/": "2024-02-01T08:30:00Z", testBase + "notes/b/": "2024-04-02T00:00:00Z",
		testBase + "notes/c/": "", testBase + "notes/d/": "2024-05-02T12:00:00Z",
		testBase + "tags/": "", testBase + "graph/": "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sitemap (-want +got):\n%s", diff)
	}
}

type rssDoc struct {
	Version string `xml:"version,attr"`
	Channel struct {
		Title string `xml:"title"`
		// Links are RSS's link and the atom:link to the feed itself.
		Links []struct {
			XMLName xml.Name
			Text    string `xml:",chardata"`
			Href    string `xml:"href,attr"`
			Rel     string `xml:"rel,attr"`
		} `xml:"link"`
		Description string `xml:"description"`
		Language    string `xml:"language"`
		Items       []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			GUID        string `xml:"guid"`
			PubDate     string `xml:"pubDate"`
			Description string `xml:"description"`
		} `xml:"item"`
	} `xml:"channel"`
}

func TestFeed(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, vaultFile(t, "discover"), withBase(testBase))
	var doc rssDoc
	if err := xml.Unmarshal(em.Files["feed.xml"], &doc); err != nil {
		t.Fatalf("feed.xml: %v\n%s", err, em.Files["feed.xml"])
	}
	ch := doc.Channel
	if doc.Version != "2.0" || ch.Title != "Notes & more" || ch.Description == "" || ch.Language != "en-GB" {
		t.Errorf("channel: version %q, title %q, description %q, language %q", doc.Version, ch.Title, ch.Description, ch.Language)
	}
	links := map[string]string{}
	for _, l := range ch.Links {
		links[l.XMLName.Space] = l.Text + l.Href + " " + l.Rel
	}
	wantLinks := map[string]string{"": testBase + " ", "http://www.w3.org/2005/Atom": testBase + "feed.xml self"}
	if diff := cmp.Diff(wantLinks, links); diff != "" {
		t.Errorf("channel links (-want +got):\n%s", diff)
	}
	var got []string
	for _, it := range ch.Items {
		if it.Title == "" || it.Link == "" || it.GUID != it.Link || !strings.HasPrefix(it.Link, testBase) {
			t.Errorf("item %+v: want a title, an absolute link and the same guid", it)
		}
		d, err := time.Parse(time.RFC1123Z, it.PubDate)
		if err != nil {
			t.Errorf("item %q: pubDate %q is not RFC 1123Z: %v", it.Title, it.PubDate, err)
		}
		got = append(got, it.Title+" "+d.UTC().Format("2006-01-02"))
	}
	// Newest first: the date property, else created, else the file's
	// time; a note with none is left out, and so is the draft.
	want := []string{"D 2024-05-02", "Home 2024-05-01", "About us 2024-03-01", "A 2024-02-01", "B 2023-12-24"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("feed items (-want +got):\n%s", diff)
	}
	if ch.Items[2].Description != "Who we are & why" {
		t.Errorf("description = %q", ch.Items[2].Description)
	}
}

func TestFeedKeepsTheNewest(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{}
	for i := range feedSize + 5 {
		name := string(rune('a'+i/10)) + string(rune('a'+i%10)) + ".md"
		fsys[name] = &fstest.MapFile{Data: []byte("x"), ModTime: time.Date(2020, 1, 1+i, 0, 0, 0, 0, time.UTC)}
	}
	_, em := buildSite(t, fsys, withBase(testBase))
	var doc rssDoc
	if err := xml.Unmarshal(em.Files["feed.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	items := doc.Channel.Items
	if len(items) != feedSize || items[0].Title != "ce" || items[feedSize-1].Title != "af" {
		t.Errorf("%d items from %q to %q; want %d from ce to af", len(items), items[0].Title, items[len(items)-1].Title, feedSize)
	}
}

func TestNoBaseURL(t *testing.T) {
	t.Parallel()
	res, em := buildSite(t, vaultFile(t, "discover"), withBase(""))
	for _, p := range []site.OutPath{"sitemap.xml", "feed.xml"} {
		if _, ok := em.Files[p]; ok {
			t.Errorf("%s written without a base URL", p)
		}
	}
	if got := string(em.Files["robots.txt"]); got != "User-agent: *\nDisallow:\n" {
		t.Errorf("robots.txt = %q", got)
	}
	found := false
	for _, d := range res.Diags {
		found = found || d.Code == "no-base-url" && d.Severity == site.Info
	}
	if !found {
		t.Errorf("no no-base-url info among %v", res.Diags)
	}
	for _, p := range em.Paths() {
		page := string(em.Files[p])
		for _, not := range []string{`rel="canonical"`, `property="og:`, `name="twitter:`, `application/rss+xml`} {
			if strings.HasSuffix(string(p), "index.html") && !isRedirect(page) && strings.Contains(page, not) {
				t.Errorf("%s has %s without a base URL", p, not)
			}
		}
	}
	res2, _ := buildSite(t, vaultFile(t, "discover"), withBase(testBase))
	for _, d := range res2.Diags {
		if d.Code == "no-base-url" {
			t.Errorf("no-base-url with a base URL: %v", d)
		}
	}
}

func TestRobots(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, vaultFile(t, "discover"), withBase("https://notes.example.org/docs"))
	want := "User-agent: *\nDisallow:\n\nSitemap: https://notes.example.org/docs/sitemap.xml\n"
	if got := string(em.Files["robots.txt"]); got != want {
		t.Errorf("robots.txt = %q, want %q", got, want)
	}
}

var (
	metaRE      = regexp.MustCompile(`<(?:meta|link) (?:property|name|rel)="?([a-z:_]+)"? (?:content|href)=(?:"([^"]*)"|([^ >]*))`)
	refreshRE   = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]+)">`)
	canonicalRE = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
)

func isRedirect(page string) bool { return strings.Contains(page, `http-equiv="refresh"`) }

// metas returns a page's canonical link and OpenGraph and Twitter meta.
func metas(page string) map[string]string {
	out := map[string]string{}
	for _, m := range metaRE.FindAllStringSubmatch(page, -1) {
		if k := m[1]; k == "canonical" || strings.HasPrefix(k, "og:") || strings.HasPrefix(k, "twitter:") {
			out[k] = html.UnescapeString(m[2] + m[3])
		}
	}
	return out
}

func TestCanonicalAndSocialMeta(t *testing.T) {
	t.Parallel()
	_, em := buildSite(t, vaultFile(t, "discover"), withBase(testBase))
	tests := []struct {
		page site.OutPath
		want map[string]string
	}{
		{"about/index.html", map[string]string{
			"canonical": testBase + "about/", "og:url": testBase + "about/", "og:type": "article",
			"og:title": "About us", "og:site_name": "Notes & more", "og:description": "Who we are & why",
			"og:image": testBase + "cover.png", "twitter:card": "summary_large_image", "twitter:image": testBase + "cover.png",
			"twitter:title": "About us", "twitter:description": "Who we are & why",
		}},
		{"notes/a/index.html", map[string]string{ // the first image embed
			"canonical": testBase + "notes/a/", "og:url": testBase + "notes/a/", "og:type": "article",
			"og:title": "A", "og:site_name": "Notes & more", "og:image": testBase + "team.png",
			"twitter:card": "summary_large_image", "twitter:image": testBase + "team.png", "twitter:title": "A",
		}},
		{"notes/index.html", map[string]string{
			"canonical": testBase + "notes/", "og:url": testBase + "notes/", "og:type": "website",
			"og:title": "Notes", "og:site_name": "Notes & more", "twitter:card": "summary", "twitter:title": "Notes",
		}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, metas(string(em.Files[tt.page]))); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.page, diff)
		}
	}
	if _, ok := em.Files["cover.png"]; !ok {
		t.Error("the image property's file was not copied")
	}
	if strings.Contains(string(em.Files["404.html"]), `rel="canonical"`) {
		t.Error("the 404 page has a canonical link")
	}
}

// sanitisedIcon is the vault's favicon.svg as the site publishes it.
const sanitisedIcon = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
	`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"></svg>` + "\n"

func TestFavicon(t *testing.T) {
	t.Parallel()
	iconLink := regexp.MustCompile(`<link rel="icon" href="([^"]+)"`)
	tests := []struct {
		name   string
		drop   []string
		ignore []string
		huge   bool   // favicon.png over maxIconSize, which must not be read
		broken bool   // favicon.svg is not well-formed
		want   string // the data of the linked icon; "" is the built-in one
	}{
		{name: "png before svg", want: "PNG icon\n"},
		{name: "a huge png is left unread", huge: true, want: sanitisedIcon},
		{name: "svg, sanitised", drop: []string{"favicon.png"}, want: sanitisedIcon},
		{name: "svg not well-formed", drop: []string{"favicon.png"}, broken: true},
		{name: "ignored", ignore: []string{"favicon.*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := vaultFile(t, "discover")
			for _, p := range tt.drop {
				delete(fsys, p)
			}
			if tt.broken {
				fsys["favicon.svg"] = &fstest.MapFile{Data: []byte("<svg")}
			}
			opts := withBase("")
			opts.Load.Ignore = tt.ignore
			var vault fs.FS = fsys
			if tt.huge {
				fsys["favicon.png"] = &fstest.MapFile{Data: make([]byte, maxIconSize+1)}
				vault = denyFS{MapFS: fsys, noOpen: map[string]bool{"favicon.png": true}}
			}
			res, em := buildSite(t, vault, opts)
			if tt.huge && !hasDiag(res.Diags, "favicon.png", "too-large") {
				t.Errorf("no too-large warning for the huge icon: %v", res.Diags)
			}
			m := iconLink.FindStringSubmatch(string(em.Files["notes/a/index.html"]))
			if m == nil {
				t.Fatal("no icon link")
			}
			got := em.Files[site.OutPath(path.Clean("notes/a/"+m[1]))]
			if got == nil {
				t.Fatalf("the icon %s was not emitted", m[1])
			}
			if tt.want == "" {
				if !strings.Contains(m[1], "_site/favicon.") || !bytes.Contains(got, []byte("<svg")) || bytes.Contains(got, []byte("alert")) {
					t.Errorf("icon %s = %q, want the built-in one", m[1], got)
				}
				return
			}
			if string(got) != tt.want {
				t.Errorf("icon %s = %q, want %q", m[1], got, tt.want)
			}
		})
	}
}

// checkRedirects proves that every redirect page of a build leads to a
// page that exists and names it as canonical, and returns them by page.
func checkRedirects(t *testing.T, em *MemEmitter, base string) map[site.OutPath]site.OutPath {
	t.Helper()
	out := map[site.OutPath]site.OutPath{}
	for _, p := range em.Paths() {
		page := string(em.Files[p])
		if !isRedirect(page) {
			continue
		}
		m := refreshRE.FindStringSubmatch(page)
		if m == nil || !strings.Contains(page, `<a href="`+m[1]+`">`) {
			t.Errorf("%s: no refresh, or no plain link to its target", p)
			continue
		}
		rel, err := url.PathUnescape(html.UnescapeString(m[1]))
		if err != nil {
			t.Errorf("%s: %v", p, err)
		}
		target := site.OutPath(path.Join(path.Dir(string(p)), rel, "index.html"))
		if data, ok := em.Files[target]; !ok || isRedirect(string(data)) {
			t.Errorf("%s leads to %s, which is not a page", p, target)
		}
		c := canonicalRE.FindStringSubmatch(page)
		wantCanon := m[1]
		if base != "" {
			slug, _ := target.PageSlug()
			wantCanon = base + strings.TrimPrefix(string(slug.FromRoot()), "./")
		}
		if c == nil || c[1] != wantCanon {
			t.Errorf("%s: canonical %v, want %q", p, c, wantCanon)
		}
		out[p] = target
	}
	return out
}

func TestRedirects(t *testing.T) {
	t.Parallel()
	for _, base := range []string{"", testBase} {
		res, em := buildSite(t, vaultFile(t, "discover"), withBase(base))
		got := checkRedirects(t, em, base)
		want := map[site.OutPath]site.OutPath{
			"company/about-us/index.html": "about/index.html", // the permalink's old URL
			"old/about/index.html":        "about/index.html", // the first note with the alias
			"start-here/index.html":       "index.html",
			"notes/b/index.html":          "", // a real page: never overwritten
		}
		delete(want, "notes/b/index.html")
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("baseURL %q: redirects (-want +got):\n%s", base, diff)
		}
		// Aliases that name a folder listing ("Notes"), an attachment
		// ("cover.png") or a page are left alone; the page stays itself.
		if isRedirect(string(em.Files["notes/b/index.html"])) || isRedirect(string(em.Files["notes/index.html"])) {
			t.Error("a redirect overwrote a page")
		}
		if _, ok := em.Files["cover.png/index.html"]; ok {
			t.Error("a redirect below an attachment's file")
		}
		if _, ok := em.Files["leaked/index.html"]; ok {
			t.Error("a draft's alias or permalink made a page")
		}
		if n := res.Vault.Note("Company/About us.md"); n.Slug != "about" {
			t.Errorf("the permalink gave %q, want about", n.Slug)
		}
	}
}

func TestRedirectEscapes(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"Q&A <x>.md": {Data: []byte("---\naliases: [\"Über uns\"]\n---\n")},
	}
	_, em := buildSite(t, fsys, withBase(""))
	page := string(em.Files["über-uns/index.html"])
	for _, want := range []string{
		`<title>Q&amp;A &lt;x&gt;</title>`,
		`<meta http-equiv="refresh" content="0; url=../q-a-x/">`,
		`<a href="../q-a-x/">Q&amp;A &lt;x&gt;</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("redirect lacks %s:\n%s", want, page)
		}
	}
}

// TestHelpVaultDiscovery builds the help vault, whose 173 notes all have
// a permalink and many have aliases, with a base URL: every redirect
// leads to a page, the sitemap names only pages, and the feed parses.
func TestHelpVaultDiscovery(t *testing.T) {
	t.Parallel()
	res, em := buildDir(t, helpVault, withBase(testBase))
	redirects := checkRedirects(t, em, testBase)
	if len(redirects) < 150 {
		t.Errorf("only %d redirects; the help vault's permalinks alone should give about 170", len(redirects))
	}
	n := res.Vault.Note("Obsidian Publish/Permalinks.md")
	if n == nil || n.Slug != "publish/permalinks" {
		t.Errorf("Permalinks.md is at %v, want publish/permalinks", n)
	}
	var doc sitemapDoc
	if err := xml.Unmarshal(em.Files["sitemap.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	for _, u := range doc.URLs {
		rel, err := url.PathUnescape(strings.TrimPrefix(u.Loc, testBase))
		if err != nil {
			t.Error(err)
		}
		if data, ok := em.Files[site.OutPath(rel+"index.html")]; !ok || isRedirect(string(data)) {
			t.Errorf("sitemap names %s, which is not a page", u.Loc)
		}
	}
	var feed rssDoc
	if err := xml.Unmarshal(em.Files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
}

// TestIncrementalDiscovery edits a vault step by step with a base URL;
// after each partial rebuild the sitemap, feed, robots.txt and redirect
// pages must be those of a full build: indeed every file but the search
// index's, which has its own test, and attachments, which a rebuild
// keeps after their last published user is gone (a known gap of
// compose in incremental.go, not of these files).
func TestIncrementalDiscovery(t *testing.T) {
	t.Parallel()
	fsys := vaultFile(t, "discover")
	opts := withBase(testBase)
	s := NewLive(fsys, opts)
	if _, err := s.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	later := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	steps := []struct {
		name string
		path string
		body string // "" deletes the file
	}{
		{"a body saved later", "Notes/D.md", "Dated by its file, which is newer now.\n"},
		{"dates changed", "Notes/B.md", "---\nupdated: 2025-04-02\ndate: 2025-12-24\n---\nB.\n"},
		{"alias added", "Notes/C.md", "---\naliases: [Gamma, Old/C]\n---\nNo date at all.\n"},
		{"permalink added", "Notes/D.md", "---\npermalink: delta\n---\nDated by its file.\n"},
		{"alias taken by a new note", "Gamma.md", "---\ndate: 2026-01-01\n---\nA real page now.\n"},
		{"note unpublished", "Company/About us.md", "---\npublish: false\npermalink: about\n---\n"},
		{"note deleted", "Notes/A.md", ""},
	}
	for _, st := range steps {
		if st.body == "" {
			delete(fsys, st.path)
		} else {
			fsys[st.path] = &fstest.MapFile{Data: []byte(st.body), ModTime: later}
		}
		if _, err := s.Update(context.Background(), []string{st.path}); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		_, em := buildSite(t, fsys, opts)
		got := snapshotBytes(t, s.Current())
		for p := range mergeKeys(got, em.Files) {
			if !bytes.Equal(got[p], em.Files[p]) {
				t.Errorf("%s: %s differs from a full build:\n%s\nwant:\n%s", st.name, p, got[p], em.Files[p])
			}
		}
		checkRedirects(t, em, testBase)
	}
	if _, ok := s.Current().Files["gamma/index.html"]; !ok || isRedirect(string(s.Current().Files["gamma/index.html"])) {
		t.Error("the new note Gamma is not at gamma/")
	}
}

func mergeKeys(a, b map[site.OutPath][]byte) map[site.OutPath]bool {
	out := map[site.OutPath]bool{}
	for p := range a {
		out[p] = true
	}
	for p := range b {
		out[p] = true
	}
	return out
}

func hasDiag(diags site.Diagnostics, p site.VaultPath, code string) bool {
	for _, d := range diags {
		if d.Pos.Path == p && d.Code == code {
			return true
		}
	}
	return false
}
