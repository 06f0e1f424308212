package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vaultsite/vaultsite/internal/outdir"
)

// TestBuildPhases builds the vault VAULTSITE_BENCH_VAULT names into a
// fresh folder, as a CI job does, and prints each phase's share of the
// build's CPU time and its parallelism (CPU time over wall time; the
// machine has runtime.NumCPU cores). The shares stay meaningful on a
// loaded machine, the times do not. Without the variable it skips:
//
//	VAULTSITE_BENCH_VAULT=/tmp/v10k go test ./build -run TestBuildPhases -v
func TestBuildPhases(t *testing.T) {
	vault := os.Getenv("VAULTSITE_BENCH_VAULT")
	if vault == "" {
		t.Skip("VAULTSITE_BENCH_VAULT is not set")
	}
	type mark struct {
		name      string
		wall, cpu time.Duration
	}
	start, cpu0 := time.Now(), cpuTime()
	marks := []mark{}
	note := func(name string) { marks = append(marks, mark{name, time.Since(start), cpuTime() - cpu0}) }
	out := filepath.Join(t.TempDir(), "public")
	err := outdir.Write(out, outdir.Options{Vault: vault}, func(d *outdir.Dir) error {
		_, err := Build(context.Background(), os.DirFS(vault), Options{phase: note}, d)
		note("finish") // outdir's swap follows
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	note("end")
	total := marks[len(marks)-1].cpu
	var b strings.Builder
	fmt.Fprintf(&b, "%d cores; CPU %.1f s, wall %.1f s\n", runtime.NumCPU(), total.Seconds(), marks[len(marks)-1].wall.Seconds())
	for i := 0; i+1 < len(marks); i++ {
		cpu, wall := marks[i+1].cpu-marks[i].cpu, marks[i+1].wall-marks[i].wall
		fmt.Fprintf(&b, "%-9s %5.1f%% of CPU, parallelism %.2f\n", marks[i].name, 100*cpu.Seconds()/total.Seconds(), cpu.Seconds()/max(wall.Seconds(), 1e-9))
	}
	t.Log("\n" + b.String())
}
