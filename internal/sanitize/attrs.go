package sanitize

import (
	"strings"
	"unicode/utf8"
)

// keepAttr reports whether the attribute key="val" may stay on the
// element tag (both lower case; val entity-decoded). In this order:
//
//   - data-* and aria-* attributes with valid names stay whatever their
//     value, as in DOMPurify;
//   - an attribute outside the allowlist goes;
//   - attributename naming href goes (DOMPurify: no animated links);
//   - for goes from elements other than <label> and <output>;
//   - an id in the site's own namespace ("vs.") goes, and name goes from
//     <img>, <form> and <iframe> (siteIDPrefix and namedAccess say why);
//   - the values of uriSafe attributes are text and stay;
//   - every other value is read as a URL, or a list of them (urls.go).
func keepAttr(tag, key, val string) bool {
	switch {
	case strings.HasPrefix(key, "data-"):
		return validName(key[len("data-"):], ".\u00b7")
	case strings.HasPrefix(key, "aria-"):
		return validName(key[len("aria-"):], "")
	case !allowedAttrs[key]:
		return false
	case key == "attributename":
		return !strings.Contains(strings.ToLower(val), "href")
	case key == "for":
		return tag == "label" || tag == "output"
	case key == "id":
		return !strings.HasPrefix(strings.TrimSpace(val), siteIDPrefix)
	case key == "name":
		return !namedAccess[tag]
	case uriSafe[key]:
		return true
	}
	return safeValue(tag, key, val)
}

// validName reports whether the rest of a data- or aria- attribute name
// is one or more of ASCII letters, digits, "_", "-", any of extra, and,
// when extra is not empty, any character from U+00B7 up (DOMPurify's
// DATA_ATTR and ARIA_ATTR patterns).
func validName(s, extra string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
		case strings.ContainsRune(extra, r) && r != utf8.RuneError:
		case extra != "" && r >= 0xb7 && r != utf8.RuneError:
		default:
			return false
		}
	}
	return true
}

// siteIDPrefix starts every id the site's own pages and scripts use
// (vs.main, vs.explorer, vs.aside): an author's element with such an id
// could stand in for the site's and feed its scripts.
const siteIDPrefix = "vs."

// namedAccess are the elements whose name attribute becomes a property of
// document, where it can shadow the methods the site's scripts call
// (<img name="getElementById">). DOMPurify drops a name or id that is
// already a property of the live document; a build has no document, so
// the name goes from these elements whatever its value.
var namedAccess = set("img form iframe")
