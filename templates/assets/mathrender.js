// vaultsite: math wherever a note's text appears. window.vaultsiteMath(el,
// from) typesets the formulas in el: every .math element render emitted
// (\(…\) inline, \[…\] display, $$…$$ from ```math fences) that KaTeX has
// not drawn yet, or, when el holds no .math element, the delimited
// formulas in its text (a search snippet is text cut from a page). Hover
// previews, the embeds inside them, search snippets, backlink contexts
// and pages swapped in by navigate.js all call it, so math is drawn one
// way everywhere.
//
// KaTeX runs in the browser, not at build time (render/math.go says why).
// A page names KaTeX only when its own text has math, so a formula that
// reaches another page (a preview, a snippet) brings the way to KaTeX
// with it: from, the document or the URL of the page the fragment came
// from, names KaTeX's script, which is then loaded once.
(function () {
  "use strict";
  var KATEX = 'script[src$="/katex.min.js"]';
  var src = ""; // absolute URL of katex.min.js, once known
  var loading = null;
  var OPTS = {
    delimiters: [
      {left: "\\[", right: "\\]", display: true},
      {left: "$$", right: "$$", display: true},
      {left: "\\(", right: "\\)", display: false}
    ],
    throwOnError: false
  };

  function script(url) {
    return new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = url;
      s.onload = ok;
      s.onerror = fail;
      document.head.appendChild(s);
    });
  }

  // katex resolves once renderMathInElement exists: at once when the
  // page loaded KaTeX itself, else after fetching its stylesheet and
  // scripts (absolute URLs, so a later history entry cannot misplace them).
  function katex(from) {
    if (window.renderMathInElement) return Promise.resolve();
    if (!loading) {
      loading = learn(from).then(load);
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // learn finds KaTeX's URL in this page, in the document from, or in
  // the page at the URL from (fetched again, from the browser's cache).
  function learn(from) {
    var own = document.querySelector(KATEX);
    if (own) src = own.src;
    if (src || !from) return src ? Promise.resolve(src) : Promise.reject(new Error("no KaTeX"));
    var doc = typeof from === "string" ? fetch(from).then(function (r) { return r.text(); }).then(function (t) {
      var d = new DOMParser().parseFromString(t, "text/html");
      var base = d.createElement("base");
      base.href = from;
      d.head.prepend(base);
      return d;
    }) : Promise.resolve(from);
    return doc.then(function (d) {
      var s = d.querySelector(KATEX);
      if (!s) throw new Error("no KaTeX");
      src = new URL(s.getAttribute("src"), d.baseURI).href;
      return src;
    });
  }

  // load adds KaTeX's stylesheet and its two scripts, in order.
  function load() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("katex.min.css", src).href;
    document.head.appendChild(css);
    return (window.katex ? Promise.resolve() : script(src)).then(function () {
      return script(new URL("contrib/auto-render.min.js", src).href);
    });
  }

  var DELIMITED = /\\\(|\\\[|\$\$/;

  // pending lists what in el waits for KaTeX: its undrawn .math
  // elements, else el itself when text mode is on and its text holds a
  // delimiter (never at page load: a page's code may hold "$$").
  function pending(el, text) {
    var out = [];
    el.querySelectorAll(".math").forEach(function (m) {
      if (!m.querySelector(".katex, .katex-error")) out.push(m);
    });
    if (text && !out.length && !el.closest(".math") && !el.querySelector(".katex, .katex-error") && DELIMITED.test(el.textContent)) out.push(el);
    return out;
  }

  function draw(todo, from) {
    if (!todo.length) return Promise.resolve();
    return katex(from).then(function () {
      todo.forEach(function (m) {
        if (m.isConnected && !m.querySelector(".katex, .katex-error")) window.renderMathInElement(m, OPTS);
      });
    }, function () { /* KaTeX missing: the TeX source stays readable */ });
  }

  // vaultsiteMath typesets the formulas in el, which came from the page
  // from (a Document or a URL; none for this page's own text), and
  // resolves when they are drawn; with nothing to draw it loads nothing.
  window.vaultsiteMath = function (el, from) { return draw(el ? pending(el, true) : [], from); };
})();
