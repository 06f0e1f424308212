package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"sort"

	"github.com/spf13/cobra"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

// runPlan is "build --dry-run": a build that writes nothing and says what
// it would publish, on stdout, and a summary on stderr.
func runPlan(cmd *cobra.Command, opts *buildOptions, fsys fs.FS, bopts build.Options) error {
	p, err := build.MakePlan(cmd.Context(), fsys, bopts)
	if err != nil {
		return err
	}
	if opts.format == formatJSON {
		if err := writePlanJSON(opts.stdout, opts.vault, bopts, p); err != nil {
			return err
		}
	} else {
		writePlanText(opts.stdout, p)
	}
	notes, canvases, files := 0, 0, 0
	for _, e := range p.Excluded {
		switch site.KindOf(e.Path) {
		case site.KindNote:
			notes++
		case site.KindCanvas:
			canvases++
		default:
			files++
		}
	}
	fmt.Fprintf(opts.stderr, "would write %s: %s, %s, %s; would leave out %s, %s, %s\n",
		plural(len(p.Files), "file"), plural(len(p.Pages), "page"), plural(len(p.Attachments), "attachment"),
		plural(len(p.Redirects), "redirect"), plural(notes, "note"), canvasCount(canvases), plural(files, "attachment"))
	return nil
}

func canvasCount(n int) string {
	if n == 1 {
		return "1 canvas"
	}
	return fmt.Sprintf("%d canvases", n)
}

// planLine is one line of the text plan, sorted by path, then by what it
// says (a page, its redirects, an exclusion), then by line.
type planLine struct {
	path  site.VaultPath
	order int
	line  int
	msg   string
}

// writePlanText prints one line per file of the vault the plan concerns,
// as "path:line: message" with the line left out when the whole file is
// meant, so editors can jump to the key that unpublishes a note:
//
//	Company/About us.md:2: published at about/ (permalink "/About/")
//	Company/About us.md:3: redirect from old/about/ (alias "Old/About")
//	Drafts/x.md:2: not published: draft: true
//	Private/a.md: not published: ignored by Private
//	cover.png: copied
//	old.png: not copied: no published page uses it
//	site-options.json: sets the title: Garden (siteName)
func writePlanText(w io.Writer, p *build.Plan) {
	var lines []planLine
	for _, pg := range p.Pages {
		msg := "published at " + string(pg.Slug.FromRoot())
		if pg.Permalink != "" {
			msg += fmt.Sprintf(" (permalink %q)", pg.Permalink)
		}
		lines = append(lines, planLine{pg.Path, 0, pg.Line, msg})
	}
	for _, r := range p.Redirects {
		why := fmt.Sprintf("alias %q", r.Text)
		if r.Why == "permalink" {
			why = "its path's URL, moved by the permalink"
		}
		lines = append(lines, planLine{r.To.Path, 1, r.Line, fmt.Sprintf("redirect from %s (%s)", r.From.FromRoot(), why)})
	}
	for _, a := range p.Attachments {
		msg := "copied"
		if out := p.AttachmentFiles[a]; string(out) != string(a) {
			msg = "copied to " + string(out)
		}
		lines = append(lines, planLine{a, 0, 0, msg})
	}
	if p.Icon != "" {
		lines = append(lines, planLine{p.Icon, 1, 0, "copied as the site's icon " + string(p.IconOut)})
	}
	for i, l := range p.Look {
		msg := fmt.Sprintf("sets the %s: %s", l.Key, l.Value)
		if f := l.Field(); f != "" {
			msg += " (" + f + ")"
		}
		lines = append(lines, planLine{l.File(), 3 + i, 0, msg})
	}
	for _, e := range p.Excluded {
		verb := "not published"
		switch e.Rule {
		case build.RuleUnused, build.RuleHTMLAttachment, build.RuleInvalidSVG:
			verb = "not copied"
		}
		lines = append(lines, planLine{e.Path, 2, e.Line, verb + ": " + e.Reason})
	}
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if a.path != b.path {
			return a.path < b.path
		}
		if a.order != b.order {
			return a.order < b.order
		}
		return a.line < b.line
	})
	for _, l := range lines {
		fmt.Fprintf(w, "%s: %s\n", site.Pos{Path: l.path, Line: l.line}, site.EscapeUnsafe(l.msg))
	}
}

