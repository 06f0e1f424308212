package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/spf13/cobra"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/config"
	"github.com/vaultsite/vaultsite/site"
)

type checkOptions struct {
	siteFlags
	vault    string
	format   string
	strict   bool
	all      bool
	verbose  bool
	external bool
	cache    string
	stdout   io.Writer
	stderr   io.Writer
}

func newCheckCmd() *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [VAULT]",
		Short: "Check every link of the vault the way Obsidian resolves it",
		Long: `Check parses and resolves the whole vault with the same
parser and resolver as build, writes no HTML, and reports each problem as
path:line:col: severity: message (code), the position at the link's first
character.

Errors: broken-link (no such note or file), missing-heading, missing-block,
unpublished-link (a published note links to one that is not published).
Warnings: raw-space-link (a Markdown link with raw spaces that only
vaultsite repairs), embed-cycle, embed-budget, invalid-frontmatter,
duplicate-key, invalid-property, invalid-tag, slug-collision, long-name,
invalid-utf8, unclosed-comment, nesting-too-deep, invalid-canvas, unreadable,
html-attachment (a link to an HTML page of the vault, not published without
html.publishAttachments). Infos (shown with --verbose or in
json/sarif): ambiguous-link (settled by Obsidian's tie-break),
case-mismatch. vaultsite.yaml can change any code's severity:

  check:
    severity:
      raw-space-link: error
      case-mismatch: off

Exit status: 0 without errors, 1 with errors (or warnings under --strict),
2 on usage errors or when a file or the vault could not be read.`,
		Example: `  vaultsite check
  vaultsite check ~/Notes --strict
  vaultsite check ~/Notes --format github
  vaultsite check ~/Notes --format sarif > vaultsite.sarif`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			vc, err := findVault(args)
			if err != nil {
				return err
			}
			opts.vault = vc.dir
			opts.stdout, opts.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runCheck(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", formatText, "output: text, json, github or sarif")
	f.BoolVar(&opts.strict, "strict", false, "fail on warnings too")
	f.BoolVar(&opts.all, "all", false, "print every finding, not only the first 50 (text)")
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "also print infos (text)")
	f.BoolVar(&opts.external, "external", false, "also check external http(s) links over the network")
	f.StringVar(&opts.cache, "external-cache", "", "file that remembers external results for a day (with --external)")
	opts.siteFlags.register(cmd)
	return cmd
}

func runCheck(cmd *cobra.Command, opts *checkOptions) error {
	switch opts.format {
	case formatText, formatJSON, formatGitHub, formatSARIF:
	default:
		return usageError{fmt.Errorf("--format %q: want text, json, github or sarif", opts.format)}
	}
	fsys, err := openVault(opts.vault)
	if err != nil {
		return err
	}
	return checkFS(cmd.Context(), opts, fsys)
}

// checkFS checks the vault in fsys and reports on opts' streams. A
// vault whose folder, or any of whose files, could not be read is an
// ioError, after the findings are reported.
func checkFS(ctx context.Context, opts *checkOptions, fsys fs.FS) error {
	start := time.Now()
	cfg, err := opts.settings(fsys, opts.vault)
	if err != nil {
		return usageError{err}
	}
	bopts := buildOpts(cfg, opts.vault)
	a, err := build.Analyze(ctx, fsys, bopts)
	if err != nil {
		return ioError{err}
	}
	embeds, err := build.CheckEmbeds(ctx, a, bopts)
	if err != nil {
		return err
	}
	linkDiags, err := a.Graph.Check(ctx)
	if err != nil {
		return err
	}
	diags := append(append(a.Diags, linkDiags...), embeds...)
	if opts.external {
		ext, err := checkExternal(ctx, a, opts.cache)
		if err != nil {
			return err
		}
		diags = append(diags, ext...)
	}
	lost := unreadable(diags)
	diags = applySeverities(diags, cfg)
	diags.RemoveMultiples()
	links := 0
	for _, n := range a.Vault.Notes {
		links += len(n.Links)
	}
	sum := summarize(diags, len(a.Vault.Notes), links)
	if err := report(opts, diags, sum, time.Since(start)); err != nil {
		return err
	}
	if lost > 0 {
		return ioError{fmt.Errorf("%s could not be read", plural(lost, "file"))}
	}
	if sum.Errors > 0 || opts.strict && sum.Warnings > 0 {
		return errFailed
	}
	return nil
}

// unreadable counts the files the load could not read, whatever
// severity vaultsite.yaml gives them.
func unreadable(diags site.Diagnostics) int {
	n := 0
	for _, d := range diags {
		if d.Code == "unreadable" {
			n++
		}
	}
	return n
}

// applySeverities changes or drops diagnostics by the severities of
// vaultsite.yaml.
func applySeverities(diags site.Diagnostics, cfg config.Config) site.Diagnostics {
	out := diags[:0]
	for _, d := range diags {
		if s, ok := cfg.Check.Severity[d.Code]; ok {
			sev, on, _ := site.ParseSeverity(s)
			if !on {
				continue
			}
			d.Severity = sev
		}
		out = append(out, d)
	}
	return out
}

func report(opts *checkOptions, diags site.Diagnostics, sum jsonSummary, took time.Duration) error {
	switch opts.format {
	case formatJSON:
		return writeJSON(opts.stdout, opts.vault, diags, sum)
	case formatSARIF:
		return writeSARIF(opts.stdout, opts.vault, diags)
	case formatGitHub:
		writeGitHub(opts.stdout, opts.vault, diags)
	default:
		printed := 0
		for _, d := range diags {
			if d.Severity == site.Info && !opts.verbose {
				continue
			}
			if printed == maxPrinted && !opts.all {
				fmt.Fprintf(opts.stderr, "… more findings not shown (use --all)\n")
				break
			}
			fmt.Fprintln(opts.stderr, d)
			printed++
		}
	}
	fmt.Fprintf(opts.stderr, "checked %s, %s: %s, %s, %s in %s\n", plural(sum.Notes, "note"), plural(sum.Links, "link"),
		plural(sum.Errors, "error"), plural(sum.Warnings, "warning"), plural(sum.Infos, "info"), took.Round(time.Millisecond))
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
