// vaultsite: the table of contents follows the reading. The entries of
// the section in view, in the aside's list and in the inline "On this
// page" of narrow screens, get aria-current="location" (and the
// is-active class the stylesheet colours): the section whose heading
// last passed the top fifth of the window, or the first one above them
// all. An IntersectionObserver says when a heading crosses that line,
// so nothing runs while the reader scrolls within a section.
(function () {
  "use strict";
  var LINE = 0.2; // the reading line, as a share of the window's height
  var io = null; // the observer of the page's headings

  // sections returns the headings the lists link to, in the page's
  // order, each with its links (one per list).
  function sections() {
    var byId = {}, out = [];
    document.querySelectorAll(".toc a[href*='#'], .toc-inline a[href*='#']").forEach(function (a) {
      var u = new URL(a.href, location.href), id; // a swapped-in page's links are absolute (swap.js)
      if (u.pathname !== location.pathname || u.search !== location.search) return;
      try { id = decodeURIComponent(u.hash.slice(1)); } catch (e) { return; }
      var h = id && document.getElementById(id);
      if (!h) return;
      if (!byId[id]) out.push(byId[id] = {heading: h, links: []});
      byId[id].links.push(a);
    });
    return out.sort(function (a, b) {
      return a.heading.compareDocumentPosition(b.heading) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  // setup marks the TOC of the page now shown; a script that swaps in
  // another page's content calls it again (window.vaultsiteTOC).
  function setup() {
    if (io) io.disconnect();
    io = null;
    var items = sections();
    if (!items.length || !window.IntersectionObserver) return;
    var current = null;
    function mark(it, on) {
      it.links.forEach(function (a) {
        if (on) a.setAttribute("aria-current", "location");
        else a.removeAttribute("aria-current");
        a.classList.toggle("is-active", on);
      });
    }
    function update() {
      var line = window.innerHeight * LINE, pick = items[0];
      for (var i = 0; i < items.length; i++) {
        if (items[i].heading.getBoundingClientRect().top > line) break;
        pick = items[i];
      }
      if (pick === current) return;
      if (current) mark(current, false);
      current = pick;
      mark(pick, true);
    }
    io = new IntersectionObserver(update, {rootMargin: "0px 0px -" + (100 - LINE * 100) + "% 0px"});
    items.forEach(function (it) { io.observe(it.heading); });
    update();
  }
  window.vaultsiteTOC = setup;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