// planJSON is the documented schema of "build --dry-run --format json",
// version 1. Every list is present (empty, never null) and sorted: pages,
// attachments and excluded by path, redirects by url, files by name.
//
//	{
//	  "version": 1,
//	  "vault": "vault",
//	  "publish": "all",
//	  "baseURL": "https://notes.example.org/",
//	  "pages": [
//	    {"path": "Company/About us.md", "url": "about/", "kind": "note",
//	     "permalink": "/About/", "line": 2}
//	  ],
//	  "attachments": [{"path": "cover.png", "file": "cover.png"}],
//	  "icon": {"path": "favicon.png", "file": "_site/icon.1a2b3c4d.png"},
//	  "redirects": [
//	    {"url": "old/about/", "to": "about/", "path": "Company/About us.md",
//	     "line": 3, "why": "alias", "text": "Old/About"}
//	  ],
//	  "excluded": [
//	    {"path": "Drafts/x.md", "line": 2, "kind": "note", "rule": "draft",
//	     "pattern": "", "reason": "draft: true"}
//	  ],
//	  "files": ["404.html", "about/index.html", "cover.png", "…"],
//	  "look": [
//	    {"key": "title", "value": "Garden", "path": "site-options.json", "field": "siteName"}
//	  ]
//	}
//
// Paths are vault paths; url, to, file and files are relative to the
// site's root. "permalink" is set when a permalink gave the page its URL; "line"
// is the line of the property that decided (0: the whole file). "why" is
// "alias" or "permalink" (the redirect is the note's path's old URL).
// "rule" is publish-false, draft, opt-in, templates-folder,
// user-ignore-filters, ignore, or unused (an attachment no published page
// uses); "pattern" is the folder, filter or glob that matched. "icon" is
// null when the site uses the built-in icon. "look" lists each setting of
// the author's look in the order the build reads them, with the file
// (and the key in it) that made it.
type planJSON struct {
	Version     int                 `json:"version"`
	Vault       string              `json:"vault"`
	Publish     string              `json:"publish"`
	BaseURL     string              `json:"baseURL"`
	Pages       []planJSONPage      `json:"pages"`
	Attachments []planJSONFile      `json:"attachments"`
	Icon        *planJSONFile       `json:"icon"`
	Redirects   []planJSONRedirect  `json:"redirects"`
	Excluded    []planJSONExclusion `json:"excluded"`
	Files       []site.OutPath      `json:"files"`
	Look        []planJSONLook      `json:"look"`
}

type planJSONLook struct {
	Key   string         `json:"key"`
	Value string         `json:"value"`
	Path  site.VaultPath `json:"path"`
	Field string         `json:"field,omitempty"`
}

type planJSONPage struct {
	Path      site.VaultPath `json:"path"`
	URL       site.RelURL    `json:"url"`
	Kind      string         `json:"kind"`
	Permalink string         `json:"permalink,omitempty"`
	Line      int            `json:"line,omitempty"`
}

type planJSONFile struct {
	Path site.VaultPath `json:"path"`
	File site.OutPath   `json:"file,omitempty"`
}

type planJSONRedirect struct {
	URL  site.RelURL    `json:"url"`
	To   site.RelURL    `json:"to"`
	Path site.VaultPath `json:"path"`
	Line int            `json:"line"`
	Why  string         `json:"why"`
	Text string         `json:"text"`
}

type planJSONExclusion struct {
	Path    site.VaultPath `json:"path"`
	Line    int            `json:"line"`
	Kind    string         `json:"kind"`
	Rule    string         `json:"rule"`
	Pattern string         `json:"pattern"`
	Reason  string         `json:"reason"`
}

func fileKind(p site.VaultPath) string {
	switch site.KindOf(p) {
	case site.KindNote:
		return "note"
	case site.KindCanvas:
		return "canvas"
	case site.KindBase:
		return "base"
	}
	return "attachment"
}

func writePlanJSON(w io.Writer, vault string, bopts build.Options, p *build.Plan) error {
	r := planJSON{Version: 1, Vault: vault, Publish: "all", BaseURL: bopts.Site.BaseURL, Pages: []planJSONPage{},
		Attachments: []planJSONFile{}, Redirects: []planJSONRedirect{}, Excluded: []planJSONExclusion{}, Files: p.Files, Look: []planJSONLook{}}
	for _, l := range p.Look {
		r.Look = append(r.Look, planJSONLook{Key: l.Key, Value: l.Value, Path: l.File(), Field: l.Field()})
	}
	if bopts.Load.OptIn {
		r.Publish = "opt-in"
	}
	if r.Files == nil {
		r.Files = []site.OutPath{}
	}
	for _, pg := range p.Pages {
		r.Pages = append(r.Pages, planJSONPage{Path: pg.Path, URL: pg.Slug.FromRoot(), Kind: fileKind(pg.Path), Permalink: pg.Permalink, Line: pg.Line})
	}
	for _, a := range p.Attachments {
		r.Attachments = append(r.Attachments, planJSONFile{Path: a, File: p.AttachmentFiles[a]})
	}
	if p.Icon != "" {
		r.Icon = &planJSONFile{Path: p.Icon, File: p.IconOut}
	}
	for _, rd := range p.Redirects {
		r.Redirects = append(r.Redirects, planJSONRedirect{URL: rd.From.FromRoot(), To: rd.To.Slug.FromRoot(),
			Path: rd.To.Path, Line: rd.Line, Why: rd.Why, Text: rd.Text})
	}
	for _, e := range p.Excluded {
		r.Excluded = append(r.Excluded, planJSONExclusion{Path: e.Path, Line: e.Line, Kind: fileKind(e.Path),
			Rule: e.Rule, Pattern: e.Pattern, Reason: e.Reason})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
