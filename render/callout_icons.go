package render

// The icons of the callout types (SPEC §5.3), drawn for vaultsite in the
// manner of Lucide, whose names Obsidian uses: a 24×24 grid, 2-unit round
// strokes in currentColor, so each icon takes the callout's colour. They
// are inline SVG: the site needs no icon font and no network.

// svgOpen starts every icon; the class names the Lucide icon it stands
// for, as Obsidian's DOM does, for themes that restyle one icon.
const svgOpen = `<svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" class="svg-icon lucide-`

// iconShapes maps an icon name to its drawing.
var iconShapes = map[string]string{
	// A pencil lying from lower left to upper right, with its ferrule.
	"pencil": `<path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L8 18l-4.5 1.5L5 15z"/><path d="m14 6 3 3"/>`,
	// A clipboard with its clip and three ticked lines.
	"clipboard-list": `<rect x="5" y="4" width="14" height="18" rx="2"/><rect x="9" y="2" width="6" height="4" rx="1"/><path d="M12 11h4M12 15h4M12 19h4M8 11h.01M8 15h.01M8 19h.01"/>`,
	// An "i" in a circle.
	"info": `<circle cx="12" cy="12" r="10"/><path d="M12 16v-5M12 7.5h.01"/>`,
	// A tick in a circle.
	"check-circle-2": `<circle cx="12" cy="12" r="10"/><path d="m8 12.5 2.8 2.8L16.5 9"/>`,
	// A flame with an inner tongue.
	"flame": `<path d="M12 22c-3.9 0-7-2.9-7-6.8 0-3.3 2-5.3 3.5-7.2.3 1.8 1.2 3 2.5 3.5C11 8 12 5 14.5 2.5c.5 3.5 4.5 6 4.5 12.2 0 4-3.1 7.3-7 7.3z"/><path d="M12 18.5c-1.3 0-2.2-.9-2.2-2.1 0-1.4 1.2-2.3 2.2-3.6.9 1.3 2.2 2.2 2.2 3.6 0 1.2-.9 2.1-2.2 2.1z"/>`,
	// A tick.
	"check": `<path d="m4.5 12.5 5 5L19.5 7"/>`,
	// A question mark in a circle.
	"help-circle": `<circle cx="12" cy="12" r="10"/><path d="M9.2 9.2a2.9 2.9 0 0 1 5.6 1c0 1.9-2.8 2.5-2.8 4.3M12 17.5h.01"/>`,
	// An exclamation mark in a rounded triangle.
	"alert-triangle": `<path d="M10.3 4 2.3 18a2 2 0 0 0 1.7 3h16a2 2 0 0 0 1.7-3L13.7 4a2 2 0 0 0-3.4 0z"/><path d="M12 9.5v3.5M12 17h.01"/>`,
	// A cross.
	"x": `<path d="M18 6 6 18M6 6l12 12"/>`,
	// A lightning bolt.
	"zap": `<path d="M13.5 2 4 13.5h7.5L10.5 22 20 10.5h-7.5z"/>`,
	// A beetle: body, head, feelers and three pairs of legs.
	"bug": `<rect x="8" y="8" width="8" height="13" rx="4"/><path d="M9.5 8a2.5 2.5 0 0 1 5 0M10 4.5 9 3M14 4.5 15 3M12 12v9M8 11.5H4.5M16 11.5h3.5M8 15H4M16 15h4M8.5 18.5 5 20M15.5 18.5 19 20"/>`,
	// A bulleted list.
	"list": `<path d="M9 6h12M9 12h12M9 18h12M4 6h.01M4 12h.01M4 18h.01"/>`,
	// Two closing quotation marks.
	"quote": `<path d="M4 20c2.5 0 5.5-1.5 5.5-6.5V6H4v6.5h4"/><path d="M14 20c2.5 0 5.5-1.5 5.5-6.5V6H14v6.5h4"/>`,
	// A downward chevron: the fold marker, which CSS turns when closed.
	"chevron-down": `<path d="m6 9 6 6 6-6"/>`,
}

// calloutIconNames maps each canonical callout type to its icon (the
// table of SPEC §5.3).
var calloutIconNames = map[string]string{
	"note": "pencil", "abstract": "clipboard-list", "info": "info", "todo": "check-circle-2",
	"tip": "flame", "success": "check", "question": "help-circle", "warning": "alert-triangle",
	"failure": "x", "danger": "zap", "bug": "bug", "example": "list", "quote": "quote",
}

// svgIcon returns the whole <svg> element of a named icon.
func svgIcon(name string) string {
	return svgOpen + name + `">` + iconShapes[name] + `</svg>`
}

// foldIcon is the chevron of foldable callouts.
var foldIcon = svgIcon("chevron-down")

// calloutSVGs holds the finished icon of each canonical type, built once:
// renderers only read it.
var calloutSVGs = func() map[string]string {
	m := make(map[string]string, len(calloutIconNames))
	for typ, name := range calloutIconNames {
		m[typ] = svgIcon(name)
	}
	return m
}()

// calloutIcon returns the icon of a canonical callout type; any other
// type has the note's pencil, as its look is the note's.
func calloutIcon(canonical string) string {
	if s, ok := calloutSVGs[canonical]; ok {
		return s
	}
	return calloutSVGs["note"]
}
