package build

import (
	"strings"
	"testing"
	"time"
)

// TestParseDate: the shortcuts give what trying every layout in order
// gives.
func TestParseDate(t *testing.T) {
	t.Parallel()
	slow := func(s string) (time.Time, bool) {
		s = strings.TrimSpace(s)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true
			}
		}
		return time.Time{}, false
	}
	for _, s := range []string{
		"2023-07-07", " 2023-07-07 ", "2023-13-45", "2023-7-7", "23-07-07", "2023/07/07", "July 2023", "",
		"2024-02-01T10:30:00+02:00", "2024-02-01T10:30:00.5Z", "2024-02-01T10:30:00", "2024-02-01T10:30",
		"2024-02-01 10:30:00+02:00", "2024-02-01 10:30:00", "2024-02-01 10:30", "2024-02-01x", "20240201", "network+",
	} {
		got, gotOK := parseDate(s)
		want, wantOK := slow(s)
		if gotOK != wantOK || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v, %v", s, got, gotOK, want, wantOK)
		}
	}
	if _, ok := parseDate("2023-07-07"); !ok {
		t.Error("a plain date does not parse")
	}
}
