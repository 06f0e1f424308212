package build

import (
	"encoding/xml"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// The properties that date a note (SPEC §7.3: Obsidian gives none of
// them a meaning; Quartz reads the same), in the order each use prefers
// them. The feed wants when a note appeared, the sitemap when it last
// changed. Without any, the file's modification time is used: it is an
// input of the build like the file's bytes, so the output still depends
// on nothing but the vault.
var (
	publishedKeys = []string{"date", "created", "published", "updated", "modified"}
	updatedKeys   = []string{"updated", "modified", "date", "created", "published"}
)

// dateLayouts are the spellings of a date property that are read; a time
// without a zone is taken as UTC.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
}

// noteTime returns the first of the properties keys that holds a date,
// else the file's modification time; ok is false when neither is known
// (a file system that keeps no times, as in tests).
func noteTime(n *site.Note, keys []string) (time.Time, bool) {
	for _, k := range keys {
		for _, p := range n.Props.List {
			if !strings.EqualFold(p.Key, k) {
				continue
			}
			for _, s := range p.Value.Strings() {
				if t, ok := parseDate(s); ok {
					return t, true
				}
			}
		}
	}
	t := n.ModTime()
	return t, !t.IsZero()
}

// noteDates are a note's dates for the sitemap (updatedKeys) and the
// feed (publishedKeys), as noteTime gives them.
type noteDates struct {
	updated, published       time.Time
	hasUpdated, hasPublished bool
	lastmod                  string // updated in the sitemap's format
}

// dates returns the dates of every published note, taking those of the
// notes a rebuild did not read again from the last build, so a save
// reads the properties of the notes it changed, not of every note.
func (b *builder) dates() map[*site.Note]noteDates {
	last := b.memo.dates
	out := make(map[*site.Note]noteDates, len(last))
	for _, n := range b.v.Published() {
		d, ok := last[n]
		if !ok {
			d.updated, d.hasUpdated = noteTime(n, updatedKeys)
			d.published, d.hasPublished = noteTime(n, publishedKeys)
			d.lastmod = d.updated.UTC().Format(time.RFC3339)
		}
		out[n] = d
	}
	b.memo.dates = out
	return out
}

func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	// Every layout starts with a four-digit year and is ten bytes or
	// more, and a plain date is the common case, which only the last
	// layout reads: a save in the live preview dates every note.
	switch {
	case len(s) < 10 || s[0] < '0' || s[0] > '9':
		return time.Time{}, false
	case len(s) == 10:
		t, err := time.Parse(time.DateOnly, s)
		return t, err == nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// rss is an RSS 2.0 document (https://www.rssboard.org/rss-specification)
// with the atom:link to itself that the RSS Advisory Board recommends.
type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	Description string  `xml:"description"`
	Language    string  `xml:"language,omitempty"`
	LastBuild   string  `xml:"lastBuildDate,omitempty"`
	Self        rssSelf `xml:"atom:link"`
	Items       []rssItem
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	XMLName     xml.Name `xml:"item"`
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Description string   `xml:"description,omitempty"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// feed is the RSS feed of the feedSize newest published notes, newest
// first (ties by path), dated by noteTime; notes with no date at all are
// left out. lastBuildDate is the newest note's date, never the clock, so
// the same vault gives the same bytes.
func (b *builder) feed(dates map[*site.Note]noteDates) ([]byte, error) {
	type dated struct {
		n *site.Note
		t time.Time
	}
	// The newest feedSize, newest first and in path order among equals,
	// kept in order as the notes go by: one pass over the notes, not a
	// sort of all of them.
	var notes []dated
	for _, n := range b.v.Published() {
		d := dates[n]
		if !d.hasPublished || len(notes) == feedSize && !d.published.After(notes[feedSize-1].t) {
			continue
		}
		i := sort.Search(len(notes), func(i int) bool { return notes[i].t.Before(d.published) })
		notes = slices.Insert(notes, i, dated{n, d.published})
		notes = notes[:min(len(notes), feedSize)]
	}
	title := b.opts.Site.Title
	ch := rssChannel{
		Title: title, Link: b.absURL("./"), Description: b.words().Tf("feed.description", "site", title), Language: b.opts.Site.Lang,
		Self: rssSelf{Href: b.absURL(rootURLOfFile(feedPath)), Rel: "self", Type: "application/rss+xml"},
	}
	if title == "" {
		ch.Description = b.words().T("feed.descriptionUntitled")
	}
	for _, d := range notes {
		u := b.absURL(d.n.Slug.FromRoot())
		ch.Items = append(ch.Items, rssItem{Title: d.n.Title(), Link: u, GUID: rssGUID{"true", u},
			PubDate: d.t.Format(time.RFC1123Z), Description: d.n.Props.Description})
	}
	if len(notes) > 0 {
		ch.LastBuild = notes[0].t.Format(time.RFC1123Z)
	}
	return encodeXML(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch})
}

// socialImage returns the absolute URL of a note's preview image for
// OpenGraph and Twitter cards, or "" without a base URL or an image. The
// image is the image or cover property (an http(s) URL, or a link or
// path to an image of the vault), else the note's first image embed. An
// image of the vault is copied with the page's other attachments.
func (b *builder) socialImage(n *site.Note) string {
	if b.opts.Site.BaseURL == "" {
		return ""
	}
	if img := strings.TrimSpace(n.Props.Image); img != "" {
		if strings.HasPrefix(img, "https://") || strings.HasPrefix(img, "http://") {
			return img
		}
		if u := b.imageURL(n, propLinkPath(img)); u != "" {
			return u
		}
	}
	for _, l := range n.Links {
		if l.Embed && !l.InProperty {
			if u := b.imageURL(n, l.Path); u != "" {
				return u
			}
		}
	}
	return ""
}

// imageURL resolves linkpath from n and returns the absolute URL of the
// image it names, recording it as used; "" when it names no image.
func (b *builder) imageURL(n *site.Note, linkpath string) string {
	a := b.graph.Resolve(n, linkpath).Target.Asset
	if a == nil || a.Kind != site.KindImage {
		return ""
	}
	if ok, _ := b.v.PathPublished(a.Path); !ok {
		return "" // in a folder the path rules leave out
	}
	b.use.asset(n.Slug, a)
	return b.absURL(site.Slug("").FileURL(b.v.AssetOut(a.Path)))
}

// propLinkPath reads the link path of a property value written as a link
// ("[[cover.png]]", "![[cover.png|300]]") or as a plain path.
func propLinkPath(v string) string {
	v = strings.TrimPrefix(v, "!")
	if inner, ok := strings.CutPrefix(v, "[["); ok {
		v = strings.TrimSuffix(inner, "]]")
		v, _, _ = strings.Cut(v, "|")
		v, _, _ = strings.Cut(v, "#")
	}
	return strings.TrimSpace(v)
}
