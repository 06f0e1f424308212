// Command jsdeps vendors the browser libraries that pages load: it runs
// "npm ci --ignore-scripts" in templates/_npm, whose package.json pins
// exact versions and whose package-lock.json is committed, then copies the
// files a page needs from node_modules into
// templates/assets/thirdparty/<package>/, with the package's licence, and
// writes templates/assets/thirdparty/MANIFEST.json: each package's name,
// version and licence and the SHA-256 of every file (DEPS §5).
//
// It runs through "go generate ./templates", which starts it in its own
// folder and names the templates folder with -templates. It is a module
// of its own, so esbuild, which only this tool uses, is no requirement
// of vaultsite's.
// Only whoever upgrades a library needs node and npm: the output is
// committed, and go build and go test read it from the embedded files.
// A test in templates recomputes the manifest, so a hand edit of a
// vendored file fails.
//
// Usage:
//
//	go run -C jsdeps . -templates .. [-skip-npm]
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// npmDir holds package.json, package-lock.json and, after npm ci, the
// git-ignored node_modules; outDir receives the vendored files. Both are
// relative to the templates folder, where go generate runs.
const (
	npmDir = "_npm"
	outDir = "assets/thirdparty"
)

// pkg says what to take from one npm package.
type pkg struct {
	name string
	// files are globs (path.Match) relative to the package folder; each
	// match is copied with the prefix strip removed.
	files []string
	strip string
	// fix, when set, rewrites a copied file (by its output name).
	fix func(name string, data []byte) ([]byte, error)
	// bundle, when set, makes one file with esbuild instead of copying.
	bundle *bundle
	// testOnly marks a library that only the tests load: it is vendored
	// and hashed like the others but never embedded or emitted.
	testOnly bool
}

// bundle is a file that esbuild makes from an entry module resolved in
// node_modules: one minified IIFE that sets a global, for pages that
// load it with a plain deferred script.
type bundle struct {
	out    string // the output file's name
	entry  string // the entry module's source
	global string // the IIFE's global name
	// includes are the other npm packages whose code lands in the file:
	// their versions go into the manifest and their licences beside the
	// file as LICENSE-<name>.
	includes []string
}

// packages are the vendored libraries, in manifest order.
var packages = []pkg{
	{
		// KaTeX typesets math in the browser: the library, its auto-render
		// extension, the stylesheet and only the woff2 fonts, which every
		// browser that runs the rest supports.
		name: "katex",
		files: []string{
			"dist/katex.min.js", "dist/contrib/auto-render.min.js",
			"dist/katex.min.css", "dist/fonts/*.woff2",
		},
		strip: "dist/",
		fix:   woff2Only,
	},
	{
		// Mermaid draws diagrams: the ESM entry and the chunks it imports
		// by relative name, so the chunk folder keeps its file names. The
		// source maps stay behind; no file refers to them.
		name:  "mermaid",
		files: []string{"dist/mermaid.esm.min.mjs", "dist/chunks/mermaid.esm.min/*.mjs"},
		strip: "dist/",
	},
	{
		// sigma draws the global graph with WebGL; graphology holds the
		// graph it draws. Sigma does not import graphology, so the two go
		// into one file, one request, sharing their "events" dependency.
		name: "sigma",
		bundle: &bundle{
			out:      "sigma-graphology.min.js",
			entry:    `export { default as Graph } from "graphology"; export { default as Sigma } from "sigma"; export { EdgeLineProgram } from "sigma/rendering";`,
			global:   "SigmaGraph",
			includes: []string{"graphology", "graphology-utils", "events"},
		},
	},
	{
		// MiniSearch runs the site's search over the index the build
		// writes (build/search*.go); search.js loads it when search opens.
		// esbuild's minified build is a third of the published UMD file.
		name: "minisearch",
		bundle: &bundle{
			out:    "minisearch.min.js",
			entry:  `export { default } from "minisearch";`,
			global: "MiniSearch",
		},
	},
	{
		// axe-core checks pages for accessibility in the browser tests
		// (build/axe_browser_test.go), which inject it into each page. No
		// site loads it, so templates does not embed it.
		name:     "axe-core",
		files:    []string{"axe.min.js", "LICENSE-3RD-PARTY.txt"},
		testOnly: true,
	},
}

// licenceFile is the name of the licence copied beside each package's
// files, which travels into the built site with them. Packages ship it at
// their root under one of licenceNames.
const licenceFile = "LICENSE"

var licenceNames = []string{"LICENSE", "LICENSE.txt", "LICENSE.md"}

// Manifest is MANIFEST.json. templates reads the same format.
type Manifest struct {
	Comment  string    `json:"comment"`
	Packages []Package `json:"packages"`
}

// Package is one vendored npm package.
type Package struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	License string `json:"license"`
	// TestOnly is set for a library that only tests load.
	TestOnly bool `json:"testOnly,omitempty"`
	// Includes are the other packages bundled into this one's files.
	Includes []Included `json:"includes,omitempty"`
	Files    []File     `json:"files"`
}

// Included is a package whose code is bundled into another's file.
type Included struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	License string `json:"license"`
}

// File is one vendored file, its path relative to the package's folder.
type File struct {
	Path   string `json:"path"`
	Size   int    `json:"size"`
	SHA256 string `json:"sha256"`
}

func main() {
	skipNPM := flag.Bool("skip-npm", false, "use the node_modules already installed")
	dir := flag.String("templates", ".", "the templates folder, which npmDir and outDir are relative to")
	flag.Parse()
	if err := os.Chdir(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "jsdeps:", err)
		os.Exit(1)
	}
	if err := run(*skipNPM); err != nil {
		fmt.Fprintln(os.Stderr, "jsdeps:", err)
		os.Exit(1)
	}
}

