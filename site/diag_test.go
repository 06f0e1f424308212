package site

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPosString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give Pos
		want string
	}{
		{give: Pos{Path: "a/b.md", Line: 12, Col: 5}, want: "a/b.md:12:5"},
		{give: Pos{Path: "a/b.md", Line: 12}, want: "a/b.md:12"},
		{give: Pos{Path: "a/b.md"}, want: "a/b.md"},
		{give: Pos{Path: "a/b.md", Col: 3}, want: "a/b.md"}, // no line, no column
		{give: Pos{}, want: ""},
	}
	for _, tt := range tests {
		if got := tt.give.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestDiagnosticString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give Diagnostic
		want string
	}{
		{
			give: Diagnostic{Pos: Pos{Path: "Daily/2024-01-02.md", Line: 12, Col: 5}, Severity: Error, Code: "broken-link",
				Msg: `broken link "Projct Alpha": no such note; did you mean "Projects/Project Alpha.md"?`},
			want: `Daily/2024-01-02.md:12:5: error: broken link "Projct Alpha": no such note; did you mean "Projects/Project Alpha.md"? (broken-link)`,
		},
		{
			give: Diagnostic{Pos: Pos{Path: "a.md", Line: 3}, Severity: Warning, Code: "duplicate-key", Msg: `duplicate property "x"`},
			want: `a.md:3: warning: duplicate property "x" (duplicate-key)`,
		},
		{
			give: Diagnostic{Pos: Pos{Path: "a b.md"}, Severity: Warning, Code: "slug-collision", Msg: "taken"},
			want: `a b.md: warning: taken (slug-collision)`,
		},
		{
			give: Diagnostic{Pos: Pos{Path: "x.md", Line: 1, Col: 1}, Severity: Info, Code: "symlink-skipped", Msg: "symbolic link not followed"},
			want: `x.md:1:1: info: symbolic link not followed (symlink-skipped)`,
		},
		{
			// An unknown position is left out, as in go/scanner.
			give: Diagnostic{Severity: Error, Code: "no-notes", Msg: "the vault has no notes"},
			want: `error: the vault has no notes (no-notes)`,
		},
	}
	for _, tt := range tests {
		if got := tt.give.String(); got != tt.want {
			t.Errorf("String() =\n  %s\nwant\n  %s", got, tt.want)
		}
	}
}

func TestSeverity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give             string
		wantSev          Severity
		wantOn, wantOK   bool
		wantSeverityText string
	}{
		{give: "error", wantSev: Error, wantOn: true, wantOK: true, wantSeverityText: "error"},
		{give: "ERROR", wantSev: Error, wantOn: true, wantOK: true, wantSeverityText: "error"},
		{give: "warning", wantSev: Warning, wantOn: true, wantOK: true, wantSeverityText: "warning"},
		{give: "warn", wantSev: Warning, wantOn: true, wantOK: true, wantSeverityText: "warning"},
		{give: "info", wantSev: Info, wantOn: true, wantOK: true, wantSeverityText: "info"},
		{give: "off", wantSev: Info, wantOK: true, wantSeverityText: "info"},
		{give: "ignore", wantSev: Info, wantOK: true, wantSeverityText: "info"},
		{give: "none", wantSev: Info, wantOK: true, wantSeverityText: "info"},
		{give: "fatal", wantSev: Info, wantSeverityText: "info"},
	}
	for _, tt := range tests {
		sev, on, ok := ParseSeverity(tt.give)
		if sev != tt.wantSev || on != tt.wantOn || ok != tt.wantOK {
			t.Errorf("ParseSeverity(%q) = %v, %v, %v; want %v, %v, %v", tt.give, sev, on, ok, tt.wantSev, tt.wantOn, tt.wantOK)
		}
		if got := sev.String(); got != tt.wantSeverityText {
			t.Errorf("ParseSeverity(%q).String() = %q, want %q", tt.give, got, tt.wantSeverityText)
		}
	}
}

func TestDiagnosticsAdd(t *testing.T) {
	t.Parallel()
	var l Diagnostics
	l.Add(Pos{Path: "a.md", Line: 2, Col: 3}, Warning, "broken-link", "broken link %q: %s", "X", "no such note")
	l.Add(Pos{Path: "b.md"}, Error, "plain", "no arguments")
	want := Diagnostics{
		{Pos: Pos{Path: "a.md", Line: 2, Col: 3}, Severity: Warning, Code: "broken-link", Msg: `broken link "X": no such note`},
		{Pos: Pos{Path: "b.md"}, Severity: Error, Code: "plain", Msg: "no arguments"},
	}
	if diff := cmp.Diff(want, l); diff != "" {
		t.Errorf("Add mismatch (-want +got):\n%s", diff)
	}
}

func d(path VaultPath, line, col int, code, msg string) Diagnostic {
	return Diagnostic{Pos: Pos{Path: path, Line: line, Col: col}, Severity: Warning, Code: code, Msg: msg}
}

