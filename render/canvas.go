package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// Canvas is a parsed JSON Canvas 1.0 file (SPEC §10.1). ParseCanvas fills
// it; RenderCanvas draws it.
type Canvas struct {
	Path site.VaultPath
	// Nodes are in the file's order, which is z-order: the first is drawn
	// at the bottom.
	Nodes []CanvasNode
	Edges []CanvasEdge
	// Links are the file nodes as links, in node order: the outgoing
	// links of the canvas page (SPEC §10.3). Text cards' links are not
	// among them, as they make no backlinks in Obsidian (SPEC §10.2).
	Links []site.Link
}

// CanvasNode is one node. Fields a node's type does not use stay empty;
// a missing or unusable width or height gets the defaults below.
type CanvasNode struct {
	ID   string
	Type string // "text", "file", "link", "group", or a plugin's own
	// X, Y, Width and Height are in canvas pixels; Y grows downwards.
	X, Y, Width, Height float64
	// Color is "" (none), a preset "1" to "6", or a hex colour "#rrggbb";
	// anything else in the file is dropped, so it is safe in a style.
	Color string
	// Text is a text node's Markdown.
	Text string
	// File is a file node's vault path; Subpath, when set, starts with "#".
	File, Subpath string
	// URL is a link node's address, as written.
	URL string
	// Label, Background (a vault path) and BackgroundStyle ("cover",
	// "ratio" or "repeat") belong to groups.
	Label, Background, BackgroundStyle string
}

// CanvasEdge is one edge between two nodes.
type CanvasEdge struct {
	ID               string
	FromNode, ToNode string
	// FromSide and ToSide are "top", "right", "bottom", "left", or ""
	// when the file names none (or something else).
	FromSide, ToSide string
	// FromEnd and ToEnd are "none" or "arrow", defaulted as the format
	// says: no arrow at the start, an arrow at the end.
	FromEnd, ToEnd string
	Color, Label   string
}

// The size of a node whose file gives no usable width or height [U]: the
// format requires both, so only hand-edited or plugin-written files lack
// them; this is about Obsidian's size for a new text card.
const (
	defaultNodeWidth  = 250
	defaultNodeHeight = 120
)

// Coordinates and sizes are clamped to these bounds, so a corrupt number
// cannot make a page of a billion pixels; a real canvas is a few
// thousand pixels across.
const (
	maxCoord = 1e6
	maxSize  = 1e5
)

