package serve

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// Event is one rebuild's news for the open pages.
type Event struct {
	// Changed and Removed are the output files that differ from the
	// previous build; a page reloads when its own file is among them.
	Changed []site.OutPath `json:"changed"`
	Removed []site.OutPath `json:"removed"`
	// Diags are the warnings and errors of the whole site; each page is
	// sent only those of its own note (and those without a file).
	Diags []Diag `json:"diags"`
	// Error is set when the rebuild failed; the previous site is still
	// being served.
	Error string `json:"error,omitempty"`
}

// Diag is a diagnostic as the overlay shows it.
type Diag struct {
	// Page is the output file of the page that shows File, or empty
	// when File is not a note.
	Page     site.OutPath   `json:"page,omitempty"`
	File     site.VaultPath `json:"file,omitempty"`
	Line     int            `json:"line,omitempty"`
	Col      int            `json:"col,omitempty"`
	Severity string         `json:"severity"`
	Code     string         `json:"code"`
	Msg      string         `json:"msg"`
	Text     string         `json:"text"` // the diagnostic as the terminal prints it
}

// message is what a page receives, as the data of a "hello" event on
// connecting and of a "reload" event after each rebuild.
type message struct {
	Server string `json:"server"` // this process; a new value means a restart
	Gen    uint64 `json:"gen"`    // how many rebuilds were announced
	Event
}

// Hub fans rebuild events out to the open pages over server-sent events.
// Each page has its own buffered queue, so Broadcast never waits for a
// page: a page whose queue is full is dropped, and its EventSource
// reconnects and learns from the generation number that it missed news.
type Hub struct {
	id string

	mu      sync.Mutex
	clients map[*client]struct{}
	gen     uint64
	last    Event // the latest event, for pages that connect later
	closed  bool

	// queue is each page's buffer; ping is the keep-alive interval that
	// also detects pages that went away without closing the stream.
	queue int
	ping  time.Duration
}

type client struct {
	page site.OutPath
	ch   chan message
	gone chan struct{} // closed when the hub drops the client
}

// writeTimeout bounds one write to a page; a tab that stops reading for
// this long is dropped rather than holding a goroutine forever.
const writeTimeout = 10 * time.Second

// retryMillis is sent to EventSource: reconnect half a second after the
// server went away, so a restarted server is found quickly.
const retryMillis = 500

// NewHub returns a hub with no pages, named with a random server id.
func NewHub() *Hub {
	return &Hub{
		id:      rand.Text(),
		clients: map[*client]struct{}{},
		queue:   16, // many rebuilds before a live tab could read one: it is gone
		ping:    15 * time.Second,
	}
}

// Gen returns the number of events broadcast so far.
func (h *Hub) Gen() uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.gen
}

// ID returns the server id sent to pages.
func (h *Hub) ID() string { return h.id }

// Broadcast sends ev to every open page without waiting for any of them,
// and keeps it for pages that connect later. After Close it only records.
func (h *Hub) Broadcast(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.gen++
	h.last = ev
	m := message{Server: h.id, Gen: h.gen, Event: ev}
	for c := range h.clients {
		select {
		case c.ch <- m:
		default:
			h.drop(c)
		}
	}
}

// Close ends every event stream and refuses new ones, so that
// http.Server.Shutdown does not wait for streams that never end.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		h.drop(c)
	}
}

// drop removes c; h.mu is held.
func (h *Hub) drop(c *client) {
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c.gone)
	}
}

// join registers a page and returns the hello message it starts with;
// ok is false once the hub is closed.
func (h *Hub) join(page site.OutPath) (c *client, hello message, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, message{}, false
	}
	c = &client{page: page, ch: make(chan message, h.queue), gone: make(chan struct{})}
	h.clients[c] = struct{}{}
	return c, message{Server: h.id, Gen: h.gen, Event: Event{Diags: h.last.Diags, Error: h.last.Error}}, true
}

func (h *Hub) leave(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.drop(c)
}

// ServeHTTP streams events to one page. The query parameter "page" is
// the page's URL path; it selects the diagnostics the page is sent. The
// stream starts with a "hello" event carrying the current diagnostics and
// ends when the page goes, the page falls behind, or the hub closes.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	page, _ := outPath(r.URL.Query().Get("page"))
	c, hello, ok := h.join(page)
	if !ok {
		http.Error(w, "the server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer h.leave(c)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	rc := http.NewResponseController(w)
	if send(rc, w, fmt.Sprintf("retry: %d\n", retryMillis), "hello", c.filter(hello)) != nil {
		return
	}
	ping := time.NewTicker(h.ping)
	defer ping.Stop()
	for {
		var err error
		select {
		case m := <-c.ch:
			err = send(rc, w, "", "reload", c.filter(m))
		case <-ping.C:
			err = write(rc, w, ": ping\n\n")
		case <-c.gone:
			return
		case <-r.Context().Done():
			return
		}
		if err != nil {
			return
		}
	}
}

// filter keeps the diagnostics of c's page and those of no file.
func (c *client) filter(m message) message {
	if c.page == "" {
		return m
	}
	var keep []Diag
	for _, d := range m.Diags {
		if d.File == "" || d.Page == c.page {
			keep = append(keep, d)
		}
	}
	m.Diags = keep
	return m
}

// send writes one event; JSON never contains a raw newline, so the data
// fits on one "data:" line.
func send(rc *http.ResponseController, w http.ResponseWriter, prefix, name string, m message) error {
	if m.Changed == nil {
		m.Changed = []site.OutPath{}
	}
	if m.Removed == nil {
		m.Removed = []site.OutPath{}
	}
	if m.Diags == nil {
		m.Diags = []Diag{}
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return write(rc, w, fmt.Sprintf("%sevent: %s\ndata: %s\n\n", prefix, name, data))
}

// write sends s at once, giving up on a page that does not read it. The
// deadline covers only this write: a stream is idle between events.
func write(rc *http.ResponseController, w http.ResponseWriter, s string) error {
	if err := rc.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	if _, err := w.Write([]byte(s)); err != nil {
		return err
	}
	if err := rc.Flush(); err != nil {
		return err
	}
	if err := rc.SetWriteDeadline(time.Time{}); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	return nil
}
