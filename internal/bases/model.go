package bases

import "github.com/vaultsite/vaultsite/site"

// Base is a parsed .base file or base block.
type Base struct {
	Filters    *Filter   // nil: every row
	Formulas   []Formula // in source order
	Properties map[string]PropConfig
	Summaries  map[string]*Expr // custom summary formulas by name
	Views      []*View
	// where maps positions back to the file; see Parse.
	where origin
}

// Formula is one named formula property.
type Formula struct {
	Name string
	Expr *Expr // nil when it does not parse
}

// PropConfig is what the properties section says about a property.
type PropConfig struct {
	DisplayName string
}

// Filter is a filter tree: an expression, or and/or/not over children.
type Filter struct {
	Op       string // "expr", "and", "or", "not"
	Expr     *Expr  // Op "expr"; nil when it does not parse
	Children []*Filter
}

// View is one entry of views.
type View struct {
	Type    string // table, cards, list, map (anything else renders as a table)
	Name    string
	Limit   int // 0: no limit
	Filters *Filter
	Order   []string // property ids: note.x, file.x, formula.x
	Sort    []SortKey
	GroupBy *SortKey
	// Summaries maps a property id to a summary name (built-in or custom).
	Summaries map[string]string
	// Image is the cards view's cover property; Coordinates, MarkerTitle
	// the map view's.
	Image       string
	Coordinates string
	// Layout is the view's settings of its look (layout.go).
	Layout Layout
	Line   int // of the view's entry, for diagnostics
}

// SortKey is one sort or the group-by.
type SortKey struct {
	Property string
	Desc     bool
}

// origin maps a position in the YAML text to a position in the file
// that holds it: a .base file, or a base block inside a note.
type origin struct {
	path  site.VaultPath
	line0 int // file line of the YAML's first line, minus one
	col0  int // columns to add (a block indented in a list item)
}

func (o origin) pos(line, col int) site.Pos {
	return site.Pos{Path: o.path, Line: o.line0 + line, Col: o.col0 + col}
}

// ViewNamed returns the view called name, the first view when name is
// empty, or nil.
func (b *Base) ViewNamed(name string) *View {
	for _, v := range b.Views {
		if name == "" || v.Name == name {
			return v
		}
	}
	return nil
}
