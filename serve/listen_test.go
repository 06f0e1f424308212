package serve

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// busyPort occupies a loopback port until the test ends.
func busyPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().(*net.TCPAddr).Port
}

func TestListenBusyPortGiven(t *testing.T) {
	t.Parallel()
	port := busyPort(t)
	_, err := Listen("127.0.0.1", port, true)
	if err == nil || !strings.Contains(err.Error(), "port "+strconv.Itoa(port)+" on 127.0.0.1 is in use") {
		t.Fatalf("Listen on a busy --port: %v", err)
	}
}

func TestListenBusyDefaultPort(t *testing.T) {
	t.Parallel()
	port := busyPort(t)
	ln, err := Listen("127.0.0.1", port, false)
	if err != nil {
		t.Skipf("the ports after %d are busy too: %v", port, err) // another process, not a bug
	}
	defer ln.Close()
	got := ln.Addr().(*net.TCPAddr)
	if got.Port <= port || got.Port >= port+portTries || !got.IP.IsLoopback() {
		t.Errorf("Listen after busy %d = %s, want a later loopback port", port, got)
	}
}

// TestRunShutdown cancels a preview with a page listening: Run returns
// quickly and nil, and the page's stream ends instead of holding the
// server open.
func TestRunShutdown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir+"/a.md", "# A\n")
	site := &recordingSite{Live: newSite(dir)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ln, Config{Vault: dir, Live: site, Ready: func(u string) { ready <- u }}) }()
	url := <-ready
	s := openStream(t, url, "/a/")
	s.next(t, waitHello)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after cancel: %v", err)
		}
	case <-time.After(2 * shutdownTimeout):
		t.Fatal("Run did not return after cancel")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("shutdown took %s: the event stream held it", took)
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after shutdown")
	}
}
