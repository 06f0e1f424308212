package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The search tokenizer. templates/assets/search.js implements the same
// steps for queries and for highlighting, and TestSearchTokenizerParity
// runs both on one list of strings, so a change here must be made there
// too:
//
//  1. fold: NFKD, drop the combining diacritics U+0300–U+036F, lower-case,
//     NFC, then "ς" → "σ" and "ß" → "ss";
//  2. split the folded text into runs of letters, marks and digits
//     (\p{L}, \p{M}, \p{N}); every other character separates words;
//  3. inside a run, each Han, Hiragana or Katakana character is a term of
//     its own, with the marks that follow it, since those scripts do not
//     separate words with spaces;
//  4. keep terms of 2 to 32 characters, and single CJK characters.
//
// Lower-casing comes after NFKD because compatibility forms may decompose
// to capitals (U+210C "ℌ" → "H"); the final-sigma and "ẞ" rules make Go's
// simple case mapping and JavaScript's toLowerCase agree.

// Term length limits, in code points: one Latin letter matches too much
// to be worth its posting list, and anything past 32 characters is a
// hash or an identifier nobody types.
const (
	minTermLen = 2
	maxTermLen = 32
)

// searchFold returns s folded for search: compatibility forms expanded,
// Latin, Greek and Cyrillic diacritics removed, lower case, NFC.
func searchFold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // NFKD and NFC leave ASCII alone
	}
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if r < 0x300 || r > 0x36f {
			b.WriteRune(r)
		}
	}
	s = norm.NFC.String(strings.ToLower(b.String()))
	if strings.ContainsAny(s, "ςß") {
		s = strings.NewReplacer("ς", "σ", "ß", "ss").Replace(s)
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isWordRune reports whether r belongs to a word: a letter, mark or digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// isCJK reports whether r is written without spaces between words, so
// that each character is indexed as a term.
func isCJK(r rune) bool {
	return r >= 0x2e80 && // below are no Han, Hiragana or Katakana characters
		unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// Terms returns the terms of s, in order and with repeats, by the
// steps at the top of this file.
func Terms(s string) []string {
	var out []string
	keep := func(t string) {
		n := utf8.RuneCountInString(t)
		if n >= minTermLen && n <= maxTermLen {
			out = append(out, t)
		} else if n > 0 && n < minTermLen {
			if r, _ := utf8.DecodeRuneInString(t); isCJK(r) {
				out = append(out, t)
			}
		}
	}
	folded := searchFold(s)
	start, cjk := -1, false // the current term's first byte, and whether it is a CJK character
	for i, r := range folded {
		switch {
		case !isWordRune(r):
			if start >= 0 {
				keep(folded[start:i])
			}
			start = -1
		case isCJK(r):
			if start >= 0 {
				keep(folded[start:i])
			}
			start, cjk = i, true
		case cjk && start >= 0 && unicode.IsMark(r):
			// a mark stays with its CJK character
		case cjk && start >= 0 || start < 0:
			if start >= 0 {
				keep(folded[start:i])
			}
			start, cjk = i, false
		}
	}
	if start >= 0 {
		keep(folded[start:])
	}
	return out
}
