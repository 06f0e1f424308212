package config

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/vaultsite/vaultsite/internal/outdir"
	"github.com/vaultsite/vaultsite/site"
)

// FileName is the settings file looked for at the vault root.
const FileName = "vaultsite.yaml"

// Config is vaultsite.yaml. Every key is optional; the zero value is the
// default. Command-line flags override it.
type Config struct {
	// Title of the site (default: the vault folder's name).
	Title string `yaml:"title"`
	// BaseURL is where the site will live ("https://notes.example.org/");
	// it makes canonical URLs, the sitemap and the feed absolute.
	BaseURL string `yaml:"baseURL"`
	// Language of the pages, a BCP 47 tag ("ja", "pt-BR"): it is the
	// pages' <html lang>, and picks the language of the interface's
	// words and dates (internal/i18n; English when it has no catalog).
	// Absent, the site is in English; vaultsite init guesses it from
	// the notes and writes it here.
	Language string `yaml:"language"`
	// Ignore lists globs of vault paths not to publish.
	Ignore []string `yaml:"ignore"`
	// Publish is "all" (the default: every note but those opted out) or
	// "opt-in" (only notes with "publish: true").
	Publish string `yaml:"publish"`
	// Home is the vault path of the note shown as the home page. It wins
	// over a note's "permalink: /", Obsidian Publish's indexFile and
	// index.md or Home.md at the root (site.Vault's chooseHome).
	Home string `yaml:"home"`
	// Keep lists names, or globs, of entries at the root of the output
	// folder that builds keep ("CNAME", "google*.html"), besides the
	// dot-entries (".git", ".nojekyll", ".well-known") they always keep.
	// Absent, it is DefaultKeep; "keep: []" keeps dot-entries only.
	Keep []string `yaml:"keep"`
	// Headers writes a _headers file for hosts that read one (Netlify,
	// Cloudflare Pages): hashed assets cached for a year.
	Headers bool `yaml:"headers"`
	// EmbedBudget bounds the embedded HTML of one page ("4MB", "512KB",
	// or bytes); "" is the build's default.
	EmbedBudget string `yaml:"embedBudget"`
	// Theme is the Obsidian theme the site wears: absent, the one
	// .obsidian/appearance.json names; "none", the built-in look; else
	// the name of a folder of .obsidian/themes/.
	Theme string `yaml:"theme"`
	// Snippets: absent, the CSS snippets enabled in Obsidian; "none",
	// none of them.
	Snippets string `yaml:"snippets"`
	// PublishFiles: absent, an Obsidian Publish vault's publish.css,
	// publish.js and site-options.json are used; "none" ignores them.
	PublishFiles string `yaml:"publishFiles"`
	// ThemeRemoteImports keeps @import rules of remote URLs in the theme
	// and snippets, which are otherwise dropped.
	ThemeRemoteImports bool `yaml:"themeRemoteImports"`
	// CacheDir is where build and serve keep their cache between builds
	// (internal/cache): relative to the folder of this file, and never
	// inside the vault. Absent, it is in the user's cache directory.
	CacheDir string `yaml:"cacheDir"`
	// ListingOrder orders the notes of folder, tag and home listings:
	// "title" (the default) or "newest", by date, the newest first.
	ListingOrder string `yaml:"listingOrder"`
	// StackedPages opens each followed link as a pane to the right of the
	// last, as Obsidian Publish's stacked pages do; absent, Publish's
	// site-options.json decides (slidingWindowMode), else it is off.
	StackedPages *bool `yaml:"stackedPages"`
	// Check configures vaultsite check.
	Check Check `yaml:"check"`
	// HTML says what notes' raw HTML and HTML attachments may do.
	HTML HTML `yaml:"html"`
}

// HTML holds the settings of the raw-HTML sanitizer and of attachments
// that are web pages. Both are off by default: each lets a vault's
// content act in the site's name.
type HTML struct {
	// RemoteStylesheets keeps <link rel="stylesheet" href="https://…"> in
	// notes' raw HTML; off, such links go, as every other <link>.
	RemoteStylesheets bool `yaml:"remoteStylesheets"`
	// PublishAttachments copies .html, .xhtml and the other documents a
	// browser runs script in (site.IsHTMLDocument) byte for byte, when a
	// published note links to them; their scripts then run with the
	// site's origin. Off, they are not copied, links to them show as
	// text, and check reports each link (html-attachment).
	PublishAttachments bool `yaml:"publishAttachments"`
}

// DefaultKeep is what builds keep at the output root when the settings
// do not say: a deploy repository's CNAME (GitHub Pages' custom domain)
// is never a page of the site, and deleting it unpublishes the domain.
var DefaultKeep = []string{"CNAME"}

// KeepNames returns Keep, or DefaultKeep when the key is absent.
func (c Config) KeepNames() []string {
	if c.Keep == nil {
		return slices.Clone(DefaultKeep)
	}
	return c.Keep
}

