// Package cache is vaultsite's persistent build cache: a content-addressed
// store of bytes on disk that outlives a build, so a rebuild of a vault
// that barely changed takes what the last build made instead of making it
// again.
//
// Contract. A Key is the SHA-256 of a canonical encoding of every input
// of what is stored (Hasher), so an entry is never stale: a changed input
// is another key. Each entry records its key, the version of the binary
// that wrote it (Fingerprint) and a checksum of its bytes; Get returns an
// entry only when all three match, so a truncated, damaged, misplaced or
// other-version file is a miss and never wrong output. Entries are written
// to a temporary file and renamed into place, so a reader sees a whole
// entry or none, whichever of two concurrent builds wins. The store is
// bounded: when a build that wrote entries closes it and the store holds
// more than its bound, the least recently used entries (by modification
// time, which a hit refreshes) are removed. A cache is an optimisation
// only: every failure to read or write it is a miss, counted in Stats.
package cache
