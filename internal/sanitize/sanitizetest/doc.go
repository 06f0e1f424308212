// Package sanitizetest judges HTML the way a browser would run it, for
// the fuzz targets of sanitize and render.
package sanitizetest
