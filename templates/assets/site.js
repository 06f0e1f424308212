// vaultsite: small enhancements. Every page works without this script.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme toggle: flips the effective theme and remembers the choice.
  // The inline snippet in <head> restores it before the first paint.
  function darkNow() {
    var t = root.dataset.theme;
    if (t) return t === "dark";
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  document.querySelectorAll(".theme-toggle").forEach(function (btn) {
    btn.hidden = false;
    btn.setAttribute("aria-pressed", String(darkNow()));
    btn.addEventListener("click", function () {
      var next = darkNow() ? "light" : "dark";
      root.dataset.theme = next;
      btn.setAttribute("aria-pressed", String(next === "dark"));
      try { localStorage.setItem("theme", next); } catch (e) { /* private mode */ }
    });
  });

  var body = document.querySelector(".markdown-rendered");
  if (!body) return;

  // Heading anchors: a "#" link after each heading with an id, unless
  // render already emitted one.
  body.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]").forEach(function (h) {
    if (h.querySelector(".heading-anchor")) return;
    var a = document.createElement("a");
    a.className = "heading-anchor";
    a.href = "#" + encodeURIComponent(h.id);
    a.setAttribute("aria-label", "Link to this section");
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
    btn.textContent = "Copy";
    btn.addEventListener("click", function () {
      navigator.clipboard.writeText(code.innerText).then(function () {
        btn.textContent = "Copied";
        setTimeout(function () { btn.textContent = "Copy"; }, 1500);
      });
    });
    wrap.appendChild(btn);
  });
})();
