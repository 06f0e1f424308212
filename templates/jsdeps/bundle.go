package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"
)

// bundleTarget is the JavaScript the bundles may use: what every browser
// with WebGL2 has run since 2020. Fixed, so a newer esbuild does not
// change the output by itself.
var bundleTarget = api.ES2020

// make builds the bundle into dst and copies the licence of each included
// package beside it. It returns the files written and the included
// packages, for the manifest.
func (b *bundle) make(dst string, pins map[string]string) ([]File, []Included, error) {
	data, err := b.build()
	if err != nil {
		return nil, nil, err
	}
	f, err := writeFile(dst, b.out, data)
	if err != nil {
		return nil, nil, err
	}
	files := []File{f}
	var incl []Included
	for _, name := range b.includes {
		meta, err := installed(name, pins)
		if err != nil {
			return nil, nil, err
		}
		lic, err := licencePath(name)
		if err != nil {
			return nil, nil, err
		}
		data, err := os.ReadFile(filepath.Join(npmDir, "node_modules", name, lic))
		if err != nil {
			return nil, nil, err
		}
		f, err := writeFile(dst, licenceFile+"-"+name, data)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
		incl = append(incl, Included{Name: name, Version: meta.Version, License: meta.License})
	}
	return files, incl, nil
}

// build runs esbuild on the entry module, resolving imports from
// node_modules, and returns one minified IIFE.
func (b *bundle) build() ([]byte, error) {
	dir, err := filepath.Abs(npmDir)
	if err != nil {
		return nil, err
	}
	res := api.Build(api.BuildOptions{
		Stdin:             &api.StdinOptions{Contents: b.entry, ResolveDir: dir, Sourcefile: "entry.js", Loader: api.LoaderJS},
		Bundle:            true,
		Format:            api.FormatIIFE,
		GlobalName:        b.global,
		Platform:          api.PlatformBrowser,
		Target:            bundleTarget,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsNone, // the licence files travel beside the bundle
		Charset:           api.CharsetUTF8,
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`},
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		var errs []error
		for _, m := range res.Errors {
			errs = append(errs, fmt.Errorf("esbuild: %s", m.Text))
		}
		return nil, errors.Join(errs...)
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("esbuild wrote %d files, want 1", len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}
