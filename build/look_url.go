package build

import (
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vaultsite/vaultsite/site"
	"github.com/vaultsite/vaultsite/templates"
)

// A theme, snippet or publish.css may name files beside it with a
// relative url(): fonts, images. Obsidian reads them from the vault, so
// the site ships each one the CSS names, once, under a hashed name next
// to the look's stylesheets, and points the url() there. Only files of
// the vault go: a path that climbs out of it, an absolute path or a
// symbolic link is a warning and its url() is left as it was.

// cssURLRE matches a url() token: url(x), url("x") or url('x'), the URL
// in group 1, 2 or 3.
var cssURLRE = regexp.MustCompile(`(?i)\burl\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^)"'\s]*))\s*\)`)

// localURLs returns css, read from the vault file file, with each
// relative url() that names a file of the vault rewritten to the copy
// the look ships; each file is copied once. Problems are warnings at
// the url()'s position: a file that does not exist (missing-look-file),
// one outside the vault or behind a symbolic link (outside-vault).
func (l *look) localURLs(fsys fs.FS, file string, css []byte) []byte {
	var out []byte
	last := 0
	for _, m := range cssURLs(css) {
		raw := string(css[m[2]:m[3]])
		target, suffix, ok := l.lookURL(fsys, file, css, m[0], raw)
		if !ok {
			continue
		}
		out = append(append(out, css[last:m[0]]...), `url("`+target+suffix+`")`...)
		last = m[1]
	}
	if out == nil {
		return css
	}
	return append(out, css[last:]...)
}

// cssURLs returns the url() tokens of css outside comments as
// [start, end, urlStart, urlEnd] offsets.
func cssURLs(css []byte) [][4]int {
	var out [][4]int
	for i := 0; i < len(css); {
		switch {
		case bytes.HasPrefix(css[i:], []byte("/*")):
			i = skipComment(css, i)
		case css[i] == '"' || css[i] == '\'':
			i = skipString(css, i)
		case css[i]|0x20 == 'u' && (i == 0 || !isIdentByte(css[i-1])):
			m := cssURLRE.FindSubmatchIndex(css[i:])
			if m == nil || m[0] != 0 {
				i++
				continue
			}
			for g := 2; g < 8; g += 2 {
				if m[g] >= 0 {
					out = append(out, [4]int{i, i + m[1], i + m[g], i + m[g+1]})
					break
				}
			}
			i += m[1]
		default:
			i++
		}
	}
	return out
}

// lookURL ships the file the url raw names, found at offset at of the
// CSS file file, and returns the name it is shipped under and raw's
// query and fragment (a font's "?#iefix"). It reports false for a URL
// left as it is: another site's, a data: URL, a fragment alone, or one
// it warned about.
func (l *look) lookURL(fsys fs.FS, file string, css []byte, at int, raw string) (string, string, bool) {
	u := strings.TrimSpace(raw)
	if u == "" || u[0] == '#' || schemeRE.MatchString(u) || strings.HasPrefix(u, "//") {
		return "", "", false
	}
	rel, suffix := u, ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		rel, suffix = u[:i], u[i:]
	}
	if dec, err := url.PathUnescape(rel); err == nil {
		rel = dec
	}
	pos := cssPos(file, css, at)
	p := path.Join(path.Dir(file), rel)
	if strings.HasPrefix(rel, "/") || strings.HasPrefix(rel, `\`) || p == ".." || strings.HasPrefix(p, "../") {
		l.diags.Add(pos, site.Warning, "outside-vault", "url(%q) is not a file of the vault; it is left as it is", raw)
		return "", "", false
	}
	if name, ok := l.shipped[p]; ok {
		return name, suffix, true
	}
	data, err := readInVault(fsys, p)
	switch {
	case errors.Is(err, errSymlink):
		l.diags.Add(pos, site.Warning, "outside-vault", "url(%q) is a symbolic link, which is not followed", raw)
		return "", "", false
	case err != nil:
		l.diags.Add(pos, site.Warning, "missing-look-file", "url(%q): no such file %s", raw, p)
		return "", "", false
	}
	out := lookFile(path.Base(p), data)
	if !slices.ContainsFunc(l.files, func(f templates.File) bool { return f.Path == out }) {
		l.files = append(l.files, templates.File{Path: out, Data: data}) // two copies of one font ship once
	}
	name := url.PathEscape(strings.TrimPrefix(string(out), lookDir))
	if l.shipped == nil {
		l.shipped = map[string]string{}
	}
	l.shipped[p] = name
	return name, suffix, true
}

// errSymlink is readInVault's answer for a path through a symbolic link.
var errSymlink = errors.New("symbolic link")

// readInVault reads the vault file p, refusing a path any of whose parts
// is a symbolic link (the vault's loader does not follow them either),
// when fsys can tell.
func readInVault(fsys fs.FS, p string) ([]byte, error) {
	if lfs, ok := fsys.(fs.ReadLinkFS); ok {
		parts := strings.Split(p, "/")
		for i := range parts {
			fi, err := lfs.Lstat(strings.Join(parts[:i+1], "/"))
			if err != nil {
				return nil, err
			}
			if fi.Mode()&fs.ModeSymlink != 0 {
				return nil, errSymlink
			}
		}
	}
	return fs.ReadFile(fsys, p)
}

// cssPos is the position of offset at in the CSS file file; the column
// counts characters.
func cssPos(file string, css []byte, at int) site.Pos {
	start := bytes.LastIndexByte(css[:at], '\n') + 1
	return site.Pos{Path: site.VaultPath(file), Line: bytes.Count(css[:at], []byte("\n")) + 1,
		Col: utf8.RuneCount(css[start:at]) + 1}
}

// readsAny reports whether one of the changed vault paths is a file a
// stylesheet of the look names, which the look ships: a change to it
// changes the look, as a change to the stylesheet does.
func (l *look) readsAny(changed []string) bool {
	for _, p := range changed {
		if _, ok := l.shipped[p]; ok {
			return true
		}
	}
	return false
}
