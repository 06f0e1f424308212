package serve

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/vaultsite/vaultsite/build"
)

// settler is a Live that may leave the layout of a changed site graph
// for later: a *build.Live with LayoutLater set. A rebuild then serves
// the pages that changed at once, with the graph's file as it was, and
// Settle lays the graph out and serves its file.
type settler interface {
	Settle(ctx context.Context) (*build.Update, error)
}

// layoutRun is the background layout of the site graph, if one runs.
type layoutRun struct {
	stop context.CancelFunc
	wg   sync.WaitGroup
}

// settle lays out, in the background, the site graph the last update
// left for later, and publishes the graph's file when it is done. A
// layout takes both cores for most of a second at 10,000 notes, so the
// next update stops it first (stopLayout), and starts it again after
// with its own graph: a save never waits for a layout.
func (p *preview) settle() {
	s, ok := p.cfg.Live.(settler)
	if !ok {
		return
	}
	ctx, cancel := context.WithCancel(p.bg)
	p.layout.stop = cancel
	p.layout.wg.Go(func() {
		defer cancel()
		up, err := s.Settle(ctx)
		if err != nil || up == nil {
			return // stopped, or nothing was left for later
		}
		p.publish(up, func() { fmt.Fprintf(p.log, "laid out the graph in %s\n", up.Took.Round(time.Millisecond)) })
	})
}

// stopLayout stops the background layout, if one runs, without waiting
// for it: it stops within one iteration, and a result it still reaches
// is dropped by Settle, since the update that follows replaces it.
func (p *preview) stopLayout() {
	if p.layout.stop != nil {
		p.layout.stop()
		p.layout.stop = nil
	}
}
