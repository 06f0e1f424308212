package templates

// libMiniSearch is the search engine search.js loads when search opens.
const libMiniSearch = "minisearch"

// SearchLibrary returns the vendored MiniSearch files, with its licence,
// under "_site/thirdparty/minisearch-<version>/". Every site has search,
// so the build emits them beside Static; callers must not modify the
// returned data.
func SearchLibrary() []File {
	return append([]File(nil), loadThirdParty().files[libMiniSearch]...)
}
