package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vaultsite/vaultsite/internal/version"
	"github.com/vaultsite/vaultsite/site"
)

// Exit codes: 0 success, 1 a failed build or check, 2 a usage error, or
// a vault that check could not read.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// errFailed is returned by a command that already reported why it failed
// (a check with errors); run prints nothing more for it.
var errFailed = errors.New("failed")

// usageError marks errors that exit with 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// ioError marks a failure to read the vault, which check exits with 2
// for: its verdict on links it could not read would be a guess.
type ioError struct{ err error }

func (e ioError) Error() string { return e.err.Error() }
func (e ioError) Unwrap() error { return e.err }

// run builds the command tree, executes args and maps the outcome to an
// exit code. Errors are printed once, here, prefixed "vaultsite: ".
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := &cobra.Command{
		Use:   "vaultsite",
		Short: "Publish an Obsidian vault as a fast static site",
		Long: `vaultsite turns an Obsidian vault into a static website, serves a live
preview while you write, and checks every link the way Obsidian resolves it.

With no VAULT argument, commands use the current folder when it is a
vault (it holds .obsidian/ or vaultsite.yaml), else ./vault.`,
		Version:       version.Get().Short(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate(version.Get().Long())
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newBuildCmd(), newCheckCmd(), newServeCmd(), newInitCmd(), newVersionCmd(), newCacheCmd())
	return exitCode(root.ExecuteContext(ctx), stderr)
}

// exitCode prints err, unless a command already reported it, and maps
// it to the exit code.
func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	var ie ioError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFailed):
		return exitFail
	case errors.As(err, &ue) || isCobraUsage(err):
		fmt.Fprintf(stderr, "vaultsite: %s\nRun 'vaultsite --help' for usage.\n", site.EscapeUnsafe(err.Error()))
		return exitUsage
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "vaultsite: %s\n", site.EscapeUnsafe(err.Error()))
		return exitUsage
	}
	// An error may name a file of the vault, whose name may hold control
	// characters.
	fmt.Fprintf(stderr, "vaultsite: %s\n", site.EscapeUnsafe(err.Error()))
	return exitFail
}

// isCobraUsage recognises cobra's own errors for unknown commands and
// wrong argument counts, which it does not type.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "unknown flag", "unknown shorthand"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
