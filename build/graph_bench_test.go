package build

import (
	"context"
	"os"
	"testing"
)

// BenchmarkGraphLayout lays out the graph of the generated vault
// (VAULTSITE_BENCH_NOTES notes, 10,000 by default): the cost the build
// pays once per site for the global graph.
func BenchmarkGraphLayout(b *testing.B) {
	vault := benchVault(b)
	a, err := Analyze(context.Background(), os.DirFS(vault), Options{})
	if err != nil {
		b.Fatal(err)
	}
	sg := newSiteGraph(a.Vault, a.Graph)
	b.ReportMetric(float64(len(sg.notes)), "nodes")
	b.ReportMetric(float64(sg.edges), "edges")
	b.ResetTimer()
	for b.Loop() {
		pos, err := sg.layout(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(sg.encodeAt(pos))), "json-bytes")
	}
}
