package templates

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
)

// TestThirdPartyManifest recomputes MANIFEST.json: every vendored file is
// listed with its true size and SHA-256, and every listed file exists, so
// a hand edit of a vendored file fails here. Upgrade through
// "go generate ./templates" instead.
func TestThirdPartyManifest(t *testing.T) {
	t.Parallel()
	s := loadThirdParty()
	listed := map[string]bool{}
	for name, p := range s.byName {
		if p.License == "" || p.Version == "" {
			t.Errorf("%s: no licence or version in the manifest", name)
		}
		hasLicence := false
		for _, f := range p.Files {
			full := p.Name + "/" + f.Path
			listed[full] = true
			hasLicence = hasLicence || f.Path == "LICENSE"
			data, err := fs.ReadFile(thirdpartyFS, thirdpartyRoot+"/"+full)
			if err != nil {
				t.Errorf("%s: listed but not vendored: %v", full, err)
				continue
			}
			sum := sha256.Sum256(data)
			if got := hex.EncodeToString(sum[:]); got != f.SHA256 || len(data) != f.Size {
				t.Errorf("%s: sha256 %s, %d bytes; the manifest says %s, %d bytes: vendored files are written by go generate, not by hand", full, got, len(data), f.SHA256, f.Size)
			}
		}
		if !hasLicence {
			t.Errorf("%s: no LICENSE beside the files", name)
		}
	}
	err := fs.WalkDir(thirdpartyFS, thirdpartyRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == thirdpartyRoot+"/MANIFEST.json" {
			return err
		}
		if rel := strings.TrimPrefix(p, thirdpartyRoot+"/"); !listed[rel] {
			t.Errorf("%s is vendored but not in the manifest", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, lib := range []string{libKaTeX, libMermaid, libSigma} {
		if s.byName[lib] == nil {
			t.Errorf("manifest packages = %v, want %s among them", s.byName, lib)
		}
	}
}

// TestThirdPartyPins checks that package.json pins each library to the
// exact version that is vendored, and that the committed lock file agrees
// (DEPS §4: an unpinned mermaid silently resolved to an old major).
func TestThirdPartyPins(t *testing.T) {
	t.Parallel()
	var pj struct{ Dependencies map[string]string }
	var lock struct {
		Packages map[string]struct{ Version string } `json:"packages"`
	}
	readJSONFile(t, "_npm/package.json", &pj)
	readJSONFile(t, "_npm/package-lock.json", &lock)
	vendored := map[string]bool{}
	for _, p := range diskManifest(t).Packages {
		name := p.Name
		vendored[name] = true
		if got := pj.Dependencies[name]; got != p.Version {
			t.Errorf("package.json pins %s %q; %s is vendored", name, got, p.Version)
		}
		if got := lock.Packages["node_modules/"+name].Version; got != p.Version {
			t.Errorf("package-lock.json has %s %q; %s is vendored", name, got, p.Version)
		}
		// A bundled package is pinned by package.json when pages use it
		// directly (graphology), by the lock file when it comes along.
		for _, in := range p.Includes {
			vendored[in.Name] = true
			if got, ok := pj.Dependencies[in.Name]; ok && got != in.Version {
				t.Errorf("package.json pins %s %q; %s is bundled into %s", in.Name, got, in.Version, name)
			}
			if got := lock.Packages["node_modules/"+in.Name].Version; got != in.Version {
				t.Errorf("package-lock.json has %s %q; %s is bundled into %s", in.Name, got, in.Version, name)
			}
		}
	}
	for name := range pj.Dependencies {
		if !vendored[name] {
			t.Errorf("package.json depends on %s, which is not vendored; only vendored libraries belong there", name)
		}
	}
}

// diskManifest reads MANIFEST.json from the source tree, test-only
// libraries included.
func diskManifest(t *testing.T) manifest {
	t.Helper()
	var m manifest
	readJSONFile(t, thirdpartyRoot+"/MANIFEST.json", &m)
	return m
}

// TestThirdPartyTestOnly checks the libraries only tests load (axe-core):
// their files on disk match the manifest's hashes, and none is embedded,
// so neither the binary nor a site built with it carries them.
func TestThirdPartyTestOnly(t *testing.T) {
	t.Parallel()
	n := 0
	for _, p := range diskManifest(t).Packages {
		if !p.TestOnly {
			continue
		}
		n++
		if _, ok := loadThirdParty().byName[p.Name]; ok {
			t.Errorf("%s is test-only but loaded for sites", p.Name)
		}
		for _, f := range p.Files {
			full := thirdpartyRoot + "/" + p.Name + "/" + f.Path
			data, err := os.ReadFile(full)
			if err != nil {
				t.Errorf("%s: listed but not vendored: %v", full, err)
				continue
			}
			sum := sha256.Sum256(data)
			if got := hex.EncodeToString(sum[:]); got != f.SHA256 || len(data) != f.Size {
				t.Errorf("%s: sha256 %s, %d bytes; the manifest says %s, %d bytes", full, got, len(data), f.SHA256, f.Size)
			}
			if _, err := fs.Stat(thirdpartyFS, full); err == nil {
				t.Errorf("%s is embedded: test-only libraries must stay out of the binary", full)
			}
		}
	}
	if n == 0 {
		t.Error("the manifest lists no test-only library; axe-core belongs there")
	}
}

func readJSONFile(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestThirdPartyReferences checks that the files the libraries load by
// relative URL are vendored: the fonts KaTeX's stylesheet names, and the
// chunks Mermaid's modules import, statically or on demand.
func TestThirdPartyReferences(t *testing.T) {
	t.Parallel()
	cssURL := regexp.MustCompile(`url\(([^)]+)\)`)
	jsImport := regexp.MustCompile(`(?:from|import)\s*\(?"(\./[^"]+)"`)
	for _, p := range loadThirdParty().byName {
		have := map[string]bool{}
		for _, f := range p.Files {
			have[f.Path] = true
		}
		refs := 0
		for _, f := range p.Files {
			data, _ := fs.ReadFile(thirdpartyFS, thirdpartyRoot+"/"+p.Name+"/"+f.Path)
			var found [][][]byte
			switch path.Ext(f.Path) {
			case ".css":
				found = cssURL.FindAllSubmatch(data, -1)
			case ".mjs":
				found = jsImport.FindAllSubmatch(data, -1)
			}
			for _, m := range found {
				refs++
				target := path.Join(path.Dir(f.Path), string(bytes.Trim(m[1], `"'`)))
				if !have[target] {
					t.Errorf("%s/%s refers to %s, which is not vendored", p.Name, f.Path, target)
				}
			}
		}
		if refs == 0 && p.Name != libSigma && p.Name != libMiniSearch { // each is one self-contained file
			t.Errorf("%s: no relative references found; has the file format changed?", p.Name)
		}
	}
}

// TestThirdPartyFiles checks what the build emits for each combination.
func TestThirdPartyFiles(t *testing.T) {
	t.Parallel()
	if got := ThirdParty(false, false); len(got) != 0 {
		t.Errorf("ThirdParty(false, false) = %d files, want none", len(got))
	}
	for _, tt := range []struct {
		math, mermaid bool
		want          string
	}{
		{math: true, want: "_site/thirdparty/katex-0.19.1/"},
		{mermaid: true, want: "_site/thirdparty/mermaid-12.3.0/"},
	} {
		files := ThirdParty(tt.math, tt.mermaid)
		seen := map[string]bool{}
		for _, f := range files {
			p := string(f.Path)
			if !f.Path.Valid() || !strings.HasPrefix(p, tt.want) || len(f.Data) == 0 {
				t.Errorf("ThirdParty(%v, %v) has %q (%d bytes)", tt.math, tt.mermaid, p, len(f.Data))
			}
			seen[strings.TrimPrefix(p, tt.want)] = true
		}
		if !seen["LICENSE"] {
			t.Errorf("ThirdParty(%v, %v) has no LICENSE", tt.math, tt.mermaid)
		}
	}
	if n := len(ThirdParty(true, true)); n != len(ThirdParty(true, false))+len(ThirdParty(false, true)) {
		t.Errorf("ThirdParty(true, true) = %d files", n)
	}
}

// thirdpartyRef finds the references a page makes to vendored files.
var thirdpartyRef = regexp.MustCompile(`_site/thirdparty/[^"'\s>]+`)

// TestPagesLoadLibrariesOnlyWhenNeeded renders a note page with and
// without math and diagrams: a page names KaTeX only with HasMath,
// Mermaid only with HasMermaid, and every file it names is one that
// ThirdParty returns for it.
func TestPagesLoadLibrariesOnlyWhenNeeded(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		math, mermaid bool
		want          []string
	}{
		{},
		{math: true, want: []string{
			`<link rel="stylesheet" href="../_site/thirdparty/katex-0.19.1/katex.min.css">`,
			`<script src="../_site/thirdparty/katex-0.19.1/katex.min.js" defer></script>`,
			`<script src="../_site/thirdparty/katex-0.19.1/contrib/auto-render.min.js" defer></script>`,
			`renderMathInElement(t,e)`, `throwOnError:!1`, `{left:"\\(",right:"\\)",display:!1}`, // minified
		}},
		{mermaid: true, want: []string{
			`<link rel="modulepreload" href="../_site/thirdparty/mermaid-12.3.0/mermaid.esm.min.mjs" data-library="mermaid">`,
			`<script type="module">`, `mermaid.initialize(`, `root.dataset.theme`,
		}},
		{math: true, mermaid: true, want: []string{"katex.min.js", "mermaid.esm.min.mjs"}},
	} {
		var b bytes.Buffer
		p := &PageData{Kind: PageNote, Title: "T", Root: "../", HasMath: tt.math, HasMermaid: tt.mermaid, Content: "<p>x</p>"}
		if err := Render(&b, p); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		lower := strings.ToLower(page)
		if got := strings.Contains(lower, "katex"); got != tt.math {
			t.Errorf("math=%v mermaid=%v: page names katex: %v", tt.math, tt.mermaid, got)
		}
		if got := strings.Contains(lower, "mermaid"); got != tt.mermaid {
			t.Errorf("math=%v mermaid=%v: page names mermaid: %v", tt.math, tt.mermaid, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("math=%v mermaid=%v: page lacks %s", tt.math, tt.mermaid, w)
			}
		}
		emitted := map[string]bool{}
		for _, f := range append(ThirdParty(tt.math, tt.mermaid), SearchLibrary()...) {
			emitted[string(f.Path)] = true
		}
		for _, ref := range thirdpartyRef.FindAllString(page, -1) {
			if !emitted[ref] {
				t.Errorf("math=%v mermaid=%v: page refers to %s, which ThirdParty does not return", tt.math, tt.mermaid, ref)
			}
		}
	}
}

func TestThirdPartyURL(t *testing.T) {
	t.Parallel()
	if got, err := thirdpartyURL("katex", "katex.min.css"); err != nil || got != "_site/thirdparty/katex-0.19.1/katex.min.css" {
		t.Errorf("thirdpartyURL = %q, %v", got, err)
	}
	if _, err := thirdpartyURL("katex", "katex.js"); err == nil {
		t.Error("a file that is not vendored has a URL")
	}
	if _, err := thirdpartyURL("jquery", "jquery.js"); err == nil {
		t.Error("a library that is not vendored has a URL")
	}
}

func TestLibraries(t *testing.T) {
	t.Parallel()
	var l Libraries
	l.Add(&PageData{})
	if n := len(l.Files()); n != 0 {
		t.Errorf("no page needs a library, Files() = %d files", n)
	}
	l.Add(&PageData{HasMermaid: true})
	l.Add(&PageData{})
	if got, want := len(l.Files()), len(ThirdParty(false, true)); got != want {
		t.Errorf("after a diagram page, Files() = %d files, want %d", got, want)
	}
	l.Add(&PageData{HasMath: true})
	if got, want := len(l.Files()), len(ThirdParty(true, true)); got != want {
		t.Errorf("after a math page, Files() = %d files, want %d", got, want)
	}
}
