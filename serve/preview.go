package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/vaultsite/vaultsite/build"
	"github.com/vaultsite/vaultsite/site"
)

// Live is the build a preview serves and brings up to date; *build.Live
// is one. Update rebuilds after the listed vault paths changed (nil:
// anything may have; empty: look for changes nobody reported) and keeps
// the previous snapshot current when it fails.
type Live interface {
	Source
	Update(ctx context.Context, changed []string) (*build.Update, error)
}

// Config configures Run. Vault and Live are required; the zero value of
// every other field works.
type Config struct {
	Vault string // the folder that Live reads, watched for changes
	Live  Live
	// Debounce is how long the vault must be quiet before a rebuild;
	// zero means DefaultDebounce.
	Debounce time.Duration
	// Log receives progress and diagnostics; nil discards them.
	Log io.Writer
	// Ready, if set, is called with the site's URL once the server
	// accepts requests.
	Ready func(url string)
	// Hub, if set, is the hub pages listen to; Run makes one otherwise.
	Hub *Hub
	// Hosts are the names, besides localhost and IP addresses, that
	// requests may name in their Host header (the --bind name and the
	// names given with --host); any other is refused (host.go).
	Hosts []string
	// Reopen, if set, opens the vault folder again before a rebuild of
	// everything that follows lost events or the folder's return after
	// it was deleted: a file system opened on the folder (an os.Root)
	// still names the deleted one. It fails when the folder is missing.
	Reopen func() error
}

// DefaultDebounce covers the several events of one editor save: a write,
// or a temporary file renamed over the note, then a chmod, arrive within
// a millisecond or two of each other on a local disk. It was 150 ms,
// which alone spent the whole budget from save to reload (100 ms for an
// edit of the text, issue #5); a save slower than this costs a second
// rebuild, never a wrong page.
const DefaultDebounce = 25 * time.Millisecond

// rescanAfter is how long the vault must be quiet after a rebuild before
// the preview walks it for changes no event reported. The walk takes
// about 40 ms at 10,000 notes and a save that comes meanwhile waits for
// it, so it waits for a pause: an editor that saves as one types (every
// two seconds or so) rarely meets it. Changes nobody reported used to
// wait for the next save; now they wait a second.
const rescanAfter = time.Second

// shutdownTimeout bounds the wait for requests in flight after Ctrl-C.
const shutdownTimeout = 3 * time.Second

// maxLogged is how many diagnostics of the changed files a rebuild prints.
const maxLogged = 50

// Run watches the vault, builds it if Live has no snapshot yet, serves
// it on ln and rebuilds after every change until ctx is cancelled; then
// it closes the event streams and shuts the server down gracefully. It
// returns nil after ctx is cancelled, and otherwise the error that
// stopped it: the vault cannot be watched, the first build failed, or
// the listener failed. A failing rebuild does not stop it.
func Run(ctx context.Context, ln net.Listener, cfg Config) error {
	defer ln.Close()
	p := &preview{cfg: cfg, hub: cfg.Hub, log: cfg.Log, bg: ctx}
	if p.hub == nil {
		p.hub = NewHub()
	}
	if p.log == nil {
		p.log = io.Discard
	}
	w, err := NewWatcher(cfg.Vault, orDefault(cfg.Debounce, DefaultDebounce))
	if err != nil {
		return err
	}
	defer w.Close()
	w.OnError = func(err error) { fmt.Fprintf(p.log, "%s\n", site.EscapeUnsafe(err.Error())) }
	w.RescanAfter = rescanAfter
	if cfg.Live.Current() == nil {
		if err := p.rebuild(ctx, nil); err != nil {
			p.stopLayout()
			p.layout.wg.Wait()
			return err
		}
	}
	return p.serve(ctx, ln, w)
}

// serve runs the HTTP server and the watcher until ctx ends or the
// server fails.
func (p *preview) serve(ctx context.Context, ln net.Listener, w *Watcher) error {
	srv := &http.Server{
		Handler:           newHostGuard(p.cfg.Hosts, NewHandler(p.cfg.Live, p.hub)),
		ReadHeaderTimeout: 10 * time.Second, // no WriteTimeout: event streams are long
		ErrorLog:          log.New(p.log, "", 0),
	}
	srv.RegisterOnShutdown(p.hub.Close)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if p.cfg.Ready != nil {
		p.cfg.Ready("http://" + ln.Addr().String() + "/")
	}
	wctx, stop := context.WithCancel(ctx)
	watched := make(chan error, 1)
	go func() {
		watched <- w.Run(wctx, p.batch)
	}()
	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
	case err = <-watched:
	}
	stop()
	p.hub.Close()
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if serr := srv.Shutdown(sctx); err == nil && serr != nil && !errors.Is(serr, context.DeadlineExceeded) {
		err = serr
	}
	<-watched
	p.layout.wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// preview is one running preview.
