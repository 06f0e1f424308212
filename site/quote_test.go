package site

import "testing"

func TestQuoteUnsafe(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give, wantQuote, wantEscape string
	}{
		{"Daily/2024-01-02.md", "Daily/2024-01-02.md", "Daily/2024-01-02.md"},
		{"Café 日本語 \"x\".md", "Café 日本語 \"x\".md", "Café 日本語 \"x\".md"},
		{"a\x1b[31mred.md", `"a\x1b[31mred.md"`, `a\x1b[31mred.md`},
		{"bell\a.md", `"bell\a.md"`, `bell\a.md`},
		{"over\rwrite.md", `"over\rwrite.md"`, `over\rwrite.md`},
		{"x\n::warning::pwned.md", `"x\n::warning::pwned.md"`, `x\n::warning::pwned.md`},
		{"tab\there", `"tab\there"`, `tab\there`},
		{"c1\u0085.md", `"c1\u0085.md"`, `c1\u0085.md`},
		{"del\x7f.md", `"del\x7f.md"`, `del\x7f.md`},
		{"evil\u202Edm.exe", `"evil\u202edm.exe"`, `evil\u202edm.exe`},
		{"sep\u2028x", `"sep\u2028x"`, `sep\u2028x`},
		{"bad\xffutf8", `"bad\xffutf8"`, `bad\xffutf8`},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := QuoteUnsafe(tt.give); got != tt.wantQuote {
			t.Errorf("QuoteUnsafe(%q) = %s, want %s", tt.give, got, tt.wantQuote)
		}
		if got := EscapeUnsafe(tt.give); got != tt.wantEscape {
			t.Errorf("EscapeUnsafe(%q) = %s, want %s", tt.give, got, tt.wantEscape)
		}
	}
}

// TestDiagnosticStringQuotesControls checks that a diagnostic prints on
// one line, with no control character, whatever its file is called.
func TestDiagnosticStringQuotesControls(t *testing.T) {
	t.Parallel()
	d := Diagnostic{Pos: Pos{Path: "x\r\n::warning::y\x1b.md", Line: 2, Col: 3}, Severity: Error, Code: "broken-link",
		Msg: "cannot read x\n::error::z: no such file"}
	want := `"x\r\n::warning::y\x1b.md":2:3: error: cannot read x\n::error::z: no such file (broken-link)`
	if got := d.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
}
