package serve

import (
	"bytes"
	_ "embed"
	"html"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

// Source gives the snapshot to serve; *build.Live is one. Current
// returns nil before the first build.
type Source interface {
	Current() *build.Snapshot
}

// The server's own URLs. They live under "/_vs/", which shadows only these
// two paths of a site that has a "_vs" folder.
const (
	scriptPath = "/_vs/reload.js"
	eventsPath = "/_vs/events"
)

//go:embed reload.js
var reloadJS []byte

// Handler serves the current snapshot of a Source, with the live-reload
// script added to every HTML page: pages from memory, attachments from
// the vault (asset.go). A URL names a file only if its cleaned path is a
// key of the snapshot.
type Handler struct {
	src Source
	hub *Hub
}

// NewHandler returns a handler for the site of src whose pages listen to
// hub.
func NewHandler(src Source, hub *Hub) *Handler {
	return &Handler{src: src, hub: hub}
}

// ServeHTTP answers GET and HEAD: a file of the snapshot (200), a
// redirect from a folder URL without its slash (302), a path that is not
// clean (400), or the site's 404 page (404). Before the first build it
// answers 503.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		h.hub.ServeHTTP(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(reloadJS))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// Read the generation before the snapshot: the page is then at least
	// as new as that generation, and a page that hears of a later one
	// reloads (see reload.js).
	gen := h.hub.Gen()
	snap := h.src.Current()
	if snap == nil {
		http.Error(w, "the first build is not done yet", http.StatusServiceUnavailable)
		return
	}
	out, ok := outPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	h.serveSnapshot(w, r, snap, out, gen)
}

// serveSnapshot answers for the valid output path out.
func (h *Handler) serveSnapshot(w http.ResponseWriter, r *http.Request, snap *build.Snapshot, out site.OutPath, gen uint64) {
	if data, ok := snap.Files[out]; ok {
		h.serveFile(w, r, out, data, gen, http.StatusOK)
		return
	}
	if f, ok := snap.Assets[out]; ok && serveAsset(w, r, snap.FS, out, f) {
		return
	}
	if _, ok := snap.Files[out+"/index.html"]; ok {
		// The Location is built from the validated path, so it always
		// starts with one slash and cannot point to another host. Found,
		// not Moved Permanently: browsers would keep a permanent redirect
		// after the site under the preview changed.
		u := &url.URL{Path: "/" + string(out) + "/", RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, u.String(), http.StatusFound)
		return
	}
	if data, ok := snap.Files["404.html"]; ok {
		h.serveFile(w, r, "404.html", data, gen, http.StatusNotFound)
		return
	}
	http.NotFound(w, r)
}

// serveFile writes one file with its content type and cache policy.
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, out site.OutPath, data []byte, gen uint64, status int) {
	hdr := w.Header()
	ct := contentType(out)
	hdr.Set("Content-Type", ct)
	hdr.Set("X-Content-Type-Options", "nosniff")
	switch {
	case strings.HasPrefix(ct, "text/html"):
		data = inject(data, out, h.hub.ID(), gen)
		hdr.Set("Cache-Control", "no-cache")
	case fingerprinted(out):
		// The name changes with the content, so the browser may keep it.
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	default:
		hdr.Set("Cache-Control", "no-cache") // attachments change under one name
	}
	if status == http.StatusOK {
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
		return
	}
	hdr.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// outPath maps a decoded URL path to the output file it names: "/" and
// "/a/b/" to their index.html, "/a/b.png" to itself. It refuses what is
// not a clean path inside the site instead of cleaning it: "." and ".."
// segments (however they were encoded), empty segments, backslashes, NUL
// and invalid UTF-8. Paths are compared in NFC, as vault paths are.
func outPath(p string) (site.OutPath, bool) {
	if !strings.HasPrefix(p, "/") || !utf8.ValidString(p) || strings.ContainsAny(p, "\x00\\") {
		return "", false
	}
	p = norm.NFC.String(p[1:])
	if p == "" {
		return "index.html", true
	}
	dir := strings.HasSuffix(p, "/")
	if dir {
		p += "index.html"
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
	}
	out, err := site.ParseOutPath(p)
	return out, err == nil
}

// contentType returns the type of out by its extension, from a fixed
// table first so the answer does not depend on the machine's mime files.
func contentType(out site.OutPath) string {
	ext := strings.ToLower(path.Ext(string(out)))
	if ct, ok := ownTypes[ext]; ok {
		return ct
	}
	if ct := mime.TypeByExtension(ext); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

var ownTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".json": "application/json",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
	".pdf": "application/pdf", ".mp3": "audio/mpeg", ".mp4": "video/mp4", ".webm": "video/webm",
	".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8", ".xml": "application/xml",
	".canvas": "application/json", ".md": "text/markdown; charset=utf-8",
}

// fingerprinted reports whether out is one of the site's own files named
// with a content hash, such as "_site/style.3f2a9c1e.css".
func fingerprinted(out site.OutPath) bool {
	dir, name := path.Split(string(out))
	if dir != "_site/" {
		return false
	}
	parts := strings.Split(name, ".")
	if len(parts) < 3 {
		return false
	}
	hash := parts[len(parts)-2]
	return len(hash) >= 8 && strings.Trim(hash, "0123456789abcdef") == ""
}

// inject adds the reload script before </body> (or at the end). The
// script learns from its attributes which file the page is, which server
// sent it and the generation it is at least as new as.
func inject(data []byte, out site.OutPath, server string, gen uint64) []byte {
	tag := `<script src="` + scriptPath + `" data-page="` + html.EscapeString(string(out)) +
		`" data-server="` + html.EscapeString(server) + `" data-gen="` + strconv.FormatUint(gen, 10) + `"></script>`
	i := bytes.LastIndex(data, []byte("</body>"))
	if i < 0 {
		i = len(data)
	}
	res := make([]byte, 0, len(data)+len(tag))
	res = append(res, data[:i]...)
	res = append(res, tag...)
	return append(res, data[i:]...)
}
