package site

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestLoadDecodesText proves that every note reaches the parser as valid
// UTF-8: UTF-16 with a byte-order mark is decoded, bad bytes become
// U+FFFD with one warning at the first, positions count in the decoded
// text.
func TestLoadDecodesText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		give      string
		want      string
		wantDiags []string
	}{
		{"utf-8 with bom", "\xef\xbb\xbf---\ntitle: T\n---\nb", "---\ntitle: T\n---\nb", nil},
		{"utf-16le with bom", "\xff\xfe-\x00-\x00-\x00\n\x00t\x00:\x00 \x00\xe9\x00\n\x00-\x00-\x00-\x00\r\x00\n\x00=\xd8\x00\xde", "---\nt: é\n---\n😀", nil},
		{"utf-16be with bom and an odd byte", "\xfe\xff\x00a\x00\n\x00b\x00", "a\nb\ufffd", nil},
		{"invalid utf-8", "ok\nab\xffc\xfe\n", "ok\nab\ufffdc\ufffd\n",
			[]string{"n.md:2:3: warning: the note is not valid UTF-8 from here on; each bad byte is shown as U+FFFD (invalid-utf8)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, diags := load(t, map[string]string{"n.md": tt.give}, LoadOptions{})
			if got := string(v.Notes[0].Source); got != tt.want {
				t.Errorf("source = %q, want %q", got, tt.want)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if diff := cmp.Diff(tt.wantDiags, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
	utf16 := "\xff\xfe" + strings.Join(strings.Split("---\ntitle: x\n---\n", ""), "\x00") + "\x00"
	v, _ := load(t, map[string]string{"n.md": utf16}, LoadOptions{})
	if got := v.Notes[0].Props.Title; got != "x" {
		t.Errorf("utf-16 frontmatter: title %q, want %q", got, "x")
	}
}

// openCounter fails any Open of a file named in deny, so a test proves
// that the file is never opened.
type openCounter struct {
	fstest.MapFS
	deny map[string]bool
}

func (f openCounter) Open(name string) (fs.File, error) {
	if f.deny[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f openCounter) ReadFile(name string) ([]byte, error) {
	if f.deny[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadFile(name)
}

// TestLoadTooLargeNotRead proves that a note over the size limit is
// reported from its size alone, without being read.
func TestLoadTooLargeNotRead(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("x", maxNoteSize+1)
	fsys := openCounter{fstest.MapFS{"big.md": {Data: []byte(big)}, "a.md": {Data: []byte("a")}}, map[string]bool{"big.md": true}}
	v, diags, err := Load(context.Background(), fsys, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"big.md: too-large"}, codes(diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if n := v.Note("big.md"); n == nil || n.Source != nil {
		t.Errorf("big.md: want an empty note")
	}
}
