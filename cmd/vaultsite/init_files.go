package main

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"github.com/vaultsite/vaultsite/config"
	"github.com/vaultsite/vaultsite/internal/version"
)

//go:embed initfiles
var initFS embed.FS

// initTemplates quote user text with yamlString: a Go-quoted string is a
// valid YAML double-quoted scalar (both know \n, \", \xNN and \uNNNN), so
// a title like "Notes: 2024" or "#1" stays a string.
var initTemplates = template.Must(template.New("").Funcs(template.FuncMap{"yamlString": strconv.Quote}).
	ParseFS(initFS, "initfiles/*.tmpl"))

// initFile is one file init proposes, by its path on disk.
type initFile struct {
	path string
	why  string
	data []byte
}

// workflowPath is where GitHub looks for workflows, from the repository
// root.
const workflowPath = ".github/workflows/vaultsite.yml"

// initData fills the templates of initfiles/.
type initData struct {
	detected
	BaseURL                       string
	Host                          string
	HostName                      string
	Headers                       bool // the host reads a _headers file
	Version                       string
	Project                       string // the Cloudflare Pages project
	Install, Check, Build, Deploy string
	OutExpr                       string // the output folder as the workflow's YAML names it
	CacheExpr                     string // the build cache's folder, as the YAML names it
}

func initFiles(opts *initOptions, det detected) ([]initFile, error) {
	vaultAbs, err := filepath.Abs(opts.vault)
	if err != nil {
		return nil, err
	}
	root := repoRoot(vaultAbs)
	rel, err := filepath.Rel(root, vaultAbs)
	if err != nil {
		return nil, err
	}
	d := workflowData(opts, det, filepath.ToSlash(rel))
	files := []initFile{
		{path: filepath.Join(opts.vault, config.FileName), why: "settings"},
		{path: filepath.Join(root, filepath.FromSlash(workflowPath)), why: "checks links, builds and publishes"},
	}
	for i, name := range []string{"vaultsite.yaml.tmpl", "workflow.yml.tmpl"} {
		var b bytes.Buffer
		if err := initTemplates.ExecuteTemplate(&b, name, d); err != nil {
			return nil, err
		}
		files[i].data = b.Bytes()
	}
	if rel != "." {
		// The site is built beside the vault, inside the repository.
		path := filepath.Join(root, ".gitignore")
		files = append(files, initFile{path: path, why: "keeps the built site out of git", data: gitignore(path)})
	}
	return files, nil
}

// workflowData says how the workflow runs vaultsite for a vault at rel in
// its repository. A vault at the root gets its site built in the runner's
// temporary folder, since a build never writes inside its vault; a vault
// in a folder gets it built at the repository's public/.
func workflowData(opts *initOptions, det detected, rel string) initData {
	d := initData{detected: det, BaseURL: opts.baseURL, Host: opts.host, Version: installVersion()}
	d.HostName = map[string]string{"pages": "GitHub Pages", "netlify": "Netlify", "cloudflare": "Cloudflare Pages"}[opts.host]
	d.Headers = opts.host == "netlify" || opts.host == "cloudflare"
	d.Project = projectName(det.Title)
	d.Install = "go install github.com/vaultsite/vaultsite/cmd/vaultsite@" + d.Version
	out, shellOut, arg := "${{ runner.temp }}/site", `"$RUNNER_TEMP/site"`, ""
	if rel != "." {
		out, shellOut, arg = "public", "public", " "+rel
	}
	d.OutExpr, d.CacheExpr = out, "${{ runner.temp }}/vaultsite-cache"
	d.Check = "vaultsite check" + arg + " --format github"
	d.Build = "vaultsite build" + arg + " -o " + shellOut + ` --cache-dir "$RUNNER_TEMP/vaultsite-cache"`
	d.Deploy = "npx --yes netlify-cli@27 deploy --no-build --prod --dir " + shellOut
	return d
}

// installVersion is the version the workflow installs: this binary's own
// when it is a release, so CI builds what the author previews; else the
// newest.
func installVersion() string {
	v := version.Get().Version
	if regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(v) {
		return v
	}
	return "latest"
}

var nonProject = regexp.MustCompile(`[^a-z0-9]+`)

// projectName turns a title into a Cloudflare Pages project name: lower
// case letters, digits and dashes.
func projectName(title string) string {
	p := strings.Trim(nonProject.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if p == "" {
		return "notes"
	}
	return p
}

// gitignoreLines keep the site a vault in a folder of its repository is
// built into, and the copy of it the next build reuses, out of git.
var gitignoreLines = []string{"/public/", "/.public.previous/"}

// gitignore is the .gitignore at path with the lines it lacks added at its
// end, so that the diff of an existing file shows only those.
func gitignore(path string) []byte {
	old, _ := os.ReadFile(path)
	have := map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	var add []string
	for _, l := range gitignoreLines {
		if !have[l] {
			add = append(add, l)
		}
	}
	if len(add) == 0 {
		return old
	}
	out := string(old)
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	out += "# vaultsite's output, and the copy of it the next build reuses\n" + strings.Join(add, "\n") + "\n"
	return []byte(out)
}

// repoRoot is the nearest folder at or above dir that holds .git, else dir.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			return dir
		}
		d = up
	}
}

// writeDiff prints the lines of want missing from old with "+" and those
// of old that want lacks with "-", in order: enough to see what init
// would have written, for files a few dozen lines long.
func writeDiff(w io.Writer, name, old, want string) {
	a, b := strings.SplitAfter(old, "\n"), strings.SplitAfter(want, "\n")
	fmt.Fprintf(w, "--- %s\n+++ %s (vaultsite init)\n", name, name)
	lcs := lcsTable(a, b)
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(w, "+%s", ensureNL(b[j]))
			j++
		default:
			fmt.Fprintf(w, "-%s", ensureNL(a[i]))
			i++
		}
	}
}

// lcsTable[i][j] is the length of the longest common subsequence of a[i:]
// and b[j:].
func lcsTable(a, b []string) [][]int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	return t
}

func ensureNL(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}
