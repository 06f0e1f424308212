package search

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The typo dictionary. MiniSearch forgives a typo only within the shards
// a query term downloads, which are those of its first characters, and
// only at edit distance 1, where a swapped pair is 2: "hndshake" looks in
// "hn", far from "handshake", and "subent" is two edits from "subnet".
// The dictionary maps misspellings to the shards' terms the way SymSpell
// does, by deletions: every term of typoMinTerm letters or more is
// filed under itself and under each string it makes without one of its
// letters; search.js looks a query term up under itself and its own
// deletions, and a term found under any of these keys is at most one
// insertion, deletion, substitution or swap of neighbours away (or two
// edits, which search.js filters out). The keys are cut into files by
// their first characters as the shards are, so a term needs the few
// files of its keys: those of its first two letters, of its first and
// third, and of its second and third, fetched only when the term matched
// no word at all.

// Typo limits, in characters. Four-letter terms are kept so that a
// five-letter query with one letter too many finds them; shorter words
// have too many neighbours one edit away to guess which was meant.
const (
	typoMinTerm = 4
	// typoBudget is the most bytes of one dictionary file: a query term
	// needs three or more, fetched before its results show.
	typoBudget = 8 << 10
)

// typoEntry is one key of the dictionary with the terms filed under it,
// each spelt as the edit that makes it from the key (typoEdit).
type typoEntry struct {
	key   string
	edits []string
}

// typoShard is one file of the dictionary: the entries whose keys start
// with key.
type typoShard struct {
	key string
	namedFile
}

// typoTerm reports whether the dictionary corrects to term: a word of
// letters (and their marks) of typoMinTerm characters or more, outside
// CJK text, where terms are bigrams, and outside the path field.
func typoTerm(term string) bool {
	if utf8.RuneCountInString(term) < typoMinTerm {
		return false
	}
	for _, r := range term {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) || isCJK(r) {
			return false
		}
	}
	return true
}

// typoKeys calls f with each key of term and the edit that makes term
// from it: the term itself (edit ""), then the term without its i-th
// character, when that leaves typoMinTerm characters. Deleting either
// letter of a double gives the same key, so only the first is kept.
func typoKeys(term string, f func(key, edit string)) {
	f(term, "")
	if utf8.RuneCountInString(term) <= typoMinTerm {
		return
	}
	prev, i := rune(-1), 0
	for at, r := range term {
		if r != prev {
			f(term[:at]+term[at+utf8.RuneLen(r):], typoEdit(i, r))
		}
		prev, i = r, i+1
	}
}

// typoEdit spells "insert r before the character at position i" (in
// characters): the position in decimal, then r.
func typoEdit(i int, r rune) string {
	return strconv.Itoa(i) + string(r)
}

// typoEntries returns the dictionary of terms, which are sorted: its
// entries sorted by key, each key's terms in the order of terms.
func typoEntries(terms []string) []typoEntry {
	byKey := map[string][]string{}
	for _, t := range terms {
		if typoTerm(t) {
			typoKeys(t, func(key, edit string) { byKey[key] = append(byKey[key], edit) })
		}
	}
	out := make([]typoEntry, 0, len(byKey))
	for k, edits := range byKey {
		out = append(out, typoEntry{key: k, edits: edits})
	}
	slices.SortFunc(out, func(a, b typoEntry) int { return strings.Compare(a.key, b.key) })
	return out
}

// json returns the entry as the dictionary files hold it: a JSON array of
// the key and the edits.
func (e typoEntry) json() []byte {
	data, _ := json.Marshal(append([]string{e.key}, e.edits...)) // strings always marshal
	return data
}

// cutTypos cuts the dictionary of terms into files, as cutAll cuts the
// shards: by the first two characters of the keys, and by longer
// prefixes where a file would be over typoBudget bytes.
func cutTypos(terms []string) []typoShard {
	entries := typoEntries(terms)
	data := make([][]byte, len(entries))
	for i, e := range entries {
		data[i] = e.json()
	}
	var out []typoShard
	for i := 0; i < len(entries); {
		key := shardKey(entries[i].key)
		j := i + 1
		for j < len(entries) && strings.HasPrefix(entries[j].key, key) {
			j++
		}
		out = cutTypoRange(out, key, entries[i:j], data[i:j])
		i = j
	}
	return out
}

// cutTypoRange appends the files of entries, whose keys all start with
// key, to out: one file when they fit typoBudget, else the entry equal
// to key (if any) and the files of each longer key.
func cutTypoRange(out []typoShard, key string, entries []typoEntry, data [][]byte) []typoShard {
	n := utf8.RuneCountInString(key)
	if typoSize(data) <= typoBudget || n >= maxKeyLen || len(entries) == 1 {
		f, hash := hashedFile("f/"+shardFileName(key), joinArray(data))
		return append(out, typoShard{key: key, namedFile: namedFile{f, hash}})
	}
	if entries[0].key == key { // sorted first
		out = cutTypoRange(out, key, entries[:1], data[:1])
		entries, data = entries[1:], data[1:]
	}
	for i := 0; i < len(entries); {
		sub := runePrefix(entries[i].key, n+1)
		j := i + 1
		for j < len(entries) && strings.HasPrefix(entries[j].key, sub) {
			j++
		}
		out = cutTypoRange(out, sub, entries[i:j], data[i:j])
		i = j
	}
	return out
}

// typoSize returns the length of the JSON array of data.
func typoSize(data [][]byte) int {
	n := 2 + max(len(data)-1, 0)
	for _, d := range data {
		n += len(d)
	}
	return n
}

// joinArray returns the JSON array of the values data.
func joinArray(data [][]byte) []byte {
	out := make([]byte, 0, typoSize(data))
	out = append(out, '[')
	for i, d := range data {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, d...)
	}
	return append(out, ']')
}

// typoFixes returns the terms an entry read back from a dictionary file
// stands for, undoing typoEdit; search.js does the same.
func typoFixes(key string, edits []string) ([]string, bool) {
	out := make([]string, 0, len(edits))
	for _, e := range edits {
		if e == "" {
			out = append(out, key)
			continue
		}
		r, size := utf8.DecodeLastRuneInString(e)
		i, err := strconv.Atoi(e[:len(e)-size])
		if err != nil || size == 0 || i > utf8.RuneCountInString(key) {
			return nil, false
		}
		at := len(runePrefix(key, i))
		out = append(out, key[:at]+string(r)+key[at:])
	}
	return out, true
}
