package bases

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// dateLayouts are the forms date() and date-valued properties accept.
var dateLayouts = []struct {
	layout string
	time   bool
}{
	{"2006-01-02", false},
	{"2006-01-02 15:04:05", true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02 15:04", true},
	{"2006-01-02T15:04", true},
	{time.RFC3339, true},
	{"2006-01-02T15:04:05.000", true},
}

// parseDate reads a date or date-time. An offset is dropped, keeping the
// wall-clock time the author wrote (see Date).
func parseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
			return Date{T: wall, Time: l.time}, true
		}
	}
	return Date{}, false
}

// durationUnits maps each unit of Bases syntax's date arithmetic table.
var durationUnits = map[string]Duration{
	"y": {Months: 12}, "year": {Months: 12}, "years": {Months: 12},
	"M": {Months: 1}, "month": {Months: 1}, "months": {Months: 1},
	"w": {Ms: 7 * 864e5}, "week": {Ms: 7 * 864e5}, "weeks": {Ms: 7 * 864e5},
	"d": {Ms: 864e5}, "day": {Ms: 864e5}, "days": {Ms: 864e5},
	"h": {Ms: 36e5}, "hour": {Ms: 36e5}, "hours": {Ms: 36e5},
	"m": {Ms: 6e4}, "minute": {Ms: 6e4}, "minutes": {Ms: 6e4},
	"s": {Ms: 1e3}, "second": {Ms: 1e3}, "seconds": {Ms: 1e3},
}

// parseDuration reads "1M", "2 h", "1 day" or several such, "1d 4h".
// Units are case-sensitive only where they must be: "M" is a month and
// "m" a minute.
func parseDuration(s string) (Duration, bool) {
	var d Duration
	s = strings.TrimSpace(s)
	if s == "" {
		return d, false
	}
	for s != "" {
		i := 0
		for i < len(s) && (s[i] == '-' || s[i] == '+' || s[i] == '.' || unicode.IsDigit(rune(s[i]))) {
			i++
		}
		n, err := strconv.ParseFloat(s[:i], 64)
		if err != nil {
			return d, false
		}
		s = strings.TrimLeft(s[i:], " ")
		j := 0
		for j < len(s) && unicode.IsLetter(rune(s[j])) {
			j++
		}
		unit, ok := durationUnits[s[:j]]
		if !ok && s[:j] != "M" {
			unit, ok = durationUnits[strings.ToLower(s[:j])]
		}
		if !ok {
			return d, false
		}
		d.Months += int(n) * unit.Months
		d.Ms += n * unit.Ms
		s = strings.TrimLeft(s[j:], " ,")
	}
	return d, true
}

func dateField(d Date, name string) Value {
	t := d.T
	switch name {
	case "year":
		return float64(t.Year())
	case "month":
		return float64(t.Month())
	case "day":
		return float64(t.Day())
	case "hour":
		return float64(t.Hour())
	case "minute":
		return float64(t.Minute())
	case "second":
		return float64(t.Second())
	case "millisecond":
		return float64(t.Nanosecond() / 1e6)
	}
	return nil
}

// momentTokens are the Moment.js format tokens format() knows, longest
// first so "MMMM" wins over "MM".
var momentTokens = []string{"YYYY", "YY", "MMMM", "MMM", "MM", "M", "DDDD", "DD", "Do", "D", "dddd", "ddd", "dd", "d",
	"HH", "H", "hh", "h", "mm", "m", "ss", "s", "SSS", "A", "a", "ZZ", "Z", "X", "x", "E", "e", "Q", "W", "ww", "w"}

// formatMoment formats t with a Moment.js format string; text in [ ]
// is copied as it is.
func formatMoment(t time.Time, f string) string {
	var b strings.Builder
	for f != "" {
		if f[0] == '[' {
			if end := strings.IndexByte(f, ']'); end > 0 {
				b.WriteString(f[1:end])
				f = f[end+1:]
				continue
			}
		}
		tok := ""
		for _, t := range momentTokens {
			if strings.HasPrefix(f, t) && len(t) > len(tok) {
				tok = t
			}
		}
		if tok == "" {
			b.WriteByte(f[0])
			f = f[1:]
			continue
		}
		b.WriteString(momentToken(t, tok))
		f = f[len(tok):]
	}
	return b.String()
}

