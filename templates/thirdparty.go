package templates

//go:generate go run -C jsdeps . -templates ..

import (
	"embed"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/vaultsite/vaultsite/site"
)

// The vendored browser libraries, KaTeX, Mermaid, MiniSearch and sigma
// with graphology, live under
// assets/thirdparty/<package>/ with their licences, listed with versions
// and hashes in assets/thirdparty/MANIFEST.json. "go generate ./templates"
// writes them from templates/_npm (see jsdeps); building and testing never
// need node. axe-core is vendored there too, marked testOnly in the
// manifest, but only the browser tests read it from disk: it is not in
// this list, so no binary carries it and no site can ship it.
//
//go:embed assets/thirdparty/MANIFEST.json
//go:embed assets/thirdparty/katex assets/thirdparty/mermaid
//go:embed assets/thirdparty/minisearch assets/thirdparty/sigma
var thirdpartyFS embed.FS

// thirdpartyRoot is the embedded folder of the libraries.
const thirdpartyRoot = "assets/thirdparty"

// thirdpartyDir is where the libraries go in the site. Each keeps its
// file names below a folder named with its version, "katex-0.19.1":
// Mermaid's chunks import each other by name and KaTeX's stylesheet
// names its fonts relatively, so the files cannot be renamed one by one,
// and a new version gets a new URL, which is what the content hashes of
// the site's own files achieve.
const thirdpartyDir = staticDir + "/thirdparty"

// Libraries a page can ask for.
const (
	libKaTeX   = "katex"
	libMermaid = "mermaid"
	libSigma   = "sigma" // graphology is bundled into its file
)

// manifest is MANIFEST.json, as jsdeps writes it.
type manifest struct {
	Packages []manifestPackage `json:"packages"`
}

type manifestPackage struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	License string `json:"license"`
	// TestOnly marks a library that only tests load (axe-core): it is
	// not embedded, so loadThirdParty leaves it out.
	TestOnly bool `json:"testOnly"`
	// Includes are the packages bundled into this one's files.
	Includes []struct {
		Name, Version, License string
	} `json:"includes"`
	Files []struct {
		Path   string `json:"path"`
		Size   int    `json:"size"`
		SHA256 string `json:"sha256"`
	} `json:"files"`
}

// dir returns the package's folder in the site, "_site/thirdparty/katex-0.19.1".
func (p *manifestPackage) dir() string { return thirdpartyDir + "/" + p.Name + "-" + p.Version }

// thirdpartySet is the loaded manifest and the site files it lists.
type thirdpartySet struct {
	byName map[string]*manifestPackage
	files  map[string][]File // package name → its files in manifest order
}

// loadThirdParty reads the embedded manifest and the files of every
// library but the test-only ones, once. They are embedded and checked by
// tests, so a missing or unreadable one is a bug.
var loadThirdParty = sync.OnceValue(func() *thirdpartySet {
	data, err := thirdpartyFS.ReadFile(thirdpartyRoot + "/MANIFEST.json")
	if err != nil {
		panic(err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		panic(fmt.Errorf("templates: MANIFEST.json: %w", err))
	}
	s := &thirdpartySet{byName: map[string]*manifestPackage{}, files: map[string][]File{}}
	for i := range m.Packages {
		p := &m.Packages[i]
		if p.TestOnly {
			continue
		}
		s.byName[p.Name] = p
		for _, f := range p.Files {
			data, err := thirdpartyFS.ReadFile(thirdpartyRoot + "/" + p.Name + "/" + f.Path)
			if err != nil {
				panic(err)
			}
			s.files[p.Name] = append(s.files[p.Name], File{Path: site.OutPath(p.dir() + "/" + f.Path), Data: data})
		}
	}
	return s
})

// ThirdParty returns the files of the vendored libraries a site needs:
// KaTeX when math is set, Mermaid when mermaid is set, each with its
// licence, under "_site/thirdparty/<name>-<version>/", in a fixed order.
// It returns nothing when neither is set, so a site without math or
// diagrams carries neither library. The build emits these beside Static;
// callers must not modify the returned data.
func ThirdParty(math, mermaid bool) []File {
	s := loadThirdParty()
	var out []File
	if math {
		out = append(out, s.files[libKaTeX]...)
	}
	if mermaid {
		out = append(out, s.files[libMermaid]...)
	}
	return out
}

// thirdpartyURL is the layout's "thirdparty" function: the output path of
// a library's file, to be written after {{.Root}}, such as
// "_site/thirdparty/katex-0.19.1/katex.min.css". A library or file the
// manifest does not list stops rendering.
func thirdpartyURL(lib, file string) (string, error) {
	p, ok := loadThirdParty().byName[lib]
	if !ok {
		return "", fmt.Errorf("templates: no vendored library %q", lib)
	}
	for _, f := range p.Files {
		if f.Path == file {
			return p.dir() + "/" + file, nil
		}
	}
	return "", fmt.Errorf("templates: %s %s has no file %q", lib, p.Version, file)
}

// Libraries collects which vendored libraries a site's pages load, so the
// build emits KaTeX, Mermaid and sigma only for a site that uses them.
// Add each page as it is rendered, then take Files once every page is
// done. The zero value is ready and it is safe for concurrent use.
type Libraries struct{ math, mermaid, graph atomic.Bool }

// Add records the libraries page p loads.
func (l *Libraries) Add(p *PageData) {
	if p.LoadsMath() {
		l.math.Store(true)
	}
	if p.HasMermaid {
		l.mermaid.Store(true)
	}
	if p.Kind == PageGraph {
		l.graph.Store(true)
	}
}

// Files returns ThirdParty for the libraries of the pages added so far,
// and sigma's files when the graph page was among them.
func (l *Libraries) Files() []File {
	out := ThirdParty(l.math.Load(), l.mermaid.Load())
	if l.graph.Load() {
		out = append(out, loadThirdParty().files[libSigma]...)
	}
	return out
}
