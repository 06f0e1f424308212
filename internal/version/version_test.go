package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	t.Parallel()
	deps := []*debug.Module{
		{Path: "github.com/yuin/goldmark", Version: "v1.8.7"},
		{Path: "github.com/alecthomas/chroma/v2", Version: "v2.27.0"},
	}
	tests := []struct {
		name      string
		give      debug.BuildInfo
		stamped   string
		wantShort string
		wantLong  string
	}{
		{
			name:      "release",
			give:      debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}, Deps: deps},
			wantShort: "v1.2.3",
			wantLong:  "vaultsite v1.2.3\ngo go1.26.8\ngoldmark v1.8.7\nchroma v2.27.0\n",
		},
		{
			name: "checkout",
			give: debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Deps: deps,
				Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}},
			wantShort: "devel+0123456789ab+dirty",
			wantLong:  "vaultsite devel+0123456789ab+dirty\nrevision 0123456789abcdef0123\ngo go1.26.8\ngoldmark v1.8.7\nchroma v2.27.0\n",
		},
		{
			name:      "stamped by the release script",
			give:      debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			stamped:   "v2.0.0",
			wantShort: "v2.0.0",
			wantLong:  "vaultsite v2.0.0\ngo go1.26.8\n",
		},
		{
			name:      "replaced goldmark",
			give:      debug.BuildInfo{Main: debug.Module{Version: "v1.0.0"}, Deps: []*debug.Module{{Path: "github.com/yuin/goldmark", Version: "v1.8.7", Replace: &debug.Module{Path: "../goldmark", Version: "v1.8.8"}}}},
			wantShort: "v1.0.0",
			wantLong:  "vaultsite v1.0.0\ngoldmark v1.8.8\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := fromBuildInfo(&tt.give, tt.stamped)
			if got := in.Short(); got != tt.wantShort {
				t.Errorf("Short() = %q, want %q", got, tt.wantShort)
			}
			if got := in.Long(); got != tt.wantLong {
				t.Errorf("Long() = %q, want %q", got, tt.wantLong)
			}
		})
	}
}
