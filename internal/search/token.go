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
//  3. inside a run, split the Han, Hiragana and Katakana characters (each
//     with the marks that follow it) from the rest: those scripts do not
//     separate words with spaces, so a run of them gives its overlapping
//     pairs of characters (bigrams, as Lucene's CJKAnalyzer does: "日本語"
//     gives "日本", "本語"), and a lone character gives itself;
//  4. keep terms of 2 to 32 characters, and the CJK terms.
//
// Bigrams make a query for "日本" find the notes where the two characters
// stand together, and not those that hold each somewhere; a query's
// bigrams must all be found, so longer words match as a whole.
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
// that its runs are indexed as bigrams: a Han, Hiragana or Katakana
// character, or the prolonged sound mark "ー" (U+30FC, and its half-width
// form U+FF70), which Unicode gives no script but which belongs to the
// katakana word it lengthens ("サーバー").
func isCJK(r rune) bool {
	return r >= 0x2e80 && // below are no Han, Hiragana or Katakana characters
		(unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 0x30fc || r == 0xff70)
}

// Terms returns the terms of s, in order and with repeats, by the
// steps at the top of this file.
func Terms(s string) []string {
	var out []string
	folded := searchFold(s)
	start := -1 // the current run's first byte
	for i, r := range folded {
		if !isWordRune(r) {
			if start >= 0 {
				out = runTerms(out, folded[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = runTerms(out, folded[start:])
	}
	return out
}

// runTerms appends the terms of run, a run of word characters, to out:
// its CJK parts as bigrams, the rest as words.
func runTerms(out []string, run string) []string {
	var units []int // the CJK part's characters, by first byte; a mark stays with its character
	start := 0      // the current part's first byte
	flush := func(end int) {
		if len(units) > 0 {
			out = cjkTerms(out, run[:end], units)
		} else if n := utf8.RuneCountInString(run[start:end]); n >= minTermLen && n <= maxTermLen {
			out = append(out, run[start:end])
		}
		units, start = units[:0], end
	}
	for i, r := range run {
		switch {
		case isCJK(r):
			if len(units) == 0 && i > start {
				flush(i)
			}
			units = append(units, i)
		case len(units) > 0 && !unicode.IsMark(r):
			flush(i)
		}
	}
	flush(len(run))
	return out
}

// cjkTerms appends the terms of the CJK characters starting at the bytes
// units of s, the last one running to the end of s: every pair of
// neighbours, or the lone character.
func cjkTerms(out []string, s string, units []int) []string {
	if len(units) == 1 {
		return append(out, s[units[0]:])
	}
	for k := 0; k+1 < len(units); k++ {
		end := len(s)
		if k+2 < len(units) {
			end = units[k+2]
		}
		out = append(out, s[units[k]:end])
	}
	return out
}
