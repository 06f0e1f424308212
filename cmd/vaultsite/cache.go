package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/config"
	"github.com/vaultsite/vaultsite/internal/cache"
)

// cacheFlags choose the build cache of build and serve.
type cacheFlags struct {
	dir string
	off bool
}

func (f *cacheFlags) register(cmd *cobra.Command) {
	f.registerDir(cmd)
	cmd.Flags().BoolVar(&f.off, "no-cache", false, "neither read nor write the build cache")
}

func (f *cacheFlags) registerDir(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.dir, "cache-dir", "", "keep the build cache here (default: cacheDir of the settings, else the user cache directory)")
}

// where returns the cache folder of vault: --cache-dir; else the
// settings' cacheDir, relative to the settings file's folder (cfgDir);
// else the user's cache directory. It refuses a folder inside the vault
// or inside the output folder out ("" for none).
func (f *cacheFlags) where(cfg config.Config, cfgDir, vault, out string) (string, error) {
	dir := f.dir
	switch {
	case dir != "":
	case cfg.CacheDir != "" && filepath.IsAbs(cfg.CacheDir):
		dir = cfg.CacheDir
	case cfg.CacheDir != "":
		dir = filepath.Join(cfgDir, cfg.CacheDir)
	default:
		var err error
		if dir, err = cache.DefaultDir(vault); err != nil {
			return "", err
		}
	}
	if err := cache.CheckOutside(dir, vault, "the vault"); err != nil {
		return "", usageError{err}
	}
	if out == "" {
		return dir, nil
	}
	if err := cache.CheckOutside(dir, out, "the output folder"); err != nil {
		return "", usageError{err}
	}
	return dir, nil
}

// open opens the cache of vault, built into out, and sets it in bopts; with --no-cache it
// returns nil and leaves bopts without one. A cache the user named that
// cannot be opened, or lies inside the vault, is an error; the default
// one is only worth a warning on stderr, since a build needs no cache (a
// CI runner may have no home directory, a vault may hold the user's
// cache directory). The caller closes the store, which keeps the cache within
// its bound.
func (f *cacheFlags) open(bopts *build.Options, cfg config.Config, cfgDir, vault, out string, stderr io.Writer) (*cache.Store, error) {
	if f.off {
		return nil, nil
	}
	dir, err := f.where(cfg, cfgDir, vault, out)
	named := f.dir != "" || cfg.CacheDir != ""
	if err == nil {
		var s *cache.Store
		if s, err = cache.Open(dir, cache.Options{}); err == nil {
			bopts.Cache = s
			return s, nil
		}
	}
	if named {
		return nil, err
	}
	fmt.Fprintf(stderr, "warning: building without a cache: %v\n", err)
	return nil, nil
}

// closeCache closes s, warning on stderr when it could not keep the
// bound: the site is built all the same.
func closeCache(s *cache.Store, stderr io.Writer) {
	if err := s.Close(); err != nil {
		fmt.Fprintf(stderr, "warning: %v\n", err)
	}
}

// settingsDir is the folder a relative cacheDir of the settings is
// relative to: the settings file's.
func (f *siteFlags) settingsDir(vault string) string {
	if f.config != "" {
		return filepath.Dir(f.config)
	}
	return vault
}

type cacheOptions struct {
	siteFlags
	cacheFlags
	vault          string
	stdout, stderr io.Writer
}

func newCacheCmd() *cobra.Command {
	opts := &cacheOptions{}
	cmd := &cobra.Command{
		Use:   "cache [VAULT]",
		Short: "Print where the build cache of the vault is, and how big",
		Long: `Cache prints the folder where build and serve keep what they made from
a vault (highlighted code, rendered notes, the graph's layout, the search
index), so a rebuild that changed little does little work, then how many
entries it holds and their size. The cache is content-addressed: its
entries never go stale, and a damaged one is made again. It is bounded
to 1 GiB; the least recently used entries go first.

The folder is --cache-dir, else cacheDir in vaultsite.yaml, else a folder
of the user cache directory named after the vault's path. "cache clean"
empties it.`,
		Example: `  vaultsite cache
  vaultsite cache ~/Notes --cache-dir .cache/vaultsite
  vaultsite cache clean ~/Notes`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := opts.find(cmd, args)
			if err != nil {
				return err
			}
			u, err := cache.Measure(dir)
			if err != nil {
				return err
			}
			fmt.Fprintf(opts.stdout, "%s\n%d entries, %s\n", dir, u.Entries, byteSize(int(u.Bytes)))
			return nil
		},
	}
	opts.registerDir(cmd)
	cmd.Flags().StringVar(&opts.config, "config", "", "settings file (default: vaultsite.yaml at the vault root, if present)")
	cmd.AddCommand(newCacheCleanCmd())
	return cmd
}

func newCacheCleanCmd() *cobra.Command {
	opts := &cacheOptions{}
	cmd := &cobra.Command{
		Use:   "clean [VAULT]",
		Short: "Empty the build cache of the vault",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := opts.find(cmd, args)
			if err != nil {
				return err
			}
			u, err := cache.Measure(dir)
			if err != nil {
				return err
			}
			if err := cache.Clean(dir); err != nil {
				return err
			}
			fmt.Fprintf(opts.stderr, "removed %d entries, %s, from %s\n", u.Entries, byteSize(int(u.Bytes)), dir)
			return nil
		},
	}
	opts.registerDir(cmd)
	cmd.Flags().StringVar(&opts.config, "config", "", "settings file (default: vaultsite.yaml at the vault root, if present)")
	return cmd
}

// find returns the cache folder of the vault args name.
func (opts *cacheOptions) find(cmd *cobra.Command, args []string) (string, error) {
	vc, err := findVault(args)
	if err != nil {
		return "", err
	}
	opts.vault = vc.dir
	opts.stdout, opts.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
	fsys, err := openVault(opts.vault)
	if err != nil {
		return "", err
	}
	cfg, err := opts.settings(fsys, opts.vault)
	if err != nil {
		return "", err
	}
	return opts.where(cfg, opts.settingsDir(opts.vault), opts.vault, "")
}
