// vaultsite: small enhancements. Every page works without this script.
(function () {
  "use strict";
  var root = document.documentElement;
  // t is the interface's message of key in the site's language (the
  // messages file each page loads first, internal/i18n).
  var t = window.vaultsiteT || function (key) { return key; };

  // Theme toggle: flips the effective theme and remembers the choice.
  // The inline snippet in <head> restores it before the first paint.
  function darkNow() {
    var t = root.dataset.theme;
    if (t) return t === "dark";
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  // Obsidian's body class follows the effective theme, as the inline
  // script in <body> first set it: CSS written for Obsidian selects on it.
  function syncBodyClass() {
    var dark = darkNow();
    document.body.classList.toggle("theme-dark", dark);
    document.body.classList.toggle("theme-light", !dark);
  }
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", syncBodyClass);
  document.querySelectorAll(".theme-toggle").forEach(function (btn) {
    btn.hidden = false;
    btn.setAttribute("aria-pressed", String(darkNow()));
    btn.addEventListener("click", function () {
      var next = darkNow() ? "light" : "dark";
      root.dataset.theme = next;
      syncBodyClass();
      btn.setAttribute("aria-pressed", String(next === "dark"));
      try { localStorage.setItem("theme", next); } catch (e) { /* private mode */ }
    });
  });

  // A region that scrolls, a wide code block, table or formula, or a
  // canvas card's overflowing text, gets a tab stop while it scrolls and
  // holds nothing focusable, so a keyboard can scroll it too (WCAG 2.1.1,
  // axe's scrollable-region-focusable). Only those that scroll: a stop on
  // every code block would be noise. Checked again when the width changes.
  var scrollers = "main pre, main table, main .math-block, main .callout-content, main .canvas-node-content";
  var focusable = "a[href], button, input, select, textarea, [tabindex]";
  function scrollStops() {
    document.querySelectorAll(scrollers).forEach(function (el) {
      var cs = getComputedStyle(el);
      var scrolls = /auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth ||
        /auto|scroll/.test(cs.overflowY) && el.scrollHeight > el.clientHeight;
      if (scrolls && !el.hasAttribute("tabindex") && !el.querySelector(focusable)) {
        el.tabIndex = 0;
        el.dataset.scrollStop = "";
      } else if (!scrolls && el.hasAttribute("data-scroll-stop")) {
        el.removeAttribute("tabindex");
        el.removeAttribute("data-scroll-stop");
      }
    });
  }
  var resized = 0;
  window.addEventListener("resize", function () {
    clearTimeout(resized);
    resized = setTimeout(scrollStops, 150);
  });
  if (document.readyState === "complete") scrollStops();
  else window.addEventListener("load", scrollStops);

  // The note's own enhancements run on load and again on "vaultsite:page",
  // when navigate.js has swapped another page's text in.
  enhance();
  document.addEventListener("vaultsite:page", function () { enhance(); scrollStops(); });
  function enhance() {
  var body = document.querySelector(".markdown-rendered");
  if (!body) return;

  // Heading anchors: a "#" link after each heading with an id, unless
  // render already emitted one.
  body.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]").forEach(function (h) {
    if (h.querySelector(".heading-anchor")) return;
    var a = document.createElement("a");
    a.className = "heading-anchor";
    a.href = "#" + encodeURIComponent(h.id);
    a.setAttribute("aria-label", t("sectionLink"));
    a.textContent = "#";
    h.appendChild(a);
  });

  // Links copied from Obsidian Publish carry the heading text as the
  // fragment (#Some%20heading); find that heading by its data-heading.
  var frag = "";
  try { frag = decodeURIComponent(location.hash.slice(1)); } catch (e) { /* malformed */ }
  if (frag && !document.getElementById(frag)) {
    var want = frag.replace(/\+/g, " ").toLowerCase();
    var hs = body.querySelectorAll("[data-heading]");
    for (var i = 0; i < hs.length; i++) {
      if (hs[i].getAttribute("data-heading").toLowerCase() === want) {
        hs[i].scrollIntoView();
        break;
      }
    }
  }

  // Copy buttons on code blocks (not on diagrams or math).
  if (!navigator.clipboard) return;
  body.querySelectorAll("pre:not(.mermaid)").forEach(function (pre) {
    var code = pre.querySelector("code");
    if (!code) return;
    var wrap = document.createElement("div");
    wrap.className = "code-block";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "copy-code-button";
    btn.textContent = t("copy");
    btn.addEventListener("click", function () {
      navigator.clipboard.writeText(code.innerText).then(function () {
        btn.textContent = t("copied");
        setTimeout(function () { btn.textContent = t("copy"); }, 1500);
      });
    });
    wrap.appendChild(btn);
  });
  }
})();
