package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkJSON runs check --format json on a vault folder.
func checkJSON(t *testing.T, dir string) (jsonReport, int) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s missing under CI: %v", dir, err)
		}
		t.Skip(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"check", dir, "--format", "json"}, &stdout, &stderr)
	var r jsonReport
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	return r, code
}

// problems lists the errors and warnings as "path:line:col code".
func problems(r jsonReport) []string {
	var out []string
	for _, d := range r.Diagnostics {
		if d.Severity != "info" {
			out = append(out, d.Path+":"+strconv.Itoa(d.Line)+":"+strconv.Itoa(d.Column)+" "+d.Code)
		}
	}
	return out
}

// TestCheckHelpVault asserts the exact findings on the official help vault.
// SPEC §12.1 predicts them: the placeholder links [[Example]] (4) and
// [..](Example.md) (2), and the embed of obsidian-cli.mp4, whose file this
// copy lacks. The other missing video (web-clipper-interpreter-demo.mp4)
// is embedded nowhere, so it yields nothing. Infos: 45 links found only
// without case and 5 settled by the own-folder rule, also as SPEC counts.
func TestCheckHelpVault(t *testing.T) {
	t.Parallel()
	r, code := checkJSON(t, "../../../shared/vaults/obsidian-help")
	want := []string{
		"Extending Obsidian/Obsidian CLI.md:9:1 broken-link",
		"Linking notes and files/Internal links.md:154:29 broken-link",
		"Linking notes and files/Internal links.md:155:37 broken-link",
		"Linking notes and files/Internal links.md:162:40 broken-link",
		"Linking notes and files/Internal links.md:163:49 broken-link",
		"Linking notes and files/Internal links.md:168:42 broken-link",
		"Linking notes and files/Internal links.md:169:51 broken-link",
	}
	if diff := cmp.Diff(want, problems(r)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	infos := map[string]int{}
	for _, d := range r.Diagnostics {
		if d.Severity == "info" {
			infos[d.Code]++
		}
	}
	if diff := cmp.Diff(map[string]int{"case-mismatch": 45, "ambiguous-link": 5}, infos); diff != "" {
		t.Errorf("infos (-want +got):\n%s", diff)
	}
	if code != exitFail || r.Summary.Notes != 173 {
		t.Errorf("exit %d, %d notes; want %d, 173", code, r.Summary.Notes, exitFail)
	}
}

// TestCheckBundledVault: the bundled vault's only findings are the seed
// note's seven Markdown links with raw spaces, which vaultsite repairs and
// check asks to fix (SPEC §13). Everything else the seed links to exists.
func TestCheckBundledVault(t *testing.T) {
	t.Parallel()
	r, code := checkJSON(t, "../../vault")
	want := []string{
		"ports.md:24:117 raw-space-link",
		"ports.md:40:232 raw-space-link",
		"ports.md:43:3 raw-space-link",
		"ports.md:45:3 raw-space-link",
		"ports.md:48:3 raw-space-link",
		"ports.md:52:11 raw-space-link",
		"ports.md:52:85 raw-space-link",
	}
	if diff := cmp.Diff(want, problems(r)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if code != exitOK || r.Summary.Infos != 0 {
		t.Errorf("exit %d with %d infos; want 0 and 0", code, r.Summary.Infos)
	}
}
