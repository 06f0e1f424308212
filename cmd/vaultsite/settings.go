package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/config"
	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// siteFlags are the settings every command shares; each overrides the
// same key of vaultsite.yaml.
type siteFlags struct {
	config  string
	title   string
	baseURL string
	ignore  []string
	optIn   bool
}

func (f *siteFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "settings file (default: vaultsite.yaml at the vault root, if present)")
	fl.StringVar(&f.title, "title", "", "site title (default: the vault folder's name)")
	fl.StringVar(&f.baseURL, "base-url", "", "absolute URL the site is published at, for the sitemap, feed and canonical links")
	fl.StringArrayVar(&f.ignore, "ignore", nil, "glob of vault paths not to publish (repeatable)")
	fl.BoolVar(&f.optIn, "opt-in", false, `publish only notes with "publish: true"`)
}

// settings reads the settings file and lays the flags over it.
func (f *siteFlags) settings(fsys fs.FS, vault string) (config.Config, error) {
	var cfg config.Config
	var err error
	if f.config != "" {
		cfg, err = config.Load(os.DirFS(filepath.Dir(f.config)), filepath.Base(f.config), false)
	} else {
		cfg, err = config.Load(fsys, config.FileName, true)
	}
	if err != nil {
		return cfg, err
	}
	if f.title != "" {
		cfg.Title = f.title
	}
	if f.baseURL != "" {
		if !strings.Contains(f.baseURL, "://") {
			return cfg, usageError{fmt.Errorf("--base-url %q is not an absolute URL", f.baseURL)}
		}
		cfg.BaseURL = f.baseURL
	}
	cfg.Ignore = append(cfg.Ignore, f.ignore...)
	if f.optIn {
		cfg.Publish = config.PublishOptIn
	}
	return cfg, nil
}

// buildOptions turns settings into the options of a build. The title
// is the settings' or the flag's, else Obsidian Publish's siteName, else
// the vault folder's name.
func buildOpts(cfg config.Config, vault string) build.Options {
	return build.Options{
		Load: site.LoadOptions{Ignore: cfg.Ignore, OptIn: cfg.Publish == config.PublishOptIn, Home: cfg.Home,
			NoPublishOptions: cfg.PublishFiles == build.Off},
		Site:         templates.SiteInfo{Title: cfg.Title, Lang: cfg.Language, BaseURL: cfg.BaseURL},
		Headers:      cfg.Headers,
		DefaultTitle: siteTitle("", vault),
		Look: build.LookOptions{Theme: cfg.Theme, Snippets: cfg.Snippets, Publish: cfg.PublishFiles,
			RemoteImports: cfg.ThemeRemoteImports, StackedPages: cfg.StackedPages},
		EmbedBudget:       cfg.EmbedBytes(),
		NewestFirst:       cfg.ListingOrder == "newest",
		RemoteStylesheets: cfg.HTML.RemoteStylesheets, HTMLAttachments: cfg.HTML.PublishAttachments,
	}
}
