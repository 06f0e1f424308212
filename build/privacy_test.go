package build

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vaultsite/vaultsite/site"
)

// A privacy rule and the note it keeps out of the site. Every note of
// the privacy vault that a rule leaves out carries a marker word, unique
// to its rule and its place, everywhere a note's content could leak from:
// its file name, its folder, title, headings, body and frontmatter tags,
// aliases, text, code, property values, description, permalink, block
// id, external link, and two attachments only it uses.
type privacyRule struct {
	id     string // the rule's marker prefix
	dir    string // the folder above the note's own folder
	front  string // frontmatter lines that apply the rule
	optIn  bool   // left out only in opt-in mode
	reason string // as site reports it
}

var privacyRules = []privacyRule{
	{id: "qzvpf", front: "publish: false", reason: "publish: false"},
	{id: "qzvdr", front: "publish: true\ndraft: true", reason: "draft: true"},
	{id: "qzvig", dir: "Private/", front: "publish: true", reason: "ignored by Private"},
	{id: "qzvuf", dir: "Excluded/", front: "publish: true", reason: "excluded by userIgnoreFilters Excluded/"},
	{id: "qzvur", dir: "Hidden7/", front: "publish: true", reason: "excluded by userIgnoreFilters /^Hidden[0-9]/"},
	{id: "qzvtp", dir: "Templates/", front: "publish: true", reason: "in the templates folder Templates"},
	{id: "qzvoi", front: "kind: unmarked", optIn: true, reason: "not marked publish: true (opt-in mode)"},
}

// markerKinds are the places of a marker; each rule's note has the word
// rule.id+kind in every one of them.
var markerKinds = []string{"file", "dir", "title", "head", "sub", "tag", "nest", "child", "fmtag", "akaone",
	"akadir", "akaname", "text", "code", "prop", "desc", "perma", "block", "ext", "att", "cover"}

func (r privacyRule) path() string { return r.dir + r.id + "dir/" + r.id + "file.md" }

// attBytes is the content of one of the rule's attachments: unique bytes,
// not text, so no page could ever hold them by chance.
func (r privacyRule) attBytes(kind string) []byte {
	return []byte("\x89PNG\r\n\x1a\n\x00\x01\xfeSECRET-" + strings.ToUpper(r.id+kind) + "-\xff\x00\x02")
}

func (r privacyRule) note() string {
	m := func(kind string) string { return r.id + kind }
	return fmt.Sprintf(`---
%s
title: %s
tags: [%s]
aliases: [%s, %s/%s]
status: %s
description: %s
permalink: %s
image: "[[%s.png]]"
date: 2099-12-31
related: "[[Public]]"
---
# %s

Some %s text, with #%s and #%s/%s, and [a site](https://%s.example/).

![[%s.png]]

![[Public]] and [[Home]].

## %s

A paragraph. ^%s

`+"```\n%s\n```\n", r.front, m("title"), m("fmtag"), m("akaone"), m("akadir"), m("akaname"), m("prop"), m("desc"),
		m("perma"), m("cover"), m("head"), m("text"), m("tag"), m("nest"), m("child"), m("ext"), m("att"),
		m("sub"), m("block"), m("code"))
}

