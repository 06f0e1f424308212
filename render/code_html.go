package render

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// writeTokens writes the tokens it yields as chroma's HTML formatter does
// with CSS classes and no <pre> (chtml.WithClasses, PreventSurroundingPre):
// each token's text escaped, inside a span of its type's class if it has
// one, a token that spans lines cut after each newline, and a last line
// holding only one empty token left out. It writes them in one pass,
// where chroma's formatter goes through fmt for every token and copies
// the whole stream into lines first: that was a quarter of highlighting.
// TestTokensAsChromaWrites holds the two to the same bytes.
func writeTokens(buf *bytes.Buffer, it chroma.Iterator) {
	var pending *chroma.Token // an empty token alone so far on its line
	first := true             // the next token starts a line
	for t := it(); t != chroma.EOF; t = it() {
		if pending != nil {
			writeToken(buf, pending.Type, "")
			pending = nil
		}
		v := t.Value
		for {
			i := strings.IndexByte(v, '\n')
			if i < 0 {
				break
			}
			writeToken(buf, t.Type, v[:i+1])
			v, first = v[i+1:], true
			if v == "" {
				break
			}
		}
		if v == "" && strings.HasSuffix(t.Value, "\n") {
			continue // the tail of a token ending its line
		}
		if v == "" && first {
			tok := t
			pending = &tok
			first = false
			continue
		}
		writeToken(buf, t.Type, v)
		first = false
	}
}

// writeToken writes one token's text, escaped as html.EscapeString does,
// in a span of its type's class if it has one.
func writeToken(buf *bytes.Buffer, tt chroma.TokenType, text string) {
	cls := tokenClass(tt)
	if cls != "" {
		buf.WriteString(`<span class="`)
		buf.WriteString(cls)
		buf.WriteString(`">`)
	}
	_, _ = htmlEscaper.WriteString(buf, text)
	if cls != "" {
		buf.WriteString("</span>")
	}
}

// htmlEscaper escapes the five characters html.EscapeString does, the
// same way.
var htmlEscaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")

// tokenClass returns the class chroma's formatter gives a token type: the
// standard class of the type or of its nearest parent that has an entry
// ("" for one that has no class).
func tokenClass(t chroma.TokenType) string {
	for t != 0 {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
		t = t.Parent()
	}
	return chroma.StandardTypes[t]
}