func TestDiagnosticsSort(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		give Diagnostics
		want Diagnostics
	}{
		{name: "empty", give: nil, want: nil},
		{
			name: "path, line, column, code, message",
			give: Diagnostics{
				d("b.md", 1, 1, "x", "m"),
				d("a.md", 10, 1, "x", "m"),
				d("a.md", 2, 9, "x", "m"),
				d("a.md", 2, 3, "z", "m"),
				d("a.md", 2, 3, "x", "n"),
				d("a.md", 2, 3, "x", "m"),
				d("a.md", 0, 0, "x", "m"),
				d("A.md", 5, 5, "x", "m"),
			},
			want: Diagnostics{
				d("A.md", 5, 5, "x", "m"),
				d("a.md", 0, 0, "x", "m"),
				d("a.md", 2, 3, "x", "m"),
				d("a.md", 2, 3, "x", "n"),
				d("a.md", 2, 3, "z", "m"),
				d("a.md", 2, 9, "x", "m"),
				d("a.md", 10, 1, "x", "m"), // numerically, not as text
				d("b.md", 1, 1, "x", "m"),
			},
		},
		{
			name: "stable for equal keys",
			give: Diagnostics{
				{Pos: Pos{Path: "a.md", Line: 1}, Severity: Error, Code: "c", Msg: "m"},
				{Pos: Pos{Path: "a.md", Line: 1}, Severity: Info, Code: "c", Msg: "m"},
			},
			want: Diagnostics{
				{Pos: Pos{Path: "a.md", Line: 1}, Severity: Error, Code: "c", Msg: "m"},
				{Pos: Pos{Path: "a.md", Line: 1}, Severity: Info, Code: "c", Msg: "m"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := append(Diagnostics(nil), tt.give...)
			got.Sort()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sort mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiagnosticsRemoveMultiples(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		give Diagnostics
		want Diagnostics
	}{
		{name: "empty", give: Diagnostics{}, want: Diagnostics{}},
		{
			name: "exact repeats, even apart, are dropped",
			give: Diagnostics{
				d("b.md", 3, 1, "missing-embed", "x"),
				d("a.md", 1, 1, "broken-link", "y"),
				d("b.md", 3, 1, "missing-embed", "x"),
				d("b.md", 3, 1, "missing-embed", "x"),
			},
			want: Diagnostics{
				d("a.md", 1, 1, "broken-link", "y"),
				d("b.md", 3, 1, "missing-embed", "x"),
			},
		},
		{
			name: "different findings on one line are kept",
			give: Diagnostics{
				d("a.md", 1, 5, "broken-link", "y"),
				d("a.md", 1, 1, "broken-link", "x"),
				d("a.md", 1, 1, "broken-link", "y"),
				d("a.md", 1, 1, "raw-space-link", "x"),
			},
			want: Diagnostics{
				d("a.md", 1, 1, "broken-link", "x"),
				d("a.md", 1, 1, "broken-link", "y"),
				d("a.md", 1, 1, "raw-space-link", "x"),
				d("a.md", 1, 5, "broken-link", "y"),
			},
		},
		{
			name: "a different severity is a different finding",
			give: Diagnostics{
				{Pos: Pos{Path: "a.md"}, Severity: Warning, Code: "c", Msg: "m"},
				{Pos: Pos{Path: "a.md"}, Severity: Error, Code: "c", Msg: "m"},
			},
			want: Diagnostics{
				{Pos: Pos{Path: "a.md"}, Severity: Warning, Code: "c", Msg: "m"},
				{Pos: Pos{Path: "a.md"}, Severity: Error, Code: "c", Msg: "m"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := append(Diagnostics{}, tt.give...)
			got.RemoveMultiples()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("RemoveMultiples mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiagnosticsErr(t *testing.T) {
	t.Parallel()
	e := func(path VaultPath, line int, msg string) Diagnostic {
		return Diagnostic{Pos: Pos{Path: path, Line: line, Col: 1}, Severity: Error, Code: "broken-link", Msg: msg}
	}
	w := Diagnostic{Pos: Pos{Path: "w.md", Line: 1, Col: 1}, Severity: Warning, Code: "slug-collision", Msg: "warn"}
	tests := []struct {
		name      string
		give      Diagnostics
		wantErr   bool
		wantError string
		wantCount [3]int // info, warning, error
	}{
		{name: "nil", give: nil, wantError: "no errors"},
		{name: "warnings only", give: Diagnostics{w, w}, wantError: "no errors", wantCount: [3]int{0, 2, 0}},
		{
			name: "one error", give: Diagnostics{w, e("a.md", 2, "first")}, wantErr: true,
			wantError: "a.md:2:1: error: first (broken-link)", wantCount: [3]int{0, 1, 1},
		},
		{
			name: "several errors", give: Diagnostics{e("a.md", 2, "first"), w, e("b.md", 1, "second"), e("c.md", 1, "third")}, wantErr: true,
			wantError: "a.md:2:1: error: first (broken-link) (and 2 more errors)", wantCount: [3]int{0, 1, 3},
		},
		{
			name: "the first error, not the first entry", give: Diagnostics{w, e("z.md", 9, "only")}, wantErr: true,
			wantError: "z.md:9:1: error: only (broken-link)", wantCount: [3]int{0, 1, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.give.Err()
			if (err != nil) != tt.wantErr {
				t.Fatalf("Err() = %v, want an error: %v", err, tt.wantErr)
			}
			if got := tt.give.Error(); got != tt.wantError {
				t.Errorf("Error() = %q, want %q", got, tt.wantError)
			}
			if err != nil {
				if got := err.Error(); got != tt.wantError {
					t.Errorf("Err().Error() = %q, want %q", got, tt.wantError)
				}
				var list Diagnostics
				if !errors.As(err, &list) || len(list) != len(tt.give) {
					t.Errorf("errors.As(Err(), *Diagnostics) did not give back the list")
				}
			}
			got := [3]int{tt.give.Count(Info), tt.give.Count(Warning), tt.give.Count(Error)}
			if got != tt.wantCount {
				t.Errorf("Count = %v, want %v", got, tt.wantCount)
			}
		})
	}
}