// privacyVault holds the rules' notes, published notes that link to each
// of them in every way a note can (links to the note, a heading, a block,
// embeds, Markdown links, a property link, each with its own text, as the
// text of a link is the linking note's own words), and an ignored canvas.
func privacyVault() fstest.MapFS {
	fsys := fstest.MapFS{
		".obsidian/app.json":       {Data: []byte(`{"userIgnoreFilters": ["Excluded/", "/^Hidden[0-9]/"]}`)},
		".obsidian/templates.json": {Data: []byte(`{"folder": "Templates"}`)},
		"Public.md":                {Data: []byte("---\npublish: true\ndescription: a public note\ncover: \"[[Hidden7/qzvxheld2.png]]\"\n---\nPublic text, ![[pub.png]].\n" + heldLinks)},
		"pub.png":                  {Data: []byte("\x89PNG public")},
		// The canvas is in the ignored folder, with a card and an image
		// of its own.
		"Private/qzvcvboard.canvas": {Data: []byte(`{"nodes": [
			{"id": "t", "type": "text", "text": "qzvcvcard [[Public]]", "x": 0, "y": 0, "width": 100, "height": 50},
			{"id": "i", "type": "file", "file": "qzvcvimg.png", "x": 0, "y": 90, "width": 100, "height": 50}]}`)},
		"qzvcvimg.png": {Data: []byte("\x89PNG\x00SECRET-QZVCVIMG-\xff")},
		// Attachments in folders the path rules leave out, which a
		// published note links, embeds and names in a property.
		"Excluded/qzvxheld1.png":  {Data: []byte("\x89PNG\x00SECRET-QZVXHELD-1")},
		"Hidden7/qzvxheld2.png":   {Data: []byte("\x89PNG\x00SECRET-QZVXHELD-2")},
		"Private/qzvxheld3.pdf":   {Data: []byte("%PDF-1.4 SECRET-QZVXHELD-3")},
		"Templates/qzvxheld4.png": {Data: []byte("\x89PNG\x00SECRET-QZVXHELD-4")},
		"Board.canvas": {Data: []byte(`{"nodes": [
			{"id": "a", "type": "file", "file": "Excluded/qzvxheld1.png", "x": 0, "y": 0, "width": 100, "height": 50},
			{"id": "b", "type": "file", "file": "Templates/qzvxheld4.png", "x": 0, "y": 90, "width": 100, "height": 50},
			{"id": "c", "type": "text", "text": "![[Hidden7/qzvxheld2.png]]", "x": 0, "y": 180, "width": 100, "height": 50}]}`)},
		// A base whose views list every note with what could leak of one
		// (name, properties, tags, links, backlinks, cover, counts); and
		// one in the ignored folder, whose own text must not leak.
		"Reading.base":             {Data: []byte(privacyBase)},
		"Private/qzvbssecret.base": {Data: []byte("views:\n  - type: table\n    name: qzvbsview\n")},
	}
	var home strings.Builder
	home.WriteString("---\npublish: true\nrelated: \"[[qzvpffile|a private note]]\"\n---\n# Home\n\n")
	for i, r := range privacyRules {
		fsys[r.path()] = &fstest.MapFile{Data: []byte(r.note())}
		fsys[r.id+"att.png"] = &fstest.MapFile{Data: r.attBytes("att")}
		fsys[r.id+"cover.png"] = &fstest.MapFile{Data: r.attBytes("cover")}
		fmt.Fprintf(&home, "- [[%sfile|note %d]], [[%sfile#%shead|a section]], [[%sfile#^%sblock|a block]], [md link](<%s>)\n",
			r.id, i, r.id, r.id, r.id, r.id, r.path())
		fmt.Fprintf(&home, "- ![[%sfile]] ![[%sfile#%ssub]] ![[%sfile#^%sblock]]\n", r.id, r.id, r.id, r.id, r.id)
	}
	home.WriteString("\nThe [[Private/qzvcvboard.canvas|board]]: ![[Private/qzvcvboard.canvas]]\n")
	home.WriteString("\n![[Reading.base]]\n\n![[Reading.base#Shelf]]\n\n![[Private/qzvbssecret.base]]\n")
	home.WriteString("\n```base\nformulas:\n  back: file.backlinks.length\nviews:\n  - type: list\n    order: [file.name, formula.back, file.tags]\n```\n")
	fsys["Home.md"] = &fstest.MapFile{Data: []byte(home.String())}
	return fsys
}

// heldLinks link, embed and Markdown-link the attachments in left-out
// folders.
const heldLinks = "![[Excluded/qzvxheld1.png]] [[Hidden7/qzvxheld2.png]] ![[Private/qzvxheld3.pdf]] " +
	"[[Private/qzvxheld3.pdf#page=2]] ![held](Templates/qzvxheld4.png) [held](<Excluded/qzvxheld1.png>)\n"

// privacyBase shows every note the views may see, with everything of a
// note a view can show, in each kind of view; its filter is true for all.
const privacyBase = `filters: 'file.name != ""'
formulas:
  back: file.backlinks.map(value.asFile().name).join(" ")
  out: file.links.map(value.toString()).join(" ")
summaries:
  names: values.join(" ")
views:
  - type: table
    name: All
    order: [file.name, status, description, tags, aliases, related, formula.back, formula.out, file.tags, file.embeds]
    summaries:
      file.name: names
      status: Filled
  - type: cards
    name: Shelf
    image: image
    order: [file.name, status, title]
  - type: map
    name: Places
`

// TestPrivacy builds the privacy vault in both publish modes, with and
// without a base URL, and proves that no byte of any output file (pages,
// search index, graph and explorer data, sitemap, feed, redirects, …) nor
// any output path holds a marker of a note left out, or the bytes of an
// attachment only such notes use: raw, lower-cased, with HTML entities,
// percent-encoding and JSON strings decoded, and in base64.
//
// As a control, in "all" mode the note that only opt-in mode leaves out
// is published, and each of its markers must then be found: a check that
// finds nothing proves nothing.
func TestPrivacy(t *testing.T) {
	t.Parallel()
	for _, optIn := range []bool{false, true} {
		for _, base := range []string{"", "https://notes.example.org/site/"} {
			t.Run(fmt.Sprintf("optIn=%v/baseURL=%q", optIn, base), func(t *testing.T) {
				t.Parallel()
				em := NewMemEmitter()
				opts := Options{Load: site.LoadOptions{Ignore: []string{"Private"}, OptIn: optIn}}
				opts.Site.Title, opts.Site.BaseURL = "Privacy", base
				res, err := Build(context.Background(), privacyVault(), opts, em)
				if err != nil {
					t.Fatal(err)
				}
				checkRulesApplied(t, res.Vault, optIn)
				out := newOutputViews(em)
				for _, r := range privacyRules {
					secret := optIn || !r.optIn
					for _, kind := range markerKinds {
						where := out.find(r.id + kind)
						switch {
						case secret && where != "":
							t.Errorf("marker %q of %s (%s) leaks: %s", r.id+kind, r.path(), r.reason, where)
						case !secret && where == "" && (kind != "cover" || base != ""):
							t.Errorf("control: marker %q of the published %s is nowhere; the check is blind to %s", r.id+kind, r.path(), kind)
						}
					}
					for _, kind := range []string{"att", "cover"} {
						if where := out.findBytes(r.attBytes(kind)); secret && where != "" {
							t.Errorf("the bytes of %s%s.png, used only by %s, leak: %s", r.id, kind, r.path(), where)
						}
					}
				}
				for _, m := range []string{"qzvcvboard", "qzvcvcard", "qzvcvimg"} {
					if where := out.find(m); where != "" {
						t.Errorf("marker %q of the ignored canvas leaks: %s", m, where)
					}
				}
				if where := out.findBytes([]byte("SECRET-QZVCVIMG")); where != "" {
					t.Errorf("the canvas's image leaks: %s", where)
				}
				if where := out.findBytes([]byte("SECRET-QZVXHELD")); where != "" {
					t.Errorf("an attachment in a left-out folder leaks: %s", where)
				}
				checkBaseShown(t, em, optIn)
				if _, ok := em.Files["pub.png"]; !ok {
					t.Error("the public image was not copied: the site is not being built")
				}
			})
		}
	}
}

