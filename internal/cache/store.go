package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"
)

// DefaultMaxBytes bounds a store whose Options name no bound: a
// 10,000-note vault's bodies, code blocks, graph and search index take a
// few hundred megabytes, and a CI cache of a gigabyte restores in
// seconds.
const DefaultMaxBytes = 1 << 30

// Options configure a Store; the zero value works.
type Options struct {
	// MaxBytes bounds the entries' total size; 0 is DefaultMaxBytes.
	MaxBytes int64
	// Version is written into every entry, and entries of another
	// version are misses; "" is Fingerprint().
	Version string
}

// Store is a cache directory. It is safe for concurrent use, by the
// goroutines of one build and by several builds at once. A nil *Store is
// a cache that holds nothing: Get misses and Put does nothing, which is
// what --no-cache gives the build.
type Store struct {
	dir     string
	version string
	max     int64
	hits    atomic.Int64
	misses  atomic.Int64
	puts    atomic.Int64
	bad     atomic.Int64
	errs    atomic.Int64
	written atomic.Int64
	evicted atomic.Int64
}

// Stats count what a Store did since Open.
type Stats struct {
	Hits, Misses int64
	Puts         int64 // entries written
	Bad          int64 // entries found damaged or of another version (also misses)
	Errors       int64 // entries that could not be written
	Evicted      int64 // entries removed to keep the bound
}

// Layout of a cache directory: entries under entriesDir, fanned out by
// the first two hex digits of their file name; tagFile marks the
// directory as a cache (for Clean, and for backup tools, which skip it).
const (
	entriesDir = "entries"
	tagFile    = "CACHEDIR.TAG"
	tagText    = "Signature: 8a477f597d28d172789f06886806bc55\n# This directory is vaultsite's build cache; `vaultsite cache clean` empties it.\n"
)

// Open opens the cache in dir, creating it if need be.
func Open(dir string, opts Options) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, entriesDir), 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	tag := filepath.Join(dir, tagFile)
	if _, err := os.Stat(tag); errors.Is(err, os.ErrNotExist) {
		if err := os.WriteFile(tag, []byte(tagText), 0o644); err != nil {
			return nil, fmt.Errorf("cache: %w", err)
		}
	}
	s := &Store{dir: dir, version: opts.Version, max: opts.MaxBytes}
	if s.version == "" {
		s.version = Fingerprint()
	}
	if s.max <= 0 {
		s.max = DefaultMaxBytes
	}
	return s, nil
}

// Dir is the cache's directory.
func (s *Store) Dir() string { return s.dir }

// Stats returns the counts so far; a nil Store has none.
func (s *Store) Stats() Stats {
	if s == nil {
		return Stats{}
	}
	return Stats{Hits: s.hits.Load(), Misses: s.misses.Load(), Puts: s.puts.Load(),
		Bad: s.bad.Load(), Errors: s.errs.Load(), Evicted: s.evicted.Load()}
}

// path is where the entry of k lives. The name mixes in the version, so
// two versions sharing a cache keep their entries apart instead of
// overwriting each other's.
func (s *Store) path(k Key) string {
	h := sha256.New()
	h.Write([]byte(s.version))
	h.Write([]byte{0})
	h.Write(k[:])
	name := Key(h.Sum(nil)).String()
	return filepath.Join(s.dir, entriesDir, name[:2], name)
}

// Entry layout: magic, key, version (length first), payload length,
// SHA-256 of the payload, payload. Every field is checked on reading.
var magic = []byte("VSC1")

const headerFixed = 4 + len(Key{}) + 2 + 8 + sha256.Size

func (s *Store) encode(k Key, data []byte) []byte {
	out := make([]byte, 0, headerFixed+len(s.version)+len(data))
	out = append(out, magic...)
	out = append(out, k[:]...)
	out = binary.BigEndian.AppendUint16(out, uint16(len(s.version)))
	out = append(out, s.version...)
	out = binary.BigEndian.AppendUint64(out, uint64(len(data)))
	sum := sha256.Sum256(data)
	out = append(out, sum[:]...)
	return append(out, data...)
}

// decode returns the payload of an entry read whole, or ok false when
// any field disagrees with k, the store's version or the checksum.
func (s *Store) decode(k Key, b []byte) (data []byte, ok bool) {
	if len(b) < headerFixed || !bytes.Equal(b[:4], magic) || !bytes.Equal(b[4:4+len(k)], k[:]) {
		return nil, false
	}
	b = b[4+len(k):]
	vn := int(binary.BigEndian.Uint16(b))
	if len(b) < 2+vn+8+sha256.Size || string(b[2:2+vn]) != s.version {
		return nil, false
	}
	b = b[2+vn:]
	n := binary.BigEndian.Uint64(b)
	sum, payload := b[8:8+sha256.Size], b[8+sha256.Size:]
	if uint64(len(payload)) != n {
		return nil, false
	}
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return payload, true
}

// touchAfter is how old an entry's time must be before a hit refreshes
// it: eviction needs only a rough order, and a build that hits the same
// code block on many pages should not write its time each time.
const touchAfter = time.Minute

// Get returns the bytes stored under k, or ok false. A damaged entry or
// one of another version is a miss, counted as bad and removed.
func (s *Store) Get(k Key) (data []byte, ok bool) {
	if s == nil {
		return nil, false
	}
	p := s.path(k)
	b, mod, err := readEntry(p)
	if err != nil {
		s.misses.Add(1)
		return nil, false
	}
	if data, ok = s.decode(k, b); !ok {
		s.misses.Add(1)
		s.bad.Add(1)
		_ = os.Remove(p)
		return nil, false
	}
	s.hits.Add(1)
	if now := time.Now(); now.Sub(mod) > touchAfter {
		_ = os.Chtimes(p, now, now)
	}
	return data, true
}

// readEntry reads the file at p whole, with its modification time.
func readEntry(p string) ([]byte, time.Time, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	b := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, time.Time{}, err
	}
	return b, fi.ModTime(), nil
}

// Put stores data under k: written to a temporary file beside its place
// and renamed there, so no reader sees half an entry. A failure is
// counted and otherwise ignored: the next build misses.
func (s *Store) Put(k Key, data []byte) {
	if s == nil {
		return
	}
	if err := s.put(k, data); err != nil {
		s.errs.Add(1)
		return
	}
	s.puts.Add(1)
}

func (s *Store) put(k Key, data []byte) error {
	p := s.path(k)
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return err
	}
	entry := s.encode(k, data)
	_, err = f.Write(entry)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	s.written.Add(int64(len(entry)))
	return nil
}

// tempPrefix starts the names of entries being written; a scan removes
// old ones, which a killed build left.
const tempPrefix = ".tmp-"