type preview struct {
	cfg Config
	hub *Hub
	log io.Writer
	// mu guards diags, the broadcasts and the log: rebuilds and
	// background layouts (settle.go) finish on different goroutines.
	mu     sync.Mutex
	diags  []Diag // of the last successful build, kept while rebuilds fail
	layout layoutRun
	// bg is the preview's whole life: a background layout outlives the
	// rebuild that started it, whose context ends when it returns.
	bg context.Context
}

// batch answers one batch of the watcher: an empty one asks for a
// rescan, any other for a rebuild, and a nil one (anything may have
// changed, the vault folder may be a new one) for a rebuild of
// everything from the folder opened again.
func (p *preview) batch(ctx context.Context, changed []string) {
	if changed != nil && len(changed) == 0 {
		p.rescan(ctx)
		return
	}
	if changed == nil && p.cfg.Reopen != nil {
		if err := p.cfg.Reopen(); err != nil {
			p.mu.Lock()
			fmt.Fprintf(p.log, "%s\n", site.EscapeUnsafe(err.Error()))
			p.mu.Unlock()
		}
	}
	_ = p.rebuild(ctx, changed)
}

// rebuild updates the site, tells the pages and logs what happened. A
// failed rebuild is broadcast with the previous diagnostics and returned.
func (p *preview) rebuild(ctx context.Context, changed []string) error {
	p.stopLayout()
	up, err := p.cfg.Live.Update(ctx, changed)
	if err != nil {
		if ctx.Err() != nil {
			// Superseded by a newer batch, which the watcher hands over
			// with this one's files, or shutting down: nothing to tell.
			return err
		}
		p.mu.Lock()
		fmt.Fprintf(p.log, "rebuild failed, still serving the previous site: %s\n", site.EscapeUnsafe(err.Error()))
		p.hub.Broadcast(Event{Diags: p.diags, Error: err.Error()})
		p.mu.Unlock()
		p.settle() // the layout it stopped, if any, is still due
		return err
	}
	p.publish(up, func() { p.logUpdate(changed, up) })
	p.settle()
	return nil
}

// publish tells the pages what an update changed, and logs it with logf.
func (p *preview) publish(up *build.Update, logf func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.diags = toDiags(up.Diags, p.cfg.Live.Current().Pages)
	p.hub.Broadcast(Event{Changed: up.Changed, Removed: up.Removed, Diags: p.diags})
	logf()
}

// rescan looks for changes no event reported (a network file system
// sends none for writes made elsewhere), a while after a rebuild and so
// off the path from a save to its reload (rescanAfter): a rebuild trusts
// the watcher's list of files, and an update with an empty list walks
// the vault (build.Live.Update). Changes it finds are published like
// any others; an error is left for the next rebuild to meet and report.
func (p *preview) rescan(ctx context.Context) {
	up, err := p.cfg.Live.Update(ctx, []string{})
	if err != nil || len(up.Changed)+len(up.Removed) == 0 {
		return
	}
	p.publish(up, func() { p.logUpdate([]string{}, up) })
	p.stopLayout() // it may lay out a graph this update replaced
	p.settle()
}

// logUpdate prints the diagnostics of the changed files (all of them for
// a full build) and a summary line.
func (p *preview) logUpdate(changed []string, up *build.Update) {
	want := map[string]bool{}
	for _, c := range changed {
		want[c] = true
	}
	n := 0
	for _, d := range up.Diags {
		if changed != nil && !want[string(d.Pos.Path)] {
			continue
		}
		if n++; n <= maxLogged {
			fmt.Fprintln(p.log, d)
		}
	}
	if n > maxLogged {
		fmt.Fprintf(p.log, "… and %d more\n", n-maxLogged)
	}
	warn := plural(up.Diags.Count(site.Warning)+up.Diags.Count(site.Error), "warning")
	took := up.Took.Round(time.Millisecond)
	if changed == nil {
		fmt.Fprintf(p.log, "built %s, %s in %s\n", plural(up.Pages, "page"), warn, took)
		return
	}
	fmt.Fprintf(p.log, "rebuilt %s: %s changed, %d removed; %s in %s\n",
		plural(up.Pages, "page"), plural(len(up.Changed), "file"), len(up.Removed), warn, took)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// toDiags keeps the warnings and errors, with the page each belongs to
// (from the build's own map of notes to pages; "" for other files).
func toDiags(ds site.Diagnostics, pages map[site.VaultPath]site.OutPath) []Diag {
	var out []Diag
	for _, d := range ds {
		if d.Severity < site.Warning {
			continue
		}
		out = append(out, Diag{
			Page: pages[d.Pos.Path], File: d.Pos.Path, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.String(), Code: d.Code, Msg: d.Msg, Text: d.String(),
		})
	}
	return out
}

// orDefault returns d, or def when d is zero.
func orDefault(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}
