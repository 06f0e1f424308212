package sanitize

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

// SVG returns the SVG file data re-serialised through the allowlist, for
// publishing: a browser opens a linked SVG file as a document in the
// site's origin, where its scripts would run. Elements outside the SVG
// namespace go with their content (Inkscape's sodipodi:*, XHTML), as
// DOMPurify's namespace check removes them; so do comments, processing
// instructions and the doctype, after its internal entities have been
// read, since a browser expands them; an <?xml-stylesheet?> could name an
// XSLT that makes the file XHTML. The result is UTF-8 XML with the
// SVG and XLink namespaces declared on the root. A file that is not
// well-formed XML whose root is <svg> is an error naming its line: a
// browser would show an error page for it too.
func SVG(data []byte) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = map[string]string{}
	d.CharsetReader = charset.NewReaderLabel // an encoding="ISO-8859-1" declaration, say
	s := svgWriter{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, svgError(err)
		}
		if err := s.token(d, tok); err != nil {
			return nil, err
		}
	}
	if !s.root {
		return nil, errors.New("no <svg> root element")
	}
	return s.out.Bytes(), nil
}

func svgError(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: %s", se.Line, se.Msg)
	}
	return err
}

// svgWriter is the state of one SVG call.
type svgWriter struct {
	out  bytes.Buffer
	root bool // the root <svg> has started
	done bool // and ended
	// depth counts the open elements that are not skipped, the root's
	// included; skip counts those open inside one that goes with its
	// content.
	depth, skip int
	// style counts the open <style> elements.
	style int
}

func (s *svgWriter) token(d *xml.Decoder, tok xml.Token) error {
	switch t := tok.(type) {
	case xml.Directive:
		readEntities(d, t)
	case xml.StartElement:
		return s.start(t)
	case xml.EndElement:
		s.end(t)
	case xml.CharData:
		if s.root && !s.done && s.skip == 0 {
			text := string(t)
			if s.style > 0 {
				text = blockImports(text) // opened as a document, it would load them
			}
			escapeXML(&s.out, text, false)
		}
	}
	return nil
}

func (s *svgWriter) start(t xml.StartElement) error {
	local := strings.ToLower(t.Name.Local)
	switch {
	case s.done || s.skip > 0:
		s.skip++
		return nil
	case !s.root:
		if t.Name.Space != svgNS || t.Name.Local != "svg" {
			return fmt.Errorf("the root element is <%s>, not an SVG <svg>", t.Name.Local)
		}
		s.root, s.depth = true, 1
		s.out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		s.out.WriteString(`<svg xmlns="` + svgNS + `" xmlns:xlink="` + xlinkNS + `"`)
		s.attrs(local, t.Attr)
		s.out.WriteString(">")
		return nil
	case t.Name.Space != svgNS || contentDropped[local]:
		s.skip = 1
		return nil
	}
	s.depth++
	if local == "style" {
		s.style++
	}
	if !allowedElements[local] {
		return nil // its tags go, its content stays
	}
	s.out.WriteString("<" + t.Name.Local)
	s.attrs(local, t.Attr)
	s.out.WriteString(">")
	return nil
}

func (s *svgWriter) end(t xml.EndElement) {
	local := strings.ToLower(t.Name.Local)
	switch {
	case s.skip > 0:
		s.skip--
	case s.done:
	default:
		s.depth--
		if local == "style" {
			s.style--
		}
		if s.depth == 0 {
			s.out.WriteString("</svg>\n")
			s.done = true
		} else if allowedElements[local] {
			s.out.WriteString("</" + t.Name.Local + ">")
		}
	}
}

// attrs writes the attributes keepAttr allows, under their own names:
// unprefixed ones, and xlink: and xml: ones in their namespaces.
// Namespace declarations go; the root declares the two it needs.
func (s *svgWriter) attrs(tag string, attrs []xml.Attr) {
	for _, a := range attrs {
		var name string
		switch a.Name.Space {
		case "":
			name = a.Name.Local
		case xlinkNS:
			name = "xlink:" + a.Name.Local
		case xmlNS:
			name = "xml:" + a.Name.Local
		default:
			continue // xmlns declarations, and every other namespace
		}
		if name == "xmlns" || !keepAttr(tag, strings.ToLower(name), a.Value) {
			continue
		}
		s.out.WriteString(" " + name + `="`)
		escapeXML(&s.out, a.Value, true)
		s.out.WriteString(`"`)
	}
}

// escapeXML writes v as XML text, or an attribute value when attr is
// true (its whitespace as character references, so it survives
// attribute-value normalisation), without characters XML does not allow.
func escapeXML(b *bytes.Buffer, v string, attr bool) {
	for _, r := range v {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case attr && r == '"':
			b.WriteString("&quot;")
		case attr && (r == '\t' || r == '\n' || r == '\r'), r == '\r':
			fmt.Fprintf(b, "&#%d;", r)
		case !xmlChar(r):
		default:
			b.WriteRune(r)
		}
	}
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

// readEntities adds the general entities a doctype's internal subset
// declares (<!ENTITY ns_svg "http://www.w3.org/2000/svg">, as Adobe
// Illustrator writes) to the decoder, as a browser expands them. Their
// text is only ever written out escaped, so an entity cannot smuggle
// markup in. Parameter and external entities are not read.
func readEntities(d *xml.Decoder, dir xml.Directive) {
	rest := string(dir)
	for {
		i := strings.Index(rest, "<!ENTITY")
		if i < 0 {
			return
		}
		rest = rest[i+len("<!ENTITY"):]
		f := strings.Fields(rest)
		if len(f) < 2 || f[0] == "%" {
			continue
		}
		name := f[0]
		v := strings.TrimLeft(rest, " \t\r\n")[len(name):]
		v = strings.TrimLeft(v, " \t\r\n")
		if v == "" || v[0] != '"' && v[0] != '\'' {
			continue // SYSTEM or PUBLIC: external, never fetched
		}
		if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
			d.Entity[name] = v[1 : end+1]
		}
	}
}
