package parallel

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

// TestChunksCoversOnce checks that every index is visited exactly once,
// for sizes around the chunk and the worker count.
func TestChunksCoversOnce(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ n, chunk int }{{0, 1}, {1, 1}, {7, 3}, {1000, 1}, {1000, 64}, {5, 0}} {
		seen := make([]atomic.Int32, tt.n)
		err := Chunks(context.Background(), tt.n, tt.chunk, func(lo, hi int) error {
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if got := seen[i].Load(); got != 1 {
				t.Errorf("n %d, chunk %d: index %d visited %d times", tt.n, tt.chunk, i, got)
			}
		}
	}
}

// TestEachStops checks that a cancelled context or a failed call stops
// the loop: the indexes run after it are at most one per worker that was
// already busy, far fewer than all.
func TestEachStops(t *testing.T) {
	t.Parallel()
	const n = 10000
	boom := errors.New("boom")
	for _, tt := range []struct {
		name string
		stop func(cancel context.CancelFunc) error
		want error
	}{
		{"cancel", func(cancel context.CancelFunc) error { cancel(); return nil }, context.Canceled},
		{"error", func(context.CancelFunc) error { return boom }, boom},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		var ran atomic.Int64
		err := Each(ctx, n, func(i int) error {
			if ran.Add(1) == 10 {
				return tt.stop(cancel)
			}
			return nil
		})
		cancel()
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
		if got := ran.Load(); got > n/10 {
			t.Errorf("%s: %d of %d items ran after the stop", tt.name, got, n)
		}
	}
}

// TestEachCancelledBefore checks that a context done before the loop
// runs nothing.
func TestEachCancelledBefore(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var ran atomic.Int64
	if err := Each(ctx, 100, func(int) error { ran.Add(1); return nil }); err != context.Canceled || ran.Load() != 0 {
		t.Errorf("err %v, %d ran; want context.Canceled and none", err, ran.Load())
	}
}
