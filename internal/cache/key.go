package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
)

// Key names an entry: the SHA-256 of its inputs' canonical encoding.
type Key [sha256.Size]byte

// String is the key in hex.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hasher builds a Key from a sequence of fields. Every field is written
// with its kind and length first, so no two different sequences encode
// alike: ("ab", "c") and ("a", "bc") are different keys, and so are the
// string "1" and the integer 1.
type Hasher struct {
	h   hash.Hash
	buf [binary.MaxVarintLen64 + 1]byte
}

// NewHasher starts a key for entries of one use (kind: "code", "body"…),
// so entries of two uses never share a key.
func NewHasher(kind string) *Hasher {
	h := &Hasher{h: sha256.New()}
	h.String(kind)
	return h
}

func (h *Hasher) head(tag byte, n uint64) {
	h.buf[0] = tag
	k := binary.PutUvarint(h.buf[1:], n)
	h.h.Write(h.buf[:1+k])
}

// String adds a string field.
func (h *Hasher) String(s string) {
	h.head('s', uint64(len(s)))
	h.h.Write([]byte(s))
}

// Bytes adds a byte-slice field; nil and empty are the same.
func (h *Hasher) Bytes(b []byte) {
	h.head('b', uint64(len(b)))
	h.h.Write(b)
}

// Int adds an integer field.
func (h *Hasher) Int(i int64) { h.head('i', uint64(i)) }

// Bool adds a boolean field.
func (h *Hasher) Bool(b bool) {
	var n uint64
	if b {
		n = 1
	}
	h.head('t', n)
}

// Key returns the key of the fields added so far.
func (h *Hasher) Key() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}
