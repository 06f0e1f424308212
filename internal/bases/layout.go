package bases

import (
	"strconv"
	"strings"
)

// Layout is what a view's settings say of how it looks, per the help's
// Layouts pages (Cards, List, Map). The pages name the settings but not
// their keys; the keys are those Obsidian writes into a .base file
// (cardSize, imageFit, imageAspectRatio; markers, indentProperties,
// separator) and those of Obsidian's Maps plugin (center, defaultZoom,
// minZoom, maxZoom, mapHeight). The zero value is each view's default.
type Layout struct {
	// CardSize is the cards' width in CSS pixels; 0 is the default.
	CardSize float64
	// ImageFit is "contain" to show the whole cover; "" is "cover",
	// which fills the card and crops.
	ImageFit string
	// ImageAspectRatio is the cover's height over its width; 0 is 1:1.
	ImageAspectRatio float64
	// Markers is the list's markers: "" for bullets, "number" or "none".
	Markers string
	// IndentProperties shows a list item's properties nested under it.
	IndentProperties bool
	// Separator goes between a list item's properties when they are not
	// nested; "" is the default, a comma.
	Separator string
	// Center is the map's centre, latitude and longitude, when set.
	Center *[2]float64
	// Zoom is the map's starting zoom when HasZoom; MinZoom and MaxZoom
	// bound it (0 and 18 by default, as the Maps plugin's).
	Zoom, MinZoom, MaxZoom float64
	HasZoom                bool
	// MapHeight is the map's height in CSS pixels; 0 is the default.
	MapHeight float64
}

// Bounds of the settings, as the Maps plugin clamps them: zoom 0 to 24,
// a map 100 to 2000 px high; a card from 50 px (narrower shows nothing)
// to 2000, a cover ratio from 0.1 to 10.
const (
	maxZoom24                  = 24
	defaultMaxZoom             = 18
	minMapHeight, maxMapHeight = 100, 2000
	minCardSize, maxCardSize   = 50, 2000
	minRatio, maxRatio         = 0.1, 10
)

// layoutSetting reads key of a view into v.Layout and reports whether it
// is a layout setting; a value it cannot use is an error at its place
// and the default stays.
func (p *parser) layoutSetting(v *View, key string, val *ynode) bool {
	l := &v.Layout
	switch key {
	case "cardSize":
		l.CardSize = p.number(val, key, minCardSize, maxCardSize)
	case "imageAspectRatio":
		l.ImageAspectRatio = p.number(val, key, minRatio, maxRatio)
	case "imageFit":
		switch strings.ToLower(val.text) {
		case "cover", "":
		case "contain":
			l.ImageFit = "contain"
		default:
			p.errAt(val.line, val.col, "imageFit must be cover or contain, not %q", val.text)
		}
	case "markers":
		p.markers(l, val)
	case "indentProperties":
		l.IndentProperties = val.text == "true"
	case "separator":
		l.Separator = val.text
	case "center":
		p.center(l, val)
	case "defaultZoom":
		l.Zoom, l.HasZoom = p.number(val, key, 0, maxZoom24), true
	case "minZoom":
		l.MinZoom = p.number(val, key, 0, maxZoom24)
	case "maxZoom":
		l.MaxZoom = p.number(val, key, 0, maxZoom24)
	case "mapHeight":
		l.MapHeight = p.number(val, key, minMapHeight, maxMapHeight)
	default:
		return false
	}
	return true
}

// number reads a number setting, clamped to [lo, hi]; anything else is
// an error and 0, the default.
func (p *parser) number(val *ynode, key string, lo, hi float64) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(val.text), 64)
	if val.kind != yScalar || err != nil || f != f {
		p.errAt(val.line, val.col, "%s must be a number, not %q", key, val.text)
		return 0
	}
	return min(max(f, lo), hi)
}

func (p *parser) markers(l *Layout, val *ynode) {
	switch strings.ToLower(val.text) {
	case "bullet", "bullets", "":
		l.Markers = ""
	case "number", "numbers":
		l.Markers = "number"
	case "none":
		l.Markers = "none"
	default:
		p.errAt(val.line, val.col, "markers must be bullet, number or none, not %q", val.text)
	}
}

// center reads the map's centre: "lat, lng", a list of two, or the
// formula "[lat, lng]" the Maps plugin also accepts.
func (p *parser) center(l *Layout, val *ynode) {
	var parts []string
	switch val.kind {
	case ySeq:
		for _, it := range val.items {
			parts = append(parts, it.text)
		}
	default:
		s := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(val.text), "["), "]")
		parts = strings.Split(s, ",")
	}
	var c [2]float64
	ok := len(parts) == 2
	for i := 0; ok && i < 2; i++ {
		f, err := strconv.ParseFloat(strings.Trim(strings.TrimSpace(parts[i]), `"'`), 64)
		c[i], ok = f, err == nil
	}
	if !ok || c[0] < -90 || c[0] > 90 || c[1] < -180 || c[1] > 180 {
		p.errAt(val.line, val.col, "center must be a latitude and a longitude, \"lat, lng\", not %q", val.text)
		return
	}
	l.Center = &c
}
