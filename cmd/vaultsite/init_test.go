package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v4"
)

var updateInit = flag.Bool("update-init", false, "rewrite testdata/init/ from what init writes")

// initVault makes a vault with .obsidian/ in a git repository of its own
// (or in a folder of one, when sub is not ""), and returns the repository
// root and the vault.
func initVault(t *testing.T, sub string, notes map[string]string) (root, vault string) {
	t.Helper()
	root = t.TempDir()
	vault = filepath.Join(root, sub)
	writeFile(t, filepath.Join(root, ".git", "HEAD"), []byte("ref: refs/heads/main\n"))
	writeFile(t, filepath.Join(vault, ".obsidian", "app.json"), []byte("{}"))
	for name, text := range notes {
		writeFile(t, filepath.Join(vault, name), []byte(text))
	}
	return root, vault
}

func runArgs(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestInitWrites runs init on fresh vaults and compares every file it
// writes with testdata/init/<case>/, byte for byte.
func TestInitWrites(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		sub   string
		notes map[string]string
		args  []string
	}{
		{name: "pages", notes: map[string]string{"a.md": "The notes and the links of this vault.\n"}},
		{name: "netlify-opt-in", notes: map[string]string{
			"a.md": "---\npublish: true\n---\nDie Notizen und der Text, das ist nicht mit dem.\n",
			"b.md": "Privat und nicht für die Welt.\n"},
			args: []string{"--host", "netlify", "--base-url", "https://notes.example.org/"}},
		{name: "cloudflare-ja", notes: map[string]string{"設定.md": "設定を開きます。ノートを書きます。\n"},
			args: []string{"--host", "cloudflare", "--title", "My Notes"}},
		{name: "none-subfolder", sub: "notes", notes: map[string]string{"a.md": "Text.\n"}, args: []string{"--host", "none"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			root, vault := initVault(t, tt.sub, tt.notes)
			_, stderr, code := runArgs(t, append([]string{"init", vault, "--yes"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, rel := range []string{filepath.Join(tt.sub, "vaultsite.yaml"), workflowPath, ".gitignore"} {
				got, err := os.ReadFile(filepath.Join(root, rel))
				golden := filepath.Join("testdata", "init", tt.name, strings.ReplaceAll(rel, "/", "_"))
				if *updateInit {
					if err == nil {
						writeFile(t, golden, got)
					} else {
						os.Remove(golden)
					}
					continue
				}
				want, werr := os.ReadFile(golden)
				if (err == nil) != (werr == nil) {
					t.Errorf("%s: written %v, expected %v", rel, err == nil, werr == nil)
					continue
				}
				if diff := cmp.Diff(string(want), string(got)); diff != "" {
					t.Errorf("%s (-want +got):\n%s", rel, diff)
				}
			}
		})
	}
}

// TestInitNeverOverwrites runs init where the files exist: it writes
// nothing, and prints the difference for the one that differs.
func TestInitNeverOverwrites(t *testing.T) {
	t.Parallel()
	root, vault := initVault(t, "", map[string]string{"a.md": "x\n"})
	mine := []byte("title: Mine\n")
	writeFile(t, filepath.Join(vault, "vaultsite.yaml"), mine)
	if _, stderr, code := runArgs(t, "init", vault, "--yes"); code != 0 {
		t.Fatalf("first init: exit %d: %s", code, stderr)
	}
	flow := filepath.Join(root, workflowPath)
	before, _ := os.ReadFile(flow)
	stdout, stderr, code := runArgs(t, "init", vault, "--yes", "--host", "netlify")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(vault, "vaultsite.yaml")); !bytes.Equal(got, mine) {
		t.Errorf("vaultsite.yaml overwritten:\n%s", got)
	}
	if got, _ := os.ReadFile(flow); !bytes.Equal(got, before) {
		t.Errorf("workflow overwritten")
	}
	for _, want := range []string{"vaultsite.yaml exists and differs", "-title: Mine\n", "+title: \"", "+        run: npx --yes netlify-cli@27", "-        uses: actions/upload-pages-artifact@v3"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "nothing to write") {
		t.Errorf("stderr = %q", stderr)
	}
}

// TestInitAsksFirst: without --yes and without a "y" on standard input,
// init writes nothing.
func TestInitAsksFirst(t *testing.T) {
	t.Parallel()
	root, vault := initVault(t, "", map[string]string{"a.md": "x\n"})
	cmd := newInitCmd()
	cmd.SetArgs([]string{vault})
	cmd.SetIn(strings.NewReader("n\n"))
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "nothing written") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, workflowPath)); err == nil {
		t.Error("workflow written without confirmation")
	}
	cmd = newInitCmd()
	cmd.SetArgs([]string{vault})
	cmd.SetIn(strings.NewReader("y\n"))
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, workflowPath)); err != nil {
		t.Error("workflow not written after y")
	}
}

// pinnedActions are the actions the workflows may use, at the major
// version they are pinned to: each exists at that version.
var pinnedActions = map[string]string{
	"actions/checkout": "v4", "actions/setup-go": "v5", "actions/cache": "v4",
	"actions/upload-pages-artifact": "v3", "actions/deploy-pages": "v4",
	"actions/upload-artifact": "v4", "cloudflare/wrangler-action": "v3",
}

// TestInitWorkflows parses every workflow init writes as YAML, checks
// each step's action against pinnedActions, and requires each run: line
// to be a command the README documents.
func TestInitWorkflows(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, host := range initHosts {
		d := workflowData(&initOptions{host: host}, detected{Title: "Notes"}, ".")
		var b bytes.Buffer
		if err := initTemplates.ExecuteTemplate(&b, "workflow.yml.tmpl", d); err != nil {
			t.Fatal(err)
		}
		var flow struct {
			Jobs map[string]struct {
				Steps []struct {
					Uses string `yaml:"uses"`
					Run  string `yaml:"run"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal(b.Bytes(), &flow); err != nil {
			t.Fatalf("%s: %v\n%s", host, err, b.String())
		}
		if len(flow.Jobs) == 0 {
			t.Fatalf("%s: no jobs", host)
		}
		for job, j := range flow.Jobs {
			for _, s := range j.Steps {
				checkStep(t, host+"/"+job, s.Uses, s.Run, string(readme))
			}
		}
	}
}

var actionRef = regexp.MustCompile(`^([\w.-]+/[\w.-]+)@(v\d+)$`)

func checkStep(t *testing.T, where, uses, run, readme string) {
	t.Helper()
	if uses != "" {
		m := actionRef.FindStringSubmatch(uses)
		if m == nil || pinnedActions[m[1]] != m[2] {
			t.Errorf("%s: uses %q, not a known action at its pinned major version", where, uses)
		}
	}
	if run != "" && !strings.Contains(readme, run) {
		t.Errorf("%s: run %q is not a command the README documents", where, run)
	}
}
