package site

import (
	"bytes"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// readLimited reads the vault file at p, which the walk found to be size
// bytes, without reading more than limit: a file already known to be
// larger is not opened, and one that grew since is cut off and reported
// as too large (ok false).
func (v *Vault) readLimited(p VaultPath, size, limit int64) (data []byte, ok bool, err error) {
	if size > limit {
		return nil, false, nil
	}
	f, err := v.FS.Open(v.FSName(p))
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	data, err = io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, false, err
	}
	return data, int64(len(data)) <= limit, nil
}

// readNoteSource reads n's file, bounded by maxNoteSize, and decodes it
// to UTF-8 with LF line ends (decodeText); problems are reported on
// diags and leave the note empty or with what could be decoded.
func (v *Vault) readNoteSource(n *Note, diags *Diagnostics) []byte {
	src, ok, err := v.readLimited(n.Path, n.size, maxNoteSize)
	switch {
	case err != nil:
		diags.Add(Pos{Path: n.Path}, Warning, "unreadable", "cannot read: %v", unwrapPathErr(err))
		return nil
	case !ok:
		diags.Add(Pos{Path: n.Path}, Warning, "too-large", "note is %d MiB, over the %d MiB limit; its content is left out",
			max(n.size, int64(len(src)))>>20, maxNoteSize>>20)
		return nil
	}
	return decodeText(n.Path, src, diags)
}

// decodeText turns a note's bytes into what every later phase reads:
// UTF-8 without a byte-order mark and with LF line ends. A file that
// starts with a UTF-16 byte-order mark is decoded from UTF-16 (an odd
// last byte and unpaired surrogates become U+FFFD). Each byte that
// starts no valid UTF-8 sequence becomes U+FFFD, so no page declared
// UTF-8 carries raw bytes, with one invalid-utf8 warning at the first.
// Positions, there and in every later diagnostic, are those of the
// decoded text.
func decodeText(p VaultPath, src []byte, diags *Diagnostics) []byte {
	switch {
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
		src = decodeUTF16(src[2:], func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 })
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		src = decodeUTF16(src[2:], func(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) })
	}
	src = normalizeNewlines(src)
	if utf8.Valid(src) {
		return src
	}
	out, first := toValidUTF8(src)
	diags.Add(PosIn(p, out, lineStarts(out), first), Warning, "invalid-utf8",
		"the note is not valid UTF-8 from here on; each bad byte is shown as U+FFFD")
	return out
}

// decodeUTF16 decodes UTF-16 code units read by unit from b.
func decodeUTF16(b []byte, unit func([]byte) uint16) []byte {
	units := make([]uint16, 0, len(b)/2)
	for ; len(b) >= 2; b = b[2:] {
		units = append(units, unit(b))
	}
	out := make([]byte, 0, len(units)*3/2)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if len(b) == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out
}

// toValidUTF8 replaces each byte of src that starts no valid UTF-8
// sequence with U+FFFD, and returns the offset in the result of the
// first replacement.
func toValidUTF8(src []byte) (out []byte, first int) {
	out = make([]byte, 0, len(src)+8)
	first = -1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = len(out)
			}
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, src[:size]...)
		}
		src = src[size:]
	}
	return out, first
}
