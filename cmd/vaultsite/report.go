package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// The output formats of check. Text is for people and editors, json for
// tools, github for workflow annotations, sarif for code scanning.
const (
	formatText   = "text"
	formatJSON   = "json"
	formatGitHub = "github"
	formatSARIF  = "sarif"
)

// jsonReport is the documented schema of "check --format json":
//
//	{
//	  "version": 1,
//	  "vault": "vault",
//	  "summary": {"notes": 40, "links": 297, "errors": 0, "warnings": 7, "infos": 0},
//	  "diagnostics": [
//	    {"path": "ports.md", "line": 21, "column": 4, "severity": "warning",
//	     "code": "raw-space-link", "message": "…"}
//	  ]
//	}
//
// path is relative to the vault, with "/"; line and column are 1-based,
// the column counts characters; a whole-file finding has line 0.
type jsonReport struct {
	Version     int              `json:"version"`
	Vault       string           `json:"vault"`
	Summary     jsonSummary      `json:"summary"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonSummary struct {
	Notes    int `json:"notes"`
	Links    int `json:"links"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

type jsonDiagnostic struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

func summarize(diags site.Diagnostics, notes, links int) jsonSummary {
	return jsonSummary{Notes: notes, Links: links, Errors: diags.Count(site.Error),
		Warnings: diags.Count(site.Warning), Infos: diags.Count(site.Info)}
}

func writeJSON(w io.Writer, vault string, diags site.Diagnostics, sum jsonSummary) error {
	r := jsonReport{Version: 1, Vault: vault, Summary: sum, Diagnostics: []jsonDiagnostic{}}
	for _, d := range diags {
		r.Diagnostics = append(r.Diagnostics, jsonDiagnostic{Path: string(d.Pos.Path), Line: d.Pos.Line,
			Column: d.Pos.Col, Severity: d.Severity.String(), Code: d.Code, Message: d.Msg})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// writeGitHub prints workflow commands that GitHub shows as annotations
// on the changed files. The path is joined to the vault folder, since
// annotations name files from the repository root. Each command is one
// line whatever the file is called: CR and LF are escaped as GitHub's
// toolkit escapes them, so no name can start a command of its own. The
// path keeps its other characters, or the annotation would name another
// file; the message, ours to word, has its control characters escaped.
func writeGitHub(w io.Writer, vault string, diags site.Diagnostics) {
	for _, d := range diags {
		level := map[site.Severity]string{site.Error: "error", site.Warning: "warning", site.Info: "notice"}[d.Severity]
		props := "file=" + ghEscapeProp(joinVault(vault, d.Pos.Path))
		if d.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			props += fmt.Sprintf(",col=%d", d.Pos.Col)
		}
		props += ",title=" + ghEscapeProp(d.Code)
		fmt.Fprintf(w, "::%s %s::%s\n", level, props, ghEscapeData(site.EscapeUnsafe(d.Msg)))
	}
}

func joinVault(vault string, p site.VaultPath) string {
	v := strings.TrimSuffix(strings.ReplaceAll(vault, "\\", "/"), "/")
	if v == "" || v == "." {
		return string(p)
	}
	return v + "/" + string(p)
}

// ghEscapeData and ghEscapeProp follow the escaping of GitHub's toolkit
// (core/command.ts), so messages with "%", newlines, ":" or "," survive.
func ghEscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghEscapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
