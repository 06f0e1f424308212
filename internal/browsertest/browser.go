package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Browser is one headless chromium, stopped when the test that started it
// ends.
type Browser struct {
	ctx context.Context // the browser's first tab; new tabs derive from it
}

// closedNetwork are the flags beyond chromedp's defaults that keep the
// browser off the network: only the local test server resolves.
var closedNetwork = []chromedp.ExecAllocatorOption{
	chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-domain-reliability", true),
	chromedp.Flag("no-pings", true),
}

// Start starts chromium for t. When chromium is not installed it skips t,
// or fails it when the environment variable CI is set, so that a missing
// install step cannot hide behind a skip.
func Start(t testing.TB) *Browser {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is missing under CI: %v", err)
		}
		t.Skip("no chromium here")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox, chromedp.ExecPath(bin))
	opts = append(opts, closedNetwork...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first run starts the browser; it must not carry a timeout, or
	// the browser dies with it (DEPS §4).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &Browser{ctx: ctx}
}
