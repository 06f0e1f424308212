// vaultsite: instant navigation. A click on a link to another page of the
// site fetches that page (already prefetched when the pointer rested on
// the link or a finger touched it) and swaps its main column and aside
// into this one, instead of loading the whole document: the explorer
// keeps its open folders and its scroll (explorer.js draws it for the
// new page through its attach hook), the header and the scripts stay,
// and only the new text is drawn. The title, <html lang>, the
// address (history) and the focus follow; back and forward swap pages
// the same way and restore their scroll. Any failure, a link that is not
// a page (an attachment, the graph page) or a page with other chrome
// (other assets, header or explorer) falls back to an ordinary load; without JavaScript every link
// is an ordinary link. Where stacked pages are on (stack.js), they and
// not this script follow links on a wide screen.
//
// The chrome's scripts resolve URLs from the page they were loaded on
// (the explorer's and search's data-root), so a <base> pins relative URLs
// to that first address, the chrome's URL-valued data attributes become
// absolute at once, and each swapped-in page has its own URLs made
// absolute. Scripts in the new content run again as fresh elements; the
// page's own head scripts under _site/ (bases, maps) run again, libraries
// run once; "vaultsite:page" tells the rest (site.js's heading anchors
// and copy buttons) that the text changed; math goes through
// mathrender.js.
(function () {
  "use strict";
  if (location.protocol === "file:" || !window.fetch || !window.DOMParser || !window.history.pushState) return;
  var main = document.getElementById("vs.main");
  var stacked = document.body.hasAttribute("data-stacked-pages") && window.matchMedia("(min-width: 900px)").matches; // stack.js's WIDE
  if (!main || stacked || document.body.classList.contains("page-graph")) return;
  var PREFETCH_DELAY = 65; // ms a mouse rests on a link: intent, not a passing pointer
  var CACHE = 20;          // pages kept fetched
  // The chrome's URL-valued data attributes, which its scripts may read
  // after the address changed (search.js loads on first use).
  var DATA_URLS = ["data-root", "data-url", "data-graph", "data-index", "data-script", "data-lib"];

  var base = document.createElement("base");
  base.href = location.href;
  document.head.prepend(base);
  DATA_URLS.forEach(function (name) {
    document.querySelectorAll("[" + name + "]").forEach(function (el) {
      var v = el.getAttribute(name); // "/…" and "https:…" mean the same on every page (the 404 page's)
      if (!/^(\/|[a-z][a-z0-9+.-]*:)/i.test(v) && !el.closest("#vs\\.main, #vs\\.aside")) el.setAttribute(name, new URL(v, location.href).href);
    });
  });
  var shown = strip(location.href); // the page on screen, without fragment
  var cache = new Map();            // URL → Promise of {doc, url}
  var scrolls = {};                 // history entry id → scroll offset
  var entry = Date.now();           // this entry's id
  var seq = 0;
  history.replaceState({vs: entry}, "");
  // Once pages are swapped, their scroll is this script's to restore; a
  // document being left hands it back to the browser (a reload).
  window.addEventListener("pagehide", function () { history.scrollRestoration = "auto"; });

  var live = document.createElement("div");
  live.className = "vs-announce";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);

  function strip(u) { var x = new URL(u, location.href); x.hash = ""; return x.href; }

  // page returns the link's URL when it is one to swap in: same origin,
  // another page (not this one's fragment), a page's path rather than a
  // file's, outside the site's own _site/ folder.
  function page(a) {
    if (!a || a.target && a.target !== "_self" || a.hasAttribute("download")) return null;
    var u = new URL(a.href, location.href);
    if (u.origin !== location.origin || strip(u.href) === shown) return null;
    var last = u.pathname.slice(u.pathname.lastIndexOf("/") + 1);
    if (last && !/\.html$/.test(last) && last.indexOf(".") >= 0) return null;
    if (/(^|\/)_site\//.test(u.pathname)) return null;
    return u.href;
  }

  function fetchPage(url) {
    var key = strip(url);
    if (!cache.has(key)) {
      if (cache.size >= CACHE) cache.delete(cache.keys().next().value);
      var p = window.vaultsiteSwap.fetch(key);
      p.catch(function () { cache.delete(key); });
      cache.set(key, p);
    }
    return cache.get(key);
  }

  // fits says whether doc can be swapped into this page: it has the
  // same chrome (stylesheets, site script, header, explorer), so only its
  // text differs. The aside may come and go, but only where this page
  // has one (and its drawer button) to fill; a page without an aside
  // hides it. The graph page draws a whole-window WebGL view.
  function fits(doc) {
    function sig(d) {
      var parts = [];
      d.querySelectorAll('link[rel="stylesheet"]:not([href*="/thirdparty/"]), script[src*="/site."]').forEach(function (el) {
        parts.push(new URL(el.getAttribute("href") || el.getAttribute("src"), d.baseURI).href);
      });
      d.querySelectorAll('.site-header [aria-controls]:not([aria-controls="vs.aside"]), #vs\\.explorer').forEach(function (el) {
        parts.push(el.id || el.getAttribute("aria-controls"));
      });
      return parts.join(" ");
    }
    var aside = !doc.getElementById("vs.aside") || !!document.getElementById("vs.aside");
    return aside && !!doc.getElementById("vs.main") && !doc.body.classList.contains("page-graph") && sig(doc) === sig(document);
  }

  // go shows the page at url: fetched, checked, swapped in. push adds a
  // history entry; scroll is where to put the page (from back/forward).
  function go(url, push, scroll) {
    var my = ++seq;
    history.scrollRestoration = "manual";
    document.documentElement.classList.add("vs-navigating");
    return fetchPage(url).then(function (got) {
      if (my !== seq) return;
      if (!fits(got.doc)) throw new Error("another layout");
      var to = new URL(got.url);
      to.hash = new URL(url).hash;
      if (push) {
        scrolls[entry] = window.scrollY;
        history.replaceState({vs: entry, y: window.scrollY}, ""); // kept over a reload
        entry = Date.now();
        history.pushState({vs: entry}, "", to.href);
      }
      shown = strip(to.href);
      window.vaultsiteSwap(got.doc);
      place(to.hash, scroll);
      arrive(got.doc);
    }).catch(function () {
      if (my === seq) location.assign(url); // an ordinary load says what went wrong
    }).finally(function () {
      if (my === seq) document.documentElement.classList.remove("vs-navigating");
    });
  }

  // place scrolls to the fragment's element, the saved offset, or the top.
  function place(hash, scroll) {
    var id = "";
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { id = hash.slice(1); }
    var target = id && document.getElementById(id);
    if (scroll != null) window.scrollTo(0, scroll);
    else if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
  }

  // arrive moves focus to the new page's heading (or main) without
  // scrolling, and announces its title, as a full load would for a
  // screen reader.
  function arrive(doc) {
    var h = main.querySelector("h1") || main;
    if (h !== main && !h.hasAttribute("tabindex")) h.setAttribute("tabindex", "-1");
    h.focus({preventScroll: true});
    live.textContent = "";
    setTimeout(function () { live.textContent = doc.title; }, 50);
  }

  document.addEventListener("click", function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a) return;
    var raw = a.getAttribute("href");
    if (raw.charAt(0) === "#") { // this page's fragment, though the <base> may be another page's
      e.preventDefault();
      location.hash = raw; // a fragment navigation: scroll, :target and hashchange, as without the <base>
      return;
    }
    var url = page(a);
    if (!url) return;
    e.preventDefault();
    go(url, true, null);
  });

  window.addEventListener("popstate", function (e) {
    if (strip(location.href) === shown) return; // a fragment of this page: the browser scrolled
    var st = e.state || {};
    scrolls[entry] = window.scrollY;
    entry = st.vs || Date.now();
    go(location.href, false, scrolls[entry] != null ? scrolls[entry] : st.y != null ? st.y : null);
  });

  // Prefetch: a mouse resting on a link, or a finger touching it.
  var rest = 0;
  document.addEventListener("pointerover", function (e) {
    var a = e.target.closest && e.target.closest("a[href]"), url = a && page(a);
    clearTimeout(rest);
    if (url) rest = setTimeout(function () { fetchPage(url); }, PREFETCH_DELAY);
  });
  document.addEventListener("touchstart", function (e) {
    var a = e.target.closest && e.target.closest("a[href]"), url = a && page(a);
    if (url) fetchPage(url);
  }, {passive: true});
})();
