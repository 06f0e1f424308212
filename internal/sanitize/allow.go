package sanitize

import "strings"

// The allowlists are DOMPurify's defaults (src/tags.ts, src/attrs.ts,
// src/purify.ts of cure53/DOMPurify, read in 2026): its html, svg,
// svgFilters and mathMl elements, and its html, svg, mathMl and xml
// attributes. Names are lower case, as the HTML tokenizer gives them; SVG
// files are looked up lower-cased too. DOMPurify's svg element list also
// carries four attribute names (enterkeyhint, exportparts, inputmode,
// part); they name no element and are left out.
var allowedElements = set(
	// html
	"a abbr acronym address area article aside audio b bdi bdo big blink blockquote body br " +
		"button canvas caption center cite code col colgroup content data datalist dd decorator " +
		"del details dfn dialog dir div dl dt element em fieldset figcaption figure font footer " +
		"form h1 h2 h3 h4 h5 h6 head header hgroup hr html i img input ins kbd label legend li " +
		"main map mark marquee menu menuitem meter nav nobr ol optgroup option output p picture " +
		"pre progress q rp rt ruby s samp search section select shadow slot small source spacer " +
		"span strike strong style sub summary sup table tbody td template textarea tfoot th thead " +
		"time tr track tt u ul var video wbr " +
		// svg
		"svg altglyph altglyphdef altglyphitem animatecolor animatemotion animatetransform circle " +
		"clippath defs desc ellipse filter g glyph glyphref hkern image line lineargradient " +
		"marker mask metadata mpath path pattern polygon polyline radialgradient rect stop " +
		"switch symbol text textpath title tref tspan view vkern " +
		// svgFilters
		"feblend fecolormatrix fecomponenttransfer fecomposite feconvolvematrix fediffuselighting " +
		"fedisplacementmap fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr " +
		"fegaussianblur feimage femerge femergenode femorphology feoffset fepointlight " +
		"fespecularlighting fespotlight fetile feturbulence " +
		// mathMl
		"math menclose merror mfenced mfrac mglyph mi mlabeledtr mmultiscripts mn mo mover " +
		"mpadded mphantom mroot mrow ms mspace msqrt mstyle msub msup msubsup mtable mtd mtext " +
		"mtr munder munderover mprescripts " +
		// Departures, each kept under a rule of its own (safeValue):
		// iframe, which Obsidian adds for web embeds (SPEC §6.10), with an
		// http(s) src only; use, which SVG from drawing tools and plotting
		// libraries needs for every glyph and clone, with a same-document
		// #fragment only, so it never loads another document.
		"iframe use")

// contentDropped are the elements that go with everything inside them
// (DOMPurify's FORBID_CONTENTS, for the elements it does not keep):
// script and what only shows when script is off or unsupported, and
// foreign islands whose content is another language.
var contentDropped = set("script noscript noembed noframes xmp plaintext foreignobject " +
	"annotation-xml selectedcontent")

// rawText are the elements whose content the HTML tokenizer reads as raw
// text up to their end tag.
var rawText = set("iframe noembed noframes noscript plaintext script style textarea title xmp")

var allowedAttrs = set(
	// html
	"accept action align alt autocapitalize autocomplete autopictureinpicture autoplay " +
		"background bgcolor border capture cellpadding cellspacing checked cite class clear " +
		"color cols colspan command commandfor controls controlslist coords crossorigin datetime " +
		"decoding default dir disabled disablepictureinpicture disableremoteplayback download " +
		"draggable enctype enterkeyhint exportparts face for headers height hidden high href " +
		"hreflang id inert inputmode integrity ismap kind label lang list loading loop low max " +
		"maxlength media method min minlength multiple muted name nonce noshade novalidate " +
		"nowrap open optimum part pattern placeholder playsinline popover popovertarget " +
		"popovertargetaction poster preload pubdate radiogroup readonly rel required rev " +
		"reversed role rows rowspan spellcheck scope selected shape size sizes slot span srclang " +
		"start src srcset step style summary tabindex title translate type usemap valign value " +
		"width wrap xmlns " +
		// svg
		"accent-height accumulate additive alignment-baseline amplitude ascent attributename " +
		"attributetype azimuth basefrequency baseline-shift begin bias by clip clippathunits " +
		"clip-path clip-rule color-interpolation color-interpolation-filters color-profile " +
		"color-rendering cx cy d dx dy diffuseconstant direction display divisor " +
		"dominant-baseline dur edgemode elevation end exponent fill fill-opacity fill-rule filter " +
		"filterunits flood-color flood-opacity font-family font-size font-size-adjust " +
		"font-stretch font-style font-variant font-weight fx fy g1 g2 glyph-name glyphref " +
		"gradientunits gradienttransform image-rendering in in2 intercept k k1 k2 k3 k4 kerning " +
		"keypoints keysplines keytimes lengthadjust letter-spacing kernelmatrix kernelunitlength " +
		"lighting-color local marker-end marker-mid marker-start markerheight markerunits " +
		"markerwidth maskcontentunits maskunits mask mask-type mode numoctaves offset operator " +
		"opacity order orient orientation origin overflow paint-order path pathlength " +
		"patterncontentunits patterntransform patternunits pointer-events points preservealpha " +
		"preserveaspectratio primitiveunits r rx ry radius refx refy repeatcount repeatdur " +
		"restart result rotate scale seed shape-rendering slope specularconstant " +
		"specularexponent spreadmethod startoffset stddeviation stitchtiles stop-color " +
		"stop-opacity stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin " +
		"stroke-miterlimit stroke-opacity stroke stroke-width surfacescale systemlanguage " +
		"tablevalues targetx targety transform transform-origin text-anchor text-decoration " +
		"text-orientation text-rendering textlength u1 u2 unicode values vector-effect viewbox " +
		"visibility version vert-adv-y vert-origin-x vert-origin-y word-spacing writing-mode " +
		"xchannelselector ychannelselector x x1 x2 y y1 y2 z zoomandpan " +
		// mathMl
		"accent accentunder bevelled close columnalign columnlines columnspacing columnspan " +
		"denomalign depth displaystyle encoding fence frame largeop length linethickness lquote " +
		"lspace mathbackground mathcolor mathsize mathvariant maxsize minsize movablelimits " +
		"notation numalign rowalign rowlines rowspacing rspace rquote scriptlevel scriptminsize " +
		"scriptsizemultiplier selection separator separators stretchy subscriptshift " +
		"supscriptshift symmetric voffset " +
		// xml
		"xlink:href xml:id xlink:title xml:space xmlns:xlink " +
		// Obsidian's web embeds: the attributes YouTube's and others'
		// embed code gives an <iframe>; srcdoc stays out.
		"allow allowfullscreen allowtransparency frameborder referrerpolicy scrolling sandbox")

// uriSafe are the attributes whose values are never read as URLs
// (DOMPurify's URI_SAFE_ATTRIBUTES), so any text may stand in them.
var uriSafe = set("alt class for id label name pattern placeholder role summary title value style xmlns")

// dataURITags may load data: URLs from src, href and xlink:href
// (DOMPurify's DATA_URI_TAGS); safeValue narrows the URLs to media types.
var dataURITags = set("audio video img source image track")

func set(names string) map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(names) {
		m[n] = true
	}
	return m
}
