package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// failFS is a vault whose named files, or folders, cannot be read: the
// stand-in for a permission error, which root (as under CI) never gets.
type failFS struct {
	fstest.MapFS
	fail map[string]bool
}

var errDenied = errors.New("permission denied")

func (f failFS) Open(name string) (fs.File, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errDenied}
	}
	return f.MapFS.Open(name)
}

func (f failFS) ReadFile(name string) ([]byte, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errDenied}
	}
	return f.MapFS.ReadFile(name)
}

func (f failFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errDenied}
	}
	return f.MapFS.ReadDir(name)
}

// TestCheckUnreadableExits2 proves that check exits with 2, as the
// README says of I/O errors, when a note or the vault's folder cannot
// be read, after reporting what it could.
func TestCheckUnreadableExits2(t *testing.T) {
	t.Parallel()
	vault := fstest.MapFS{"a.md": {Data: []byte("[[b]]\n")}, "b.md": {Data: []byte("text\n")}}
	tests := []struct {
		name       string
		fail       string
		wantStderr string
	}{
		{"note", "b.md", "b.md: warning: cannot read: permission denied (unreadable)\n"},
		{"vault", ".", "vaultsite: load: readdir .: permission denied\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			opts := &checkOptions{vault: "v", format: formatText, stdout: &stdout, stderr: &stderr}
			err := checkFS(context.Background(), opts, failFS{MapFS: vault, fail: map[string]bool{tt.fail: true}})
			if code := exitCode(err, &stderr); code != exitUsage {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantStderr, stderr.String())
			}
		})
	}
}