// EmbedBytes returns EmbedBudget in bytes, 0 for the default. A value
// validate refused is 0 too.
func (c Config) EmbedBytes() int64 {
	n, _ := parseSize(c.EmbedBudget)
	return n
}

// parseSize reads a size: a whole number of bytes, or one followed by
// KB, MB or GB (powers of 1024; KiB, MiB, GiB and K, M, G too).
func parseSize(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	num := strings.TrimRight(s, "KMGiBkmgb ")
	shift := map[string]uint{"": 0, "b": 0, "k": 10, "kb": 10, "kib": 10, "m": 20, "mb": 20, "mib": 20, "g": 30, "gb": 30, "gib": 30}
	sh, ok := shift[strings.ToLower(strings.TrimSpace(s[len(num):]))]
	n, err := strconv.ParseInt(num, 10, 64)
	if !ok || err != nil || n <= 0 || n > 1<<(62-sh) {
		return 0, false
	}
	return n << sh, true
}

// Check holds the settings of vaultsite check.
type Check struct {
	// Severity maps a diagnostic code to "error", "warning", "info" or
	// "off" ("broken-link: warning").
	Severity map[string]string `yaml:"severity"`
}

// Publish modes.
const (
	PublishAll   = "all"
	PublishOptIn = "opt-in"
)

// Error is a problem in the settings file, with its position.
type Error struct {
	Pos site.Pos
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Pos, e.Msg) }

// Load reads the settings file at name in fsys. A missing file is the zero
// Config when optional is true; unknown keys and bad values are an *Error
// that names the line.
func Load(fsys fs.FS, name string, optional bool) (Config, error) {
	var cfg Config
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		if optional && errors.Is(err, fs.ErrNotExist) {
			return cfg, nil
		}
		return cfg, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return cfg, yamlError(name, err)
	}
	if doc.Kind == 0 {
		return cfg, nil // only comments or blank lines: the defaults
	}
	if err := yaml.Load(data, &cfg, yaml.WithKnownFields()); err != nil {
		return cfg, yamlError(name, err)
	}
	return cfg, cfg.validate(name)
}

// languageTag matches the shape of a BCP 47 tag: a language of two to
// eight letters, then subtags of letters and digits ("zh-Hant-TW").
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// unknownField matches the library's message for a key that Config does
// not have ("field bogus not found in type config.Check").
var unknownField = regexp.MustCompile(`^field (.+) not found in type `)

// yamlError turns the YAML library's error into an *Error at the first
// problem it marks, naming an unknown key as such.
func yamlError(name string, err error) error {
	e := &Error{Pos: site.Pos{Path: site.VaultPath(name), Line: 1, Col: 1}}
	line, col, msg := site.YAMLError(err, 0)
	e.Msg = msg
	if line > 0 {
		e.Pos.Line, e.Pos.Col = line, max(col, 1)
	}
	if m := unknownField.FindStringSubmatch(e.Msg); m != nil {
		e.Msg = fmt.Sprintf("unknown key %q", m[1])
	}
	return e
}

func (c *Config) validate(name string) error {
	bad := func(msg string, args ...any) error {
		return &Error{Pos: site.Pos{Path: site.VaultPath(name)}, Msg: fmt.Sprintf(msg, args...)}
	}
	switch c.ListingOrder {
	case "", "title", "newest":
	default:
		return bad("listingOrder: %q is not %q or %q", c.ListingOrder, "title", "newest")
	}
	switch c.Publish {
	case "", PublishAll, PublishOptIn:
	default:
		return bad("publish: %q is not %q or %q", c.Publish, PublishAll, PublishOptIn)
	}
	if strings.ContainsAny(c.Theme, `/\`) || c.Theme == "." || c.Theme == ".." {
		return bad("theme: %q is not the name of a folder of .obsidian/themes", c.Theme)
	}
	for key, v := range map[string]string{"snippets": c.Snippets, "publishFiles": c.PublishFiles} {
		if v != "" && v != "none" {
			return bad("%s: %q is not %q", key, v, "none")
		}
	}
	for code, sev := range c.Check.Severity {
		if _, _, ok := site.ParseSeverity(sev); !ok {
			return bad("check.severity.%s: %q is not error, warning, info or off", code, sev)
		}
	}
	for _, k := range c.Keep {
		if err := outdir.ValidKeep(k); err != nil {
			return bad("keep: %v", err)
		}
	}
	if _, ok := parseSize(c.EmbedBudget); !ok {
		return bad("embedBudget: %q is not a size such as 4MB or 512KB", c.EmbedBudget)
	}
	if c.Language != "" && !languageTag.MatchString(c.Language) {
		return bad("language: %q is not a language tag such as en, ja or pt-BR", c.Language)
	}
	if c.BaseURL != "" && !strings.Contains(c.BaseURL, "://") {
		return bad("baseURL: %q is not an absolute URL", c.BaseURL)
	}
	return nil
}