func run(skipNPM bool) error {
	if !skipNPM {
		cmd := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
		cmd.Dir, cmd.Stdout, cmd.Stderr = npmDir, os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm ci in %s: %w", npmDir, err)
		}
	}
	pins, err := pinnedVersions()
	if err != nil {
		return err
	}
	m := Manifest{Comment: "Written by `go generate ./templates` (templates/jsdeps) from templates/_npm; do not edit: a test recomputes every hash."}
	for _, p := range packages {
		if _, ok := pins[p.name]; !ok {
			return fmt.Errorf("%s: package.json does not pin it", p.name)
		}
		mp, err := vendor(p, pins)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		m.Packages = append(m.Packages, mp)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(outDir, "MANIFEST.json"), append(data, '\n'), 0o644)
}

// pinnedVersions reads the exact versions package.json asks for; a range
// such as "^12.3.0" is refused, because npm would then pick any release.
func pinnedVersions() (map[string]string, error) {
	var pj struct{ Dependencies map[string]string }
	if err := readJSON(filepath.Join(npmDir, "package.json"), &pj); err != nil {
		return nil, err
	}
	exact := regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
	for name, v := range pj.Dependencies {
		if !exact.MatchString(v) {
			return nil, fmt.Errorf("package.json: %s %q is not an exact version", name, v)
		}
	}
	return pj.Dependencies, nil
}

// vendor copies or bundles one package into outDir/<name>/, replacing
// what was there, and returns its manifest entry with the files sorted by
// path.
func vendor(p pkg, pins map[string]string) (Package, error) {
	meta, err := installed(p.name, pins)
	if err != nil {
		return Package{}, err
	}
	src := filepath.Join(npmDir, "node_modules", p.name)
	dst := filepath.Join(outDir, p.name)
	if err := os.RemoveAll(dst); err != nil {
		return Package{}, err
	}
	lic, err := licencePath(p.name)
	if err != nil {
		return Package{}, err
	}
	names := map[string]string{licenceFile: lic} // output name → source name
	for _, glob := range p.files {
		matches, err := fs.Glob(os.DirFS(src), glob)
		if err != nil || len(matches) == 0 {
			return Package{}, fmt.Errorf("%s matches no file (%v)", glob, err)
		}
		for _, m := range matches {
			names[strings.TrimPrefix(m, p.strip)] = m
		}
	}
	out := Package{Name: p.name, Version: meta.Version, License: meta.License, TestOnly: p.testOnly}
	for name, from := range names {
		f, err := copyFile(p, filepath.Join(src, filepath.FromSlash(from)), dst, name)
		if err != nil {
			return Package{}, err
		}
		out.Files = append(out.Files, f)
	}
	if p.bundle != nil {
		files, incl, err := p.bundle.make(dst, pins)
		if err != nil {
			return Package{}, err
		}
		out.Files, out.Includes = append(out.Files, files...), incl
	}
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	return out, nil
}

// pkgMeta is what vendor reads from an installed package.json.
type pkgMeta struct{ Version, License string }

// installed reads the installed package name and checks it against the
// version package.json pins, when it pins one: a package that is only a
// dependency of another is pinned by the lock file alone.
func installed(name string, pins map[string]string) (pkgMeta, error) {
	var meta pkgMeta
	if err := readJSON(filepath.Join(npmDir, "node_modules", name, "package.json"), &meta); err != nil {
		return meta, err
	}
	if pinned, ok := pins[name]; ok && meta.Version != pinned {
		return meta, fmt.Errorf("%s: installed version %s, package.json pins %q: run npm ci", name, meta.Version, pinned)
	}
	return meta, nil
}

// licencePath returns the licence file of an installed package, relative
// to its folder.
func licencePath(name string) (string, error) {
	for _, l := range licenceNames {
		if _, err := os.Stat(filepath.Join(npmDir, "node_modules", name, l)); err == nil {
			return l, nil
		}
	}
	return "", fmt.Errorf("%s ships none of %v", name, licenceNames)
}

// copyFile copies from to dst/name, applying the package's fix, and
// returns the manifest entry of what it wrote.
func copyFile(p pkg, from, dst, name string) (File, error) {
	data, err := os.ReadFile(from)
	if err != nil {
		return File{}, err
	}
	if p.fix != nil {
		if data, err = p.fix(name, data); err != nil {
			return File{}, fmt.Errorf("%s: %w", name, err)
		}
	}
	return writeFile(dst, name, data)
}

// writeFile writes data to dst/name and returns its manifest entry.
func writeFile(dst, name string, data []byte) (File, error) {
	to := filepath.Join(dst, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return File{}, err
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(data)
	return File{Path: name, Size: len(data), SHA256: hex.EncodeToString(sum[:])}, nil
}

// fallbackFont matches a woff or ttf entry of an @font-face src list,
// after the woff2 entry that comes first in KaTeX's stylesheet.
var fallbackFont = regexp.MustCompile(`,url\([^)]*\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)`)

// woff2Only drops the woff and ttf fallbacks from katex.min.css, since
// only the woff2 fonts are vendored: the stylesheet then names no file
// that is missing. It fails if the stylesheet's shape has changed.
func woff2Only(name string, data []byte) ([]byte, error) {
	if name != "katex.min.css" {
		return data, nil
	}
	out := fallbackFont.ReplaceAll(data, nil)
	if bytes.Equal(out, data) {
		return nil, errors.New("no woff/ttf fallbacks found: has the stylesheet changed?")
	}
	for _, m := range regexp.MustCompile(`url\(([^)]*)\)`).FindAllSubmatch(out, -1) {
		if path.Ext(string(m[1])) != ".woff2" {
			return nil, fmt.Errorf("still refers to %s", m[1])
		}
	}
	return out, nil
}

func readJSON(name string, v any) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
