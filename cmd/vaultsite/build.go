package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/internal/outdir"
	"github.com/vaultsite/vaultsite/site"
)

type buildOptions struct {
	siteFlags
	cacheFlags
	vault   string
	out     string
	all     bool
	headers bool
	dryRun  bool
	format  string // of --dry-run: text or json
	stdout  io.Writer
	stderr  io.Writer
}

func newBuildCmd() *cobra.Command {
	opts := &buildOptions{}
	cmd := &cobra.Command{
		Use:   "build [VAULT]",
		Short: "Publish the vault as a static site",
		Long: `Build writes one page per published note of VAULT into the output folder
(default ./public), with folder and tag pages, and copies
the attachments that published notes use.

The site is written to a new folder beside the output and swapped in only
when the build succeeds, so a failed build leaves the previous site as it
was. The output keeps its mode, a symlinked output stays a link, and the
entries at its root whose names start with a dot (.git, .nojekyll) or
match the "keep" setting (default: CNAME) are carried over to every new
site. The vault itself is never written to: an output that overlaps it,
even through a symlink, is refused.

Notes with "publish: false" or "draft: true" in their frontmatter, notes
excluded by Obsidian's "Excluded files" (userIgnoreFilters), the templates
folder and notes matching --ignore are not published, and nothing of them
appears in the output.

With --dry-run, build writes nothing: it prints on stdout each page it
would publish, each attachment it would copy, each redirect, and each
note, canvas and attachment it would leave out with the rule that does,
as path:line: message lines, or as JSON with --format json.`,
		Example: `  vaultsite build
  vaultsite build ~/Notes -o site --title "My notes"
  vaultsite build ~/Notes --ignore 'Journal/*' --ignore 'Private'
  vaultsite build ~/Notes --dry-run --opt-in`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			vc, err := findVault(args)
			if err != nil {
				return err
			}
			if vc.here && !cmd.Flags().Changed("out") && !opts.dryRun {
				return defaultOutHere(opts.out)
			}
			opts.vault = vc.dir
			opts.stdout, opts.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runBuild(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "out", "o", "public", "output folder, replaced on every build but for dot-entries and the keep setting")
	opts.siteFlags.register(cmd)
	opts.cacheFlags.register(cmd) // cache.go
	f.BoolVar(&opts.headers, "headers", false, "write a _headers file (Netlify, Cloudflare Pages): hashed assets cached for a year")
	f.BoolVar(&opts.all, "all", false, "print every diagnostic, not only the first 50")
	f.BoolVarP(&opts.dryRun, "dry-run", "n", false, "write nothing; print what would be published and what is left out, and why")
	f.StringVar(&opts.format, "format", formatText, "output of --dry-run: text or json")
	return cmd
}

// maxPrinted is how many diagnostics a build prints without --all.
const maxPrinted = 50

func runBuild(cmd *cobra.Command, opts *buildOptions) error {
	switch {
	case opts.format != formatText && opts.format != formatJSON:
		return usageError{fmt.Errorf("--format %q: want text or json", opts.format)}
	case opts.format != formatText && !opts.dryRun:
		return usageError{fmt.Errorf("--format is for --dry-run")}
	}
	fsys, err := openVault(opts.vault)
	if err != nil {
		return err
	}
	cfg, err := opts.settings(fsys, opts.vault)
	if err != nil {
		return err
	}
	bopts := buildOpts(cfg, opts.vault)
	bopts.Headers = bopts.Headers || opts.headers
	if opts.dryRun {
		return runPlan(cmd, opts, fsys, bopts)
	}
	store, err := opts.cacheFlags.open(&bopts, cfg, opts.settingsDir(opts.vault), opts.vault, opts.out, opts.stderr)
	if err != nil {
		return err
	}
	defer closeCache(store, opts.stderr)
	if isTerminal(opts.stderr) {
		bopts.Progress = progressPrinter(opts.stderr)
	}
	var res *build.Result
	err = outdir.Write(opts.out, outdir.Options{Vault: opts.vault, Keep: cfg.KeepNames()}, func(d *outdir.Dir) error {
		var err error
		res, err = build.Build(cmd.Context(), fsys, bopts, d)
		return err
	})
	if bopts.Progress != nil {
		fmt.Fprint(opts.stderr, "\r\033[K")
	}
	if err != nil {
		return err
	}
	printDiags(opts.stderr, res.Diags, opts.all)
	fmt.Fprintf(opts.stderr, "built %d pages, %d attachments, %s%s in %s\n",
		res.Pages, res.Assets, themeSummary(res), countWarnings(res.Diags), res.Took.Round(time.Millisecond))
	return nil
}

// themeSummary names the theme a build shipped and its size, which is
// worth knowing: a theme's stylesheet can be megabytes of embedded fonts.
func themeSummary(res *build.Result) string {
	if res.Theme == "" {
		return ""
	}
	return fmt.Sprintf("theme %q (%s), ", res.Theme, byteSize(res.ThemeBytes))
}

// byteSize writes n bytes for people: "812 B", "48.2 KB", "2.2 MB".
func byteSize(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
}

// openVault checks that dir is a folder and returns it as a file system
// that cannot be escaped: os.Root refuses paths and symlinks that lead
// outside the vault.
func openVault(dir string) (fsys fsRoot, err error) {
	if err := checkVault(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return root.FS(), nil
}

// checkVault fails with a usage error when dir is not a folder.
func checkVault(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return usageError{fmt.Errorf("vault: %w", err)}
	}
	if !st.IsDir() {
		return usageError{fmt.Errorf("vault: %s is not a folder", dir)}
	}
	return nil
}

func siteTitle(title, vault string) string {
	if title != "" {
		return title
	}
	if abs, err := absBase(vault); err == nil {
		return abs
	}
	return "Notes"
}

func printDiags(w io.Writer, diags site.Diagnostics, all bool) {
	for i, d := range diags {
		if i == maxPrinted && !all {
			fmt.Fprintf(w, "… and %d more (use --all to see them)\n", len(diags)-maxPrinted)
			break
		}
		fmt.Fprintln(w, d)
	}
}

func countWarnings(diags site.Diagnostics) string {
	n := diags.Count(site.Warning) + diags.Count(site.Error)
	if n == 1 {
		return "1 warning"
	}
	return fmt.Sprintf("%d warnings", n)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("TERM") != "dumb"
}

// progressPrinter redraws one status line at most every 100 ms.
func progressPrinter(w io.Writer) func(done, total int) {
	var mu sync.Mutex
	var last time.Time
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if done < total && time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		fmt.Fprintf(w, "\rrendering %d/%d pages", done, total)
	}
}
