package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

type initOptions struct {
	siteFlags
	vault  string
	yes    bool
	host   string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// Hosts that init writes a deploy recipe for.
var initHosts = []string{"pages", "netlify", "cloudflare", "none"}

func newInitCmd() *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [VAULT]",
		Short: "Write a settings file, a CI workflow and .gitignore lines for the vault",
		Long: `Init prepares a vault for publishing. It writes, after showing what it
will write and only when you confirm (or with --yes):

  vaultsite.yaml            the settings it detected: title, language,
                            publish mode, baseURL (from --base-url)
  .github/workflows/vaultsite.yml
                            checks links on pull requests, and on the
                            default branch builds and publishes the site
  .gitignore                the output folders, when the vault is a
                            folder of a larger repository

The workflow and .gitignore go to the root of the git repository that holds
the vault (the vault itself when it is in none). Init never overwrites a
file: where one exists and differs, it prints the difference instead. It
never touches a note.`,
		Example: `  vaultsite init
  vaultsite init --host netlify --base-url https://notes.example.org/
  vaultsite init ~/Notes --yes`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			vc, err := findVault(args)
			if err != nil {
				return err
			}
			opts.vault = vc.dir
			opts.stdin, opts.stdout, opts.stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runInit(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&opts.yes, "yes", "y", false, "write without asking")
	f.StringVar(&opts.host, "host", "pages", "where the workflow publishes: "+strings.Join(initHosts, ", "))
	f.StringVar(&opts.baseURL, "base-url", "", "absolute URL the site will be published at")
	f.StringVar(&opts.title, "title", "", "site title (default: detected)")
	return cmd
}

func runInit(opts *initOptions) error {
	if !slices.Contains(initHosts, opts.host) {
		return usageError{fmt.Errorf("--host %q: want %s", opts.host, strings.Join(initHosts, ", "))}
	}
	if opts.baseURL != "" && !strings.Contains(opts.baseURL, "://") {
		return usageError{fmt.Errorf("--base-url %q is not an absolute URL", opts.baseURL)}
	}
	fsys, err := openVault(opts.vault)
	if err != nil {
		return err
	}
	det := detect(fsys, opts.vault)
	if opts.title != "" {
		det.Title, det.TitleFrom = opts.title, "from --title"
	}
	files, err := initFiles(opts, det)
	if err != nil {
		return err
	}
	todo := reviewFiles(opts.stdout, files)
	if len(todo) == 0 {
		fmt.Fprintln(opts.stderr, "nothing to write")
		return nil
	}
	if !opts.yes && !confirm(opts.stdin, opts.stderr) {
		return errors.New("nothing written (answer y, or run with --yes)")
	}
	for _, f := range todo {
		if err := writeNew(f.path, f.data); err != nil {
			return err
		}
		fmt.Fprintf(opts.stderr, "wrote %s\n", f.path)
	}
	return nil
}

// reviewFiles prints what init would do with each file and returns those
// to write: the missing ones. An existing file that differs gets a diff
// and is left as it is.
func reviewFiles(w io.Writer, files []initFile) []initFile {
	var todo []initFile
	for _, f := range files {
		old, err := os.ReadFile(f.path)
		switch {
		case errors.Is(err, os.ErrNotExist):
			fmt.Fprintf(w, "will write %s (%s)\n", f.path, f.why)
			todo = append(todo, f)
		case err != nil:
			fmt.Fprintf(w, "cannot read %s: %v; leaving it\n", f.path, err)
		case string(old) == string(f.data):
			fmt.Fprintf(w, "%s is up to date\n", f.path)
		default:
			fmt.Fprintf(w, "%s exists and differs; leaving it. What init would write:\n", f.path)
			writeDiff(w, f.path, string(old), string(f.data))
		}
	}
	return todo
}

func confirm(in io.Reader, w io.Writer) bool {
	fmt.Fprint(w, "Write these files? [y/N] ")
	line, _ := bufio.NewReader(in).ReadString('\n')
	ans := strings.ToLower(strings.TrimSpace(line))
	return ans == "y" || ans == "yes"
}

// writeNew creates path with data and fails when it exists: between the
// review and the write a file may have appeared, and init never
// overwrites.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
