package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/vaultsite/vaultsite/internal/version"
)

// DefaultDir is the cache of the vault at vault when no directory is
// given: os.UserCacheDir()/vaultsite/ and a name made from the vault's
// absolute path, so two vaults never share entries they would only
// crowd out of each other's bound.
func DefaultDir(vault string) (string, error) {
	abs, err := filepath.Abs(vault)
	if err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("cache: no user cache directory (%w); give one with --cache-dir", err)
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "vaultsite", hex.EncodeToString(sum[:8])), nil
}

// CheckOutside fails when dir is the folder root or lies inside it,
// following symlinks on both; what names root in the error ("the
// vault"). A cache inside the vault would be read back as attachments
// and published; inside the output folder, published or swept away.
func CheckOutside(dir, root, what string) error {
	d, err := resolve(dir)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	r, err := resolve(root)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if rel, err := filepath.Rel(r, d); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("cache directory %s is inside %s %s: it would be published; choose a directory outside it", dir, what, root)
	}
	return nil
}

// resolve makes p absolute and follows its symlinks; the part of p that
// does not exist yet is joined to the resolved part that does.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		r, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		up := filepath.Dir(abs)
		if !errors.Is(err, fs.ErrNotExist) || up == abs {
			return "", err
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = up
	}
}

var (
	printOnce   sync.Once
	fingerprint string
)

// Fingerprint names the binary that writes entries, for Options.Version:
// its version and those of goldmark and chroma, which decide the bytes a
// build makes. A binary without a release version ("devel", or built
// from a modified checkout) adds a hash of its own executable, since its
// code may differ from that of another binary with the same name.
func Fingerprint() string {
	printOnce.Do(func() {
		in := version.Get()
		fingerprint = in.Short() + " goldmark " + in.Goldmark + " chroma " + in.Chroma
		if in.Version == "devel" || in.Modified {
			fingerprint += " exe " + exeHash()
		}
	})
	return fingerprint
}

// exeHash is a hash of the running executable, or "unknown" when it
// cannot be read (then every such binary shares entries with the others
// that cannot, which only a hand-made build can meet).
func exeHash() string {
	p, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(p)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
