package main

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// SARIF 2.1.0, the subset code scanning reads: one run, one rule per
// diagnostic code, one result per diagnostic with a physical location.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult            `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// vaultBaseID names the vault folder in SARIF: each location is relative
// to it, and the run says where it is (originalUriBaseIds).
const vaultBaseID = "VAULT"

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// codeDescriptions name each diagnostic code for the SARIF rule list.
var codeDescriptions = map[string]string{
	"broken-link":         "A link or embed names no note or attachment of the vault",
	"missing-heading":     "A link names a heading its note does not have",
	"missing-block":       "A link names a block id its note does not have",
	"unpublished-link":    "A published note links to a note that is not published",
	"raw-space-link":      "A Markdown link has raw spaces in its destination",
	"ambiguous-link":      "Several files match a link; Obsidian's tie-break picked one",
	"case-mismatch":       "A link matches its file only when case is ignored",
	"embed-cycle":         "Embeds that embed themselves",
	"invalid-frontmatter": "Frontmatter that is not valid YAML",
	"duplicate-key":       "A property given twice in frontmatter",
	"invalid-property":    "A tags, aliases or cssclasses value that is a list or mapping where text belongs",
	"invalid-tag":         "A tag in frontmatter that Obsidian would not read as a tag",
	"slug-collision":      "A note or attachment would take a URL or file that is already taken",
	"long-name":           "A name too long for a file name; its URL is shortened",
	"invalid-utf8":        "A note that is not valid UTF-8",
	"embed-budget":        "A page's embeds hold more than embedBudget; the rest show as links",
	"unreadable":          "A file of the vault could not be read",
	"unclosed-comment":    "A %% comment that is never closed",
	"nesting-too-deep":    "Blocks nested deeper than 100 levels, shown as text",
	"invalid-canvas":      "A .canvas file that is not valid JSON Canvas",
	"external-link":       "An external URL that does not answer with success",
	"html-attachment":     "A link to an HTML attachment, which is not published without html.publishAttachments",
}

// writeSARIF writes diags as a SARIF log. Locations are relative to the
// vault, whatever form the vault argument had, with the vault's folder as
// their base (a file URI), so the log names the same files from any
// working folder and never holds a path of this machine in a location.
func writeSARIF(w io.Writer, vault string, diags site.Diagnostics) error {
	codes := map[string]bool{}
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "vaultsite", InformationURI: "https://github.com/vaultsite/vaultsite"}}, Results: []sarifResult{}}
	if abs, err := filepath.Abs(vault); err == nil {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{vaultBaseID: {URI: fileURI(abs)}}
	}
	for _, d := range diags {
		codes[d.Code] = true
		loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(string(d.Pos.Path)), URIBaseID: vaultBaseID}}
		if d.Pos.Line > 0 {
			loc.Region = &sarifRegion{StartLine: d.Pos.Line, StartColumn: d.Pos.Col}
		}
		level := map[site.Severity]string{site.Error: "error", site.Warning: "warning", site.Info: "note"}[d.Severity]
		run.Results = append(run.Results, sarifResult{RuleID: d.Code, Level: level, Message: sarifMessage{d.Msg},
			Locations: []sarifLocation{{PhysicalLocation: loc}}})
	}
	ids := make([]string, 0, len(codes))
	for c := range codes {
		ids = append(ids, c)
	}
	sort.Strings(ids)
	for _, id := range ids {
		desc := codeDescriptions[id]
		if desc == "" {
			desc = id
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: id, ShortDescription: sarifMessage{desc}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

// fileURI is the file URI of the folder abs, ending with a slash, as a
// base that relative URIs resolve against.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/…
	}
	return "file://" + strings.TrimSuffix(sarifURI(p), "/") + "/"
}

// sarifURI percent-encodes each path segment: SARIF locations are URIs.
func sarifURI(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}
