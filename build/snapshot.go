package build

import "sync/atomic"

// snapshotPtr publishes snapshots to concurrent readers.
type snapshotPtr struct{ p atomic.Pointer[Snapshot] }

func (s *snapshotPtr) load() *Snapshot   { return s.p.Load() }
func (s *snapshotPtr) store(v *Snapshot) { s.p.Store(v) }
