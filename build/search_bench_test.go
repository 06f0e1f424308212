package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vaultsite/vaultsite/internal/browsertest"
	"github.com/vaultsite/vaultsite/internal/search"
	"github.com/vaultsite/vaultsite/site"
)

// searchBudget is what search may download, compressed, from the moment
// it is opened until its first results show: the issue asks for "a few
// hundred KB" at 10,000 notes, and search needs about 70 KB.
const searchBudget = 150 << 10

// TestSearchBytesBeforeFirstResult builds the generated vault of
// VAULTSITE_BENCH_NOTES notes (skipped when unset), serves it gzip-
// compressed as a static host would, opens a note page in chromium,
// presses Ctrl-K and types a query, and adds up what the page downloaded
// until the first results showed, from the browser's resource timing:
// the page's own files, then what search fetched. It logs every file and
// fails when search's share is over searchBudget.
func TestSearchBytesBeforeFirstResult(t *testing.T) {
	notes := os.Getenv("VAULTSITE_BENCH_NOTES")
	if notes == "" {
		t.Skip("set VAULTSITE_BENCH_NOTES=10000 to measure search on a generated vault")
	}
	dir := searchBenchVault(t, notes)
	em := NewMemEmitter()
	res, err := Build(context.Background(), os.DirFS(dir), Options{}, em)
	if err != nil {
		t.Fatal(err)
	}
	var indexBytes, indexGz, indexFiles int
	for _, p := range em.Paths() {
		if strings.HasPrefix(string(p), search.Dir+"/") {
			indexFiles++
			indexBytes += len(em.Files[p])
			indexGz += len(gzipped(em.Files[p]))
		}
	}
	t.Logf("%d notes built in %v; search index: %d files, %d bytes, %d gzip-compressed", res.Pages, res.Took, indexFiles, indexBytes, indexGz)
	page := benchNotePage(t, res.Vault)
	b := browsertest.Start(t)
	srv := httptest.NewServer(&gzipSite{files: em.Files})
	t.Cleanup(srv.Close)
	for _, tt := range []struct {
		query string
		typed bool // one key every 150 ms, else all at once
	}{{"cache latency", false}, {"cache latency", true}, {"throughput", false}, {"re", false},
		{"thorughput", false}, {"ltaency", false}, {"cahce latnecy", true}, {"#journal", false}, {"path:area cache", false}} {
		t.Run(fmt.Sprintf("%s typed %v", tt.query, tt.typed), func(t *testing.T) {
			tab := b.Tab(t, browsertest.Viewport(1200, 900))
			tab.Navigate(srv.URL + "/" + page)
			tab.Poll(`false`) // let the page's own late requests (fonts, explorer) finish
			browsertest.Eval[bool](tab, `(performance.mark("test-open"), true)`)
			tab.Do(chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
			tab.WaitFor(`document.activeElement && document.activeElement.matches(".search-input")`)
			for _, c := range tt.query {
				tab.Key(string(c))
				if tt.typed {
					time.Sleep(150 * time.Millisecond)
				}
			}
			tab.WaitFor(fmt.Sprintf(`document.querySelector(".search-results").dataset.query === %q`, tt.query))
			const results = "vaultsite-search-results" // search.js marks each list of results
			load := resourceBytes(t, tab, "", "test-open", false)
			search := resourceBytes(t, tab, "test-open", results, false)
			first := resourceBytes(t, tab, "", results, false)
			final := resourceBytes(t, tab, "test-open", results, true)
			status := browsertest.Eval[string](tab, `document.querySelector(".search-status").textContent`)
			tab.Poll(`document.querySelectorAll(".search-result-snippet:not(:empty)").length >= Math.min(5, document.querySelectorAll(".search-result").length)`)
			snippets := resourceBytes(t, tab, "test-open", "", false)
			t.Logf("%q on /%s: %s", tt.query, page, status)
			t.Logf("the page itself: %d bytes compressed in %d files:\n%s", load.gz, load.files, load.list)
			t.Logf("search until the first results: %d bytes compressed (%d uncompressed) in %d files:\n%s", search.gz, search.raw, search.files, search.list)
			t.Logf("the page and search until the first results: %d bytes compressed", first.gz)
			t.Logf("search until the results of the whole query: %d bytes compressed in %d files", final.gz, final.files)
			t.Logf("search with the snippets: %d bytes compressed in %d files", snippets.gz, snippets.files)
			if search.gz > searchBudget {
				t.Errorf("search downloaded %d bytes before the first result, over the budget of %d", search.gz, searchBudget)
			}
		})
	}
}

// benchNotePage returns the URL path of a typical note page: the first
// published note two folders deep.
func benchNotePage(t *testing.T, v *site.Vault) string {
	for _, n := range v.Notes {
		if n.Published && strings.Count(string(n.Path), "/") == 2 {
			return strings.TrimSuffix(string(n.Slug.OutPath()), "index.html")
		}
	}
	t.Fatal("no note two folders deep")
	return ""
}

// loaded is what resourceBytes adds up.
type loaded struct {
	gz, raw, files int
	list           string
}

// resourceBytes adds up the page's own document and every resource it
// fetched, by the browser's resource timing, that started after the
// performance mark from and had arrived by the first mark until, or the
// last with last set; "" stands for the start of the page and for now.
func resourceBytes(t *testing.T, tab *browsertest.Tab, from, until string, last bool) loaded {
	t.Helper()
	rows := browsertest.Eval[[][]any](tab, `(() => {
		const at = (name, none) => { const m = performance.getEntriesByName(name).at(`+map[bool]string{false: "0", true: "-1"}[last]+`); return m ? m.startTime : none; };
		const from = at(`+strconv.Quote(from)+`, -1), until = at(`+strconv.Quote(until)+`, Infinity);
		return performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
			.filter(e => e.startTime >= from && e.responseEnd <= until)
			.map(e => [new URL(e.name).pathname, e.encodedBodySize, e.decodedBodySize]);
	})()`)
	var out loaded
	var lines []string
	for _, r := range rows {
		gz, raw := int(r[1].(float64)), int(r[2].(float64))
		out.gz += gz
		out.raw += raw
		out.files++
		lines = append(lines, fmt.Sprintf("  %7d %7d %s", gz, raw, r[0]))
	}
	out.list = strings.Join(lines, "\n")
	return out
}

// searchBenchVault returns the generated vault of n notes, made once by
// ../shared/bench/genvault.py (seed 1) and kept in the temp folder, as
// bench_test.go's benchVault does.
func searchBenchVault(t *testing.T, n string) string {
	dir := filepath.Join(os.TempDir(), "vaultsite-bench", "v"+n)
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	gen := "../../shared/bench/genvault.py"
	if _, err := os.Stat(gen); err != nil {
		t.Skipf("no generator: %v", err)
	}
	if out, err := exec.Command("python3", gen, dir, "--notes", n, "--seed", "1").CombinedOutput(); err != nil {
		t.Skipf("genvault: %v\n%s", err, out)
	}
	return dir
}

// gzipSite serves a built site as a static host does: text gzip-
// compressed for clients that accept it.
type gzipSite struct {
	files map[site.OutPath][]byte
	mu    sync.Mutex
	gz    map[string][]byte
}

var compressible = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".json": "application/json", ".svg": "image/svg+xml",
}

func (s *gzipSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.Path, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	data, ok := s.files[site.OutPath(p)]
	if !ok {
		http.NotFound(w, r)
		return
	}
	ct, text := compressible[path.Ext(p)]
	if text {
		w.Header().Set("Content-Type", ct)
	}
	if text && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		s.mu.Lock()
		if s.gz == nil {
			s.gz = map[string][]byte{}
		}
		z, ok := s.gz[p]
		if !ok {
			z = gzipped(data)
			s.gz[p] = z
		}
		s.mu.Unlock()
		w.Header().Set("Content-Encoding", "gzip")
		data = z
	}
	_, _ = w.Write(data)
}

// gzipped compresses data at gzip's default level, which static hosts
// commonly use.
func gzipped(data []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, _ = w.Write(data)
	_ = w.Close()
	return buf.Bytes()
}
