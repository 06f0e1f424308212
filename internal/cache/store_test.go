package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func key(s string) Key {
	h := NewHasher("test")
	h.String(s)
	return h.Key()
}

func open(t *testing.T, dir string, opts Options) *Store {
	t.Helper()
	if opts.Version == "" {
		opts.Version = "v1"
	}
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestHasherFieldsAreDistinct(t *testing.T) {
	t.Parallel()
	mk := func(f func(h *Hasher)) Key { h := NewHasher("k"); f(h); return h.Key() }
	keys := map[Key]string{}
	for name, f := range map[string]func(h *Hasher){
		"ab,c":  func(h *Hasher) { h.String("ab"); h.String("c") },
		"a,bc":  func(h *Hasher) { h.String("a"); h.String("bc") },
		"abc":   func(h *Hasher) { h.String("abc") },
		"s1":    func(h *Hasher) { h.String("1") },
		"i1":    func(h *Hasher) { h.Int(1) },
		"true":  func(h *Hasher) { h.Bool(true) },
		"bytes": func(h *Hasher) { h.Bytes([]byte("abc")) },
		"none":  func(h *Hasher) {},
	} {
		k := mk(f)
		if other, dup := keys[k]; dup {
			t.Errorf("%s and %s encode alike", name, other)
		}
		keys[k] = name
	}
	if NewHasher("a").Key() == NewHasher("b").Key() {
		t.Error("two kinds share a key")
	}
}

func TestGetReturnsWhatPutStored(t *testing.T) {
	t.Parallel()
	s := open(t, t.TempDir(), Options{})
	if _, ok := s.Get(key("a")); ok {
		t.Fatal("hit in an empty cache")
	}
	s.Put(key("a"), []byte("alpha"))
	s.Put(key("e"), nil)
	if got, ok := s.Get(key("a")); !ok || string(got) != "alpha" {
		t.Fatalf("Get(a) = %q, %v", got, ok)
	}
	if got, ok := s.Get(key("e")); !ok || len(got) != 0 {
		t.Fatalf("Get(e) = %q, %v", got, ok)
	}
	if st := s.Stats(); st.Hits != 2 || st.Misses != 1 || st.Puts != 2 {
		t.Errorf("stats %+v", st)
	}
	var none *Store
	none.Put(key("a"), []byte("x"))
	if _, ok := none.Get(key("a")); ok || none.Close() != nil {
		t.Error("a nil store holds something")
	}
}

// TestDamagedEntriesMiss damages an entry each way a disk, a killed
// build or another binary can, and wants a miss, never other bytes.
func TestDamagedEntriesMiss(t *testing.T) {
	t.Parallel()
	damage := map[string]func(t *testing.T, s *Store, p string){
		"truncated": func(t *testing.T, s *Store, p string) { truncate(t, p, 10) },
		"header only": func(t *testing.T, s *Store, p string) {
			truncate(t, p, int64(headerFixed+len(s.version)))
		},
		"empty":        func(t *testing.T, s *Store, p string) { truncate(t, p, 0) },
		"payload byte": func(t *testing.T, s *Store, p string) { flip(t, p, -1) },
		"checksum":     func(t *testing.T, s *Store, p string) { flip(t, p, -len("payload")-1) },
		"key":          func(t *testing.T, s *Store, p string) { flip(t, p, 5) },
		"length":       func(t *testing.T, s *Store, p string) { flip(t, p, -len("payload")-sha256Size()-1) },
		"grown":        func(t *testing.T, s *Store, p string) { appendTo(t, p, "x") },
		"other version": func(t *testing.T, s *Store, p string) {
			other := open(t, t.TempDir(), Options{Version: "v2"})
			write(t, p, other.encode(key("a"), []byte("payload")))
		},
		"other key": func(t *testing.T, s *Store, p string) {
			write(t, p, s.encode(key("b"), []byte("payload")))
		},
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := open(t, t.TempDir(), Options{})
			s.Put(key("a"), []byte("payload"))
			f(t, s, s.path(key("a")))
			if got, ok := s.Get(key("a")); ok {
				t.Fatalf("damaged entry read as %q", got)
			}
			if st := s.Stats(); st.Bad != 1 {
				t.Errorf("stats %+v, want one bad", st)
			}
			s.Put(key("a"), []byte("payload"))
			if got, ok := s.Get(key("a")); !ok || string(got) != "payload" {
				t.Errorf("rewritten entry reads %q, %v", got, ok)
			}
		})
	}
}

func sha256Size() int { return 32 }

func truncate(t *testing.T, p string, n int64) {
	t.Helper()
	if err := os.Truncate(p, n); err != nil {
		t.Fatal(err)
	}
}

// flip inverts the byte at i (from the end when negative).
func flip(t *testing.T, p string, i int) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if i < 0 {
		i += len(b)
	}
	b[i] ^= 0xff
	write(t, p, b)
}

func appendTo(t *testing.T, p, s string) {
	t.Helper()
	b, _ := os.ReadFile(p)
	write(t, p, append(b, s...))
}

func write(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestVersionsKeepApart: two binaries sharing a directory each read
// their own entries only.
func TestVersionsKeepApart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a, b := open(t, dir, Options{Version: "a"}), open(t, dir, Options{Version: "b"})
	a.Put(key("k"), []byte("from a"))
	if _, ok := b.Get(key("k")); ok {
		t.Fatal("version b reads version a's entry")
	}
	b.Put(key("k"), []byte("from b"))
	if got, _ := a.Get(key("k")); string(got) != "from a" {
		t.Errorf("a reads %q", got)
	}
}

