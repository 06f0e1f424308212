package bases

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// Clock is the build's "now" for now() and today(): the time
// SOURCE_DATE_EPOCH names (seconds since 1970, the reproducible-builds
// convention) when it is set and valid, else the machine's clock, in UTC
// and to the second so two renders within a build agree.
func Clock() time.Time {
	if s := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH")); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Now().UTC().Truncate(time.Second)
}
