package browsertest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/chromedp/chromedp"
)

// axeDir is axe-core's vendored folder, relative to the module root.
// templates/jsdeps writes it and lists it, marked testOnly, in the
// manifest beside it; templates does not embed it, so no binary or site
// carries it, and the tests read it from the source tree instead.
const axeDir = "templates/assets/thirdparty"

// axeFile is the script the tests inject, inside axeDir/axe-core.
const axeFile = "axe.min.js"

// loadAxe reads axe-core's script once and checks it against the
// SHA-256 the manifest gives, so the tests run the pinned engine and
// not a file edited by hand.
var loadAxe = sync.OnceValues(func() (string, error) {
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("browsertest: cannot locate the source tree")
	}
	dir := filepath.Join(filepath.Dir(self), "..", "..", filepath.FromSlash(axeDir))
	var m struct {
		Packages []struct {
			Name  string
			Files []struct{ Path, SHA256 string }
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "MANIFEST.json"))
	if err != nil {
		return "", err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return "", fmt.Errorf("MANIFEST.json: %w", err)
	}
	script, err := os.ReadFile(filepath.Join(dir, "axe-core", axeFile))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(script)
	for _, p := range m.Packages {
		for _, f := range p.Files {
			if p.Name == "axe-core" && f.Path == axeFile && f.SHA256 == hex.EncodeToString(sum[:]) {
				return string(script), nil
			}
		}
	}
	return "", fmt.Errorf("%s/axe-core/%s does not match MANIFEST.json: run go generate ./templates", axeDir, axeFile)
})

// AxeViolation is one rule that axe-core found broken on a page, with
// the elements that break it.
type AxeViolation struct {
	ID     string    // the rule, "color-contrast"
	Impact string    // "minor", "moderate", "serious" or "critical"
	Help   string    // what the rule asks, in a sentence
	Nodes  []AxeNode // the offending elements
}

// AxeNode is one element that breaks a rule.
type AxeNode struct {
	Target  []string // the CSS selector that finds it
	HTML    string   // its opening tag, as axe quotes it
	Summary string   // axe's failure summary: how to fix it
}

// axeRun runs every rule axe enables by default on the whole document
// and returns the violations only, trimmed to what a report needs.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	ID: v.id, Impact: v.impact || "", Help: v.help,
	Nodes: v.nodes.map(n => ({Target: n.target.map(String), HTML: n.html, Summary: n.failureSummary || ""})),
})))`

// axeTimeout bounds one axe run. Checking the colour contrast of every
// element of a long page takes seconds on a busy 2-core machine, so it
// gets four steps' time.
const axeTimeout = 4 * StepTimeout

// Axe runs axe-core 4 on the tab's current page, injecting it first
// when the page does not have it yet, and returns what it found broken,
// each rule once with its elements. A page that cannot run axe fails the
// test.
func Axe(tab *Tab) []AxeViolation {
	tab.t.Helper()
	script, err := loadAxe()
	if err != nil {
		tab.t.Fatal(err)
	}
	if !Eval[bool](tab, `typeof window.axe === "object"`) {
		Eval[chromedp.Void](tab, script+"\n;void 0")
	}
	ctx, cancel := context.WithTimeout(tab.ctx, axeTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]AxeViolation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		tab.t.Fatalf("axe: %v", err)
	}
	return v
}
