// vaultsite: hover previews of internal links. Resting the mouse on an
// a.internal-link (or focusing it from the keyboard) for a moment fetches
// the target page once (same origin only, cached per URL), takes its
// .markdown-preview-view and shows it in a popover, scrolled to the
// heading or block the link's fragment names. The popover stays while
// the pointer is over it; leaving both, or Escape, closes it. From the
// keyboard, Tab on the link enters the preview and Tab or Shift+Tab at
// its ends leaves it. Touch screens get no preview: a tap just follows
// the link, and a site can turn previews off (<body data-hover-preview="off">).
(function () {
  "use strict";
  if (location.protocol === "file:" || !window.fetch || !window.DOMParser) return;
  if (document.body.dataset.hoverPreview === "off") return; // site-options.json's showHoverPreview
  var OPEN_DELAY = 300, CLOSE_DELAY = 250; // ms: intent, not a passing pointer
  var cache = {}; // page URL without fragment → Promise of a document
  var pop = null, owner = null, openTimer = 0, closeTimer = 0;

  function candidate(el) {
    var a = el && el.closest ? el.closest("a.internal-link[href]") : null;
    if (!a || a.classList.contains("is-unresolved") || (pop && pop.contains(a))) return null;
    var u = new URL(a.href, location.href);
    if (u.origin !== location.origin) return null;
    if (u.pathname === location.pathname && u.search === location.search) return null; // this page
    return a;
  }

  function page(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, {credentials: "same-origin"}).then(function (r) {
        if (!r.ok || !/html/.test(r.headers.get("Content-Type") || "text/html")) throw new Error(r.status);
        return r.text();
      }).then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var base = doc.createElement("base"); // resolve the page's own relative URLs
        base.href = url;
        doc.head.prepend(base);
        return doc;
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  // content copies the target's body into the popover with every URL made
  // absolute and no scripts, and returns the element its fragment names.
  function content(doc, frag) {
    var body = doc.querySelector(".markdown-preview-view") || doc.querySelector("main article");
    if (!body) return null;
    var copy = document.importNode(body, true);
    copy.querySelectorAll("script").forEach(function (s) { s.remove(); });
    var src = body.querySelectorAll("[href], [src]"), dst = copy.querySelectorAll("[href], [src]");
    for (var i = 0; i < src.length; i++) {
      if (src[i].hasAttribute("href") && src[i].href) dst[i].setAttribute("href", src[i].href);
      if (src[i].hasAttribute("src") && src[i].src) dst[i].setAttribute("src", src[i].src);
    }
    // The preview is the note's text: the title, properties and "On this
    // page" (the view's .mod-header) stay on the note's own page. Removed
    // after the URLs above, which pair the copy's elements with the page's.
    copy.querySelectorAll(".mod-header").forEach(function (h) { h.remove(); });
    var target = null;
    if (frag) {
      target = copy.querySelector('[id="' + CSS.escape(frag) + '"]');
      if (!target) { // a heading named by its text, as Obsidian Publish links do
        var want = frag.replace(/\+/g, " ").toLowerCase();
        copy.querySelectorAll("[data-heading]").forEach(function (h) {
          if (!target && h.getAttribute("data-heading").toLowerCase() === want) target = h;
        });
      }
    }
    if (target) target.classList.add("popover-target");
    // ids would repeat the page's own; the popover needs none.
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    return {body: copy, target: target};
  }

  function place(a) {
    var r = a.getBoundingClientRect(), w = pop.offsetWidth, h = pop.offsetHeight;
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    var left = Math.max(8, Math.min(r.left, vw - w - 8));
    var top = r.bottom + 6;
    if (top + h > vh - 8 && r.top - h - 6 > 8) top = r.top - h - 6; // above, if it fits there
    pop.style.left = (left + window.scrollX) + "px";
    pop.style.top = (top + window.scrollY) + "px";
  }

  function show(a) {
    var u = new URL(a.href, location.href), frag = "";
    try { frag = decodeURIComponent(u.hash.slice(1)); } catch (e) { frag = u.hash.slice(1); }
    u.hash = "";
    page(u.href).then(function (doc) {
      if (owner !== a) return; // the pointer moved on meanwhile
      var c = content(doc, frag);
      if (!c) return;
      if (!pop) {
        pop = document.createElement("div");
        pop.className = "hover-popover";
        pop.id = "vs.preview";
        pop.addEventListener("mouseenter", function () { clearTimeout(closeTimer); });
        pop.addEventListener("mouseleave", function () { later(); });
        document.body.appendChild(pop);
      }
      pop.setAttribute("role", "dialog");
      pop.setAttribute("aria-label", (window.vaultsiteT || String)("preview", {title: doc.title || a.textContent}));
      pop.replaceChildren(c.body);
      pop.hidden = false;
      place(a);
      pop.scrollTop = c.target ? c.target.offsetTop - pop.clientTop - 8 : 0;
      if (window.vaultsiteMath) window.vaultsiteMath(pop, doc);
    }, function () { /* not a page we can show */ });
  }

  function hide() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    owner = null;
    if (pop) pop.hidden = true;
  }
  function later() {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(hide, CLOSE_DELAY);
  }
  function soon(a) {
    clearTimeout(closeTimer);
    if (owner === a) return;
    clearTimeout(openTimer);
    owner = a;
    openTimer = setTimeout(function () { if (owner === a) show(a); }, OPEN_DELAY);
  }

  document.addEventListener("pointerover", function (e) {
    if (e.pointerType !== "mouse") return;
    var a = candidate(e.target);
    if (a) soon(a);
  });
  document.addEventListener("pointerout", function (e) {
    if (e.pointerType !== "mouse" || !owner) return;
    if (e.relatedTarget && (owner.contains(e.relatedTarget) || (pop && pop.contains(e.relatedTarget)))) return;
    if (candidate(e.target) === owner) {
      if (pop && !pop.hidden) later(); else hide();
    }
  });
  document.addEventListener("focusin", function (e) {
    var a = candidate(e.target);
    if (a && a.matches(":focus-visible")) soon(a);
  });
  function inPop(el) { return !!pop && !!el && pop.contains(el); }
  document.addEventListener("focusout", function (e) {
    if (!owner) return;
    var to = e.relatedTarget;
    if (e.target === owner ? !inPop(to) : inPop(e.target) && !inPop(to) && to !== owner) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (!owner) return;
    var inside = inPop(document.activeElement), a = owner;
    if (e.key === "Escape") {
      hide();
      if (inside) a.focus(); // back where the preview hangs
    } else if (e.key === "Tab" && pop && !pop.hidden) {
      tabThrough(e, inside, a);
    }
  });

  // tabThrough lets the keyboard read a preview: Tab on its link enters
  // it, and leaving its first or last link goes back to the link (and,
  // for Tab, on to what follows it, as the default action then moves
  // focus from there).
  function tabThrough(e, inside, a) {
    var links = Array.prototype.slice.call(pop.querySelectorAll("a[href]"));
    if (!links.length) return;
    if (!inside && document.activeElement === a && !e.shiftKey) {
      e.preventDefault();
      links[0].focus();
    } else if (inside && document.activeElement === links[e.shiftKey ? 0 : links.length - 1]) {
      if (e.shiftKey) e.preventDefault();
      hide();
      a.focus();
    }
  }
  document.addEventListener("click", function (e) {
    if (pop && !pop.hidden && !pop.contains(e.target)) hide();
  });
  window.addEventListener("pagehide", hide);
})();
