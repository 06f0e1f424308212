package sanitize

import "testing"

func TestKeepAttr(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		tag, key, val string
		want          bool
	}{
		{"a", "href", "https://example.com/a;b,c", true},
		{"a", "href", "../notes/x/#h", true},
		{"a", "href", "mailto:a@example.com", true},
		{"a", "href", "obsidian://open?vault=x", false}, // an unknown scheme, as in DOMPurify
		{"a", "href", "java\tscript:alert(1)", false},
		{"a", "href", "\u3000javascript:alert(1)", false},
		{"a", "href", "javascript\n:alert(1)", false},
		{"a", "href", "https://x/?a,javascript:alert(1)", false},
		{"animatemotion", "values", "0;javascript:alert(1)", false},
		{"animatetransform", "attributename", "HREF", false},
		{"img", "srcset", "a.png 1x, b.png 2x", true},
		{"img", "srcset", "a.png 1x, javascript:alert(1) 2x", false},
		{"img", "src", "data:image/png;base64,iVBO", true},
		{"img", "src", "data:text/html,<script>", false},
		{"a", "href", "data:image/png;base64,iVBO", false},
		{"video", "src", "data:video/mp4;base64,AAAA", true},
		{"iframe", "src", "https://www.youtube.com/embed/x", true},
		{"iframe", "src", "page.html", false},
		{"iframe", "src", "//www.youtube.com/embed/x", true},
		{"iframe", "src", "/\t/evil.example/", true}, // a browser drops the tab: //evil.example/, still http(s)
		{"iframe", "srcdoc", "<b>", false},
		{"use", "href", "#glyph", true},
		{"use", "xlink:href", "sprite.svg#x", false},
		{"div", "onclick", "alert(1)", false},
		{"div", "title", "javascript:alert(1)", true}, // text, never a URL
		{"div", "style", "color: red", true},
		{"div", "data-x.y", "javascript:alert(1)", true},
		{"div", "data-", "x", false},
		{"div", "aria-label", "x", true},
		{"div", "id", "vs.explorer", false},
		{"div", "id", "intro", true},
		{"img", "name", "getElementById", false},
		{"input", "name", "q", true},
		{"label", "for", "q", true},
		{"template", "for", "q", false},
		{"div", "target", "_blank", false},
		{"svg", "viewbox", "0 0 10 10", true},
		{"rect", "fill", "url(#grad)", true},
		{"time", "datetime", "2024-01-02T10:00", true},
	} {
		if got := keepAttr(tt.tag, tt.key, tt.val); got != tt.want {
			t.Errorf("keepAttr(%q, %q, %q) = %v, want %v", tt.tag, tt.key, tt.val, got, tt.want)
		}
	}
}

func TestBlockImports(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ give, want string }{
		{`@import url(https://evil.example/x.css); a { color: red }`, `@blocked-import url(https://evil.example/x.css); a { color: red }`},
		{`@IMPORT "x.css";`, `@blocked-import "x.css";`},
		{`@\69mport "x.css";`, `@blocked-import "x.css";`},
		{`@\000069 mport "x.css";`, `@blocked-import "x.css";`},
		{`@\i\m\p\o\r\t "x.css";`, `@blocked-import "x.css";`},
		{`@media print { a { color: red } } @font-face { src: url(f.woff) }`, `@media print { a { color: red } } @font-face { src: url(f.woff) }`},
		{`@importx "x.css"; a@`, `@importx "x.css"; a@`},
	} {
		if got := blockImports(tt.give); got != tt.want {
			t.Errorf("blockImports(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}
