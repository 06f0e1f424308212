package build

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// FuzzBuild builds a small vault around one note of any content, also
// used as a canvas and a settings file: the build must not fail or panic,
// and two builds must give the same bytes. `go test ./build -fuzz
// FuzzBuild` explores from the seeds.
func FuzzBuild(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: [broken\n---\n# H\n![[Other]] [[Other#^b]] ^a\n",
		"---\naliases: [Other, x/../y]\npermalink: ../../etc\ndate: 2023-13-45\n---\n![[Note]]\n",
		"> [!note]+ %%\n> [[#H|a]] ![[img.png|0x0]] $$\\frac{1}{2}$$ [^1]\n\n[^1]: ![[Other#Sub]]\n",
		`{"nodes":[{"id":"a","type":"file","file":"Note.md"},{"id":"b","type":"text","text":"[[Other]]"}],"edges":[{"id":"e","fromNode":"a","toNode":"b"}]}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, note string) {
		fsys := fstest.MapFS{
			"Note.md":            {Data: []byte(note)},
			"Other.md":           {Data: []byte("# Other\n## Sub\ntext ^b\n![[Note]]\n" + note)},
			"Dir/Board.canvas":   {Data: []byte(note)},
			".obsidian/app.json": {Data: []byte(note)},
			"img.png":            {Data: []byte("\x89PNG")},
		}
		build := func() *MemEmitter {
			_, em := buildSite(t, fsys, Options{})
			return em
		}
		one, two := build(), build()
		for p, data := range one.Files {
			if !bytes.Equal(data, two.Files[p]) {
				t.Fatalf("%s differs between two builds", p)
			}
		}
	})
}