// TestConcurrentWritersNeverTear has writers put different payloads
// under one key while readers read it: every hit is one whole payload.
func TestConcurrentWritersNeverTear(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	payloads := [][]byte{bytes.Repeat([]byte("a"), 1<<16), bytes.Repeat([]byte("b"), 1<<15)}
	var wg sync.WaitGroup
	for w := range 4 {
		s := open(t, dir, Options{}) // one store per "build"
		wg.Go(func() {
			for i := range 50 {
				if w%2 == 0 {
					s.Put(key("k"), payloads[(i+w/2)%2])
					continue
				}
				if got, ok := s.Get(key("k")); ok && !bytes.Equal(got, payloads[0]) && !bytes.Equal(got, payloads[1]) {
					t.Errorf("torn read of %d bytes", len(got))
				}
			}
		})
	}
	wg.Wait()
}

// TestCloseEvictsLeastRecentlyUsed fills a small store past its bound
// and wants the entries used longest ago gone, the recent ones kept, and
// the cache within its bound.
func TestCloseEvictsLeastRecentlyUsed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	payload := bytes.Repeat([]byte("x"), 1000)
	entry := int64(len(open(t, dir, Options{}).encode(key(""), payload)))
	s := open(t, dir, Options{MaxBytes: 10 * entry})
	old := time.Now().Add(-time.Hour)
	for i := range 10 {
		k := key(fmt.Sprint(i))
		s.Put(k, payload)
		at := old.Add(time.Duration(i) * time.Minute) // 0 is the oldest
		if err := os.Chtimes(s.path(k), at, at); err != nil {
			t.Fatal(err)
		}
	}
	s.Get(key("0")) // used now: the most recent
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := open(t, dir, Options{MaxBytes: 10 * entry})
	for i := 10; i < 13; i++ {
		s2.Put(key(fmt.Sprint(i)), payload)
	}
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}
	u, err := Measure(dir)
	if err != nil {
		t.Fatal(err)
	}
	if u.Bytes > 10*entry {
		t.Fatalf("cache holds %d bytes, bound %d", u.Bytes, 10*entry)
	}
	for i, want := range map[int]bool{0: true, 1: false, 2: false, 3: false, 4: false, 9: true, 12: true} {
		if _, err := os.Stat(s2.path(key(fmt.Sprint(i)))); (err == nil) != want {
			t.Errorf("entry %d kept: %v, want %v", i, err == nil, want)
		}
	}
}

// TestCloseRescansWhenTheTotalIsLost: a cache whose size file is gone
// (or never written, by a build killed before Close) is still bounded.
func TestCloseRescansWhenTheTotalIsLost(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := open(t, dir, Options{MaxBytes: 1 << 20})
	for i := range 20 {
		s.Put(key(fmt.Sprint(i)), bytes.Repeat([]byte("y"), 100<<10))
	}
	// No Close: the total was never recorded.
	s2 := open(t, dir, Options{MaxBytes: 1 << 20})
	s2.Put(key("last"), []byte("z"))
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}
	if u, _ := Measure(dir); u.Bytes > 1<<20 {
		t.Errorf("cache holds %d bytes, bound %d", u.Bytes, 1<<20)
	}
}

func TestCleanEmptiesOnlyACache(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := open(t, dir, Options{})
	s.Put(key("a"), []byte("a"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := Clean(dir); err != nil {
		t.Fatal(err)
	}
	if u, _ := Measure(dir); u.Entries != 0 {
		t.Errorf("%d entries left", u.Entries)
	}
	plain := t.TempDir()
	write(t, filepath.Join(plain, "notes.txt"), []byte("keep me"))
	if err := Clean(plain); err == nil {
		t.Error("cleaned a folder that is not a cache")
	}
	if _, err := os.Stat(filepath.Join(plain, "notes.txt")); err != nil {
		t.Error(err)
	}
	if err := Clean(filepath.Join(plain, "missing")); err != nil {
		t.Errorf("a missing cache: %v", err)
	}
}

func TestCheckOutside(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	vault := filepath.Join(root, "vault")
	if err := os.MkdirAll(filepath.Join(vault, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(filepath.Join(vault, "sub"), link); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		give string
		ok   bool
	}{
		{vault, false},
		{filepath.Join(vault, ".cache"), false},
		{filepath.Join(vault, "sub", "new", "deeper"), false},
		{filepath.Join(link, "cache"), false}, // through a symlink
		{filepath.Join(root, "cache"), true},
		{filepath.Join(root, "vault-cache"), true},
		{root, true}, // holds the vault, but is not inside it
	} {
		err := CheckOutside(tc.give, vault, "the vault")
		if (err == nil) != tc.ok {
			t.Errorf("CheckOutside(%s) = %v, want ok %v", tc.give, err, tc.ok)
		}
	}
}

func TestDefaultDirIsPerVault(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	a, err := DefaultDir("/notes/a")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := DefaultDir("/notes/b")
	if a == b || filepath.Base(filepath.Dir(a)) != "vaultsite" {
		t.Errorf("DefaultDir gives %s and %s", a, b)
	}
}
