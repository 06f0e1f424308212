package version

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
)

// stamped, when set with -ldflags "-X …/internal/version.stamped=v1.2.3",
// overrides the module version; release builds made from a checkout use
// it, since the toolchain stamps only a pseudo-version there.
var stamped string

// Info describes the running binary.
type Info struct {
	Version  string // "v1.2.3", a pseudo-version, or "devel"
	Revision string // VCS commit, "" when the toolchain stamped none
	Modified bool   // the work tree had uncommitted changes
	Go       string // "go1.26.8"
	Goldmark string // module versions, "" when not linked
	Chroma   string
}

var (
	once sync.Once
	info Info
)

// Get reads the build information once. A binary without any (a test
// binary, say) reports version "devel".
func Get() Info {
	once.Do(func() {
		bi, ok := debug.ReadBuildInfo()
		if !ok {
			info = Info{Version: "devel"}
			return
		}
		info = fromBuildInfo(bi, stamped)
	})
	return info
}

func fromBuildInfo(bi *debug.BuildInfo, stamped string) Info {
	in := Info{Version: bi.Main.Version, Go: bi.GoVersion}
	if stamped != "" {
		in.Version = stamped
	}
	if in.Version == "" || in.Version == "(devel)" {
		in.Version = "devel"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			in.Revision = s.Value
		case "vcs.modified":
			in.Modified = s.Value == "true"
		}
	}
	for _, d := range bi.Deps {
		v := d.Version
		if d.Replace != nil {
			v = d.Replace.Version // what is linked, under the name we know
		}
		switch d.Path {
		case "github.com/yuin/goldmark":
			in.Goldmark = v
		case "github.com/alecthomas/chroma/v2":
			in.Chroma = v
		}
	}
	return in
}

// Short is the version alone, with the revision's first 12 hex digits
// when the toolchain stamped only "devel": "vaultsite devel+3f2a…" still
// tells two builds of a checkout apart.
func (in Info) Short() string {
	v := in.Version
	if v == "devel" && in.Revision != "" {
		v += "+" + shortRev(in.Revision)
	}
	if in.Modified && !strings.HasSuffix(v, "+dirty") {
		v += "+dirty"
	}
	return v
}

// String is the one line --version prints first.
func (in Info) String() string {
	return "vaultsite " + in.Short()
}

// Long is --version's whole output: the version line, then the revision,
// Go and the libraries, one per line.
func (in Info) Long() string {
	var b strings.Builder
	fmt.Fprintln(&b, in.String())
	if in.Revision != "" {
		fmt.Fprintf(&b, "revision %s\n", in.Revision)
	}
	lib := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s %s\n", name, v)
		}
	}
	lib("go", in.Go)
	lib("goldmark", in.Goldmark)
	lib("chroma", in.Chroma)
	return b.String()
}

func shortRev(r string) string {
	if len(r) > 12 {
		return r[:12]
	}
	return r
}
