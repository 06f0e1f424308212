package build

import (
	"fmt"
	"io/fs"
	"maps"
	"sync"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// AssetFile is a published attachment that a Snapshot does not hold:
// the preview reads it from the vault when it is asked for, since a
// vault may keep gigabytes of video. Size and ModTime are the file's
// when it was published, so a rebuild can tell that it changed.
type AssetFile struct {
	Name    string // the file's name in the snapshot's FS (site.Vault.FSName)
	Size    int64
	ModTime time.Time
}

func (f AssetFile) same(o AssetFile) bool {
	return f.Name == o.Name && f.Size == o.Size && f.ModTime.Equal(o.ModTime)
}

// assetEmitter is an Emitter that takes attachments as files of the
// vault instead of their bytes: the builder then reads no attachment
// but SVG files, which it sanitises (attachments.go).
type assetEmitter interface {
	Emitter
	EmitAsset(p site.OutPath, f AssetFile) error
}

// refEmitter keeps pages in memory and attachments as AssetFiles: the
// emitter of Live.
type refEmitter struct {
	*MemEmitter
	mu     sync.Mutex
	Assets map[site.OutPath]AssetFile
}

var _ assetEmitter = (*refEmitter)(nil)

func newRefEmitter() *refEmitter {
	return &refEmitter{MemEmitter: NewMemEmitter(), Assets: map[site.OutPath]AssetFile{}}
}

// EmitAsset records f under p; p must not be written twice.
func (e *refEmitter) EmitAsset(p site.OutPath, f AssetFile) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, dup := e.Assets[p]; dup {
		return fmt.Errorf("emit %s: written twice", p)
	}
	e.Assets[p] = f
	return nil
}

// emitAssetFile hands the attachment at src to em as a file of the vault
// v, when em takes attachments so, and reports whether it did. An
// attachment that is not a regular file (any more) is left out with an
// "unreadable" warning, as a copy that fails to read would be. An SVG
// file is never handed over: the site serves its sanitised bytes
// (attachments.go), in the preview too.
func emitAssetFile(em Emitter, v *site.Vault, src site.VaultPath, diags func(error)) (bool, error) {
	ae, ok := em.(assetEmitter)
	if !ok || src.Ext() == "svg" {
		return false, nil
	}
	name := v.FSName(src)
	st, err := fs.Lstat(v.FS, name)
	if err == nil && !st.Mode().IsRegular() {
		err = fmt.Errorf("%s: not a regular file", name)
	}
	if err != nil {
		diags(err)
		return true, nil
	}
	return true, ae.EmitAsset(v.AssetOut(src), AssetFile{Name: name, Size: st.Size(), ModTime: st.ModTime()})
}

// emitAssetFile is emitAssetFile for the builder, which counts the file
// and keeps the warning.
func (b *builder) emitAssetFile(src site.VaultPath) (bool, error) {
	failed := false
	done, err := emitAssetFile(b.em, b.v, src, func(err error) {
		failed = true
		b.use.mu.Lock()
		defer b.use.mu.Unlock()
		b.use.diags.Add(site.Pos{Path: src}, site.Warning, "unreadable", "cannot copy attachment: %v", err)
	})
	if done && err == nil && !failed {
		b.use.mu.Lock()
		b.files++
		b.use.mu.Unlock()
	}
	return done, err
}

// composeAssets lays the attachments of a rebuild over the previous
// snapshot's.
func composeAssets(prev, fresh map[site.OutPath]AssetFile) map[site.OutPath]AssetFile {
	out := make(map[site.OutPath]AssetFile, len(prev)+len(fresh))
	maps.Copy(out, prev)
	maps.Copy(out, fresh)
	return out
}

// published reports whether snap serves p, as a file or an attachment.
func (snap *Snapshot) published(p site.OutPath) bool {
	if _, ok := snap.Files[p]; ok {
		return true
	}
	_, ok := snap.Assets[p]
	return ok
}

// diffAssets adds to up the attachments that differ between two builds.
func diffAssets(up *Update, old, next *Snapshot) {
	for p, f := range next.Assets {
		if o, ok := oldAsset(old, p); !ok || !o.same(f) {
			up.Changed = append(up.Changed, p)
		}
	}
	if old == nil {
		return
	}
	for p := range old.Assets {
		if _, ok := next.Assets[p]; !ok {
			up.Removed = append(up.Removed, p)
		}
	}
}

func oldAsset(old *Snapshot, p site.OutPath) (AssetFile, bool) {
	if old == nil {
		return AssetFile{}, false
	}
	f, ok := old.Assets[p]
	return f, ok
}
