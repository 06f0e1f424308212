// Package external checks that the external http(s) links of a vault
// answer: concurrently, with timeouts, a limit per host and a cache file,
// for vaultsite check --external.
package external
