package site

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a vault file. Line and Col are 1-based; Col counts
// characters, not bytes. A zero Line means the whole file.
type Pos struct {
	Path VaultPath
	Line int
	Col  int
}

// String prints path:line:col, leaving out what is unknown. A path with
// a control character is quoted (QuoteUnsafe), so a file name cannot
// move the cursor, rewrite the line or start a line of its own.
func (p Pos) String() string {
	path := QuoteUnsafe(string(p.Path))
	switch {
	case p.Line == 0:
		return path
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", path, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", path, p.Line, p.Col)
}

// Severity orders diagnostics; only Error fails a check.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// ParseSeverity reads "error", "warning", "info" (and "off" as ok=false
// with no severity, which callers treat as "drop the diagnostic").
func ParseSeverity(s string) (sev Severity, on bool, ok bool) {
	switch strings.ToLower(s) {
	case "error":
		return Error, true, true
	case "warning", "warn":
		return Warning, true, true
	case "info":
		return Info, true, true
	case "off", "ignore", "none":
		return Info, false, true
	}
	return Info, false, false
}

// Diagnostic is one finding about the vault's content. Code is a stable
// kebab-case word ("broken-link") that configuration and JSON can name.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     string
	Msg      string
}

// String prints "path:line:col: severity: message (code)", leaving out an
// unknown position, with the control characters of the message escaped
// (EscapeUnsafe): it is printed to terminals and CI logs.
func (d Diagnostic) String() string {
	s := fmt.Sprintf("%s: %s (%s)", d.Severity, EscapeUnsafe(d.Msg), EscapeUnsafe(d.Code))
	if p := d.Pos.String(); p != "" {
		return p + ": " + s
	}
	return s
}

// Diagnostics is a list of findings, modelled on go/scanner.ErrorList.
type Diagnostics []Diagnostic

// Add appends a diagnostic.
func (l *Diagnostics) Add(pos Pos, sev Severity, code, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Code: code, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders by path, line, column, code and message.
func (l Diagnostics) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.Path != b.Pos.Path {
			return a.Pos.Path < b.Pos.Path
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Msg < b.Msg
	})
}

// RemoveMultiples sorts the list and drops exact repeats (the same
// position, code and message), which embeds of one note would otherwise
// produce once per embedding page.
func (l *Diagnostics) RemoveMultiples() {
	l.Sort()
	out := (*l)[:0]
	for i, d := range *l {
		if i > 0 && d == (*l)[i-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// Count returns how many diagnostics have severity sev.
func (l Diagnostics) Count(sev Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == sev {
			n++
		}
	}
	return n
}

// Err returns nil when there is no error-severity diagnostic, and the
// list of errors otherwise.
func (l Diagnostics) Err() error {
	if l.Count(Error) == 0 {
		return nil
	}
	return l
}

// Error reads "first error (and N more errors)".
func (l Diagnostics) Error() string {
	var errs Diagnostics
	for _, d := range l {
		if d.Severity == Error {
			errs = append(errs, d)
		}
	}
	switch len(errs) {
	case 0:
		return "no errors"
	case 1:
		return errs[0].String()
	}
	return fmt.Sprintf("%s (and %d more errors)", errs[0], len(errs)-1)
}
