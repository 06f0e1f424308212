package browsertest

import (
	"net/http"
	"net/http/httptest"
	"path"
	"sort"
	"strings"
	"sync"
	"testing"
)

// Site is an in-memory site served over HTTP on 127.0.0.1 until the test
// ends.
type Site struct {
	// URL is the site root, without a trailing slash: "http://127.0.0.1:41234".
	URL string

	files   map[string][]byte
	mu      sync.Mutex
	missing []string
}

// contentTypes are the types the site's files need: a module script in
// particular must be served as JavaScript. Others are sniffed.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".json": "application/json", ".svg": "image/svg+xml", ".woff2": "font/woff2",
	".png": "image/png",
}

// Serve serves files, keyed by their path in the output folder
// ("index.html", "ports/index.html", "_site/style.1a2b3c4d.css"), the
// shape of build.MemEmitter's Files. A URL ending in "/" serves that
// folder's index.html; a missing file is answered with the site's
// 404.html, if any, and status 404, and is recorded for Missing.
func Serve[K ~string](t testing.TB, files map[K][]byte) *Site {
	t.Helper()
	s := &Site{files: make(map[string][]byte, len(files))}
	for p, data := range files {
		s.files[string(p)] = data
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// ServeHTTP answers GET and HEAD requests from the site's files.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.Path, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	data, ok := s.files[p]
	if !ok {
		s.mu.Lock()
		s.missing = append(s.missing, r.URL.Path)
		s.mu.Unlock()
		w.Header().Set("Content-Type", contentTypes[".html"])
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(s.files["404.html"])
		return
	}
	if ct, ok := contentTypes[path.Ext(p)]; ok {
		w.Header().Set("Content-Type", ct)
	}
	_, _ = w.Write(data)
}

// Missing returns the URL paths asked for so far that the site does not
// have, sorted, each once.
func (s *Site) Missing() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, p := range s.missing {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