// ParseCanvas reads a canvas file. It never fails: an empty file is a
// canvas with no nodes (SPEC §10.2); a file that is not JSON is reported
// as invalid-canvas at the line and column of the error and gives an
// empty canvas; values of the wrong type are reported the same way and
// skipped, the rest kept. Unknown keys are ignored. diags may be nil.
func ParseCanvas(p site.VaultPath, data []byte, diags *site.Diagnostics) *Canvas {
	c := &Canvas{Path: p}
	if len(bytes.TrimSpace(data)) == 0 {
		return c
	}
	var raw struct {
		Nodes []rawNode `json:"nodes"`
		Edges []rawEdge `json:"edges"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			report(diags, p, data, int(syn.Offset)-1, "invalid canvas: %v; drawn empty", syn)
			return c
		case errors.As(err, &typ):
			// Unmarshal skips a value of the wrong type and keeps going.
			report(diags, p, data, int(typ.Offset)-1, "invalid canvas: %s cannot be a JSON %s; skipped", typeField(typ), typ.Value)
		default:
			report(diags, p, data, 0, "invalid canvas: %v; drawn empty", err)
			return c
		}
	}
	for _, n := range raw.Nodes {
		c.Nodes = append(c.Nodes, n.node())
	}
	for _, e := range raw.Edges {
		c.Edges = append(c.Edges, e.edge())
	}
	c.Links = fileLinks(c.Nodes)
	return c
}

// report adds an invalid-canvas warning at byte offset off of data.
func report(diags *site.Diagnostics, p site.VaultPath, data []byte, off int, format string, args ...any) {
	if diags == nil {
		return
	}
	pos := (&site.Note{Path: p, Source: data}).Pos(max(off, 0))
	diags.Add(pos, site.Warning, "invalid-canvas", format, args...)
}

func typeField(e *json.UnmarshalTypeError) string {
	if e.Field == "" {
		return "the top level"
	}
	return strconv.Quote(e.Field)
}

// fileLinks returns the file nodes as links; a subpath loses its "#".
func fileLinks(nodes []CanvasNode) []site.Link {
	var out []site.Link
	for _, n := range nodes {
		if n.Type == "file" && n.File != "" {
			out = append(out, n.link())
		}
	}
	return out
}

// link returns the link a file node makes, as an embed: the card shows
// the file.
func (n *CanvasNode) link() site.Link {
	return site.Link{Kind: site.WikiLink, Embed: true, Path: n.File,
		Subpath: strings.TrimPrefix(n.Subpath, "#"), Raw: n.File + n.Subpath}
}

// rawNode and rawEdge take the JSON with lenient field types.
type rawNode struct {
	ID              flexString `json:"id"`
	Type            flexString `json:"type"`
	X               flexNumber `json:"x"`
	Y               flexNumber `json:"y"`
	Width           flexNumber `json:"width"`
	Height          flexNumber `json:"height"`
	Color           flexString `json:"color"`
	Text            flexString `json:"text"`
	File            flexString `json:"file"`
	Subpath         flexString `json:"subpath"`
	URL             flexString `json:"url"`
	Label           flexString `json:"label"`
	Background      flexString `json:"background"`
	BackgroundStyle flexString `json:"backgroundStyle"`
}

type rawEdge struct {
	ID       flexString `json:"id"`
	FromNode flexString `json:"fromNode"`
	FromSide flexString `json:"fromSide"`
	FromEnd  flexString `json:"fromEnd"`
	ToNode   flexString `json:"toNode"`
	ToSide   flexString `json:"toSide"`
	ToEnd    flexString `json:"toEnd"`
	Color    flexString `json:"color"`
	Label    flexString `json:"label"`
}

func (r rawNode) node() CanvasNode {
	n := CanvasNode{
		ID: string(r.ID), Type: strings.ToLower(strings.TrimSpace(string(r.Type))),
		X: clamp(float64(r.X), -maxCoord, maxCoord), Y: clamp(float64(r.Y), -maxCoord, maxCoord),
		Width: size(r.Width, defaultNodeWidth), Height: size(r.Height, defaultNodeHeight),
		Color: canvasColor(string(r.Color)), Text: string(r.Text),
		File: strings.TrimSpace(string(r.File)), Subpath: strings.TrimSpace(string(r.Subpath)),
		URL: strings.TrimSpace(string(r.URL)), Label: string(r.Label),
		Background: strings.TrimSpace(string(r.Background)), BackgroundStyle: string(r.BackgroundStyle),
	}
	if n.Subpath != "" && !strings.HasPrefix(n.Subpath, "#") {
		n.Subpath = "#" + n.Subpath
	}
	return n
}

func (r rawEdge) edge() CanvasEdge {
	return CanvasEdge{
		ID: string(r.ID), FromNode: string(r.FromNode), ToNode: string(r.ToNode),
		FromSide: side(string(r.FromSide)), ToSide: side(string(r.ToSide)),
		FromEnd: end(string(r.FromEnd), "none"), ToEnd: end(string(r.ToEnd), "arrow"),
		Color: canvasColor(string(r.Color)), Label: string(r.Label),
	}
}

func clamp(v, lo, hi float64) float64 { return math.Min(math.Max(v, lo), hi) }

// size returns a positive width or height, or def.
func size(v flexNumber, def float64) float64 {
	if v <= 0 {
		return def
	}
	return math.Min(float64(v), maxSize)
}

func side(s string) string {
	switch s = strings.ToLower(strings.TrimSpace(s)); s {
	case "top", "right", "bottom", "left":
		return s
	}
	return ""
}

func end(s, def string) string {
	switch s = strings.ToLower(strings.TrimSpace(s)); s {
	case "none", "arrow":
		return s
	}
	return def
}

var hexColor = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$`)

// canvasColor keeps a preset "1" to "6" or a hex colour, lower-cased,
// and drops anything else.
func canvasColor(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case len(s) == 1 && s >= "1" && s <= "6":
		return s
	case hexColor.MatchString(s):
		return strings.ToLower(s)
	}
	return ""
}

// flexString takes a JSON string, or a number as written (plugins write
// numeric ids); null and other types leave it empty.
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) > 0 && b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = flexString(v)
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*s = flexString(b)
	}
	return nil
}

// flexNumber takes a JSON number, or a string holding one; other values
// leave it zero.
type flexNumber float64

func (f *flexNumber) UnmarshalJSON(b []byte) error {
	s := string(bytes.Trim(b, `"`))
	if v, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
		*f = flexNumber(v)
	}
	return nil
}
