// vaultsite: swapping another page's text into this one, for instant
// navigation (navigate.js) and stacked pages (stack.js).
//
// vaultsiteSwap.adopt(node, doc) copies node of the fetched page doc into
// this document with every URL made absolute (doc's own relative URLs
// would otherwise resolve against this page), and vaultsiteSwap.run(el)
// runs the scripts inside el again: scripts a DOMParser made never run,
// so each becomes a fresh element. vaultsiteSwap(doc) replaces this
// page's main column and aside with doc's, and its title, language and
// description, then tells the page's scripts (see navigate.js).
// vaultsiteSwap.fetch(url) fetches the page at url and resolves to
// {doc, url}: the parsed page, with a <base> of the address it came from
// so its relative URLs keep their meaning, and that address.
(function () {
  "use strict";
  var URL_ATTRS = ["href", "src", "poster", "action", "data-root", "data-url", "data-graph"];
  var SVG = "http://www.w3.org/2000/svg";

  function absolute(el, base) {
    URL_ATTRS.forEach(function (name) {
      var v = el.getAttribute(name);
      if (v === null || v === "" || el.namespaceURI === SVG && v.charAt(0) === "#") return;
      try { el.setAttribute(name, new URL(v, base).href); } catch (e) { /* not a URL: keep it */ }
    });
  }

  function adopt(node, doc) {
    var copy = document.importNode(node, true);
    absolute(copy, doc.baseURI);
    copy.querySelectorAll("*").forEach(function (el) { absolute(el, doc.baseURI); });
    return copy;
  }

  function runnable(s) {
    return !s.type || s.type === "module" || /^(text|application)\/(java|ecma)script$/.test(s.type);
  }

  // fresh returns a script element that runs when inserted, ordered
  // after the scripts inserted before it.
  function fresh(s) {
    var n = document.createElement("script");
    Array.prototype.forEach.call(s.attributes, function (a) { n.setAttribute(a.name, a.value); });
    n.text = s.text;
    if (n.src) n.async = false;
    return n;
  }

  function run(el) {
    el.querySelectorAll("script").forEach(function (s) {
      if (runnable(s)) s.replaceWith(fresh(s));
    });
  }

  // head brings doc's head up to date: stylesheets and preloads this page
  // lacks are added; the page's own scripts under _site/ (not libraries
  // under _site/thirdparty/, not the site script this one is part of)
  // run again for the new text, a library runs once, inline module
  // scripts (Mermaid's) run again, and KaTeX is mathrender.js's to load.
  function head(doc) {
    doc.head.querySelectorAll("link[href]").forEach(function (l) {
      var href = new URL(l.getAttribute("href"), doc.baseURI).href;
      if (!/^(stylesheet|modulepreload)$/.test(l.rel) || has("link", "href", href)) return;
      document.head.appendChild(adopt(l, doc));
    });
    doc.head.querySelectorAll("script").forEach(function (s) {
      if (!runnable(s)) return;
      if (!s.src) {
        if (s.type === "module") document.head.appendChild(fresh(s));
        return;
      }
      var src = new URL(s.getAttribute("src"), doc.baseURI).href;
      if (/\/(katex\.min|auto-render\.min)\.js$/.test(src) || /\/_site\/site\.[^/]*\.js$/.test(src)) return;
      var own = /\/_site\/[^/]+\.js$/.test(src);
      if (own || !has("script", "src", src)) document.head.appendChild(fresh(adopt(s, doc)));
    });
  }

  function has(tag, attr, url) {
    return Array.prototype.some.call(document.querySelectorAll(tag + "[" + attr + "]"), function (el) {
      return el[attr] === url;
    });
  }

  // region replaces the children of this page's element id with those of
  // doc's, keeping the element itself, which other scripts hold on to
  // (the aside's drawer button follows its hidden attribute); where doc
  // has no such element, it is emptied and hidden.
  function region(doc, id) {
    var to = document.getElementById(id), from = doc.getElementById(id);
    if (!to) return;
    to.hidden = !from || from.hidden;
    if (!from) {
      to.replaceChildren();
      return;
    }
    to.className = from.className;
    to.replaceChildren.apply(to, Array.prototype.map.call(from.childNodes, function (n) { return adopt(n, doc); }));
    run(to);
  }

  function meta(doc) {
    document.title = doc.title;
    document.documentElement.lang = doc.documentElement.lang;
    ['meta[name="description"]', 'link[rel="canonical"]'].forEach(function (sel) {
      var mine = document.head.querySelector(sel), theirs = doc.head.querySelector(sel);
      if (mine) mine.remove();
      if (theirs) document.head.appendChild(adopt(theirs, doc));
    });
    var theme = Array.prototype.filter.call(document.body.classList, function (c) { return /^theme-/.test(c); });
    document.body.className = doc.body.className;
    theme.forEach(function (c) { document.body.classList.add(c); });
    if (doc.body.dataset.hoverPreview) document.body.dataset.hoverPreview = doc.body.dataset.hoverPreview;
    else delete document.body.dataset.hoverPreview;
  }

  // explorer shows the new page in the explorer, which stays the same
  // element (its scroll kept): it takes the new page's data attributes,
  // made absolute as the rest of the page's URLs, and explorer.js draws
  // it again from the listings it has, keeping the open folders and
  // opening those above the new page. Without that script's hook, only
  // the mark of the current page moves.
  function explorer(doc) {
    var nav = document.getElementById("vs.explorer"), theirs = doc.getElementById("vs.explorer");
    if (!nav || !theirs) return;
    Array.prototype.forEach.call(theirs.attributes, function (a) {
      if (/^data-/.test(a.name)) nav.setAttribute(a.name, a.value);
    });
    Array.prototype.slice.call(nav.attributes).forEach(function (a) {
      if (/^data-/.test(a.name) && !theirs.hasAttribute(a.name)) nav.removeAttribute(a.name);
    });
    absolute(nav, doc.baseURI);
    if (window.vaultsiteExplorer) {
      window.vaultsiteExplorer.attach(nav);
      return;
    }
    var here = doc.baseURI.split("#")[0];
    nav.querySelectorAll("a[href]").forEach(function (a) {
      if (a.href.split("#")[0] === here) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
  }

  window.vaultsiteSwap = function (doc) {
    document.querySelectorAll(".hover-popover").forEach(function (p) { p.hidden = true; });
    document.querySelectorAll("dialog[open]").forEach(function (d) { d.close(); }); // search, once a result is chosen
    meta(doc);
    region(doc, "vs.main");
    region(doc, "vs.aside");
    explorer(doc);
    head(doc);
    document.dispatchEvent(new CustomEvent("vaultsite:page"));
    if (window.vaultsiteTOC) window.vaultsiteTOC(); // toc.js: mark the section in view
    if (window.vaultsiteMath) {
      ["vs.main", "vs.aside"].forEach(function (id) {
        var el = document.getElementById(id);
        if (el) window.vaultsiteMath(el, doc);
      });
    }
  };
  function fetchPage(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok || !/html/.test(r.headers.get("Content-Type") || "")) throw new Error(r.status);
      return r.text().then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var b = doc.createElement("base");
        b.href = r.url;
        doc.head.prepend(b);
        return {doc: doc, url: r.url};
      });
    });
  }

  window.vaultsiteSwap.fetch = fetchPage;
  window.vaultsiteSwap.adopt = adopt;
  window.vaultsiteSwap.run = run;
})();
