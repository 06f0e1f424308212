package sanitize

import (
	"strings"
)

// safeValue reports whether val, the value of attribute key on tag, is
// safe to keep as a URL. It reads val as the browser's URL parser would
// see any part of it: without the whitespace and control characters
// DOMPurify strips (ATTR_WHITESPACE, a superset of what browsers ignore
// in a scheme), in any case. Then:
//
//   - <iframe src> and <link href> must be http(s) URLs (a relative one
//     would frame or load a file of this site, which may be an HTML
//     attachment published by consent), <use href> a #fragment of the
//     same document;
//   - a data: URL of an image, audio or video type stays in src, href and
//     xlink:href of the media elements (DOMPurify keeps any data: there;
//     only media types can play in them, so only those stay);
//   - otherwise every item of the value, split at ";" and "," (SMIL's
//     values="0;javascript:…", srcset's candidates), must pass allowedURL.
func safeValue(tag, key, val string) bool {
	v := strings.ToLower(stripSpace(val))
	urlKey := key == "src" || key == "href" || key == "xlink:href"
	switch {
	case v == "":
		return true
	case urlKey && (tag == "iframe" || tag == "link"):
		// "//host/…", which older embed code writes, is http(s) too.
		return strings.HasPrefix(v, "https:") || strings.HasPrefix(v, "http:") || strings.HasPrefix(v, "//")
	case urlKey && tag == "use":
		return strings.HasPrefix(v, "#")
	case urlKey && dataURITags[tag] && strings.HasPrefix(v, "data:"):
		return mediaData(v)
	}
	for item := range strings.FieldsFuncSeq(v, func(r rune) bool { return r == ';' || r == ',' }) {
		if !allowedURL(item) {
			return false
		}
	}
	return true
}

// mediaData reports whether the data: URL v (lower case) holds an image,
// audio or video.
func mediaData(v string) bool {
	t := strings.TrimPrefix(v, "data:")
	return strings.HasPrefix(t, "image/") || strings.HasPrefix(t, "audio/") || strings.HasPrefix(t, "video/")
}

// safeSchemes are DOMPurify's IS_ALLOWED_URI schemes.
var safeSchemes = []string{"http:", "https:", "ftp:", "ftps:", "mailto:", "tel:", "callto:", "sms:", "cid:", "xmpp:", "matrix:"}

// allowedURL reports whether the item u (lower case, without spaces)
// cannot name a dangerous scheme, as DOMPurify's IS_ALLOWED_URI decides:
// it starts with a safe scheme, or with something other than a letter,
// or its leading run of scheme characters (letters, "+", ".", "-") is
// not followed by ":", so it is no scheme at all but a relative URL or
// plain text.
func allowedURL(u string) bool {
	for _, s := range safeSchemes {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	i := 0
	for i < len(u) && (u[i] >= 'a' && u[i] <= 'z' || u[i] == '+' || u[i] == '.' || u[i] == '-') {
		i++
	}
	if i == 0 || u[0] < 'a' || u[0] > 'z' {
		return true
	}
	return i == len(u) || u[i] != ':'
}

// stripSpace removes DOMPurify's ATTR_WHITESPACE: U+0000–U+0020, U+00A0,
// U+1680, U+180E, U+2000–U+2029, U+205F and U+3000.
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= 0x20 || r == 0xa0 || r == 0x1680 || r == 0x180e || r >= 0x2000 && r <= 0x2029 || r == 0x205f || r == 0x3000 {
			return -1
		}
		return r
	}, s)
}
