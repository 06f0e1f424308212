package bases

import (
	"encoding/json"
	"strconv"
	"strings"
)

// cards writes a grid: the image property as the cover, the file name
// as the title, the other columns as a list of properties.
func (w *htmlWriter) cards(res *Result) {
	w.WriteString(`<div class="base-cards` + cardsLayout(res.View.Layout) + `>`)
	for _, g := range res.Groups {
		w.row = nil
		w.groupHeading(g)
		for _, r := range g.Rows {
			w.row = r.File
			url := esc(w.l.FileURL(r.File))
			w.printf(`<article class="base-card base-row">`)
			w.cover(res.View.Image, r, url)
			w.printf(`<div class="base-card-body"><a class="base-card-title internal-link" href="%s">%s</a>`, url, esc(r.File.Path.Name()))
			w.props(res, r, "dl")
			w.WriteString("</div></article>")
		}
	}
	w.WriteString("</div>")
}

func (w *htmlWriter) groupHeading(g Group) {
	if !g.Keyed {
		return
	}
	w.WriteString(`<h4 class="base-group-heading">`)
	if g.Key == nil {
		w.WriteString(esc(w.words.T("bases.none")))
	} else {
		w.value(g.Key)
	}
	w.WriteString("</h4>")
}

// cover writes the card's image: an attachment or URL, or a hex colour
// as Cards view allows; nothing when the row has none.
func (w *htmlWriter) cover(id string, r Row, url string) {
	if id == "" {
		return
	}
	v := (&query{}).propertyOf(r.File, id)
	if s, ok := v.(string); ok && hexColor.MatchString(s) {
		w.printf(`<a class="base-card-cover" href="%s" tabindex="-1" aria-hidden="true" style="background-color:%s"></a>`, url, s)
		return
	}
	if l, ok := v.([]Value); ok && len(l) > 0 {
		v = l[0]
	}
	if src := w.l.ImageURL(v, r.File); src != "" {
		w.printf(`<a class="base-card-cover" href="%s" tabindex="-1" aria-hidden="true"><img src="%s" alt="" loading="lazy"></a>`, url, esc(src))
	}
}

// propertyOf reads a note property for the cover (formulas and file
// properties are not images).
func (q *query) propertyOf(f *File, id string) Value {
	_, name, _ := strings.Cut(id, ".")
	v, _ := f.Props.Get(name)
	return v
}

// props writes the row's columns but the file name: as a definition
// list (cards), a nested list (a list view's indented properties) or a
// run of spans between separators (a list view's default).
func (w *htmlWriter) props(res *Result, r Row, as string) {
	open, item, end, closeItem := `<span class="base-props">`, `<span class="base-prop" title="%s">`, "</span>", "</span>"
	switch as {
	case "dl":
		open, item, end, closeItem = `<dl class="base-props">`, `<div class="base-prop"><dt>%s</dt><dd>`, "</dl>", "</dd></div>"
	case "ul":
		open, item, end, closeItem = `<ul class="base-props">`, `<li class="base-prop" title="%s">`, "</ul>", "</li>"
	}
	sep := res.View.Layout.Separator
	if sep == "" {
		sep = ", "
	}
	w.WriteString(open)
	n := 0
	for i, c := range res.Columns {
		cell := r.Cells[i]
		if c.ID == "file.name" || (cell.Value == nil && cell.Err == nil) {
			continue
		}
		if as == "span" && n > 0 {
			w.printf(`<span class="base-sep">%s</span>`, esc(sep))
		}
		n++
		w.printf(item, esc(c.Header))
		w.cellValue(cell)
		w.WriteString(closeItem)
	}
	w.WriteString(end)
}

