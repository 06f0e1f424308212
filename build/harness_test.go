package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/vaultsite/vaultsite/site"
)

// The one harness of build's tests: a vault is a txtar archive, a file
// of testdata/ (vaultFile) or a string in the test (vaultArchive); a
// build of it lands in memory (buildSite); its output is checked line by
// line (assertOutput). A folder on disk, such as the help vault, goes
// through buildDir.
//
// An archive's comment, before its first file, may give files a
// modification time, one line each, for the notes dated by their file:
//
//	mtime Notes/B.md 2024-05-01T12:00:00Z

// vaultFile returns the vault of testdata/name.txtar, a fresh copy that
// the test may change.
func vaultFile(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return vaultArchive(t, string(data))
}

// vaultArchive returns the vault held in a txtar archive.
func vaultArchive(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	ar := txtar.Parse([]byte(archive))
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		fields := strings.Fields(line)
		if len(fields) != 3 || fields[0] != "mtime" {
			continue
		}
		when, err := time.Parse(time.RFC3339, fields[2])
		if fsys[fields[1]] == nil || err != nil {
			t.Fatalf("archive comment %q: no such file, or a bad time: %v", line, err)
		}
		fsys[fields[1]].ModTime = when
	}
	return fsys
}

// buildSite builds the vault in fsys into memory, failing t on an error.
func buildSite(t testing.TB, fsys fs.FS, opts Options) (*Result, *MemEmitter) {
	t.Helper()
	em := NewMemEmitter()
	res, err := Build(context.Background(), fsys, opts, em)
	if err != nil {
		t.Fatal(err)
	}
	return res, em
}

// buildDir builds the vault in the folder dir, which tests outside the
// repository (the help vault) may lack: then the test is skipped, but
// under CI it fails.
func buildDir(t testing.TB, dir string, opts Options) (*Result, *MemEmitter) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("vault %s missing under CI: %v", dir, err)
		}
		t.Skipf("vault %s not here: %v", dir, err)
	}
	return buildSite(t, os.DirFS(dir), opts)
}

// assertOutput checks that the output file p holds each line of want,
// or, for a line starting with "! ", does not hold the rest of it.
func assertOutput(t testing.TB, em *MemEmitter, p site.OutPath, want string) {
	t.Helper()
	data, ok := em.Files[p]
	if !ok {
		t.Fatalf("%s was not emitted; have %v", p, em.Paths())
	}
	for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
		if s, neg := strings.CutPrefix(line, "! "); neg {
			if strings.Contains(string(data), s) {
				t.Errorf("%s holds %q", p, s)
			}
		} else if !strings.Contains(string(data), line) {
			t.Errorf("%s lacks %q", p, line)
		}
	}
}
