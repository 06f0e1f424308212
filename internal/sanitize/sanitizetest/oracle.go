package sanitizetest

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Unsafe parses out as a browser parses a page's body, with the HTML5
// tree builder of golang.org/x/net/html (foreign content, CDATA and raw
// text included), and returns the first thing in the tree that can run
// script, or "" when there is none: an element that runs or loads
// script or changes the page around it, an on* attribute, srcdoc, or a
// URL attribute any of whose items (split at ";", "," and spaces), after
// entity decoding and without whitespace or control characters, starts
// with javascript:, vbscript: or data:text/html.
func Unsafe(out []byte) string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(bytes.NewReader(out), ctx)
	if err != nil {
		return "parse: " + err.Error()
	}
	for _, n := range nodes {
		if why := unsafeTree(n); why != "" {
			return why
		}
	}
	return ""
}

// scriptElements run script, load a document or plug-in, or change what
// the page's own URLs and scripts do; animate and set can write a
// javascript: URL into a link.
var scriptElements = map[string]bool{
	"script": true, "object": true, "embed": true, "applet": true, "frame": true, "frameset": true,
	"base": true, "meta": true, "animate": true, "set": true, "handler": true, "listener": true,
	"portal": true, "foreignobject": true,
}

// urlAttrs are the attributes a browser reads as URLs somewhere.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "data": true, "poster": true,
	"background": true, "cite": true, "codebase": true, "lowsrc": true, "dynsrc": true, "srcset": true,
	"longdesc": true, "ping": true, "manifest": true, "icon": true, "archive": true, "profile": true,
	"values": true, "from": true, "to": true, "by": true, "xlink:href": true, "imagesrcset": true,
}

func unsafeTree(n *html.Node) string {
	if n.Type == html.ElementNode {
		name := strings.ToLower(n.Data)
		if scriptElements[name] {
			return fmt.Sprintf("element <%s> (%s)", name, n.Namespace)
		}
		for _, a := range n.Attr {
			if why := unsafeAttr(name, a); why != "" {
				return why
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if why := unsafeTree(c); why != "" {
			return why
		}
	}
	return ""
}

func unsafeAttr(tag string, a html.Attribute) string {
	key := strings.ToLower(a.Key)
	if a.Namespace != "" {
		key = a.Namespace + ":" + key
	}
	if strings.HasPrefix(key, "on") || key == "srcdoc" {
		return fmt.Sprintf("attribute %s on <%s>", key, tag)
	}
	if !urlAttrs[key] {
		return ""
	}
	v := strings.ToLower(strings.Map(func(r rune) rune {
		if r <= 0x20 || r == 0xa0 || r >= 0x2000 && r <= 0x200f || r == 0x3000 || r == 0xfeff {
			return -1
		}
		return r
	}, a.Val))
	for _, item := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == ',' }) {
		for _, bad := range []string{"javascript:", "vbscript:", "data:text/html"} {
			if strings.HasPrefix(item, bad) {
				return fmt.Sprintf("%s=%q on <%s>", key, a.Val, tag)
			}
		}
	}
	return ""
}
