package serve

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// hostGuard refuses requests whose Host header is not a name the preview
// is known by, against DNS rebinding: a page the author visits can point
// its own name at 127.0.0.1, and the browser then sends that name as the
// Host while treating the answers as the page's own, so without this
// check any web page could read the unpublished preview. Vite, webpack's
// dev server and ng serve refuse such requests the same way.
//
// A name is allowed when it is localhost (or below .localhost, which
// browsers resolve to loopback themselves), an IP address written out
// (no DNS, so nothing to rebind), or one of names: the --bind name and
// the names given with --host. The event stream also refuses an Origin
// other than the page's own, since only the preview's pages listen to it.
type hostGuard struct {
	names map[string]bool // lower case, without a final dot
	next  http.Handler
}

// newHostGuard guards next, allowing the extra names (a host name, or
// an address, which is allowed anyway).
func newHostGuard(names []string, next http.Handler) *hostGuard {
	g := &hostGuard{names: map[string]bool{}, next: next}
	for _, n := range names {
		if n = normHost(n); n != "" {
			g.names[n] = true
		}
	}
	return g
}

// ServeHTTP answers 403 for a Host it does not know, and for an event
// stream asked for by a page of another origin; anything else goes to
// the guarded handler.
func (g *hostGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !g.allowed(r.Host) {
		http.Error(w, "vaultsite serve: host "+quoteHost(r.Host)+" is not allowed; "+
			"open the preview as localhost or by IP address, or allow the name with --host", http.StatusForbidden)
		return
	}
	if r.URL.Path == eventsPath && !sameOrigin(r) {
		http.Error(w, "vaultsite serve: the event stream is for the preview's own pages", http.StatusForbidden)
		return
	}
	g.next.ServeHTTP(w, r)
}

// allowed reports whether hostport, a Host header with or without a
// port, names this preview.
func (g *hostGuard) allowed(hostport string) bool {
	h := normHost(hostport)
	switch {
	case h == "":
		return false
	case h == "localhost" || strings.HasSuffix(h, ".localhost"):
		return true
	case isIPLiteral(h):
		return true
	}
	return g.names[h]
}

// sameOrigin reports whether r carries no Origin (a same-origin GET, as
// the reload script's EventSource sends) or the origin of the Host it
// was sent to.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	return strings.EqualFold(o, "http://"+r.Host) || strings.EqualFold(o, "https://"+r.Host)
}

// normHost returns the host of a Host header or a name, lower case,
// without the port, the brackets of an IPv6 address or a final dot; ""
// when it is malformed.
func normHost(hostport string) string {
	h := hostport
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		h = host
	} else if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	}
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	if h == "" || strings.ContainsAny(h, "/[]@ \t") {
		return ""
	}
	return h
}

// isIPLiteral reports whether h is an IPv4 or IPv6 address, possibly
// with an IPv6 zone.
func isIPLiteral(h string) bool {
	_, err := netip.ParseAddr(h)
	return err == nil
}

// quoteHost quotes a Host header, which comes from the client, for an
// error message, cut to a length a person reads.
func quoteHost(h string) string {
	if len(h) > 100 {
		h = h[:100]
	}
	return strconv.Quote(h)
}
