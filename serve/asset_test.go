package serve

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

// clipBytes is a stand-in for a video: every byte differs from its
// neighbours, so a range from the wrong offset shows.
func clipBytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/251)
	}
	return b
}

// TestPreviewServesAttachmentsFromDisk plays a video as a browser does,
// by ranges: the preview answers 206 with the asked bytes, read from the
// vault, and holds none of the video in its snapshot.
func TestPreviewServesAttachmentsFromDisk(t *testing.T) {
	t.Parallel()
	clip := clipBytes(300_000)
	p := startPreview(t, map[string]string{"index.md": "# Home\n\n![[media/clip.mp4]]\n", "media/clip.mp4": string(clip)})
	snap := p.site.Current()
	if _, inMemory := snap.Files["media/clip.mp4"]; inMemory {
		t.Error("the video is held in memory")
	}
	if f, ok := snap.Assets["media/clip.mp4"]; !ok || f.Size != int64(len(clip)) {
		t.Errorf("snapshot attachment = %+v, %v; want the video's file", f, ok)
	}
	resp := getRange(t, p.url+"media/clip.mp4", "bytes=100000-100999")
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent || !bytes.Equal(body, clip[100000:101000]) {
		t.Errorf("range 100000-100999: %d, %d bytes, equal %v; want 206 and those bytes", resp.StatusCode, len(body), bytes.Equal(body, clip[100000:101000]))
	}
	if got, want := resp.Header.Get("Content-Range"), "bytes 100000-100999/300000"; got != want {
		t.Errorf("Content-Range = %q, want %q", got, want)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "video/mp4" {
		t.Errorf("Content-Type = %q, want video/mp4", ct)
	}
	resp = getRange(t, p.url+"media/clip.mp4", "bytes=-10")
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent || !bytes.Equal(body, clip[len(clip)-10:]) {
		t.Errorf("last 10 bytes: %d %v", resp.StatusCode, body)
	}
	code, whole := p.get(t, "media/clip.mp4")
	if code != 200 || whole != string(clip) {
		t.Errorf("whole video: %d, %d bytes", code, len(whole))
	}
}

// TestHandlerRefusesSwappedAttachment serves a snapshot whose published
// attachments were replaced after the build by a symbolic link to a file
// outside the vault and by a FIFO: neither is served (nor does the FIFO
// hang the request), while an untouched one is.
func TestHandlerRefusesSwappedAttachment(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	vault := filepath.Join(dir, "vault")
	writeFile(t, filepath.Join(vault, "ok.png"), "PNG")
	writeFile(t, filepath.Join(dir, "secret.txt"), "TOP SECRET")
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(vault, "pic.png")); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(filepath.Join(vault, "fifo.png")); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	snap := &build.Snapshot{FS: os.DirFS(vault), Files: map[site.OutPath][]byte{}, Assets: map[site.OutPath]build.AssetFile{
		"ok.png": {Name: "ok.png"}, "pic.png": {Name: "pic.png"}, "fifo.png": {Name: "fifo.png"},
	}}
	h := NewHandler(fakeSource{snap}, NewHub())
	if rec := get(h, "/ok.png"); rec.Code != 200 || rec.Body.String() != "PNG" {
		t.Errorf("GET /ok.png = %d %q", rec.Code, rec.Body)
	}
	for _, path := range []string{"/pic.png", "/fifo.png"} {
		if rec := get(h, path); rec.Code != http.StatusNotFound || bytes.Contains(rec.Body.Bytes(), []byte("TOP SECRET")) {
			t.Errorf("GET %s = %d %q, want 404", path, rec.Code, rec.Body)
		}
	}
}

func getRange(t *testing.T, url, rng string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Range", rng)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}
