package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// TestCheckCases runs each testdata/check/*.txtar: the files of a vault,
// plus "args" (extra arguments, one line), "stdout" and "stderr" with the
// exact expected output and "exit" with the exit code. The duration in the
// summary line is replaced by "in T".
func TestCheckCases(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/check/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			want := map[string]string{}
			for _, f := range ar.Files {
				switch f.Name {
				case "args", "stdout", "stderr", "exit":
					want[f.Name] = string(f.Data)
					continue
				}
				writeFile(t, filepath.Join(dir, "vault", f.Name), f.Data)
			}
			args := append([]string{"check", filepath.Join(dir, "vault")}, strings.Fields(want["args"])...)
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), args, &stdout, &stderr)
			got := map[string]string{"stdout": tidy(stdout.String(), dir), "stderr": tidy(stderr.String(), dir), "exit": strconv.Itoa(code) + "\n"}
			for _, k := range []string{"stdout", "stderr", "exit"} {
				if w, ok := want[k]; ok {
					if diff := cmp.Diff(w, got[k]); diff != "" {
						t.Errorf("%s (-want +got):\n%s", k, diff)
					}
				}
			}
		})
	}
}

var durationRE = regexp.MustCompile(` in [0-9.]+[µnm]?s\n`)

// tidy makes output comparable: no durations, no temp folder.
func tidy(s, dir string) string {
	s = durationRE.ReplaceAllString(s, " in T\n")
	return strings.ReplaceAll(s, dir, "TMP")
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