// list writes a list per group, with the view's markers: bullets (ul),
// numbers (ol) or none; a row's properties follow its name, between
// separators, or are nested under it as a list of their own.
func (w *htmlWriter) list(res *Result) {
	l := res.View.Layout
	tag, class := "ul", "base-list"
	switch l.Markers {
	case "number":
		tag = "ol"
	case "none":
		class += " base-list-plain"
	}
	for _, g := range res.Groups {
		w.row = nil
		w.groupHeading(g)
		w.printf(`<%s class="%s">`, tag, class)
		for _, r := range g.Rows {
			w.row = r.File
			w.printf(`<li class="base-row"><a class="internal-link" href="%s">%s</a>`, esc(w.l.FileURL(r.File)), esc(r.File.Path.Name()))
			if l.IndentProperties {
				w.props(res, r, "ul")
			} else {
				w.WriteString(" ")
				w.props(res, r, "span")
			}
			w.WriteString("</li>")
		}
		w.printf("</%s>", tag)
	}
}

// place is one map marker, as the map script reads it.
type place struct {
	Name string  `json:"name"`
	URL  string  `json:"url"`
	Lat  float64 `json:"lat"`
	Lng  float64 `json:"lng"`
}

// placeMap writes the list of places, which is the map without script;
// the map script reads data-places and draws tiles and markers above it.
func (w *htmlWriter) placeMap(res *Result) {
	id := res.View.Coordinates
	if id == "" {
		id = "note.coordinates"
	}
	var places []place
	w.WriteString(`<ul class="base-places">`)
	for _, g := range res.Groups {
		for _, r := range g.Rows {
			lat, lng, ok := coordinates((&query{}).propertyOf(r.File, id))
			if !ok {
				continue
			}
			p := place{Name: r.File.Path.Name(), URL: w.l.FileURL(r.File), Lat: lat, Lng: lng}
			places = append(places, p)
			w.printf(`<li class="base-row"><a class="internal-link" href="%s">%s</a> <span class="base-coords">%s, %s</span></li>`,
				esc(p.URL), esc(p.Name), formatNumber(lat), formatNumber(lng))
		}
	}
	w.WriteString("</ul>")
	data, _ := json.Marshal(places)
	w.printf(`<div class="base-map" data-places="%s"%s hidden></div>`, esc(string(data)), mapLayout(res.View.Layout))
}

// coordinates reads "lat, lng" or a list of two, as Map view accepts.
func coordinates(v Value) (lat, lng float64, ok bool) {
	var parts []string
	switch v := v.(type) {
	case string:
		parts = strings.Split(v, ",")
	case []Value:
		for _, it := range v {
			parts = append(parts, toString(it))
		}
	}
	if len(parts) != 2 {
		return 0, 0, false
	}
	lat, e1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
	lng, e2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
	ok = e1 == nil && e2 == nil && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180
	return lat, lng, ok
}

// cardsLayout is the rest of the cards grid's opening tag: a class for
// covers that show the whole image, and the card size and cover ratio
// as the CSS variables bases.css reads.
func cardsLayout(l Layout) string {
	class, style := `"`, ""
	if l.ImageFit == "contain" {
		class = ` base-cards-contain"`
	}
	if l.CardSize > 0 {
		style += "--base-card-size:" + formatNumber(l.CardSize) + "px;"
	}
	if l.ImageAspectRatio > 0 {
		style += "--base-cover-ratio:" + formatNumber(l.ImageAspectRatio) + ";"
	}
	if style != "" {
		return class + ` style="` + style + `"`
	}
	return class
}

// mapLayout is the map's settings as the attributes basemap.js reads:
// the centre and zoom it starts at, the zoom's bounds, and its height.
func mapLayout(l Layout) string {
	var b strings.Builder
	if l.Center != nil {
		b.WriteString(` data-center="` + formatNumber(l.Center[0]) + "," + formatNumber(l.Center[1]) + `"`)
	}
	if l.HasZoom {
		b.WriteString(` data-zoom="` + formatNumber(l.Zoom) + `"`)
	}
	if l.MinZoom > 0 {
		b.WriteString(` data-min-zoom="` + formatNumber(l.MinZoom) + `"`)
	}
	if l.MaxZoom > 0 {
		b.WriteString(` data-max-zoom="` + formatNumber(l.MaxZoom) + `"`)
	}
	if l.MapHeight > 0 {
		b.WriteString(` style="height:` + formatNumber(l.MapHeight) + `px"`)
	}
	return b.String()
}
