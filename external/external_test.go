package external

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/vaultsite/vaultsite/site"
)

// server answers by path: /ok 200, /gone 404, /nohead 405 to HEAD and 200
// to GET, /slow after 2 s, /busy/N 200 slowly while counting how many
// requests run at once.
type server struct {
	*httptest.Server
	requests atomic.Int64
	mu       sync.Mutex
	now, top int
}

func newServer(t *testing.T) *server {
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		switch p := r.URL.Path; {
		case p == "/ok":
		case p == "/gone":
			w.WriteHeader(http.StatusNotFound)
		case p == "/nohead" && r.Method == http.MethodHead:
			w.WriteHeader(http.StatusMethodNotAllowed)
		case p == "/nohead":
		case p == "/slow":
			time.Sleep(2 * time.Second)
		case strings.HasPrefix(p, "/busy/"):
			s.mu.Lock()
			s.now++
			s.top = max(s.top, s.now)
			s.mu.Unlock()
			time.Sleep(30 * time.Millisecond)
			s.mu.Lock()
			s.now--
			s.mu.Unlock()
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func note(urls ...string) *site.Note {
	n := &site.Note{Path: "a.md"}
	var src strings.Builder
	for _, u := range urls {
		n.External = append(n.External, site.ExternalLink{URL: u, Offset: src.Len()})
		src.WriteString("<" + u + ">\n")
	}
	n.Source = []byte(src.String())
	return n
}

func TestCheck(t *testing.T) {
	t.Parallel()
	s := newServer(t)
	n := note(s.URL+"/ok", s.URL+"/gone", s.URL+"/nohead", s.URL+"/slow", "mailto:me@example.org", "http://127.0.0.1:1/refused")
	diags, err := Check(context.Background(), []*site.Note{n}, Options{Client: s.Client(), Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+d.Code+" "+strings.Replace(d.Msg, s.URL, "URL", 1))
	}
	want := []string{
		`a.md:2:1 external-link external link "URL/gone" answered 404 Not Found`,
		`a.md:4:1 external-link external link "URL/slow" did not answer: timed out`,
	}
	if len(got) != 3 || !strings.Contains(got[2], "a.md:6:1 external-link external link \"http://127.0.0.1:1/refused\" did not answer:") {
		t.Fatalf("got %q", got)
	}
	if diff := cmp.Diff(want, got[:2]); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPerHostLimit(t *testing.T) {
	t.Parallel()
	s := newServer(t)
	var urls []string
	for i := range 12 {
		urls = append(urls, s.URL+"/busy/"+string(rune('a'+i)))
	}
	if _, err := Check(context.Background(), []*site.Note{note(urls...)}, Options{Client: s.Client(), PerHost: 2, Workers: 8}); err != nil {
		t.Fatal(err)
	}
	if s.top > 2 || s.top == 0 {
		t.Errorf("%d requests ran at once on one host, want at most 2", s.top)
	}
}

func TestCache(t *testing.T) {
	t.Parallel()
	s := newServer(t)
	file := filepath.Join(t.TempDir(), "links.json")
	n := note(s.URL+"/ok", s.URL+"/gone")
	opts := Options{Client: s.Client(), Cache: file}
	for range 2 {
		if _, err := Check(context.Background(), []*site.Note{n}, opts); err != nil {
			t.Fatal(err)
		}
	}
	// First run: HEAD /ok, HEAD /gone, GET /gone. Second run: /ok comes
	// from the cache; the failure is asked again (HEAD and GET).
	if got := s.requests.Load(); got != 5 {
		t.Errorf("%d requests, want 5", got)
	}
	later := opts
	later.Now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	if _, err := Check(context.Background(), []*site.Note{n}, later); err != nil {
		t.Fatal(err)
	}
	if got := s.requests.Load(); got != 8 {
		t.Errorf("after a day: %d requests, want 8 (the cache entry expired)", got)
	}
}