// checkBaseShown is the control for the bases: the views the home page
// embeds must list the published notes (so the check above looked at
// evaluated views), and count exactly them.
func checkBaseShown(t *testing.T, em *MemEmitter, optIn bool) {
	t.Helper()
	home := string(em.Files["index.html"])
	rows := 2 // Home and Public
	if !optIn {
		rows++ // the note only opt-in mode leaves out
	}
	for _, want := range []string{`data-view="All"`, `data-view="Shelf"`, `>Public</a>`, fmt.Sprintf(`<span class="base-count">%d results</span>`, rows)} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %s: the bases were not evaluated", want)
		}
	}
}

// checkRulesApplied makes sure each secret note is left out by its own
// rule, not by another that would hide a broken one.
func checkRulesApplied(t *testing.T, v *site.Vault, optIn bool) {
	t.Helper()
	for _, r := range privacyRules {
		n := v.Note(site.VaultPath(r.path()))
		switch {
		case n == nil:
			t.Fatalf("no note %s", r.path())
		case !optIn && r.optIn:
			if !n.Published {
				t.Errorf("%s is not published in all mode: %s", r.path(), n.Unpublished)
			}
		case n.Published || n.Unpublished != r.reason:
			t.Errorf("%s: published %v, reason %q; want left out by %q", r.path(), n.Published, n.Unpublished, r.reason)
		}
	}
}

// outputViews holds every output file and path in the forms a marker may
// take on its way into a file.
type outputViews struct {
	em    *MemEmitter
	paths []site.OutPath
	views map[site.OutPath][]string // lower-cased: raw, HTML-unescaped, percent-decoded, JSON strings
}

func newOutputViews(em *MemEmitter) *outputViews {
	o := &outputViews{em: em, paths: em.Paths(), views: map[site.OutPath][]string{}}
	for _, p := range o.paths {
		data := em.Files[p]
		raw := string(data)
		vs := []string{string(p), percentDecode(string(p)), raw, html.UnescapeString(raw), percentDecode(raw),
			percentDecode(html.UnescapeString(raw))}
		var j any
		if json.Unmarshal(data, &j) == nil {
			var sb strings.Builder
			jsonStrings(j, &sb)
			vs = append(vs, sb.String(), percentDecode(sb.String()))
		}
		for i := range vs {
			vs[i] = strings.ToLower(vs[i])
		}
		o.views[p] = vs
	}
	return o
}

// find returns where the lower-case word appears, or "".
func (o *outputViews) find(word string) string {
	for _, p := range o.paths {
		for _, v := range o.views[p] {
			if i := strings.Index(v, word); i >= 0 {
				return fmt.Sprintf("%s: …%s…", p, v[max(0, i-60):min(len(v), i+len(word)+60)])
			}
		}
	}
	return ""
}

// findBytes returns the first file holding data, raw or in base64.
func (o *outputViews) findBytes(data []byte) string {
	b64 := []byte(base64.StdEncoding.EncodeToString(data))
	inner := data[8 : len(data)-3] // the unique middle, should a file be cut
	for _, p := range o.paths {
		f := o.em.Files[p]
		if bytes.Contains(f, data) || bytes.Contains(f, b64) || bytes.Contains(f, inner) {
			return string(p)
		}
	}
	return ""
}

// jsonStrings writes every string and key of a decoded JSON value.
func jsonStrings(v any, sb *strings.Builder) {
	switch v := v.(type) {
	case string:
		sb.WriteString(v)
		sb.WriteByte('\n')
	case []any:
		for _, it := range v {
			jsonStrings(it, sb)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sb.WriteString(k)
			sb.WriteByte('\n')
			jsonStrings(v[k], sb)
		}
	}
}

// percentDecode decodes every %XX and leaves anything else, so one stray
// "%" does not stop the rest of a file from being decoded.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
