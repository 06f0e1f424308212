package links

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/vaultsite/vaultsite/site"
)

// benchVault builds a deterministic vault of notes notes in nested folders,
// with linksPer links each, shaped like shared/bench/genvault.py's: mostly
// bare names, some folder paths, wrong case, ".md", relative paths, assets,
// duplicate names across folders and about 2% broken links.
func benchVault(notes, linksPer int) *site.Vault {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("system design cache index query latency throughput build graph link note vault " +
		"table column row key hash tree node edge path file folder layout theme style alpha beta gamma delta")
	folders := []string{""}
	for i := 1; i < 100; i++ {
		parent := folders[r.IntN(len(folders))]
		if strings.Count(parent, "/") >= 3 {
			parent = ""
		}
		folders = append(folders, strings.TrimPrefix(parent+"/Folder "+fmt.Sprint(i), "/"))
	}
	name := func(i int) string {
		if i%20 == 0 { // every 20th name repeats an earlier one, in another folder
			i /= 2
		}
		return fmt.Sprintf("%s %s %d", strings.ToUpper(words[i%len(words)][:1])+words[i%len(words)][1:], words[(i/7)%len(words)], i)
	}
	ns := make([]*site.Note, notes)
	seen := map[site.VaultPath]bool{}
	for i := range ns {
		p := site.VaultPath(strings.TrimPrefix(folders[r.IntN(len(folders))]+"/"+name(i)+".md", "/"))
		for seen[p] {
			p = "Extra/" + p
		}
		seen[p] = true
		ns[i] = &site.Note{Path: p, Published: true}
	}
	as := make([]*site.Asset, notes/10)
	for i := range as {
		as[i] = &site.Asset{Path: site.VaultPath(fmt.Sprintf("attachments/img %d.png", i))}
	}
	for _, n := range ns {
		n.Links = make([]site.Link, linksPer)
		for j := range n.Links {
			t := ns[int(float64(len(ns))*r.Float64()*r.Float64())] // hubs: low indexes are linked more
			var p string
			switch k := r.IntN(100); {
			case k < 65:
				p = t.Path.Name()
			case k < 75:
				p = strings.TrimSuffix(string(t.Path), ".md")
			case k < 80:
				p = strings.ToLower(t.Path.Name())
			case k < 85:
				p = t.Path.Base()
			case k < 88:
				p = "./" + t.Path.Name()
			case k < 93:
				p = string(as[r.IntN(len(as))].Path.Base())
			case k < 98:
				p = "" // a link into the same note
			default:
				p = "Missing " + fmt.Sprint(r.IntN(1000))
			}
			n.Links[j] = site.Link{Path: p, Offset: j * 10}
		}
	}
	return site.NewVault(nil, ns, as)
}

// BenchmarkResolve resolves every link of a 10,000-note vault (80,000
// links) per iteration, on one goroutine.
func BenchmarkResolve(b *testing.B) {
	v := benchVault(10000, 8)
	g := NewGraph(v)
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range v.Notes {
			for _, l := range n.Links {
				g.Resolve(n, l.Path)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*10000*8), "ns/link")
}

// BenchmarkIndex indexes the same vault and computes backlinks: NewGraph
// plus Index, which resolves all 80,000 links on GOMAXPROCS goroutines.
func BenchmarkIndex(b *testing.B) {
	v := benchVault(10000, 8)
	b.ReportAllocs()
	for b.Loop() {
		NewGraph(v).Index()
	}
}

// BenchmarkNewGraph measures building the two indexes alone.
func BenchmarkNewGraph(b *testing.B) {
	v := benchVault(10000, 8)
	b.ReportAllocs()
	for b.Loop() {
		NewGraph(v)
	}
}

// TestBenchVaultShape keeps the benchmark honest: most links must resolve.
func TestBenchVaultShape(t *testing.T) {
	t.Parallel()
	v := benchVault(2000, 8)
	g := NewGraph(v)
	steps := map[Step]int{}
	for _, n := range v.Notes {
		for _, l := range n.Links {
			steps[g.Resolve(n, l.Path).Step]++
		}
	}
	if steps[StepNone] > 2000*8/20 || steps[StepSuffix] == 0 || steps[StepExact] == 0 || steps[StepRelative] == 0 {
		t.Errorf("unexpected mix of steps: %v", steps)
	}
}
