package serve

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

// serveAsset answers with the published attachment f, read from the
// vault fsys when it is asked for rather than held in memory (a vault
// may keep gigabytes of video), through http.ServeContent, so range
// requests work and a video can be played from any point. fsys is the
// vault the build read, an os.Root in the preview, so no name leads
// outside it. The file must still be a regular file, opened as such: a
// symbolic link put in its place since the build is not followed, and
// neither is a FIFO, which would block the request. It reports false,
// having written nothing, when the file cannot be served so; the
// caller then answers as for a file the site does not have.
func serveAsset(w http.ResponseWriter, r *http.Request, fsys fs.FS, out site.OutPath, af build.AssetFile) bool {
	f, st, err := openRegular(fsys, af.Name)
	if err != nil {
		return false
	}
	defer f.Close()
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		return false
	}
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(out))
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Cache-Control", "no-cache") // attachments change under one name
	http.ServeContent(w, r, "", st.ModTime(), rs)
	return true
}

// errNotRegular refuses a vault file that is not a regular file.
var errNotRegular = errors.New("not a regular file")

// openRegular opens name in fsys when it is a regular file, and not a
// symbolic link to one, and returns it with its information. The check
// before opening keeps FIFOs and links out; the one after catches a
// file swapped for a link in between.
func openRegular(fsys fs.FS, name string) (fs.File, fs.FileInfo, error) {
	before, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil, nil, err
	}
	if !before.Mode().IsRegular() {
		return nil, nil, errNotRegular
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err == nil && (!st.Mode().IsRegular() || !sameFile(before, st)) {
		err = errNotRegular
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// sameFile reports whether a and b describe one file: by device and
// inode when the file system is the operating system's, else (a file
// system in memory, which has no links) by size and time.
func sameFile(a, b fs.FileInfo) bool {
	if os.SameFile(a, b) {
		return true
	}
	if a.Sys() == nil || b.Sys() == nil {
		return a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
	}
	return false
}
