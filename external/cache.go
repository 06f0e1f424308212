package external

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// cache remembers results between runs, in a JSON file the user names
// (never inside the vault unless they ask for it).
type cache struct {
	entries map[string]Result
}

func loadCache(path string) (*cache, error) {
	c := &cache{entries: map[string]Result{}}
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c, nil
	case err != nil:
		return nil, fmt.Errorf("external-link cache: %w", err)
	}
	if err := json.Unmarshal(data, &c.entries); err != nil {
		// A damaged cache only costs requests: start afresh.
		c.entries = map[string]Result{}
	}
	return c, nil
}

// get returns a result younger than maxAge. Failures are not trusted
// from the cache, so a flaky host is asked again next time.
func (c *cache) get(u string, now time.Time, maxAge time.Duration) (Result, bool) {
	r, ok := c.entries[u]
	if !ok || !r.OK() || now.Sub(r.Checked) > maxAge {
		return Result{}, false
	}
	return r, true
}

// save writes the fresh results, and keeps unexpired older entries for
// URLs this run did not see.
func (c *cache) save(path string, results map[string]Result, now time.Time, maxAge time.Duration) error {
	if path == "" {
		return nil
	}
	out := map[string]Result{}
	for u, r := range c.entries {
		if now.Sub(r.Checked) <= maxAge {
			out[u] = r
		}
	}
	for u, r := range results {
		out[u] = r
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".vaultsite-cache-*")
	if err != nil {
		return fmt.Errorf("external-link cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
