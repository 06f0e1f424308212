package search

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The typo dictionary. MiniSearch forgives a typo only within the shards
// a query term downloads, which are those of its first characters, and
// only at edit distance 1 for words under eight letters, where a swapped
// pair is 2: "hndshake" looks in "hn", far from "handshake", and "subent"
// is two edits from "subnet". The dictionary finds such words the way
// SymSpell does, by deletions: two words one typo apart (a letter
// missing, extra or wrong, or two neighbours swapped) share a key, either
// word itself or the word less one of its letters. Every term of
// typoMinTerm letters or more is filed under each of its keys; the keys
// are cut into files by their first characters as the shards are, and a
// file holds the terms filed under its keys, as a sorted list of words
// (the keys themselves are not written: search.js tries every word of
// the files its own keys fall in). A query word thus needs the files of
// its first two letters, of its first and third, and of its second and
// third (more where a file was cut by longer keys), fetched only when
// the word matched no term at all.

// typoMinTerm is the fewest letters of a term the dictionary corrects
// to: a five-letter query with one letter too many finds four-letter
// terms, and shorter words have too many neighbours one typo away to
// guess which was meant.
const typoMinTerm = 4

// typoBudget is the most bytes of one dictionary file, unless its key is
// maxKeyLen long: a query word needs three files or a few more, fetched
// before its results show, and most hold a few hundred words.
const typoBudget = 16 << 10

// typoKey is one key of the dictionary and a term filed under it.
type typoKey struct{ key, term string }

// typoShard is one file of the dictionary: the terms filed under the
// keys that start with key.
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

// typoKeys calls f with each key of term: the term itself, then the term
// without each one of its characters, when that leaves typoMinTerm
// characters (search.js looks up no shorter word). Deleting either
// letter of a double gives the same key, so only the first is kept.
func typoKeys(term string, f func(key string)) {
	f(term)
	if utf8.RuneCountInString(term) <= typoMinTerm {
		return
	}
	prev := rune(-1)
	for at, r := range term {
		if r != prev {
			f(term[:at] + term[at+utf8.RuneLen(r):])
		}
		prev = r
	}
}

// typoKeysOf returns the keys of the terms, which are sorted, sorted by
// key and then term.
func typoKeysOf(terms []string) []typoKey {
	var out []typoKey
	for _, t := range terms {
		if typoTerm(t) {
			typoKeys(t, func(key string) { out = append(out, typoKey{key, t}) })
		}
	}
	slices.SortFunc(out, func(a, b typoKey) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.term, b.term)
	})
	return out
}

// cutTypos cuts the dictionary of terms, which are sorted, into files,
// as cutAll cuts the shards: by the first two characters of the keys,
// and by longer prefixes where a file would be over typoBudget bytes.
func cutTypos(terms []string) []typoShard {
	keys := typoKeysOf(terms)
	var out []typoShard
	for i := 0; i < len(keys); {
		key := shardKey(keys[i].key)
		j := i + 1
		for j < len(keys) && strings.HasPrefix(keys[j].key, key) {
			j++
		}
		out = cutTypoRange(out, key, keys[i:j])
		i = j
	}
	return out
}

// cutTypoRange appends the files of keys, which all start with key, to
// out: one file when its terms fit typoBudget, else the file of the
// key itself (if any) and the files of each longer key.
func cutTypoRange(out []typoShard, key string, keys []typoKey) []typoShard {
	n := utf8.RuneCountInString(key)
	data := typoJSON(keys)
	if len(data) <= typoBudget || n >= maxKeyLen || keys[0].key == keys[len(keys)-1].key {
		f, hash := hashedFile("f/"+shardFileName(key), data)
		return append(out, typoShard{key: key, namedFile: namedFile{f, hash}})
	}
	i := 0
	for i < len(keys) && keys[i].key == key { // sorted first
		i++
	}
	if i > 0 {
		out = cutTypoRange(out, key, keys[:i])
	}
	for i < len(keys) {
		sub := runePrefix(keys[i].key, n+1)
		j := i + 1
		for j < len(keys) && strings.HasPrefix(keys[j].key, sub) {
			j++
		}
		out = cutTypoRange(out, sub, keys[i:j])
		i = j
	}
	return out
}

// typoJSON returns a dictionary file: the JSON array of the distinct
// terms filed under keys, sorted.
func typoJSON(keys []typoKey) []byte {
	terms := make([]string, len(keys))
	for i, k := range keys {
		terms[i] = k.term
	}
	slices.Sort(terms)
	data, _ := json.Marshal(slices.Compact(terms)) // strings always marshal
	return data
}
