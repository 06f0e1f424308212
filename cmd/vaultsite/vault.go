package main

import (
	"io/fs"
	"path/filepath"
)

// fsRoot is the vault as the build reads it.
type fsRoot = fs.FS

func absBase(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.Base(abs), nil
}
