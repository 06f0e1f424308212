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

// codeSpanMemo holds, for the text from a code span's opener to the next
// blank line, where the last backtick run of each length starts. An
// opener whose length has no run after it is not closed and is not
// searched for; without the table, "e" and runs of 1, 2, 3 … backticks
// (cmark's "backticks") searched to the end once per run. This is
// cmark's remedy; codespan.go applies it to goldmark's parser.
type codeSpanMemo struct {
	end  int         // the blank line or the end of the text the table covers
	last map[int]int // run length → start of the last run that long
}

// fill makes the table for the text from i to the next blank line.
func (m *codeSpanMemo) fill(src []byte, i int) {
	m.end = len(src)
	if b := bytes.Index(src[i:], []byte("\n\n")); b >= 0 {
		m.end = i + b
	}
	m.last = map[int]int{}
	for i < m.end {
		if src[i] != '`' {
			i++
			continue
		}
		start := i
		for i < m.end && src[i] == '`' {
			i++
		}
		m.last[i-start] = start
	}
}

// skipCodeSpan returns the offset after the code span that opens at i, or
// i plus the backtick run when the span is not closed before a blank line.
func skipCodeSpan(src []byte, i int, memo *codeSpanMemo) int {
	n := 0
	for i+n < len(src) && src[i+n] == '`' {
		n++
	}
	if i >= memo.end {
		memo.fill(src, i)
	}
	if last, ok := memo.last[n]; !ok || last < i+n {
		return i + n
	}
	// A run of exactly n closes the span: the first after the opener.
	run := src[i : i+n]
	for j := i + n; j < memo.end; {
		k := bytes.Index(src[j:memo.end], run)
		if k < 0 {
			break
		}
		k += j
		if k+n < len(src) && src[k+n] == '`' {
			for k < len(src) && src[k] == '`' {
				k++
			}
			j = k
			continue
		}
		return k + n
	}
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
