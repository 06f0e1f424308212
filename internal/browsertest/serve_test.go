package browsertest

import (
	"io"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestServe(t *testing.T) {
	t.Parallel()
	s := Serve(t, map[string][]byte{
		"index.html":     []byte("home"),
		"a/b/index.html": []byte("page"),
		"_site/x.css":    []byte("css"),
		"404.html":       []byte("not found"),
	})
	tests := []struct {
		give, body, ctype string
		code              int
	}{
		{"/", "home", "text/html; charset=utf-8", 200},
		{"/a/b/", "page", "text/html; charset=utf-8", 200},
		{"/_site/x.css", "css", "text/css; charset=utf-8", 200},
		{"/a/b", "not found", "text/html; charset=utf-8", 404},
		{"/nope.js", "not found", "text/html; charset=utf-8", 404},
	}
	for _, tt := range tests {
		res, err := http.Get(s.URL + tt.give)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if string(body) != tt.body || res.StatusCode != tt.code || res.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("GET %s = %d %q %q, want %d %q %q", tt.give, res.StatusCode, res.Header.Get("Content-Type"), body, tt.code, tt.ctype, tt.body)
		}
	}
	if diff := cmp.Diff([]string{"/a/b", "/nope.js"}, s.Missing()); diff != "" {
		t.Errorf("Missing() (-want +got):\n%s", diff)
	}
}
