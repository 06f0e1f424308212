package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var site1 = map[string]string{"index.html": "home", "a/index.html": "A"}

// TestWriteKeeps: a deploy repository's .git folder and its CNAME, in a
// folder the user made or in vaultsite's own output, survive builds as
// they were (moved, not copied), while files of neither kind go.
func TestWriteKeeps(t *testing.T) {
	t.Parallel()
	for _, userMade := range []bool{true, false} {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		opts := Options{Keep: []string{"CNAME"}}
		if !userMade {
			if err := Write(out, opts, writeFiles(site1, false)); err != nil {
				t.Fatal(err)
			}
		}
		mustWrite(t, filepath.Join(out, ".git", "HEAD"), "ref: refs/heads/pages\n")
		mustWrite(t, filepath.Join(out, "CNAME"), "notes.example.org\n")
		head, err := os.Stat(filepath.Join(out, ".git", "HEAD"))
		if err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			if err := Write(out, opts, writeFiles(site1, false)); err != nil {
				t.Fatalf("user-made %v, build %d: %v", userMade, i, err)
			}
		}
		want := map[string]string{".git/HEAD": "ref: refs/heads/pages\n", "CNAME": "notes.example.org\n"}
		for p, v := range site1 {
			want[p] = v
		}
		sameTree(t, readTree(t, out), want)
		if now, err := os.Stat(filepath.Join(out, ".git", "HEAD")); err != nil || !os.SameFile(head, now) {
			t.Errorf("user-made %v: .git/HEAD was not moved across (%v)", userMade, err)
		}
	}
}

// TestWriteKeepsNothingElse: without a keep setting, a CNAME goes with
// the rest of the old site; dot-entries stay.
func TestWriteKeepsNothingElse(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, Options{}, writeFiles(site1, false)); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(out, "CNAME"), "x")
	mustWrite(t, filepath.Join(out, ".nojekyll"), "")
	if err := Write(out, Options{}, writeFiles(site1, false)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{".nojekyll": ""}
	for p, v := range site1 {
		want[p] = v
	}
	sameTree(t, readTree(t, out), want)
}

// TestWriteRefusesKeptNames: the site may not make a name the user keeps,
// and the output stays as it was.
func TestWriteRefusesKeptNames(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Keep: []string{"CNAME", "*.txt"}}
	if err := Write(out, opts, writeFiles(site1, false)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"CNAME/index.html", "robots.txt", ".well-known/x", ".vaultsite-output"} {
		err := Write(out, opts, writeFiles(map[string]string{p: "x"}, false))
		if err == nil || !strings.Contains(err.Error(), "kept") {
			t.Errorf("emitting %s: %v, want a refusal", p, err)
		}
	}
	sameTree(t, readTree(t, out), site1)
}

// TestWriteKeepsMode: the output folder keeps the mode it had, whoever
// made it.
func TestWriteKeepsMode(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o700); err != nil { // whatever the umask
		t.Fatal(err)
	}
	for i := range 2 {
		if err := Write(out, Options{}, writeFiles(site1, false)); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("build %d: mode %v, want 0700", i, fi.Mode().Perm())
		}
	}
}

// TestWriteThroughSymlink: a symlinked output stays a link, and the
// folder it points to holds the site.
func TestWriteThroughSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real, out := filepath.Join(dir, "deploy", "site"), filepath.Join(dir, "public")
	if err := os.MkdirAll(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("deploy", "site"), out); err != nil {
		t.Skip("no symlinks here:", err)
	}
	mustWrite(t, filepath.Join(real, ".git", "HEAD"), "head")
	want := map[string]string{".git/HEAD": "head"}
	for p, v := range site1 {
		want[p] = v
	}
	for i := range 2 {
		if err := Write(out, Options{}, writeFiles(site1, false)); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(out); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("build %d: %s is no longer a symlink (%v)", i, out, err)
		}
		sameTree(t, readTree(t, real), want)
	}
	if _, err := os.Lstat(filepath.Join(dir, "deploy", ".site.previous")); err != nil {
		t.Errorf("the previous output is not beside the folder the link points to: %v", err)
	}
}

// TestWriteRefusesDanglingSymlink: a link to nothing is not replaced by
// a folder.
func TestWriteRefusesDanglingSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := os.Symlink(filepath.Join(dir, "gone"), out); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := Write(out, Options{}, writeFiles(site1, false)); !errors.Is(err, ErrUnsafe) {
		t.Errorf("Write = %v, want a refusal", err)
	}
}

func TestValidKeep(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		give string
		want bool
	}{
		{"CNAME", true},
		{"*.txt", true},
		{"robots.txt", true},
		{"a/b", false},
		{"", false},
		{"[", false},
	} {
		if got := ValidKeep(tt.give) == nil; got != tt.want {
			t.Errorf("ValidKeep(%q) ok = %v, want %v", tt.give, got, tt.want)
		}
	}
}
