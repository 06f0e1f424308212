package i18n

import (
	"strconv"
	"strings"
	"time"
)

// Date writes t's calendar date the way the catalog's language does
// ("7 July 2023", "2023年7月7日", "7. Juli 2023"), and with withTime its
// wall-clock time after it ("7 July 2023, 10:30"). The time is t's own,
// in t's own zone, not converted: the same value gives the same text on
// every machine.
func (c *Catalog) Date(t time.Time, withTime bool) string {
	months := strings.Split(c.T("date.months"), "|")
	month := t.Month().String()
	if int(t.Month()) <= len(months) {
		month = months[t.Month()-1]
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = c.T("date.day1")
	}
	s := c.Tf("date.format", "d", day, "month", month, "y", strconv.Itoa(t.Year()))
	if withTime {
		s = c.Tf("date.formatTime", "date", s, "time", t.Format("15:04"))
	}
	return s
}
