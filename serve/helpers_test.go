package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// sseEvent is one server-sent event as a plain client reads it.
type sseEvent struct {
	name string
	msg  message
}

// stream reads events from an event-stream response in the background.
type stream struct {
	resp   *http.Response
	events chan sseEvent
}

// openStream connects to the events URL of base as the page at pagePath.
func openStream(t testing.TB, base, pagePath string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(base, "/")+eventsPath+"?page="+pagePath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: content type %q", ct)
	}
	s := &stream{resp: resp, events: make(chan sseEvent, 256)}
	go s.read()
	t.Cleanup(func() { resp.Body.Close() })
	return s
}

func (s *stream) read() {
	defer close(s.events)
	sc := bufio.NewScanner(s.resp.Body)
	sc.Buffer(nil, 1<<20)
	var name, data string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = line[len("event: "):]
		case strings.HasPrefix(line, "data: "):
			data = line[len("data: "):]
		case line == "" && name != "":
			var m message
			if json.Unmarshal([]byte(data), &m) == nil {
				s.events <- sseEvent{name, m}
			}
			name, data = "", ""
		}
	}
}

// next returns the next event, failing after timeout.
func (s *stream) next(t testing.TB, timeout time.Duration) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			t.Fatal("event stream ended")
		}
		return ev
	case <-time.After(timeout):
		t.Fatalf("no event within %s", timeout)
	}
	return sseEvent{}
}

// smallVault is the vault of the integration tests. a and sub/b do not
// link to each other, so editing one leaves the other's page as it was.
var smallVault = map[string]string{
	"index.md":  "# Home\n\nWelcome.\n",
	"a.md":      "---\ntitle: Alpha\n---\n# Alpha\n\nalpha v1\n",
	"sub/b.md":  "# Beta\n\nbeta v1\n",
	"image.png": "\x89PNG\r\n\x1a\n",
}

// recordingSite is a build.Live that remembers every snapshot it
// published, and can be told to fail.
type recordingSite struct {
	*build.Live
	fail atomic.Bool

	mu    sync.Mutex
	snaps []*build.Snapshot
}

var errInjected = errors.New("injected I/O failure")

func (s *recordingSite) Update(ctx context.Context, changed []string) (*build.Update, error) {
	if s.fail.Load() {
		return nil, errInjected
	}
	up, err := s.Live.Update(ctx, changed)
	if err == nil {
		s.mu.Lock()
		s.snaps = append(s.snaps, s.Live.Current())
		s.mu.Unlock()
	}
	return up, err
}

// newSite returns a site of dir as vaultsite serve makes one, leaving a
// changed graph's layout for later.
func newSite(dir string) *build.Live {
	s := build.NewLive(os.DirFS(dir), build.Options{Site: templates.SiteInfo{Title: "Test"}})
	s.LayoutLater = true
	return s
}

// testPreview is a running preview of a temporary copy of a vault.
type testPreview struct {
	dir  string
	url  string // ends with "/"
	site *recordingSite
	hub  *Hub

	cancel context.CancelFunc
	done   chan error
}

// startPreview serves files as a vault on a free loopback port until the
// test ends, and checks that Run then returns nil.
func startPreview(t *testing.T, files map[string]string) *testPreview {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	for name, body := range files {
		writeFile(t, filepath.Join(dir, name), body)
	}
	p := &testPreview{dir: dir, site: &recordingSite{Live: newSite(dir)}}
	p.start(t, "127.0.0.1:0")
	t.Cleanup(func() { p.stop(t) })
	return p
}

// start runs the preview on addr with a new hub, as a new process would.
func (p *testPreview) start(t *testing.T, addr string) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	p.hub = NewHub()
	go func() {
		done <- Run(ctx, ln, Config{Vault: p.dir, Live: p.site, Debounce: testDebounce, Hub: p.hub,
			Ready: func(u string) { ready <- u }})
	}()
	select {
	case p.url = <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	}
	p.cancel, p.done = cancel, done
}

// stop cancels the preview and checks that Run returns nil.
func (p *testPreview) stop(t *testing.T) {
	t.Helper()
	if p.cancel == nil {
		return
	}
	p.cancel()
	if err := <-p.done; err != nil {
		t.Errorf("Run: %v", err)
	}
	p.cancel = nil
}

// clients returns how many pages listen to the hub.
func (p *testPreview) clients() int {
	p.hub.mu.Lock()
	defer p.hub.mu.Unlock()
	return len(p.hub.clients)
}

func (p *testPreview) write(t *testing.T, name, body string) {
	t.Helper()
	writeFile(t, filepath.Join(p.dir, name), body)
}

// get fetches a path of the site.
func (p *testPreview) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(p.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// waitFor returns the first reload event for which ok holds.
func (s *stream) waitFor(t *testing.T, what string, ok func(message) bool) message {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev, open := <-s.events:
			if !open {
				t.Fatalf("stream ended waiting for %s", what)
			}
			if ev.name == "reload" && ok(ev.msg) {
				return ev.msg
			}
		case <-deadline:
			t.Fatalf("no event: %s", what)
		}
	}
}

func changed(p site.OutPath) func(message) bool {
	return func(m message) bool { return slices.Contains(m.Changed, p) }
}

func removed(p site.OutPath) func(message) bool {
	return func(m message) bool { return slices.Contains(m.Removed, p) }
}

func hasDiag(m message, file site.VaultPath, code string) bool {
	return slices.ContainsFunc(m.Diags, func(d Diag) bool { return d.File == file && d.Code == code })
}

func mustContain(t *testing.T, what, body, want string) {
	t.Helper()
	if !strings.Contains(body, want) {
		t.Errorf("%s does not contain %q:\n%s", what, want, body)
	}
}
