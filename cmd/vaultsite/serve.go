package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/serve"
)

type serveOptions struct {
	siteFlags
	cacheFlags
	vault   string
	bind    string
	hosts   []string // --host: more names the browser may use
	port    int
	portSet bool // --port was given: a busy port is an error, not a hint
	stdout  io.Writer
	stderr  io.Writer
}

// defaultPort is the preview's port when --port is not given; the next
// free one is used when it is busy.
const defaultPort = 8080

func newServeCmd() *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [VAULT]",
		Short: "Serve a live preview of the vault",
		Long: `Serve builds VAULT in memory, serves it at
http://127.0.0.1:8080/ and rebuilds on every save. An open page reloads
when it changed, keeping its scroll position, and shows the warnings of
its note until they are fixed. Nothing is written to disk. Settings
(vaultsite.yaml and the flags below) are read once, at the start.

The preview listens on the loopback address only, unless --bind names
another. When port 8080 is busy the next free port is used; a port given
with --port must be free.

Against DNS rebinding, the preview answers only requests addressed to
localhost, to an IP address, to the --bind name or to a name given with
--host; any other Host gets 403 Forbidden.`,
		Example: `  vaultsite serve
  vaultsite serve ~/Notes --port 3000
  vaultsite serve ~/Notes --bind 0.0.0.0   # reachable from the network
  vaultsite serve ~/Notes --bind 0.0.0.0 --host notes.lan`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			vc, err := findVault(args)
			if err != nil {
				return err
			}
			opts.vault = vc.dir
			opts.portSet = cmd.Flags().Changed("port")
			opts.stdout, opts.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runServe(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.IntVarP(&opts.port, "port", "p", defaultPort, "port to listen on (0: any free port)")
	f.StringVar(&opts.bind, "bind", "127.0.0.1", "address to listen on; anything but loopback exposes the vault")
	f.StringArrayVar(&opts.hosts, "host", nil, "also answer requests for this host name (repeatable); localhost and IP addresses always work")
	opts.siteFlags.register(cmd)
	opts.cacheFlags.register(cmd) // cache.go
	return cmd
}

// runServe serves until ctx is cancelled (Ctrl-C), then stops gracefully
// and returns nil. It fails when the vault cannot be read or watched or
// the port cannot be opened.
func runServe(ctx context.Context, opts *serveOptions) error {
	if opts.port < 0 || opts.port > 65535 {
		return usageError{fmt.Errorf("--port %d: not a port number", opts.port)}
	}
	if opts.bind == "" {
		return usageError{fmt.Errorf("--bind: empty address")}
	}
	for _, h := range opts.hosts {
		if h == "" || strings.ContainsAny(h, "/:@ \t") {
			return usageError{fmt.Errorf("--host %q: want a host name without scheme or port (IP addresses are always allowed)", h)}
		}
	}
	fsys, err := openLiveVault(opts.vault)
	if err != nil {
		return err
	}
	cfg, err := opts.settings(fsys, opts.vault)
	if err != nil {
		return err
	}
	bopts := buildOpts(cfg, opts.vault)
	store, err := opts.cacheFlags.open(&bopts, cfg, opts.settingsDir(opts.vault), opts.vault, "", opts.stderr)
	if err != nil {
		return err
	}
	defer closeCache(store, opts.stderr)
	s := build.NewLive(fsys, bopts)
	s.LayoutLater = true // the preview settles it in the background
	s.Settings = func() (build.Options, error) {
		cfg, err := opts.settings(fsys, opts.vault)
		next := buildOpts(cfg, opts.vault)
		next.Cache = bopts.Cache // the cache opened at the start, wherever cacheDir now says
		return next, err
	}
	ln, err := serve.Listen(opts.bind, opts.port, opts.portSet)
	if err != nil {
		return err
	}
	if got := ln.Addr().(*net.TCPAddr).Port; opts.port != 0 && got != opts.port {
		fmt.Fprintf(opts.stderr, "port %d is in use; using %d\n", opts.port, got)
	}
	if !isLoopback(opts.bind) {
		fmt.Fprintf(opts.stderr, "warning: listening on %s, so other machines can read the site\n", opts.bind)
	}
	return serve.Run(ctx, ln, serve.Config{
		Vault:  opts.vault,
		Live:   s,
		Log:    opts.stderr,
		Hosts:  append([]string{opts.bind}, opts.hosts...),
		Reopen: fsys.Reopen,
		Ready: func(string) {
			fmt.Fprintf(opts.stdout, "serving %s at %s (Ctrl-C to stop)\n", opts.vault, browseURL(ln.Addr()))
		},
	})
}

// isLoopback reports whether host only accepts connections from this
// machine.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// browseURL is the address to open in a browser: an unspecified address
// (0.0.0.0, ::) is not one, so it is shown as localhost.
func browseURL(addr net.Addr) string {
	a := addr.(*net.TCPAddr)
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(a.Port)) + "/"
}
