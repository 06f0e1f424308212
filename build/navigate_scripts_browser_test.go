package build_test

import (
	"testing"

	"github.com/vaultsite/vaultsite/internal/browsertest"
)

// follow adds a link to path at the end of the page's text and clicks it
// (a script's click: a diagram still being drawn above could move the
// link from under the mouse), and waits for the address.
func follow(t *testing.T, tab *browsertest.Tab, path string) {
	t.Helper()
	browsertest.Eval[bool](tab, `(() => {
		const a = document.createElement("a");
		a.href = "`+path+`";
		a.textContent = "next";
		document.querySelector(".markdown-rendered").append(a);
		a.click();
		return true;
	})()`)
	tab.WaitForPage(path)
}

// TestNavigateScriptsInBrowser follows links in the bundled vault to
// pages whose scripts the first page did not run: Mermaid on TCP, the
// Bases script on the reading list. With instant navigation the window
// survives, and each page's script draws its part.
func TestNavigateScriptsInBrowser(t *testing.T) {
	t.Parallel()
	b := browsertest.Start(t)
	s, tab := reader(t, b, browsertest.Viewport(1280, 800))
	tab.Navigate(s.URL + httpNote)
	browsertest.Eval[bool](tab, `(window.vsMarker = 1, true)`)
	follow(t, tab, tcpNote)
	if !tab.Poll(`!!document.querySelector("main pre.mermaid svg")`) {
		t.Error("Mermaid did not draw TCP's diagram after the swap")
	}
	follow(t, tab, readingNote)
	if !tab.Poll(`document.querySelectorAll("main .base-sort").length > 0 && !document.querySelector("main .base-filter").hidden`) {
		t.Error("the Bases script did not run on the reading list after the swap")
	}
	if !browsertest.Eval[bool](tab, `window.vsMarker === 1`) {
		t.Error("a link reloaded the page")
	}
}
