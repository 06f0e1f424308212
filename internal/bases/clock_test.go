package bases

import (
	"testing"
	"time"
)

func TestClockSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1748341800")
	if got, want := Clock(), time.Date(2025, 5, 27, 10, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Clock() = %v, want %v", got, want)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	if got := Clock(); time.Since(got) > time.Minute {
		t.Errorf("an invalid SOURCE_DATE_EPOCH gave %v, want the machine's clock", got)
	}
}
