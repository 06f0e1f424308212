package render

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/vaultsite/vaultsite/internal/cache"
	"github.com/vaultsite/vaultsite/site"
)

// mapCache is a CodeCache in memory that counts its hits.
type mapCache struct {
	mu         sync.Mutex
	m          map[cache.Key][]byte
	hits, puts int
}

func (c *mapCache) Get(k cache.Key) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[k]
	if ok {
		c.hits++
	}
	return b, ok
}

func (c *mapCache) Put(k cache.Key, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[cache.Key][]byte{}
	}
	c.m[k] = bytes.Clone(b)
	c.puts++
}

const codeNote = "```go\nfunc main() {}\n```\n\n```python\ndef f(): pass\n```\n\n" +
	"```nosuchlang\nplain <text>\n```\n\n```go\nfunc main() {}\n```\n\n    indented\n"

func renderWith(t *testing.T, cfg Config, src string) string {
	t.Helper()
	r := New(cfg)
	d := r.Parse(&site.Note{Path: "Code.md", Source: []byte(src)}, nil)
	Bind(d, fakeBinder{})
	var b strings.Builder
	if err := r.Render(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCodeCacheKeepsOutput renders code blocks with no cache, with a cold
// one and with a warm one: the same HTML each time, and the warm render
// highlights nothing itself.
func TestCodeCacheKeepsOutput(t *testing.T) {
	t.Parallel()
	want := renderWith(t, Config{}, codeNote)
	if !strings.Contains(want, `<span class="kd">func</span>`) || !strings.Contains(want, "plain &lt;text&gt;") {
		t.Fatalf("the note is not highlighted as expected:\n%s", want)
	}
	c := &mapCache{}
	if got := renderWith(t, Config{Code: c}, codeNote); got != want {
		t.Errorf("cold cache:\n%s\nwant:\n%s", got, want)
	}
	// Three distinct fenced blocks with a language (the second go block
	// is the first's twin); indented code has none and is not stored.
	if c.puts != 3 || c.hits != 1 {
		t.Errorf("cold: %d puts, %d hits; want 3, 1", c.puts, c.hits)
	}
	c.hits, c.puts = 0, 0
	if got := renderWith(t, Config{Code: c}, codeNote); got != want {
		t.Errorf("warm cache:\n%s\nwant:\n%s", got, want)
	}
	if c.puts != 0 || c.hits != 4 {
		t.Errorf("warm: %d puts, %d hits; want 0, 4", c.puts, c.hits)
	}
}

// TestSettingsNamesEveryOutputSetting: configs that render differently
// have different Settings, and the cache does not change them.
func TestSettingsNamesEveryOutputSetting(t *testing.T) {
	t.Parallel()
	seen := map[string]Config{}
	for _, c := range []Config{{}, {StrictLineBreaks: true}, {RemoteStylesheets: true}} {
		s := c.Settings()
		if _, dup := seen[s]; dup {
			t.Errorf("%+v shares settings %q", c, s)
		}
		seen[s] = c
	}
	if (Config{Code: &mapCache{}}).Settings() != (Config{}).Settings() {
		t.Error("the code cache changes Settings")
	}
}
