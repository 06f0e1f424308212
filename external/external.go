package external

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// Options tune a check; the zero value works.
type Options struct {
	// Timeout bounds one request (default 10 s).
	Timeout time.Duration
	// Workers is how many requests run at once (default 8), and PerHost
	// how many of them may go to one host (default 2), so a vault with
	// hundreds of links to one site does not hammer it.
	Workers, PerHost int
	// Cache, when set, is a file that remembers results for MaxAge
	// (default 24 h) across runs.
	Cache  string
	MaxAge time.Duration
	// Client sends the requests (default: a client that follows up to 10
	// redirects). Tests pass the httptest server's.
	Client *http.Client
	// Now is the clock, for the cache (default time.Now).
	Now func() time.Time
}

func (o *Options) defaults() {
	if o.Timeout == 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Workers == 0 {
		o.Workers = 8
	}
	if o.PerHost == 0 {
		o.PerHost = 2
	}
	if o.MaxAge == 0 {
		o.MaxAge = 24 * time.Hour
	}
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Result is what one URL answered: a status, or an error.
type Result struct {
	Status  int       `json:"status,omitempty"`
	Err     string    `json:"error,omitempty"`
	Checked time.Time `json:"checked"`
}

// OK reports whether the URL answered with success (a 2xx after
// redirects). 429 (too many requests) counts as alive: the server is
// there and only asks us to slow down.
func (r Result) OK() bool {
	return r.Err == "" && (r.Status >= 200 && r.Status < 300 || r.Status == http.StatusTooManyRequests)
}

// Check requests every distinct http(s) URL linked from the notes and
// reports each that fails, once per link, as an external-link warning
// at the link. Only the cache file can make it return an error.
func Check(ctx context.Context, notes []*site.Note, opts Options) (site.Diagnostics, error) {
	opts.defaults()
	c, err := loadCache(opts.Cache)
	if err != nil {
		return nil, err
	}
	urls := collect(notes)
	results := check(ctx, urls, c, opts)
	var diags site.Diagnostics
	for _, n := range notes {
		for _, l := range n.External {
			if r, ok := results[l.URL]; ok && !r.OK() {
				diags.Add(n.Pos(l.Offset), site.Warning, "external-link", "external link %q %s", l.URL, r.describe())
			}
		}
	}
	if err := c.save(opts.Cache, results, opts.Now(), opts.MaxAge); err != nil {
		return diags, err
	}
	return diags, nil
}

func (r Result) describe() string {
	if r.Err != "" {
		return "did not answer: " + r.Err
	}
	return fmt.Sprintf("answered %d %s", r.Status, http.StatusText(r.Status))
}

// collect returns the distinct http(s) URLs, sorted.
func collect(notes []*site.Note) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range notes {
		for _, l := range n.External {
			if u, err := url.Parse(l.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !seen[l.URL] {
				seen[l.URL] = true
				out = append(out, l.URL)
			}
		}
	}
	sort.Strings(out)
	return out
}

// check requests the URLs that the cache does not answer, with at most
// opts.Workers at once and opts.PerHost per host.
func check(ctx context.Context, urls []string, c *cache, opts Options) map[string]Result {
	results := map[string]Result{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	workers := make(chan struct{}, opts.Workers)
	hosts := newHostLimiter(opts.PerHost)
	for _, u := range urls {
		if r, ok := c.get(u, opts.Now(), opts.MaxAge); ok {
			results[u] = r
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			workers <- struct{}{}
			defer func() { <-workers }()
			release := hosts.acquire(hostOf(u))
			defer release()
			r := request(ctx, opts, u)
			mu.Lock()
			results[u] = r
			mu.Unlock()
		}()
	}
	wg.Wait()
	return results
}

// request asks for u with HEAD, and again with GET when the server does
// not allow HEAD (many answer 403, 404 or 405 to it and 200 to GET).
func request(ctx context.Context, opts Options, u string) Result {
	r := once(ctx, opts, http.MethodHead, u)
	if r.Err == "" && r.Status >= 400 && r.Status != http.StatusTooManyRequests {
		r = once(ctx, opts, http.MethodGet, u)
	}
	r.Checked = opts.Now()
	return r
}

func once(ctx context.Context, opts Options, method, u string) Result {
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return Result{Err: err.Error()}
	}
	req.Header.Set("User-Agent", "vaultsite-linkcheck (+https://github.com/vaultsite/vaultsite)")
	resp, err := opts.Client.Do(req)
	if err != nil {
		return Result{Err: shortError(err)}
	}
	resp.Body.Close() // the status is all we need
	return Result{Status: resp.StatusCode}
}

// shortError drops the "Head \"url\": " prefix the client adds.
func shortError(err error) string {
	var ue *url.Error
	if e, ok := err.(*url.Error); ok {
		ue = e
	}
	if ue != nil {
		if ue.Timeout() {
			return "timed out"
		}
		return ue.Err.Error()
	}
	return err.Error()
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return strings.ToLower(p.Host)
}

// hostLimiter hands out at most n slots per host.
type hostLimiter struct {
	mu    sync.Mutex
	n     int
	slots map[string]chan struct{}
}

func newHostLimiter(n int) *hostLimiter {
	return &hostLimiter{n: n, slots: map[string]chan struct{}{}}
}

func (h *hostLimiter) acquire(host string) (release func()) {
	h.mu.Lock()
	ch := h.slots[host]
	if ch == nil {
		ch = make(chan struct{}, h.n)
		h.slots[host] = ch
	}
	h.mu.Unlock()
	ch <- struct{}{}
	return func() { <-ch }
}
