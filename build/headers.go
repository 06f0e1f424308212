package build

import (
	"regexp"
	"sort"
	"strings"

	"github.com/vaultsite/vaultsite/site"
)

// headersPath is the file Netlify and Cloudflare Pages read for response
// headers; written only when Options.Headers asks.
const headersPath site.OutPath = "_headers"

// immutable is the Cache-Control of a file whose name carries a hash of
// its bytes: any change gets a new name, so a year is safe.
const immutable = "public, max-age=31536000, immutable"

// hashedName matches the names the build gives the site's own files,
// "style.32a2dfb5.css": eight hex digits of the content's hash.
var hashedName = regexp.MustCompile(`\.[0-9a-f]{8}\.[a-z0-9]+$`)

// hashedDirs hold only files named by their content: the browser
// libraries under a folder named with their version, and the search
// index's shards, typo dictionary and documents (the index's own
// index.json is not), and the author's look (look.go).
var hashedDirs = []string{"_site/thirdparty/", "_site/search/t/", "_site/search/f/", "_site/search/d/", lookDir}

// headers lists, for the hosts that read a _headers file, every path
// whose bytes never change under its name with a year-long immutable
// Cache-Control. The rules never overlap: hosts join the values of two
// matching rules instead of choosing one. Every other file, pages, the
// graph and explorer data and attachments, keeps the host's default,
// which revalidates.
func (b *builder) headers() []byte {
	var paths []string
	for _, f := range b.siteFiles() {
		if hashedName.MatchString(string(f.Path)) {
			paths = append(paths, "/"+string(f.Path))
		}
	}
	if fav := string(b.opts.Site.Favicon); fav != "" && hashedName.MatchString(fav) {
		paths = append(paths, "/"+fav)
	}
	sort.Strings(paths)
	var s strings.Builder
	s.WriteString("# Written by vaultsite: files named by their content's hash are cached for a year.\n")
	for _, d := range hashedDirs {
		paths = append(paths, "/"+d+"*")
	}
	for _, p := range paths {
		s.WriteString(p + "\n  Cache-Control: " + immutable + "\n")
	}
	return []byte(s.String())
}
