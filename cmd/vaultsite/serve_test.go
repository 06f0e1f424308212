package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that run may write while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// tinyVault writes a two-note vault and returns its folder.
func tinyVault(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.md": "# Home\n\nSee [[Note]].\n",
		"Note.md":  "# Note\n\nHello.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var urlRE = regexp.MustCompile(`http://\S+/`)

// startServe runs "vaultsite serve" with args until the test ends and
// returns the URL it prints.
func startServe(t *testing.T, args ...string) (url string, stderr *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	code := make(chan int, 1)
	go func() { code <- run(ctx, append([]string{"serve"}, args...), stdout, stderr) }()
	t.Cleanup(func() {
		cancel() // what Ctrl-C does through main's signal context
		select {
		case c := <-code:
			if c != exitOK {
				t.Errorf("serve exited with %d after Ctrl-C; stderr:\n%s", c, stderr)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop after Ctrl-C")
		}
	})
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if u := urlRE.FindString(stdout.String()); u != "" {
			return u, stderr
		}
		select {
		case c := <-code:
			t.Fatalf("serve exited with %d; stderr:\n%s", c, stderr)
		default:
		}
	}
	t.Fatalf("no URL printed; stdout %q, stderr %q", stdout, stderr)
	return "", nil
}

func TestServeDefaultsToLoopback(t *testing.T) {
	t.Parallel()
	url, stderr := startServe(t, tinyVault(t), "--port", "0")
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("URL = %s, want the loopback address by default", url)
	}
	resp, err := http.Get(url + "note/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Hello.") {
		t.Errorf("GET /note/ = %d %q", resp.StatusCode, body)
	}
	if !strings.Contains(stderr.String(), "built ") {
		t.Errorf("stderr has no build summary: %q", stderr)
	}
}

// TestServeHostFlag checks the Host rule end to end: the --host name and
// localhost are served, another name is refused.
func TestServeHostFlag(t *testing.T) {
	t.Parallel()
	url, _ := startServe(t, tinyVault(t), "--port", "0", "--host", "notes.lan")
	for _, tt := range []struct {
		host string
		want int
	}{{"notes.lan", 200}, {"localhost", 200}, {"evil.example", 403}} {
		req, _ := http.NewRequest(http.MethodGet, url+"note/", nil)
		req.Host = tt.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("Host %s: %d, want %d", tt.host, resp.StatusCode, tt.want)
		}
	}
}

func TestServeBusyPort(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"serve", tinyVault(t), "--port", port}, &stdout, &stderr)
	want := "vaultsite: port " + port + " on 127.0.0.1 is in use; stop the other server or pick another with --port\n"
	if code != exitFail || stderr.String() != want {
		t.Errorf("serve on a busy --port = %d, stderr %q; want %d, %q", code, stderr.String(), exitFail, want)
	}
}

func TestServeUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"serve", "--port", "70000"},
		{"serve", "--port", "x"},
		{"serve", "a", "b"},
		{"serve", t.TempDir() + "/missing"},
		{"serve", "--host", "http://notes.lan"},
		{"serve", "--host", "notes.lan:8080"},
		{"serve", "--host", ""},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != exitUsage {
			t.Errorf("%q = %d, want %d; stderr %q", args, code, exitUsage, stderr.String())
		}
	}
}

// TestBuildHasNoReloadScript checks that the live-reload script exists
// only in served pages: a plain build writes no trace of it.
func TestBuildHasNoReloadScript(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"build", tinyVault(t), "-o", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("build = %d: %s", code, stderr.String())
	}
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".html") {
			pages++
		}
		for _, trace := range []string{"/_vs/", "reload.js", "EventSource"} {
			if bytes.Contains(data, []byte(trace)) {
				t.Errorf("%s contains %q", p, trace)
			}
		}
		return nil
	})
	if err != nil || pages == 0 {
		t.Fatalf("walk: %v, %d pages", err, pages)
	}
}

// TestServeVaultRecreated deletes the vault folder under a running
// preview and creates it again: the preview opens the new folder (its
// os.Root held the deleted one) and serves the new notes.
func TestServeVaultRecreated(t *testing.T) {
	t.Parallel()
	dir := tinyVault(t)
	url, stderr := startServe(t, dir, "--port", "0")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Note.md"), []byte("# Note\n\nBorn again.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var body []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(url + "note/")
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(body), "Born again.") {
			return
		}
	}
	t.Errorf("/note/ never showed the new vault: %q\nstderr:\n%s", body, stderr)
}
