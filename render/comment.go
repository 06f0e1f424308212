package render

import "bytes"

// blankComments blanks every %%…%% comment in src[start:] in place
// (SPEC §6.2), skipping fenced code blocks and inline code spans, so no
// comment byte reaches the parser, the output or the search index. A
// comment may span lines, paragraphs and code fences. When the last
// comment is never closed, the rest of the file is blanked, as Obsidian's
// editor shows it, and ok is false with off at the opening "%%".
//
// Blanking keeps newlines, so block structure and line numbers survive.
// Indented code blocks are not recognised here: a "%%" inside one still
// opens a comment, which is rare enough to accept.
func blankComments(src []byte, start int) (off int, ok bool) {
	var fence []byte // the open fence's marker run, nil outside a fence
	for i := start; i < len(src); {
		lineEnd := bytes.IndexByte(src[i:], '\n')
		if lineEnd < 0 {
			lineEnd = len(src)
		} else {
			lineEnd += i
		}
		if marker := fenceMarker(src[i:lineEnd]); marker != nil {
			switch {
			case fence == nil:
				fence = marker
				i = lineEnd + 1
				continue
			case marker[0] == fence[0] && len(marker) >= len(fence) && closingFence(src[i:lineEnd]):
				fence = nil
				i = lineEnd + 1
				continue
			}
		}
		if fence != nil {
			i = lineEnd + 1
			continue
		}
		next, open, closed := scanLine(src, i, lineEnd)
		if open >= 0 && !closed {
			blank(src[open:])
			return open, false
		}
		i = next
	}
	return 0, true
}

// scanLine blanks the comments that open on the line src[i:end] and
// returns where scanning goes on (past the last comment, which may end on
// a later line). open is the offset of a comment that never closes.
func scanLine(src []byte, i, end int) (next, open int, closed bool) {
	for i < end {
		switch {
		case src[i] == '`':
			i = skipCodeSpan(src, i)
		case src[i] == '\\' && i+1 < end:
			i += 2
		case src[i] == '%' && i+1 < len(src) && src[i+1] == '%':
			c := bytes.Index(src[i+2:], []byte("%%"))
			if c < 0 {
				return len(src), i, false
			}
			stop := i + 2 + c + 2
			blank(src[i:stop])
			if nl := bytes.LastIndexByte(src[i:stop], '\n'); nl >= 0 {
				// The comment ended on a later line: go on from there.
				e := bytes.IndexByte(src[stop:], '\n')
				if e < 0 {
					e = len(src) - stop
				}
				end = stop + e
			}
			i = stop
		default:
			i++
		}
	}
	return end + 1, -1, true
}

// skipCodeSpan returns the offset after the code span that opens at i, or
// i plus the backtick run when the span is not closed before a blank line.
func skipCodeSpan(src []byte, i int) int {
	n := 0
	for i+n < len(src) && src[i+n] == '`' {
		n++
	}
	run := src[i : i+n]
	for j := i + n; j < len(src); {
		k := bytes.Index(src[j:], run)
		if k < 0 {
			break
		}
		k += j
		if bytes.Contains(src[j:k], []byte("\n\n")) {
			break
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
