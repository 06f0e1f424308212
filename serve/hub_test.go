package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// newHubServer serves hub until the test ends; the streams, closed by
// their own cleanups first, would otherwise keep srv.Close waiting.
func newHubServer(t *testing.T, hub *Hub) *httptest.Server {
	srv := httptest.NewServer(hub)
	t.Cleanup(srv.Close)
	t.Cleanup(hub.Close)
	return srv
}

func TestHubHelloCarriesState(t *testing.T) {
	t.Parallel()
	hub := NewHub()
	hub.Broadcast(Event{Diags: []Diag{
		{Page: "a/index.html", File: "a.md", Code: "invalid-frontmatter"},
		{Page: "b/index.html", File: "b.md", Code: "broken-link"},
		{Code: "site-wide"},
	}, Error: "disk on fire"})
	srv := newHubServer(t, hub)
	ev := openStream(t, srv.URL, "/a/").next(t, 5*time.Second)
	if ev.name != "hello" || ev.msg.Server != hub.ID() || ev.msg.Gen != 1 || ev.msg.Error != "disk on fire" {
		t.Fatalf("hello = %+v", ev)
	}
	var codes []string
	for _, d := range ev.msg.Diags {
		codes = append(codes, d.Code)
	}
	if got := strings.Join(codes, " "); got != "invalid-frontmatter site-wide" {
		t.Errorf("diags for /a/ = %s, want only a.md's and the site-wide one", got)
	}
}

func TestHubBroadcast(t *testing.T) {
	t.Parallel()
	hub := NewHub()
	srv := newHubServer(t, hub)
	a, b := openStream(t, srv.URL, "/a/"), openStream(t, srv.URL, "/b/")
	a.next(t, 5*time.Second)
	b.next(t, 5*time.Second)
	hub.Broadcast(Event{Changed: []site.OutPath{"a/index.html"}})
	for _, s := range []*stream{a, b} {
		ev := s.next(t, 5*time.Second)
		if ev.name != "reload" || ev.msg.Gen != 1 || len(ev.msg.Changed) != 1 || ev.msg.Changed[0] != "a/index.html" {
			t.Errorf("reload = %+v", ev)
		}
	}
}

// TestHubDropsSlowClient shows that Broadcast never waits for a page: a
// page that does not read is dropped once its queue is full.
func TestHubDropsSlowClient(t *testing.T) {
	t.Parallel()
	hub := NewHub()
	c, _, _ := hub.join("a/index.html") // joined, never read
	done := make(chan struct{})
	go func() {
		for range hub.queue + 5 {
			hub.Broadcast(Event{})
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Broadcast blocked on a slow page")
	}
	select {
	case <-c.gone:
	default:
		t.Fatal("the slow page was not dropped")
	}
}

func TestHubCloseEndsStreams(t *testing.T) {
	t.Parallel()
	hub := NewHub()
	srv := newHubServer(t, hub)
	s := openStream(t, srv.URL, "/")
	s.next(t, 5*time.Second)
	hub.Close()
	select {
	case _, ok := <-s.events:
		if ok {
			t.Fatal("an event after Close")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the stream did not end")
	}
	resp, err := http.Get(srv.URL + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("after Close = %d, want 503", resp.StatusCode)
	}
}
