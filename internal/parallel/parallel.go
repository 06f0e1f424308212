package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Chunks calls fn(lo, hi) for consecutive ranges of at most chunk
// indexes that cover [0, n), on at most GOMAXPROCS goroutines; a chunk
// of more than one index keeps a shared counter from costing more than
// cheap work items. With a single worker the calls run on the caller's
// goroutine. It stops starting ranges when ctx is done or a call fails,
// and returns the first error, else ctx's error, else nil.
func Chunks(ctx context.Context, n, chunk int, fn func(lo, hi int) error) error {
	chunk = max(chunk, 1)
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	var (
		next    atomic.Int64
		failed  atomic.Bool
		errOnce sync.Once
		first   error
	)
	work := func() {
		for !failed.Load() && ctx.Err() == nil {
			lo := int(next.Add(int64(chunk))) - chunk
			if lo >= n {
				return
			}
			if err := fn(lo, min(lo+chunk, n)); err != nil {
				errOnce.Do(func() { first = err })
				failed.Store(true)
			}
		}
	}
	if workers <= 1 {
		work()
	} else {
		var wg sync.WaitGroup
		for range workers {
			wg.Go(work)
		}
		wg.Wait()
	}
	if first != nil {
		return first
	}
	return ctx.Err()
}

// Each calls fn(i) for every i in [0, n), as Chunks does with chunks of
// one index.
func Each(ctx context.Context, n int, fn func(i int) error) error {
	return Chunks(ctx, n, 1, func(lo, _ int) error { return fn(lo) })
}
