package serve

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestHostGuard checks the Host rule against DNS rebinding: loopback
// names, literal addresses and the configured names pass, any other name
// gets 403; the event stream also refuses a foreign Origin.
func TestHostGuard(t *testing.T) {
	t.Parallel()
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	g := newHostGuard([]string{"notes.lan", "0.0.0.0", "Preview.Example."}, ok)
	tests := []struct {
		give     string // Host header
		path     string
		origin   string
		wantCode int
	}{
		{give: "localhost:8080", path: "/", wantCode: 200},
		{give: "LOCALHOST:8080", path: "/", wantCode: 200},
		{give: "localhost.:8080", path: "/", wantCode: 200},
		{give: "localhost", path: "/", wantCode: 200},
		{give: "vault.localhost:8080", path: "/", wantCode: 200},
		{give: "127.0.0.1:8080", path: "/", wantCode: 200},
		{give: "127.0.0.2", path: "/", wantCode: 200},
		{give: "[::1]:8080", path: "/", wantCode: 200},
		{give: "[::1]", path: "/", wantCode: 200},
		{give: "192.168.1.20:8080", path: "/", wantCode: 200},
		{give: "notes.lan:8080", path: "/a/", wantCode: 200},
		{give: "NOTES.LAN", path: "/a/", wantCode: 200},
		{give: "preview.example:80", path: "/", wantCode: 200},
		{give: "evil.example", path: "/", wantCode: 403},
		{give: "evil.example:8080", path: "/", wantCode: 403},
		{give: "evil.example:8080", path: eventsPath, wantCode: 403},
		{give: "localhost.evil.example", path: "/", wantCode: 403},
		{give: "127.0.0.1.evil.example", path: "/", wantCode: 403},
		{give: "notes.lan.evil.example", path: "/", wantCode: 403},
		{give: "", path: "/", wantCode: 403},
		{give: "127.0.0.1:8080", path: eventsPath, wantCode: 200},
		{give: "127.0.0.1:8080", path: eventsPath, origin: "http://127.0.0.1:8080", wantCode: 200},
		{give: "localhost:8080", path: eventsPath, origin: "http://LOCALHOST:8080", wantCode: 200},
		{give: "127.0.0.1:8080", path: eventsPath, origin: "http://evil.example", wantCode: 403},
		{give: "127.0.0.1:8080", path: eventsPath, origin: "http://localhost:8080", wantCode: 403},
		{give: "127.0.0.1:8080", path: eventsPath, origin: "http://127.0.0.1:9999", wantCode: 403},
		{give: "127.0.0.1:8080", path: eventsPath, origin: "null", wantCode: 403},
		{give: "127.0.0.1:8080", path: "/", origin: "http://evil.example", wantCode: 200}, // pages: the browser keeps the answer from the other origin
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, tt.path, nil)
		req.Host = tt.give
		if tt.origin != "" {
			req.Header.Set("Origin", tt.origin)
		}
		rec := httptest.NewRecorder()
		g.ServeHTTP(rec, req)
		if rec.Code != tt.wantCode {
			t.Errorf("Host %q, Origin %q, %s: %d, want %d", tt.give, tt.origin, tt.path, rec.Code, tt.wantCode)
		}
	}
}

// TestPreviewRefusesOtherHosts asks a running preview for its pages and
// its event stream under a rebound name: both are refused, while the
// loopback address still answers.
func TestPreviewRefusesOtherHosts(t *testing.T) {
	t.Parallel()
	p := startPreview(t, smallVault)
	for _, path := range []string{"", "a/", "_vs/events?page=/a/", "image.png"} {
		req, _ := http.NewRequest(http.MethodGet, p.url+path, nil)
		req.Host = "evil.example:8080"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("Host evil.example, /%s: %d, want 403", path, resp.StatusCode)
		}
	}
	if code, _ := p.get(t, "a/"); code != http.StatusOK {
		t.Errorf("loopback /a/: %d, want 200", code)
	}
}
