// Package parallel is the project's one way to run a phase's work on
// every core: a loop over indexes whose iterations write only their own
// slots, so the result does not depend on scheduling.
//
// Contract: Chunks calls its function on disjoint ranges that together
// cover [0, n), on at most GOMAXPROCS goroutines, and returns once every
// call has returned. When ctx is done, or a call returns an error, no
// further range starts; Chunks returns the first error, or ctx's. Each is
// Chunks one index at a time, for work items that each cost much.
package parallel
