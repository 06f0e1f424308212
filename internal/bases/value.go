package bases

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vaultsite/vaultsite/site"
)

// Value is what an expression yields: nil (null), bool, float64, string,
// Date, Duration, []Value (a list), *Object, Link, *File, *Regexp, Image,
// Icon or HTML.
type Value = any

// Object is a map that keeps its keys' order.
type Object struct {
	Keys []string
	Vals map[string]Value
}

// NewObject returns an empty object.
func NewObject() *Object { return &Object{Vals: map[string]Value{}} }

// Set adds or replaces key.
func (o *Object) Set(key string, v Value) {
	if _, ok := o.Vals[key]; !ok {
		o.Keys = append(o.Keys, key)
	}
	o.Vals[key] = v
}

// Get returns the value under key and whether it is there.
func (o *Object) Get(key string) (Value, bool) {
	if o == nil {
		return nil, false
	}
	v, ok := o.Vals[key]
	return v, ok
}

// Date is a date, with or without a time of day. Times are wall-clock
// times kept in UTC: the build never converts zones, so its output does
// not depend on the machine.
type Date struct {
	T    time.Time
	Time bool
}

// Duration is a length of time: calendar months (a year is twelve) and
// milliseconds, since a month has no fixed length.
type Duration struct {
	Months int
	Ms     float64
}

// Link is a link to a file or a URL. File is the published file it
// resolves to, or nil (a missing or unpublished note, or a URL).
type Link struct {
	Target  string // the path or URL as written, without [[ ]]
	Display string // "" for none
	File    *File
	// Plain marks a link to a file left out of the site: only its
	// display text may show.
	Plain bool
}

// Regexp is a regular expression literal; Global is its g flag.
type Regexp struct {
	Re     *regexp.Regexp
	Global bool
}

// Image, Icon and HTML are what image(), icon() and html() return.
type (
	Image struct{ Src Value }
	Icon  struct{ Name string }
	HTML  struct{ Src string }
)

// File is one row: a published note as the views see it. The caller
// builds Files from published notes only, so nothing else can leak.
type File struct {
	Path  site.VaultPath
	Size  int64
	MTime time.Time
	Props *Object // the note properties
	Tags  []string
	Links []Link // internal links in the body and properties, in order
	// Embeds are the links written as embeds.
	Embeds []Link
	// Ref is the caller's handle on the row (its *site.Note).
	Ref any
}

// Name is the file name with its extension.
func (f *File) Name() string { return f.Path.Base() }

// typeName is what isType compares with.
func typeName(v Value) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case Date:
		return "date"
	case Duration:
		return "duration"
	case []Value:
		return "list"
	case *Object:
		return "object"
	case Link:
		return "link"
	case *File:
		return "file"
	case *Regexp:
		return "regexp"
	case Image:
		return "image"
	case Icon:
		return "icon"
	case HTML:
		return "html"
	}
	return "unknown"
}

// truthy is JavaScript's truthiness: lists and objects are true even
// when empty.
func truthy(v Value) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case float64:
		return v != 0 && !math.IsNaN(v)
	case string:
		return v != ""
	}
	return true
}

// isEmpty is the isEmpty() method: null, "", [] and {} are empty.
func isEmpty(v Value) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case []Value:
		return len(v) == 0
	case *Object:
		return len(v.Keys) == 0
	}
	return false
}

// formatNumber prints a number as JavaScript does for everyday values.
func formatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	case math.Abs(f) >= 1e21 || math.Abs(f) < 1e-6:
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// toString is JavaScript's String(v), with dates in Obsidian's form.
func toString(v Value) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return formatNumber(v)
	case string:
		return v
	case Date:
		if v.Time {
			return v.T.Format("2006-01-02 15:04:05")
		}
		return v.T.Format("2006-01-02")
	case Duration:
		return formatNumber(v.approxMs())
	case []Value:
		parts := make([]string, len(v))
		for i, it := range v {
			if it != nil {
				parts[i] = toString(it)
			}
		}
		return strings.Join(parts, ",")
	case *Object:
		return "[object Object]"
	case Link:
		if v.Display != "" {
			return v.Display
		}
		return v.Target
	case *File:
		return string(v.Path)
	case *Regexp:
		return "/" + v.Re.String() + "/"
	case Image:
		return toString(v.Src)
	case Icon:
		return v.Name
	case HTML:
		return v.Src
	}
	return ""
}

// approxMs is a duration in milliseconds, a month taken as 30 days.
func (d Duration) approxMs() float64 { return d.Ms + float64(d.Months)*30*864e5 }

// equal is == for every pair of values. A link equals a file it
// resolves to, and two links are equal when they resolve to the same
// file or, both unresolved, have the same text (Bases syntax).
func equal(a, b Value) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case float64:
		if s, ok := b.(string); ok {
			f, err := strconv.ParseFloat(s, 64)
			return err == nil && f == x
		}
	case string:
		if _, ok := b.(float64); ok {
			return equal(b, a)
		}
	case Date:
		if y, ok := b.(Date); ok {
			return x.T.Equal(y.T)
		}
		return false
	case []Value:
		y, ok := b.([]Value)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case Link:
		switch y := b.(type) {
		case Link:
			if x.File != nil || y.File != nil {
				return x.File == y.File
			}
			return x.Target == y.Target
		case *File:
			return x.File == y
		}
		return false
	case *File:
		if y, ok := b.(Link); ok {
			return equal(y, x)
		}
	case *Object:
		y, ok := b.(*Object)
		return ok && x == y
	case *Regexp, Image, Icon, HTML:
		return false
	}
	return a == b
}
