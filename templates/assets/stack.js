// vaultsite: stacked pages, Obsidian Publish's sliding panes (the site's
// stackedPages setting, or site-options.json's slidingWindowMode). On a
// wide screen a link followed in a page's text opens its page as a new
// pane to the right of that page, closing any panes that stood after it;
// a page already open is brought into view instead. Panes that no longer
// fit collapse to spines, narrow strips with their title written
// vertically, and a click on a spine brings its pane back. The address
// lists the stack after the first page, "?stacked=folder/note/&stacked=…"
// (each a page's URL from the site root), so a stack can be shared,
// reloaded and walked with back and forward. Links outside the text (the
// explorer, the header) and links that are not pages load as usual. On a
// phone (narrower than WIDE) there is no room for two panes: links stay
// ordinary, and navigate.js follows them; a stack's address opens its
// last page.
(function () {
  "use strict";
  var WIDE = "(min-width: 900px)"; // navigate.js holds the same breakpoint
  var PARAM = "stacked";
  var SPINE = 40; // px of a collapsed pane: its title, vertically
  var main = document.getElementById("vs.main");
  var home = document.querySelector(".site-title[href]");
  if (!main || !home || !window.fetch || !window.DOMParser || !window.vaultsiteSwap || location.protocol === "file:") return;
  var root = home.href; // the site root, absolute
  var named = stacked();
  if (!window.matchMedia(WIDE).matches) {
    // A stack shared to a phone opens its last page, the one followed last.
    if (named.length) location.replace(named[named.length - 1]);
    return;
  }
  if (document.body.classList.contains("page-graph")) return;
  var first = strip(location.href);
  var panes = [{url: first, el: main, title: titleOf(main, document), docTitle: document.title}];
  main.setAttribute("data-stack-title", panes[0].title);
  var focus = 0; // the pane the reader last went to; it is always expanded
  var box = null; // the row of panes, made when a second pane opens
  var cache = new Map();

  // stacked returns the pages the address stacks, as absolute URLs; one
  // that is not a page of this site (another origin, outside the root)
  // is left out, so an address cannot make the site show a stranger's
  // HTML.
  function stacked() {
    return new URL(location.href).searchParams.getAll(PARAM).map(function (s) {
      try { return strip(new URL(s, root).href); } catch (e) { return ""; }
    }).filter(function (u) { return u.indexOf(root) === 0; });
  }

  function strip(u) { var x = new URL(u, location.href); x.hash = ""; x.search = ""; return x.href; }
  function titleOf(el, doc) {
    var h = el.querySelector("h1");
    return h ? h.firstChild && h.firstChild.nodeType === 3 ? h.firstChild.data : h.textContent : doc.title;
  }

  // target returns the page URL a link in a pane leads to, or null for a
  // link to leave alone: another site, a file, this pane's own fragment.
  function target(a) {
    if (a.target && a.target !== "_self" || a.hasAttribute("download")) return null;
    var u = new URL(a.href, location.href);
    if (u.origin !== location.origin || u.href.indexOf(root) !== 0) return null;
    var last = u.pathname.slice(u.pathname.lastIndexOf("/") + 1);
    if (last && !/\.html$/.test(last) && last.indexOf(".") >= 0 || /(^|\/)_site\//.test(u.pathname)) return null;
    return strip(u.href);
  }

  function load(url) {
    if (!cache.has(url)) {
      var p = window.vaultsiteSwap.fetch(url).then(function (got) {
        if (!got.doc.getElementById("vs.main")) throw new Error("not a page");
        return got.doc;
      });
      p.catch(function () { cache.delete(url); });
      cache.set(url, p);
    }
    return cache.get(url);
  }

  // pane makes a pane of doc's main column: its text without the
  // breadcrumbs, every URL absolute, ids dropped (they would repeat
  // other panes'), its scripts run and its math drawn.
  function pane(url, doc) {
    var el = document.createElement("section");
    el.className = "stack-pane";
    var from = doc.getElementById("vs.main");
    Array.prototype.forEach.call(from.children, function (c) {
      if (!c.matches(".breadcrumbs")) el.appendChild(window.vaultsiteSwap.adopt(c, doc));
    });
    el.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    var title = titleOf(el, doc);
    el.setAttribute("aria-label", title);
    el.setAttribute("data-stack-title", title);
    el.tabIndex = -1;
    return {url: url, el: el, title: title, doc: doc};
  }

  // spine gives pane p the strip that stands for it when collapsed.
  function spine(p) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "stack-spine";
    b.textContent = p.title;
    b.title = p.title;
    b.addEventListener("click", function () { show(panes.indexOf(p), false); }); // a glance, not a step
    p.el.prepend(b);
  }

  // stack turns the page into a row of panes, the first being main, or,
  // with one pane left, back into the page it was.
  function stack() {
    if (panes.length > 1 && !box) {
      box = document.createElement("div");
      box.className = "stack";
      main.before(box);
      box.appendChild(main);
      main.classList.add("stack-pane");
      spine(panes[0]);
      document.body.classList.add("is-stacked");
      window.scrollTo(0, 0);
    } else if (panes.length === 1 && box) {
      box.replaceWith(main);
      main.classList.remove("stack-pane", "is-spine");
      main.querySelector(".stack-spine").remove();
      document.body.classList.remove("is-stacked");
      box = null;
    }
    if (box) box.style.height = Math.max(240, window.innerHeight - box.getBoundingClientRect().top - 8) + "px";
  }

  // layout expands as many panes as fit, ending with the focused one
  // (or starting from it when the panes before it fill the row); the
  // rest collapse to spines.
  function layout() {
    stack();
    if (!box) return;
    var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    var paneWidth = 36 * rem; // a readable line, as the page's own column
    var n = panes.length;
    var fit = Math.max(1, Math.min(n, Math.floor((box.clientWidth - n * SPINE) / (paneWidth - SPINE))));
    var start = Math.max(0, focus - fit + 1);
    panes.forEach(function (p, i) {
      p.el.classList.toggle("is-spine", i < start || i >= start + fit);
    });
  }

  // address writes the stack into the URL: pushed for a step the reader
  // took, replaced when restoring one.
  function address(push) {
    var u = new URL(first);
    panes.slice(1).forEach(function (p) { u.searchParams.append(PARAM, p.url.slice(root.length) || "./"); });
    u.hash = "";
    var state = {stack: panes.map(function (p) { return p.url; }), focus: focus};
    if (push) history.pushState(state, "", u.href);
    else history.replaceState(state, "", u.href);
    document.title = focus === 0 ? panes[0].docTitle : panes[focus].doc.title;
  }

  // show expands pane i and puts it in focus; push makes it a step of
  // the history.
  function show(i, push) {
    focus = i;
    layout();
    address(push);
    panes[i].el.focus({preventScroll: true});
  }

  // open shows url in a pane after pane at, closing those after it; a page
  // already open is shown where it is. A page that cannot be stacked is
  // loaded as usual.
  var seq = 0;
  function open(at, url) {
    var have = panes.findIndex(function (p) { return p.url === url; });
    if (have >= 0) return show(have, true);
    var my = ++seq;
    load(url).then(function (doc) {
      if (my !== seq) return;
      panes.splice(at + 1).forEach(function (p) { p.el.remove(); });
      add(url, doc);
      show(panes.length - 1, true);
    }).catch(function () { if (my === seq) location.assign(url); });
  }

  function add(url, doc) {
    var p = pane(url, doc);
    spine(p);
    panes.push(p);
    stack();
    box.appendChild(p.el);
    window.vaultsiteSwap.run(p.el);
    if (window.vaultsiteMath) window.vaultsiteMath(p.el, doc);
  }

  // restore builds the stack the address names, on load and on back or
  // forward; a stack that cannot be loaded stays as the first page alone.
  function restore(push) {
    var want = stacked();
    var my = ++seq;
    return Promise.all(want.map(load)).then(function (docs) {
      if (my !== seq) return;
      panes.splice(1).forEach(function (p) { p.el.remove(); });
      docs.forEach(function (doc, i) { add(want[i], doc); });
      var st = history.state;
      focus = st && st.focus < panes.length ? st.focus : panes.length - 1;
      layout();
      address(push);
    }, function () {
      if (my !== seq) return;
      panes.splice(1).forEach(function (p) { p.el.remove(); });
      focus = 0;
      layout();
      address(false);
    });
  }

  document.addEventListener("click", function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || a.closest(".breadcrumbs, .stack-spine")) return;
    var at = panes.findIndex(function (p) { return p.el.contains(a); });
    var url = at >= 0 && target(a);
    if (!url || url === panes[at].url) return;
    e.preventDefault();
    open(at, url);
  });
  window.addEventListener("popstate", function () { restore(false); });
  window.addEventListener("resize", layout);
  if (named.length) restore(false);
})();
