// vaultsite search: the dialog, the snippets and the results. The inline
// script of templates/layouts/search.html loads the search.js bundle the
// first time search is opened (the header button, Ctrl/Cmd-K or "/"):
// searchindex.js, the index side, then this file, which then loads
// MiniSearch and the index: a page that never searches downloads none of
// it. Snippets are cut from the result pages themselves, fetched after
// the results show; result() is the one place that builds a result and
// its snippet.
(function () {
  "use strict";
  // t is the interface's message of key in the site's language (the
  // messages file each page loads first, internal/i18n).
  var t = window.vaultsiteT || function (key) { return key; };

  var button = document.querySelector(".search-button");
  if (!button || window.vaultsiteSearch) return;
  var index = vaultsiteSearchIndex.create(new URL(button.dataset.index, location.href), new URL(button.dataset.lib, location.href));
  var tokenize = vaultsiteSearchIndex.tokenize, parts = vaultsiteSearchIndex.parts, bigrams = vaultsiteSearchIndex.bigrams;
  var MAX_RESULTS = 10;

  window.vaultsiteSearch = { open: open, tokenize: tokenize, search: index.search, load: index.load };

  // ---- Snippets, from the result's page. ----

  var pageCache = new Map(); // URL → Promise of sections
  var SNIPPET = 160; // characters around the first match
  var SNIPPET_DELAY = 250; // ms of no typing before snippets are fetched

  // sections returns the text of a page's note body as [{id, text}], one
  // per heading (id "" before the first), leaving out embeds, which the
  // index leaves out too; formulas keep their delimiters for KaTeX.
  function sections(url) {
    if (!pageCache.has(url)) {
      if (pageCache.size > 40) pageCache.delete(pageCache.keys().next().value);
      pageCache.set(url, fetch(url).then(function (r) { return r.text(); }).then(function (html) {
        var body = new DOMParser().parseFromString(html, "text/html").querySelector(".markdown-rendered");
        return body ? textSections(body) : [];
      }).catch(function () { return []; }));
    }
    return pageCache.get(url);
  }

  var BLOCK = /^(P|LI|TD|TH|PRE|BLOCKQUOTE|DIV|DT|DD|TR|H[1-6])$/;

  function textSections(body) {
    var out = [{ id: "", text: "" }];
    (function walk(node) {
      for (var n = node.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          out[out.length - 1].text += n.data;
        } else if (n.nodeType === 1 && !n.matches(".internal-embed, .heading-anchor, .mod-header, script, style")) {
          if (/^H[1-6]$/.test(n.tagName) && n.id) out.push({ id: n.id, text: "" });
          walk(n);
          if (BLOCK.test(n.tagName)) out[out.length - 1].text += " ";
        }
      }
    })(body);
    out.forEach(function (s) { s.text = s.text.replace(/\s+/g, " ").trim(); });
    return out;
  }

  // marks splits text into [text, matched] runs: a word is matched when
  // one of its terms is in want, and in CJK text every character of a
  // matched bigram, so that "日本語" is marked whole for 日本 and 本語.
  function marks(text, want) {
    var spans = [], m, re = /[\p{L}\p{M}\p{N}]+/gu;
    while ((m = re.exec(text))) {
      var at = m.index;
      parts(m[0]).forEach(function (p) {
        if (!p.units) {
          if (tokenize(p.text).some(function (t) { return want.has(t); })) spans.push([at + p.at, at + p.at + p.text.length]);
          return;
        }
        cjkSpans(p.units, want).forEach(function (s) { spans.push([at + p.at + s[0], at + p.at + s[1]]); });
      });
    }
    var out = [], last = 0;
    spans.forEach(function (s) {
      if (out.length && s[0] === last) {
        out[out.length - 1][0] += text.slice(s[0], s[1]); // adjoining marks make one
      } else {
        out.push([text.slice(last, s[0]), false], [text.slice(s[0], s[1]), true]);
      }
      last = s[1];
    });
    out.push([text.slice(last), false]);
    return out.filter(function (r) { return r[0]; });
  }

  // cjkSpans returns the [from, to) offsets, within a CJK part, of the
  // characters that belong to a term in want.
  function cjkSpans(units, want) {
    var terms = bigrams(units).map(function (b) { return tokenize(b)[0]; }), out = [], at = 0;
    units.forEach(function (u, i) {
      var hit = want.has(terms[Math.min(i, terms.length - 1)]) || i > 0 && want.has(terms[i - 1]);
      if (hit) out.push([at, at + u.length]);
      at += u.length;
    });
    return out;
  }

  // best picks the section with most distinct matched terms, first on a
  // tie, and cuts SNIPPET characters around its first match.
  function best(secs, want) {
    var top = null, topScore = 0;
    secs.forEach(function (s) {
      var seen = new Set(tokenize(s.text).filter(function (t) { return want.has(t); }));
      if (seen.size > topScore) { top = s; topScore = seen.size; }
    });
    if (!top) return null;
    var runs = marks(top.text, want), pos = 0;
    for (var i = 0; i < runs.length && !runs[i][1]; i++) pos += runs[i][0].length;
    var from = Math.max(0, pos - SNIPPET / 3);
    var space = top.text.indexOf(" ", from);
    if (from > 0 && space >= 0 && space < pos) from = space + 1;
    var to = Math.min(top.text.length, from + SNIPPET);
    if (to < top.text.length) to = top.text.lastIndexOf(" ", to) > from ? top.text.lastIndexOf(" ", to) : to;
    var text = (from > 0 ? "…" : "") + top.text.slice(from, to) + (to < top.text.length ? "…" : "");
    return { id: top.id, runs: marks(text, want) };
  }

  // ---- The dialog. ----

  var dialog, input, list, status, timer = 0, seq = 0, active = -1, items = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function build() {
    dialog = el("dialog", "search-dialog");
    dialog.setAttribute("aria-label", t("search.dialog"));
    var panel = el("div", "search-panel");
    var box = el("div", "search-box");
    input = el("input", "search-input");
    Object.assign(input, { type: "text", placeholder: t("search.placeholder"), autocomplete: "off", spellcheck: false });
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-label", t("search.placeholder"));
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "vs-search-results");
    var close = el("button", "search-close", "Esc");
    close.type = "button";
    close.setAttribute("aria-label", t("search.close")); // the name holds the visible text
    close.addEventListener("click", function () { dialog.close(); });
    box.append(input, close);
    status = el("p", "search-status");
    status.setAttribute("role", "status");
    list = el("ul", "search-results");
    list.id = "vs-search-results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", t("search.results"));
    var help = el("p", "search-help", t("search.help"));
    help.setAttribute("aria-hidden", "true");
    panel.append(box, status, list, help);
    dialog.append(panel);
    document.body.append(dialog);
    input.addEventListener("input", function () {
      seq++; // a search still running for the old text is dropped
      clearTimeout(timer);
      timer = setTimeout(run, 80);
    });
    input.addEventListener("keydown", onKey);
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
    list.addEventListener("mousemove", function (e) {
      var li = e.target.closest("[role=option]");
      if (li) select(items.indexOf(li));
    });
  }

  function open() {
    if (!dialog) build();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    index.load().then(function () { if (input.value) run(); }, function () {
      status.textContent = t("search.unavailable");
    });
  }

  // onKey moves through the results and opens one. A key that an input
  // method is composing with (a Japanese or Chinese conversion, confirmed
  // with Enter) belongs to the input method: isComposing says so, and
  // Safari, which ends the composition before the keydown, gives keyCode
  // 229 instead.
  function onKey(e) {
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (items.length) select((active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      var a = items[active];
      if (e.ctrlKey || e.metaKey) window.open(a.href, "_blank", "noopener");
      else location.href = a.href;
    } else if (e.key === "Escape") {
      e.preventDefault();
      dialog.close();
    }
  }

  function select(i) {
    if (i < 0 || i >= items.length) return;
    if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
    active = i;
    items[i].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[i].id);
    items[i].scrollIntoView({ block: "nearest" });
  }

  function run() {
    var q = input.value, my = seq;
    if (!index.loaded()) return; // load() runs the query once the index is in
    index.search(q).then(function (r) {
      if (my !== seq) return;
      if (!r.terms.length) return show(q, r, [], 0);
      var top = r.hits.slice(0, MAX_RESULTS);
      return Promise.all(top.map(function (h) { return index.doc(h.id); })).then(function (rows) {
        if (my === seq) show(q, r, top, rows);
      });
    }).catch(function () {
      if (my === seq) status.textContent = t("search.failed");
    });
  }

  function show(q, r, top, rows) {
    // Tests measure what the page downloaded until the first results.
    if (top.length && performance.mark) performance.mark("vaultsite-search-results");
    list.textContent = "";
    list.dataset.query = q; // which query the list shows
    items = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    var lis = [];
    var snippets = top.map(function (h, i) {
      var r = result(h, rows[i], i);
      items.push(r.option);
      lis.push(r.li);
      return r.snippet;
    });
    list.append.apply(list, lis);
    // Snippets fetch the result pages, so they wait until typing pauses.
    var my = seq;
    setTimeout(function () { if (my === seq) snippets.forEach(function (f) { f(); }); }, SNIPPET_DELAY);
    input.setAttribute("aria-expanded", String(items.length > 0));
    if (items.length) select(0);
    status.textContent = message(q, r);
  }

  function message(q, r) {
    if (!q.trim()) return "";
    if (!r.terms.length) return t("search.short");
    var more = r.partial ? t("search.longer") : "";
    if (!r.hits.length && r.partial) return t("search.keepTyping", {q: q.trim()});
    if (!r.hits.length) return t("search.none", {q: q.trim()});
    var n = r.hits.length, shown = Math.min(n, MAX_RESULTS), fixed = "";
    var s = n > shown ? t("search.notesOf", {shown: shown, n: n}) : t("search.notes", {n: n});
    r.fixes.forEach(function (list, word) { fixed += t("search.readAs", {word: word, fixes: list.join(", ")}); });
    return t(r.any ? "search.some" : "search.found", {notes: s}) + fixed + more;
  }

  // result returns a result's list item, its option and the function
  // that fills in its snippet. The link is the option itself: an option
  // holding a link would nest one control in another, which screen
  // readers cannot reach (axe's nested-interactive).
  function result(hit, row, i) {
    var want = new Set(hit.terms), url = button.dataset.root + row[1];
    var li = el("li", "search-result");
    li.setAttribute("role", "none");
    var a = el("a", "search-result-link");
    a.id = "vs-search-result-" + i;
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.href = url;
    a.tabIndex = -1;
    var title = el("span", "search-result-title");
    fill(title, marks(row[0], want));
    a.append(title);
    if (row[2]) a.append(el("span", "search-result-path", row[2]));
    var snip = el("span", "search-result-snippet");
    a.append(snip);
    li.append(a);
    return {
      li: li,
      option: a,
      snippet: function () {
        sections(a.href).then(function (secs) {
          var b = best(secs, want);
          if (!b) return;
          fill(snip, b.runs);
          if (window.vaultsiteMath) window.vaultsiteMath(snip, a.href); // mathrender.js
          if (b.id) a.hash = b.id;
        });
      }
    };
  }

  function fill(node, runs) {
    runs.forEach(function (r) { node.append(r[1] ? el("mark", "", r[0]) : r[0]); });
  }
})();
