package sanitize

import (
	"strings"
	"testing"
)

// svgSeed is an SVG as drawing tools write them, with what must go.
const svgSeed = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns_svg "http://www.w3.org/2000/svg">
  <!ENTITY js "javascript:alert(3)">
]>
<?xml-stylesheet type="text/xsl" href="evil.xsl"?>
<!-- Generator: a drawing tool -->
<svg xmlns="&ns_svg;" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 10 10" onload="alert(1)">
  <sodipodi:namedview pagecolor="#fff"><script>alert(0)</script></sodipodi:namedview>
  <script type="text/javascript"><![CDATA[ alert(2) ]]></script>
  <style>.a > .b { fill: red }</style>
  <defs><path id="g1" d="M0,0 L10,10"/></defs>
  <a xlink:href="&js;"><use xlink:href="#g1" x="1"/><text>label</text></a>
  <a href="https://example.com/"><rect width="5" height="5" onclick="alert(4)"/></a>
  <animate attributeName="href" values="0;javascript:alert(5)"/>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(6)"/></div></foreignObject>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <use href="https://evil.example/sprite.svg#x"/>
</svg>
`

func TestSVG(t *testing.T) {
	t.Parallel()
	out, err := SVG([]byte(svgSeed))
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`,
		`<style>.a &gt; .b { fill: red }</style>`,
		`<path id="g1" d="M0,0 L10,10"></path>`,
		`<a><use xlink:href="#g1" x="1"></use><text>label</text></a>`,
		`<a href="https://example.com/"><rect width="5" height="5"></rect></a>`,
		`<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"></image>`,
		"<use></use>\n</svg>\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	for _, gone := range []string{"alert", "script", "sodipodi", "animate", "foreignObject", "<!", "evil", "xsl"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q is still in\n%s", gone, got)
		}
	}
}

// TestSVGEncodings: a byte order mark and a declared encoding other than
// UTF-8 are read as a browser reads them; the result is UTF-8.
func TestSVGEncodings(t *testing.T) {
	t.Parallel()
	for _, give := range []string{
		"\ufeff<svg xmlns=\"http://www.w3.org/2000/svg\"><text>caf\u00e9</text></svg>",
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><text>caf\xe9</text></svg>",
	} {
		out, err := SVG([]byte(give))
		if err != nil || !strings.Contains(string(out), "<text>caf\u00e9</text>") {
			t.Errorf("SVG(%q) = %q, %v", give, out, err)
		}
	}
}

func TestSVGRefuses(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ give, want string }{
		{give: `<svg xmlns="http://www.w3.org/2000/svg"><rect>`, want: "line 1: unexpected EOF"},
		{give: `<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>`, want: "not an SVG <svg>"},
		{give: `<svg><rect/></svg>`, want: "not an SVG <svg>"}, // no namespace: not SVG to a browser
		{give: "<svg xmlns=\"http://www.w3.org/2000/svg\">\n&nbsp;</svg>", want: "line 2: invalid character entity &nbsp;"},
		{give: ``, want: "no <svg> root element"},
	} {
		_, err := SVG([]byte(tt.give))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("SVG(%q) = %v, want an error with %q", tt.give, err, tt.want)
		}
	}
}