// momentToken formats one token: the date's, else the time's.
func momentToken(t time.Time, tok string) string {
	if s, ok := momentDate(t, tok); ok {
		return s
	}
	return momentTime(t, tok)
}

func momentDate(t time.Time, tok string) (string, bool) {
	_, week := t.ISOWeek()
	s := ""
	switch tok {
	case "YYYY":
		s = fmt.Sprintf("%04d", t.Year())
	case "YY":
		s = fmt.Sprintf("%02d", t.Year()%100)
	case "MMMM":
		s = t.Month().String()
	case "MMM":
		s = t.Month().String()[:3]
	case "MM":
		s = fmt.Sprintf("%02d", int(t.Month()))
	case "M":
		s = strconv.Itoa(int(t.Month()))
	case "DDDD":
		s = fmt.Sprintf("%03d", t.YearDay())
	case "DD":
		s = fmt.Sprintf("%02d", t.Day())
	case "Do":
		s = ordinal(t.Day())
	case "D":
		s = strconv.Itoa(t.Day())
	case "dddd":
		s = t.Weekday().String()
	case "ddd":
		s = t.Weekday().String()[:3]
	case "dd":
		s = t.Weekday().String()[:2]
	case "d", "e":
		s = strconv.Itoa(int(t.Weekday()))
	case "E":
		s = strconv.Itoa((int(t.Weekday())+6)%7 + 1)
	case "Q":
		s = strconv.Itoa((int(t.Month())-1)/3 + 1)
	case "W", "w":
		s = strconv.Itoa(week)
	case "ww":
		s = fmt.Sprintf("%02d", week)
	default:
		return "", false
	}
	return s, true
}

func momentTime(t time.Time, tok string) string {
	h12 := t.Hour() % 12
	if h12 == 0 {
		h12 = 12
	}
	switch tok {
	case "HH":
		return fmt.Sprintf("%02d", t.Hour())
	case "H":
		return strconv.Itoa(t.Hour())
	case "hh":
		return fmt.Sprintf("%02d", h12)
	case "h":
		return strconv.Itoa(h12)
	case "mm":
		return fmt.Sprintf("%02d", t.Minute())
	case "m":
		return strconv.Itoa(t.Minute())
	case "ss":
		return fmt.Sprintf("%02d", t.Second())
	case "s":
		return strconv.Itoa(t.Second())
	case "SSS":
		return fmt.Sprintf("%03d", t.Nanosecond()/1e6)
	case "A":
		return map[bool]string{true: "PM", false: "AM"}[t.Hour() >= 12]
	case "a":
		return map[bool]string{true: "pm", false: "am"}[t.Hour() >= 12]
	case "ZZ":
		return "+0000"
	case "Z":
		return "+00:00"
	case "X":
		return strconv.FormatInt(t.Unix(), 10)
	case "x":
		return strconv.FormatInt(t.UnixMilli(), 10)
	}
	return tok
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// relative says how far t is from now in Moment.js's words ("3 days
// ago", "in 2 hours"), with Moment's rounding thresholds.
func relative(t, now time.Time) string {
	d := now.Sub(t)
	future := d < 0
	secs := math.Abs(d.Seconds())
	mins, hours, days := math.Round(secs/60), math.Round(secs/3600), math.Round(secs/86400)
	var s string
	switch {
	case secs < 45:
		s = "a few seconds"
	case secs < 90:
		s = "a minute"
	case mins < 45:
		s = fmt.Sprintf("%d minutes", int(mins))
	case mins < 90:
		s = "an hour"
	case hours < 22:
		s = fmt.Sprintf("%d hours", int(hours))
	case hours < 36:
		s = "a day"
	case days < 26:
		s = fmt.Sprintf("%d days", int(days))
	case days < 46:
		s = "a month"
	case days < 320:
		s = fmt.Sprintf("%d months", int(math.Round(days/30.4)))
	case days < 548:
		s = "a year"
	default:
		s = fmt.Sprintf("%d years", int(math.Round(days/365)))
	}
	if future {
		return "in " + s
	}
	return s + " ago"
}
