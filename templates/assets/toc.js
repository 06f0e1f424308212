// vaultsite: the table of contents follows the reading. The entry of the
// section in view gets aria-current="location" (and the is-active class
// the stylesheet colours): the section whose heading last passed the
// top fifth of the window, or the first one above it all. An
// IntersectionObserver says when a heading crosses that line, so
// nothing runs while the reader scrolls within a section.
(function () {
  "use strict";
  var LINE = 0.2; // the reading line, as a share of the window's height

  function setup() {
    var links = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
    var items = links.map(function (a) {
      var id;
      try { id = decodeURIComponent(a.getAttribute("href").slice(1)); } catch (e) { id = ""; }
      return {link: a, heading: id && document.getElementById(id)};
    }).filter(function (it) { return it.heading; });
    if (!items.length || !window.IntersectionObserver) return;
    var current = null;
    function update() {
      var line = window.innerHeight * LINE, pick = items[0];
      for (var i = 0; i < items.length; i++) {
        if (items[i].heading.getBoundingClientRect().top > line) break;
        pick = items[i];
      }
      if (pick === current) return;
      if (current) {
        current.link.removeAttribute("aria-current");
        current.link.classList.remove("is-active");
      }
      current = pick;
      pick.link.setAttribute("aria-current", "location");
      pick.link.classList.add("is-active");
    }
    var io = new IntersectionObserver(update, {rootMargin: "0px 0px -" + (100 - LINE * 100) + "% 0px"});
    items.forEach(function (it) { io.observe(it.heading); });
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
