package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

// fakeSource serves a fixed snapshot.
type fakeSource struct{ snap *build.Snapshot }

func (f fakeSource) Current() *build.Snapshot { return f.snap }

var fakeSite = &build.Snapshot{Files: map[site.OutPath][]byte{
	"index.html":                    []byte("<html><body>home</body></html>"),
	"a/b/index.html":                []byte("<html><body>page b</body></html>"),
	"404.html":                      []byte("<html><body>site 404</body></html>"),
	"_site/style.0123abcd.css":      []byte("body{}"),
	"_site/site.js":                 []byte("//"),
	"static/pic.png":                []byte("\x89PNG"),
	"Network map.canvas":            []byte("{}"),
	"notes/日本語/index.html":          []byte("<html><body>nihongo</body></html>"),
	"notes/with space/index.html":   []byte("<html><body>spaced</body></html>"),
	"a/no-body.html":                []byte("<p>fragment"),
	"notes/with space/file.txt":     []byte("text"),
	"secret-inside-site/index.html": []byte("<html><body>inside</body></html>"),
}}

func newTestHandler() *Handler { return NewHandler(fakeSource{fakeSite}, NewHub()) }

func get(h http.Handler, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func TestHandlerFiles(t *testing.T) {
	t.Parallel()
	h := newTestHandler()
	tests := []struct {
		give      string
		wantCode  int
		wantType  string
		wantCache string
		wantBody  string
	}{
		{"/", 200, "text/html; charset=utf-8", "no-cache", "home"},
		{"/a/b/", 200, "text/html; charset=utf-8", "no-cache", "page b"},
		{"/a/b/index.html", 200, "text/html; charset=utf-8", "no-cache", "page b"},
		{"/_site/style.0123abcd.css", 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable", "body{}"},
		{"/_site/site.js", 200, "text/javascript; charset=utf-8", "no-cache", "//"},
		{"/static/pic.png", 200, "image/png", "no-cache", "\x89PNG"},
		{"/Network%20map.canvas", 200, "application/json", "no-cache", "{}"},
		{"/notes/%E6%97%A5%E6%9C%AC%E8%AA%9E/", 200, "text/html; charset=utf-8", "no-cache", "nihongo"},
		{"/notes/with%20space/", 200, "text/html; charset=utf-8", "no-cache", "spaced"},
		{"/notes/with%20space/file.txt", 200, "text/plain; charset=utf-8", "no-cache", "text"},
		{"/nope/", 404, "text/html; charset=utf-8", "no-cache", "site 404"},
		{"/a/b/missing.png", 404, "text/html; charset=utf-8", "no-cache", "site 404"},
	}
	for _, tt := range tests {
		rec := get(h, tt.give)
		body := rec.Body.String()
		if rec.Code != tt.wantCode || rec.Header().Get("Content-Type") != tt.wantType ||
			rec.Header().Get("Cache-Control") != tt.wantCache || !strings.Contains(body, tt.wantBody) {
			t.Errorf("GET %s = %d %q %q %q, want %d %q %q containing %q", tt.give, rec.Code,
				rec.Header().Get("Content-Type"), rec.Header().Get("Cache-Control"), body,
				tt.wantCode, tt.wantType, tt.wantCache, tt.wantBody)
		}
		isHTML := strings.HasPrefix(tt.wantType, "text/html")
		if got := strings.Contains(body, scriptPath); got != isHTML {
			t.Errorf("GET %s: reload script present = %v, want %v", tt.give, got, isHTML)
		}
	}
}

func TestHandlerInjectsBeforeBody(t *testing.T) {
	t.Parallel()
	h := newTestHandler()
	body := get(h, "/a/b/").Body.String()
	want := `page b<script src="/_vs/reload.js" data-page="a/b/index.html" data-server="`
	if !strings.HasPrefix(body, "<html><body>"+want) || !strings.HasSuffix(body, "></script></body></html>") {
		t.Errorf("body = %q", body)
	}
	// A page without </body> gets the script at the end.
	if body := get(h, "/a/no-body.html").Body.String(); !strings.HasPrefix(body, "<p>fragment<script") {
		t.Errorf("no </body>: %q", body)
	}
	// The 404 page says it is the 404 page, so the script also watches it.
	if body := get(h, "/x/").Body.String(); !strings.Contains(body, `data-page="404.html"`) {
		t.Errorf("404 body = %q", body)
	}
}

func TestHandlerRedirectsFolders(t *testing.T) {
	t.Parallel()
	h := newTestHandler()
	for give, want := range map[string]string{
		"/a/b":                               "/a/b/",
		"/a/b?x=1":                           "/a/b/?x=1",
		"/notes/with%20space":                "/notes/with%20space/",
		"/notes/%E6%97%A5%E6%9C%AC%E8%AA%9E": "/notes/%E6%97%A5%E6%9C%AC%E8%AA%9E/",
	} {
		rec := get(h, give)
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != want {
			t.Errorf("GET %s = %d to %q, want 302 to %q", give, rec.Code, rec.Header().Get("Location"), want)
		}
	}
}

func TestHandlerMethodsAndFirstBuild(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	newTestHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST = %d, want 405", rec.Code)
	}
	rec = httptest.NewRecorder()
	newTestHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/a/b/", nil))
	if rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("HEAD = %d with %d bytes, want 200 and none", rec.Code, rec.Body.Len())
	}
	if rec := get(NewHandler(fakeSource{nil}, NewHub()), "/"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("before the first build = %d, want 503", rec.Code)
	}
}

