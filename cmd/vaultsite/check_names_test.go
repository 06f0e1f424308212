package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evilName is a note name with the characters that attack a terminal
// (ESC, BEL, CR) and a CI log (a newline that starts a workflow command).
const evilName = "x\x1b[2J\a\rspoof\n::warning::pwned.md"

// checkEvil runs check with format on a vault whose note evilName has a
// broken link, with the vault given as an absolute path.
func checkEvil(t *testing.T, format string) (stdout, stderr string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, evilName), []byte("see [[nope]]\n"), 0o644); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"check", dir, "--format", format}, &out, &errb); code != exitFail {
		t.Fatalf("check --format %s = %d, want %d; stderr %q", format, code, exitFail, errb.String())
	}
	return out.String(), errb.String()
}

// noControls fails when s holds a control character other than the
// newlines between lines, or a line that starts a workflow command
// (unless commands is set: GitHub's own output is only such lines, and
// their file property keeps the name's characters but CR and LF).
func noControls(t *testing.T, what, s string, commands bool) {
	t.Helper()
	bad := func(r rune) bool { return r < 0x20 || r == 0x7f }
	if commands {
		bad = func(r rune) bool { return r == '\r' }
	}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if i := strings.IndexFunc(line, bad); i >= 0 {
			t.Errorf("%s: control character %q in line %q", what, line[i], line)
		}
		if strings.HasPrefix(line, "::") != commands {
			t.Errorf("%s: line %q (workflow command: want %v)", what, line, commands)
		}
	}
}

func TestCheckTextQuotesNames(t *testing.T) {
	t.Parallel()
	_, stderr := checkEvil(t, formatText)
	noControls(t, "text", stderr, false)
	want := `"x\x1b[2J\a\rspoof\n::warning::pwned.md":1:5: error: broken link "nope": no such note (broken-link)` + "\n"
	if !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr =\n%s\nwant it to start with\n%s", stderr, want)
	}
}

func TestCheckJSONKeepsNames(t *testing.T) {
	t.Parallel()
	stdout, _ := checkEvil(t, formatJSON)
	var r jsonReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Path != evilName {
		t.Errorf("diagnostics = %+v, want one for %q", r.Diagnostics, evilName)
	}
	noControls(t, "json", stdout, false)
}

func TestCheckGitHubEscapesNames(t *testing.T) {
	t.Parallel()
	stdout, _ := checkEvil(t, formatGitHub)
	noControls(t, "github", stdout, true)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "::error file=") {
		t.Fatalf("stdout = %q, want one error command", stdout)
	}
	want := "/x\x1b[2J\a%0Dspoof%0A%3A%3Awarning%3A%3Apwned.md,line=1,col=5,title=broken-link::broken link \"nope\": no such note"
	if !strings.HasSuffix(lines[0], want) {
		t.Errorf("command = %q, want it to end with %q", lines[0], want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	if got, want := ghEscapeData("50% done\r\nnext"), "50%25 done%0D%0Anext"; got != want {
		t.Errorf("ghEscapeData = %q, want %q", got, want)
	}
	if got, want := ghEscapeProp("a,b:c%\n"), "a%2Cb%3Ac%25%0A"; got != want {
		t.Errorf("ghEscapeProp = %q, want %q", got, want)
	}
}

// TestCheckSARIFRelative checks that SARIF locations are relative to
// the vault, with the vault folder as their base, when the vault is
// given as an absolute path.
func TestCheckSARIFRelative(t *testing.T) {
	t.Parallel()
	stdout, _ := checkEvil(t, formatSARIF)
	var log sarifLog
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 1 {
		t.Fatalf("results = %+v", run.Results)
	}
	loc := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	wantURI := "x%1B%5B2J%07%0Dspoof%0A::warning::pwned.md"
	if loc.URI != wantURI || loc.URIBaseID != vaultBaseID {
		t.Errorf("location = %+v, want %q relative to %s", loc, wantURI, vaultBaseID)
	}
	base := run.OriginalURIBaseIDs[vaultBaseID].URI
	if !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("base %s = %q, want the vault folder's file URI", vaultBaseID, base)
	}
}
