package site

import (
	"context"
	"testing"
	"testing/fstest"
)

func TestReadPublishOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		give      string
		wantIndex string
		wantCodes []string
	}{
		{name: "index without extension", give: `{"indexFile": "Start"}`, wantIndex: "Start.md"},
		{name: "index with extension", give: `{"indexFile": "/Notes/Start.md"}`, wantIndex: "Notes/Start.md"},
		{name: "unknown key is an info", give: "{\n\"slidingWindow\": true}", wantCodes: []string{"unused-setting"}},
		{name: "wrong type is a warning", give: `{"showSearch": "no"}`, wantCodes: []string{"invalid-config"}},
		{name: "not JSON", give: `{`, wantCodes: []string{"invalid-config"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var diags Diagnostics
			o := readPublishOptions(fstest.MapFS{PublishOptionsFile: {Data: []byte(tt.give)}}, &diags)
			if got := o.IndexNote(); got != tt.wantIndex {
				t.Errorf("IndexNote() = %q, want %q", got, tt.wantIndex)
			}
			if len(diags) != len(tt.wantCodes) {
				t.Fatalf("diagnostics %v, want codes %v", diags, tt.wantCodes)
			}
			for i, d := range diags {
				if d.Code != tt.wantCodes[i] {
					t.Errorf("diagnostic %d is %s, want %s", i, d.Code, tt.wantCodes[i])
				}
				if d.Code == "unused-setting" && (d.Severity != Info || d.Pos.Line != 2) {
					t.Errorf("unknown key: %v, want an info at line 2", d)
				}
			}
		})
	}
}

func TestAppearanceMode(t *testing.T) {
	t.Parallel()
	for give, want := range map[string]string{"obsidian": "dark", "moonstone": "light", "system": "", "": ""} {
		if got := (Appearance{Theme: give}).Mode(); got != want {
			t.Errorf("Mode() of theme %q = %q, want %q", give, got, want)
		}
	}
}

// TestHomeFromIndexFile: indexFile names the home note, after
// vaultsite.yaml's home and before Home.md.
func TestHomeFromIndexFile(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"Home.md": {Data: []byte("h")}, "Start.md": {Data: []byte("s")}, "Other.md": {Data: []byte("o")},
		PublishOptionsFile: {Data: []byte(`{"indexFile": "Start"}`)},
	}
	for _, tt := range []struct {
		opts LoadOptions
		want VaultPath
	}{
		{LoadOptions{}, "Start.md"},
		{LoadOptions{Home: "Other.md"}, "Other.md"},
		{LoadOptions{NoPublishOptions: true}, "Home.md"},
	} {
		v, _, err := Load(context.Background(), fsys, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if h := v.Home(); h == nil || h.Path != tt.want {
			t.Errorf("with %+v the home is %v, want %s", tt.opts, h, tt.want)
		}
	}
}
