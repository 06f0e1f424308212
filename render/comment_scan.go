package render

import "bytes"

// The line-level scanning of blankComments: what a line's prefix holds,
// where code spans and code fences begin and end.

// atxHeading reports whether a line starts an ATX heading, after any
// ">" markers.
func atxHeading(line []byte) bool {
	t := bytes.TrimLeft(line, " \t>")
	n := 0
	for n < len(t) && n < 7 && t[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t')
}

// keepQuotePrefix returns the offset after the first depth ">" markers of
// the line at from and the whitespace among them, never past stop. With
// no markers to keep it is from itself: leading blanks are blanked too,
// so a marker can go at the very start of the line.
func keepQuotePrefix(src []byte, from, stop, depth int) int {
	kept := 0
	for ; from < stop; from++ {
		switch c := src[from]; {
		case c == '>' && kept < depth:
			kept++
		case (c == ' ' || c == '\t') && kept < depth:
		default:
			return from
		}
	}
	return from
}

// quoteDepth counts the ">" markers that open a line's prefix, src[from:to],
// resuming a count: depth markers were counted up to from, which is where
// the last count stopped. The bytes before from never change, as
// comments are blanked only after it, so with many comments on a line
// each is counted once, not once per comment.
func quoteDepth(src []byte, from, to, depth int) (stop, n int) {
	for ; from < to; from++ {
		switch src[from] {
		case '>':
			depth++
		case ' ', '\t':
		default:
			return from, depth
		}
	}
	return from, depth
}

// blockPrefix reports whether b holds only what opens blocks on a line:
// indentation, ">" markers and list markers ("-", "+", "*", "1.", "1)"),
// each marker followed by a space or a tab.
func blockPrefix(b []byte) bool {
	for len(b) > 0 {
		n := 0
		switch {
		case b[0] == ' ' || b[0] == '\t' || b[0] == '>':
			b = b[1:]
			continue
		case b[0] == '-' || b[0] == '+' || b[0] == '*':
			n = 1
		default:
			for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
				n++
			}
			if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
				return false
			}
			n++
		}
		if n >= len(b) || (b[n] != ' ' && b[n] != '\t') {
			return false
		}
		b = b[n:]
	}
	return true
}

// codeSpanMemo remembers, for a backtick run length, where the last
// search for a closing run ended without one: the blank line or the end
// of the text it reached. An opening run before that point has no closer
// either, so it is not searched again; without this a line of ever longer
// backtick runs ("e`e“e```") searched to its end once per run.
type codeSpanMemo map[int]int

// skipCodeSpan returns the offset after the code span that opens at i, or
// i plus the backtick run when the span is not closed before a blank line.
func skipCodeSpan(src []byte, i int, memo codeSpanMemo) int {
	n := 0
	for i+n < len(src) && src[i+n] == '`' {
		n++
	}
	if i < memo[n] {
		return i + n
	}
	run := src[i : i+n]
	for j := i + n; j < len(src); {
		k := bytes.Index(src[j:], run)
		if k < 0 {
			break
		}
		k += j
		if b := bytes.Index(src[j:k], []byte("\n\n")); b >= 0 {
			memo[n] = j + b
			return i + n
		}
		if k+n < len(src) && src[k+n] == '`' {
			for k < len(src) && src[k] == '`' {
				k++
			}
			j = k
			continue
		}
		return k + n
	}
	memo[n] = len(src)
	return i + n
}

// fenceMarker returns the run of ``` or ~~~ that opens a code fence on
// line, after up to three spaces and any blockquote markers, or nil.
func fenceMarker(line []byte) []byte {
	j := 0
	for j < len(line) && (line[j] == ' ' || line[j] == '\t' || line[j] == '>') {
		j++
	}
	if j >= len(line) || (line[j] != '`' && line[j] != '~') {
		return nil
	}
	k := j
	for k < len(line) && line[k] == line[j] {
		k++
	}
	if k-j < 3 {
		return nil
	}
	if line[j] == '`' && bytes.IndexByte(line[k:], '`') >= 0 {
		return nil // a backtick fence's info string holds no backtick
	}
	return line[j:k]
}

// closingFence reports whether a fence line has nothing after its marker.
func closingFence(line []byte) bool {
	t := bytes.TrimLeft(line, " \t>")
	t = bytes.TrimLeft(t, string(t[:1]))
	return len(bytes.TrimSpace(t)) == 0
}