// traversals are URL paths that must never reach outside the site, nor
// be cleaned into another file of it. The request line is sent as is.
var traversals = []string{
	"/../etc/passwd",
	"/../../../../etc/passwd",
	"/%2e%2e/etc/passwd",
	"/%2E%2E/%2e%2e/etc/passwd",
	"/..%2fetc%2fpasswd",
	"/a/b/..%2f..%2fsecret-inside-site/",
	"/a/../secret-inside-site/",
	"/a/./b/",
	"/.%2e/etc/passwd",
	"/%2e%2e%5cetc%5cpasswd",
	"/..\\etc\\passwd",
	"/a/b%00.png",
	"/%00",
	"//etc/passwd",
	"/a//b/",
	"/%c0%ae%c0%ae/etc/passwd", // overlong UTF-8 for "."
	"/%252e%252e/etc/passwd",   // double encoded: a literal name, not found
}

func TestHandlerRefusesTraversal(t *testing.T) {
	t.Parallel()
	h := newTestHandler()
	for _, give := range traversals {
		rec := get(h, give)
		if rec.Code != http.StatusBadRequest && rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 400 or 404", give, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "inside") || strings.Contains(rec.Body.String(), "root:") {
			t.Errorf("GET %s served %q", give, rec.Body.String())
		}
	}
}

// TestServerRefusesTraversal sends the raw request lines to a real
// server, so neither a client nor net/http's mux cleans them first.
func TestServerRefusesTraversal(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(newTestHandler())
	defer srv.Close()
	for _, give := range traversals {
		if strings.Contains(give, "\\") {
			continue // not a valid request target on the wire
		}
		code, body := rawGet(t, srv.Listener.Addr().String(), give)
		if code != http.StatusBadRequest && code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 400 or 404", give, code)
		}
		if strings.Contains(body, "inside") || strings.Contains(body, "root:") {
			t.Errorf("GET %s served %q", give, body)
		}
	}
}

func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestOutPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give string
		want site.OutPath
		ok   bool
	}{
		{"/", "index.html", true},
		{"/a/b/", "a/b/index.html", true},
		{"/a/b", "a/b", true},
		{"/_site/x.css", "_site/x.css", true},
		{"/cafe\u0301/", "café/index.html", true}, // NFD from a Mac becomes NFC
		{"", "", false},
		{"a/b", "", false},
		{"/a/../b", "", false},
		{"/..", "", false},
		{"/a/.", "", false},
		{"//a", "", false},
		{"/a\x00", "", false},
		{"/a\\b", "", false},
		{"/\xff", "", false},
	}
	for _, tt := range tests {
		got, ok := outPath(tt.give)
		if got != tt.want || ok != tt.ok {
			t.Errorf("outPath(%q) = %q, %v; want %q, %v", tt.give, got, ok, tt.want, tt.ok)
		}
		if ok && !got.Valid() {
			t.Errorf("outPath(%q) = %q, not a valid OutPath", tt.give, got)
		}
	}
}

func TestFingerprinted(t *testing.T) {
	t.Parallel()
	for give, want := range map[site.OutPath]bool{
		"_site/style.efde07c3.css": true, "_site/site.416bafff.js": true,
		"_site/site.js": false, "static/style.efde07c3.css": false, "_site/a.b.css": false,
		"_site/x/y.efde07c3.css": false,
	} {
		if got := fingerprinted(give); got != want {
			t.Errorf("fingerprinted(%q) = %v, want %v", give, got, want)
		}
	}
}
