package sanitize

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/internal/sanitize/sanitizetest"
)

// attacks seed the fuzzers with known ways past sanitizers: the SMIL
// list of issue #11, mutation XSS through foreign content and raw text,
// entity-split schemes, and clobbering.
var attacks = []string{
	`<svg><a><animate attributeName="href" values="0;javascript:alert(1)" dur="1ms" fill="freeze"/><rect width="9" height="9"/></a></svg>`,
	`<svg><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="xlink:href" from="javascript:alert(2)"/></svg>`,
	`<svg><p><style><img src=x onerror=alert(1)></style></p></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
	`<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
	`<a href="java&#x09;script:alert(1)">x</a><a href="&#106;avascript:alert(2)">y</a><a href="javascript&colon;alert(3)">z</a>`,
	`<img srcset="a.png 1x, javascript:alert(1) 2x"><a href=" &#x0;javascript:alert(1)">x</a>`,
	`<iframe srcdoc="<script>alert(1)</script>" src="data:text/html,<script>alert(2)</script>"></iframe>`,
	`<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button></form>`,
	`<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg><!--><img src=x onerror=alert(2)>-->`,
	`<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>#x"/></svg>`,
	`<img name="getElementById" src="a.png"><div id="vs.explorer" data-url="evil.json"></div>`,
	`<link rel="stylesheet" href="https://evil.example/x.css"><link rel="import" href="https://evil.example/x.html">`,
	`<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject><image href="data:text/html,x"/></svg>`,
	`<a href="vbscript:msgbox(1)">a</a><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">b</a>`,
	`<textarea><script>alert(1)</script></textarea><title></title><img src=x onerror=alert(1)></title>`,
	`<plaintext><script>alert(1)</script>`,
	`<math href="javascript:alert(1)"><mi xlink:href="javascript:alert(2)">x</mi></math>`,
}

// FuzzSanitize feeds any HTML to the filter whole (an HTML block) and
// cut before every "<" (inline tags, each filtered on its own), and any
// bytes to SVG; whatever comes out, parsed as a browser would, must hold
// nothing that runs script (sanitizetest.Unsafe). Run it by hand with
// go test ./internal/sanitize -run '^$' -fuzz FuzzSanitize.
func FuzzSanitize(f *testing.F) {
	for _, a := range attacks {
		f.Add(a)
	}
	if data, err := os.ReadFile("../../render/testdata/html.txt"); err == nil {
		for _, c := range strings.Split(string(data), "//- - - - - - - - -//") {
			f.Add(c)
		}
	}
	f.Add(svgSeed)
	f.Fuzz(func(t *testing.T, src string) {
		for _, p := range []Policy{{}, {RemoteStylesheets: true}} {
			whole, pieces := filterWhole(p, src), filterPieces(p, src)
			if why := sanitizetest.Unsafe(whole); why != "" {
				t.Fatalf("whole: %s in\n%s", why, whole)
			}
			if why := sanitizetest.Unsafe(pieces); why != "" {
				t.Fatalf("pieces: %s in\n%s", why, pieces)
			}
		}
		if out, err := SVG([]byte(src)); err == nil {
			if why := sanitizetest.Unsafe(out); why != "" {
				t.Fatalf("svg: %s in\n%s", why, out)
			}
			if _, err := SVG(out); err != nil {
				t.Fatalf("svg output does not parse again: %v\n%s", err, out)
			}
		}
	})
}

func filterWhole(p Policy, src string) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	p.HTML(w, []byte(src))
	_ = w.Flush()
	return buf.Bytes()
}

func filterPieces(p Policy, src string) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i+1:], '<')
		if j < 0 {
			j = len(src)
		} else {
			j += i + 1
		}
		p.HTML(w, []byte(src[i:j]))
		i = j
	}
	_ = w.Flush()
	return buf.Bytes()
}

// latent are the attacks that run no script as written: mutations that
// need a second parse, a data: document that browsers refuse in <use>,
// <plaintext> (all text), and what harms only the site's own scripts or
// privacy (clobbering, a remote stylesheet).
var latent = map[string]bool{
	attacks[2]: true, attacks[3]: true, attacks[11]: true, attacks[12]: true, attacks[13]: true, attacks[17]: true,
}

// TestOracleSeesAttacks keeps the fuzz oracle honest: unfiltered, every
// attack but the latent ones is unsafe to it.
func TestOracleSeesAttacks(t *testing.T) {
	t.Parallel()
	for _, a := range attacks {
		why := sanitizetest.Unsafe([]byte(a))
		if (why == "") != latent[a] {
			t.Errorf("Unsafe(%q) = %q", a, why)
		}
	}
}
