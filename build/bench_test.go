package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// benchVault returns a generated vault: VAULTSITE_BENCH_VAULT if set, or
// VAULTSITE_BENCH_NOTES notes (default 10,000) made once by
// ../shared/bench/genvault.py (seed 1) and kept in the temp folder.
func benchVault(b *testing.B) string {
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
		err := WriteDir(out, vault, func(em Emitter) error {
			_, err := Build(context.Background(), os.DirFS(vault), Options{}, em)
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
		_ = a.Graph.Check()
	}
}
