package build

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vaultsite/vaultsite/internal/outdir"
)

// benchVault returns a generated vault: VAULTSITE_BENCH_VAULT if set, or
// VAULTSITE_BENCH_NOTES notes (default 10,000) made once by
// ../shared/bench/genvault.py (seed 1) and kept in the temp folder.
func benchVault(b testing.TB) string {
	if dir := os.Getenv("VAULTSITE_BENCH_VAULT"); dir != "" {
		return dir
	}
	notes := 10000
	if s := os.Getenv("VAULTSITE_BENCH_NOTES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("VAULTSITE_BENCH_NOTES: %v", err)
		}
		notes = n
	}
	dir := filepath.Join(os.TempDir(), "vaultsite-bench", "v"+strconv.Itoa(notes))
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	gen := "../../shared/bench/genvault.py"
	if _, err := os.Stat(gen); err != nil {
		b.Skipf("no generator: %v", err)
	}
	out, err := exec.Command("python3", gen, dir, "--notes", strconv.Itoa(notes), "--seed", "1").CombinedOutput()
	if err != nil {
		b.Skipf("genvault: %v\n%s", err, out)
	}
	return dir
}

// BenchmarkBuild is a full build to a folder, as "vaultsite build" does.
func BenchmarkBuild(b *testing.B) {
	vault := benchVault(b)
	out := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for b.Loop() {
		err := outdir.Write(out, outdir.Options{Vault: vault}, func(d *outdir.Dir) error {
			_, err := Build(context.Background(), os.DirFS(vault), Options{}, d)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is what "vaultsite check" does: load, parse, resolve and
// check every link, with no HTML.
func BenchmarkCheck(b *testing.B) {
	vault := benchVault(b)
	b.ResetTimer()
	for b.Loop() {
		a, err := Analyze(context.Background(), os.DirFS(vault), Options{})
		if err != nil {
			b.Fatal(err)
		}
		_, _ = a.Graph.Check(context.Background())
	}
}

// BenchmarkIncrementalBodyEdit measures Live.Update after one note's body
// changed, in a copy of the generated vault: the preview server's work
// between a save and the reload event.
func BenchmarkIncrementalBodyEdit(b *testing.B) {
	benchIncremental(b, func(body string, i int) string { return body + "\nedit " + strconv.Itoa(i) + "\n" })
}

// BenchmarkIncrementalLinkEdit is the same with a new link in the note,
// which changes what the graph, backlinks and search show.
func BenchmarkIncrementalLinkEdit(b *testing.B) {
	benchIncremental(b, func(body string, i int) string { return body + "\nsee [[Note " + strconv.Itoa(i) + "]]\n" })
}

func benchIncremental(b *testing.B, edit func(string, int) string) {
	src := benchVault(b)
	dir := b.TempDir()
	if out, err := exec.Command("cp", "-a", src+"/.", dir).CombinedOutput(); err != nil {
		b.Fatalf("copy: %v\n%s", err, out)
	}
	var note string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if note == "" && err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			note = p
		}
		return nil
	})
	rel, _ := filepath.Rel(dir, note)
	opts := Options{}
	// With a base URL every save also writes the sitemap and the feed.
	opts.Site.BaseURL = os.Getenv("VAULTSITE_BENCH_BASEURL")
	s := NewLive(os.DirFS(dir), opts)
	if _, err := s.Update(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	body, _ := os.ReadFile(note)
	b.ResetTimer()
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if err := os.WriteFile(note, []byte(edit(string(body), i)), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		up, err := s.Update(context.Background(), []string{filepath.ToSlash(rel)})
		if err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		b.ReportMetric(float64(up.Pages), "pages/op")
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
}
