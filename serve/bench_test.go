package serve

import (
	"bytes"
	"context"
	"io/fs"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

// timedSite adds up how long Update took and how many pages it rendered,
// leaving out the rescans that follow each rebuild (an empty list).
type timedSite struct {
	*build.Live
	took, pages atomic.Int64
}

func (s *timedSite) Update(ctx context.Context, changed []string) (*build.Update, error) {
	up, err := s.Live.Update(ctx, changed)
	if err == nil && len(changed) > 0 {
		s.took.Add(int64(up.Took))
		s.pages.Add(int64(up.Pages))
	}

	return up, err
}

// BenchmarkSaveToReload measures what a writer waits for: from saving a
// note to the reload event for its page, debounce included, for an edit
// of the text (body), of the title, and of a link (each save links to
// another note, so the site graph changes every time). The vault comes
// from the shared generator, with VAULTSITE_BENCH_NOTES notes (default
// 1000); VAULTSITE_GENVAULT overrides the generator's path.
//
//	VAULTSITE_BENCH_NOTES=10000 go test ./serve -run '^$' -bench SaveToReload -benchtime 10x
func BenchmarkSaveToReload(b *testing.B) {
	dir, notes := genVault(b)
	opts := build.Options{}
	// With a base URL every save also writes the sitemap and the feed.
	opts.Site.BaseURL = os.Getenv("VAULTSITE_BENCH_BASEURL")
	ts := &timedSite{Live: build.NewLive(os.DirFS(dir), opts)}
	ts.LayoutLater = true // as vaultsite serve does
	start := time.Now()
	if _, err := ts.Update(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d notes: first build %s", notes, time.Since(start).Round(time.Millisecond))
	note := firstPage(b, dir, ts.Current())
	url := serveBench(b, dir, ts)
	page := ts.Current().Pages[note]
	s := openStream(b, url, "/"+string(page))
	s.next(b, 30*time.Second)
	path := filepath.Join(dir, filepath.FromSlash(string(note)))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	targets := linkTargets(ts.Current(), note)
	edits := []struct {
		name string
		edit func(i int) []byte
	}{
		{"body", func(i int) []byte { return append(slices.Clip(orig), "\n\nbench edit "+strconv.Itoa(i)+"\n"...) }},
		{"title", func(i int) []byte { return retitle(orig, "Bench title "+strconv.Itoa(i)) }},
		{"link", func(i int) []byte {
			return append(slices.Clip(orig), "\n\nsee [["+targets[i%len(targets)]+"]]\n"...)
		}},
		// With VAULTSITE_BENCH_BASE set the vault has a base that lists the
		// notes whose status is "reading"; each save moves the note into
		// or out of its view.
		{"property", func(i int) []byte {
			if i%2 == 0 {
				return setProperty(orig, "status", "reading")
			}
			return setProperty(orig, "status", "paused-"+strconv.Itoa(i)) // never the note's own value
		}},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) { measureSaves(b, ts, s, path, page, e.edit) })
	}
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		b.Fatal(err)
	}
}

// measureSaves writes edit(1), edit(2), … at path until the benchmark
// ends, each time waiting for the reload event of page, and reports the
// median wait and what the updates did.
func measureSaves(b *testing.B, ts *timedSite, s *stream, path string, page site.OutPath, edit func(int) []byte) {
	ts.took.Store(0)
	ts.pages.Store(0)
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		if err := os.WriteFile(path, edit(len(took)+1), 0o644); err != nil {
			b.Fatal(err)
		}
		s.waitForB(b, page)
		took = append(took, time.Since(start))
	}
	n := len(took)
	slices.Sort(took)
	b.ReportMetric(float64(took[n/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(time.Duration(ts.took.Load()).Milliseconds())/float64(n), "update-ms/op")
	b.ReportMetric(float64(ts.pages.Load())/float64(n), "pages/op")
}

// retitle sets the title property of a note.
func retitle(src []byte, title string) []byte { return setProperty(src, "title", strconv.Quote(title)) }

// setProperty sets property key of a note that has frontmatter, or gives
// it frontmatter with one.
func setProperty(src []byte, key, value string) []byte {
	line := key + ": " + value
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `:.*$`)
	switch {
	case bytes.HasPrefix(src, []byte("---\n")) && re.Match(src):
		return re.ReplaceAll(src, []byte(line))
	case bytes.HasPrefix(src, []byte("---\n")):
		return append([]byte("---\n"+line+"\n"), src[len("---\n"):]...)
	}
	return append([]byte("---\n"+line+"\n---\n"), src...)
}

// linkTargets returns the published notes other than note, by path
// without ".md", spread out so that consecutive saves link to notes far
// apart in the vault.
func linkTargets(snap *build.Snapshot, note site.VaultPath) []string {
	var out []string
	for p := range snap.Pages {
		if p != note && site.KindOf(p) == site.KindNote {
			out = append(out, strings.TrimSuffix(string(p), ".md"))
		}
	}
	slices.Sort(out)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// serveBench runs a preview of ts with the default debounce until the
// benchmark ends.
func serveBench(b *testing.B, dir string, ts *timedSite) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ln, Config{Vault: dir, Live: ts, Ready: func(u string) { ready <- u }}) }()
	b.Cleanup(func() { cancel(); <-done })
	return <-ready
}

// waitForB waits for the reload event that names page.
func (s *stream) waitForB(b *testing.B, page site.OutPath) {
	for {
		ev := s.next(b, 5*time.Minute)
		if ev.name == "reload" && slices.Contains(ev.msg.Changed, page) {
			return
		}
	}
}

// genVault writes the generated vault into a temporary folder, or skips
// when python3 or the generator is missing.
func genVault(b *testing.B) (string, int) {
	notes := 1000
	if v := os.Getenv("VAULTSITE_BENCH_NOTES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("VAULTSITE_BENCH_NOTES=%q: want a positive number", v)
		}
		notes = n
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("python3 is not installed")
	}
	script := os.Getenv("VAULTSITE_GENVAULT")
	if script == "" {
		script = filepath.Join("..", "..", "shared", "bench", "genvault.py")
	}
	if _, err := os.Stat(script); err != nil {
		b.Skipf("no vault generator: %v", err)
	}
	dir := filepath.Join(b.TempDir(), "vault")
	out, err := exec.Command(py, script, dir, "--notes", strconv.Itoa(notes), "--seed", "1").CombinedOutput()
	if err != nil {
		b.Fatalf("genvault: %v\n%s", err, out)
	}
	if os.Getenv("VAULTSITE_BENCH_BASE") != "" {
		if err := os.WriteFile(filepath.Join(dir, "Reading.base"), []byte(benchBase), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, notes
}

// firstPage returns the first note of dir, in path order, that has a
// page of its own in snap.
func firstPage(b *testing.B, dir string, snap *build.Snapshot) site.VaultPath {
	var found site.VaultPath
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		v, err := site.ParseVaultPath(filepath.ToSlash(rel))
		if err == nil && !d.IsDir() && site.KindOf(v) == site.KindNote && snap.Pages[v] != "index.html" {
			if _, ok := snap.Files[snap.Pages[v]]; ok && snap.Pages[v] != "" {
				found = v
				return fs.SkipAll
			}
		}
		return nil
	})
	if found == "" {
		b.Fatal("the generated vault has no published note")
	}
	return found
}

// benchBase lists the notes being read: the "property" saves move the
// edited note into and out of its view.
const benchBase = `filters: 'status == "reading"'
views:
  - type: table
    name: Reading
    order: [file.name, status]
`
