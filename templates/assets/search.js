// vaultsite search: the dialog, the query and the results. The inline
// script of templates/layouts/search.html loads this file the first time
// search is opened (the header button, Ctrl/Cmd-K or "/"), and this file
// then loads MiniSearch and the index: a page that never searches
// downloads none of it.
//
// The index is written by the build (internal/search): index.json, then
// shards of terms by their first characters, fetched as a query needs
// them and handed to MiniSearch in its own serialization format, a typo
// dictionary fetched only for a word that matches nothing, and a
// documents table cut into small files. Snippets are cut from the result
// pages themselves, fetched after the results show; result() is the one
// place that builds a result and its snippet.
(function () {
  "use strict";
  // t is the interface's message of key in the site's language (the
  // messages file each page loads first, internal/i18n).
  var t = window.vaultsiteT || function (key) { return key; };

  var button = document.querySelector(".search-button");
  if (!button || window.vaultsiteSearch) return;
  var indexURL = new URL(button.dataset.index, location.href);
  var FORMAT = "vaultsite-search-2"; // internal/search/files.go searchFormat
  var MAX_RESULTS = 10;
  // A query term's prefix matches may need many shards ("re" in a large
  // vault); past this many bytes (about 35 KB compressed) they wait for
  // more letters.
  var PREFIX_BUDGET = 128 * 1024;

  // ---- Tokenizer: the same steps as internal/search/token.go. ----

  var RUN = /[\p{L}\p{M}\p{N}]+/gu;
  var MARK = /\p{M}/u;
  var CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\uff70]/u;
  var MIN_TERM = 2, MAX_TERM = 32;

  function fold(s) {
    if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
    s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().normalize("NFC");
    return s.replace(/ς/g, "σ").replace(/ß/g, "ss");
  }

  // parts splits a run of word characters into its CJK parts, {units,
  // at}: the characters, each with the marks that follow it, and the
  // rest, {text, at}; at is where the part starts in run, in UTF-16 units.
  function parts(run) {
    var out = [], cur = null, at = 0;
    for (var c of run) {
      if (CJK.test(c)) {
        if (!cur || !cur.units) out.push(cur = { units: [], at: at });
        cur.units.push(c);
      } else if (cur && cur.units && MARK.test(c)) {
        cur.units[cur.units.length - 1] += c;
      } else {
        if (!cur || cur.units) out.push(cur = { text: "", at: at });
        cur.text += c;
      }
      at += c.length;
    }
    return out;
  }

  // bigrams returns the terms of a CJK part: every pair of neighbours, or
  // the lone character.
  function bigrams(units) {
    if (units.length === 1) return units.slice();
    var out = [];
    for (var i = 0; i + 1 < units.length; i++) out.push(units[i] + units[i + 1]);
    return out;
  }

  function keep(t) {
    var n = Array.from(t).length;
    return n >= MIN_TERM && n <= MAX_TERM;
  }

  function tokenize(s) {
    var out = [];
    (fold(s).match(RUN) || []).forEach(function (run) {
      parts(run).forEach(function (p) {
        if (p.units) out.push.apply(out, bigrams(p.units));
        else if (keep(p.text)) out.push(p.text);
      });
    });
    return out;
  }

  // ---- The index. ----

  var meta = null; // index.json
  var keys = []; // shard keys
  var shardCache = new Map(); // key → Promise of MiniSearch index entries
  var docCache = new Map(); // file number → Promise of [title, url, folders] rows
  var engine = { key: "", ms: null };
  var ready = null;

  function getJSON(url, opts) {
    return fetch(url, opts).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  // load fetches index.json (revalidated: its name never changes) and
  // MiniSearch, once.
  function load() {
    if (ready) return ready;
    ready = Promise.all([
      getJSON(indexURL, { cache: "no-cache" }),
      window.MiniSearch ? null : loadScript(new URL(button.dataset.lib, location.href))
    ]).then(function (res) {
      meta = res[0];
      if (meta.format !== FORMAT || meta.minisearch.serializationVersion !== 2) {
        throw new Error("unknown search index format " + meta.format);
      }
      keys = Object.keys(meta.shards);
      var n = meta.minisearch.documentCount, ones = meta.minisearch.averageFieldLength.map(function () { return 1; });
      meta.documentIds = {};
      meta.fieldLength = {};
      for (var i = 0; i < n; i++) {
        meta.documentIds[i] = i;
        meta.fieldLength[i] = ones;
      }
    });
    ready.catch(function () { ready = null; }); // a later open tries again
    return ready;
  }

  function fileName(key) {
    return Array.from(key, function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  // unpack turns a shard's packed entries into MiniSearch's
  // [term, {fieldId: {docId: tf}}].
  function unpack(packed) {
    return packed.map(function (e) {
      var fields = {};
      for (var i = 1; i < e.length; i += 3) {
        var docs = e[i + 1], tfs = e[i + 2], m = {}, id = 0;
        for (var k = 0; k < docs.length; k++) {
          id += docs[k];
          m[id] = tfs[k];
        }
        fields[e[i]] = m;
      }
      return [e[0], fields];
    });
  }

  function shard(key) {
    if (!shardCache.has(key)) {
      var url = new URL("t/" + fileName(key) + "." + meta.shards[key][0] + ".json", indexURL);
      var p = getJSON(url).then(unpack);
      p.catch(function () { shardCache.delete(key); });
      shardCache.set(key, p);
    }
    return shardCache.get(key);
  }

  // shardsFor returns the shard keys term needs: the longest key it
  // starts with, and the keys that start with it unless they cost more
  // than PREFIX_BUDGET. partial says some were left out.
  function shardsFor(term) {
    var cps = Array.from(term), out = [], deeper = [], size = 0;
    for (var n = cps.length; n > 0; n--) {
      var k = cps.slice(0, n).join("");
      if (meta.shards[k]) { out.push(k); break; }
    }
    keys.forEach(function (k) {
      if (k.length > term.length && k.startsWith(term)) {
        deeper.push(k);
        size += meta.shards[k][1];
      }
    });
    if (size <= PREFIX_BUDGET) return { keys: out.concat(deeper), partial: false };
    return { keys: out, partial: deeper.length > 0 };
  }

  // engineFor returns a MiniSearch holding exactly the shards keys, made
  // from MiniSearch's serialization: index.json's fields, the identity
  // documentIds, the all-1 fieldLength and the shards' entries.
  function engineFor(keysNeeded) {
    var id = keysNeeded.slice().sort().join("\n");
    if (engine.key === id && engine.ms) return Promise.resolve(engine.ms);
    return Promise.all(keysNeeded.map(shard)).then(function (parts) {
      var js = Object.assign({}, meta.minisearch, {
        documentIds: meta.documentIds, fieldLength: meta.fieldLength, storedFields: {},
        index: [].concat.apply([], parts)
      });
      var ms = window.MiniSearch.default || window.MiniSearch;
      engine = { key: id, ms: ms.loadJS(js, { fields: fieldNames(), tokenize: tokenize, processTerm: same }) };
      return engine.ms;
    });
  }

  function same(t) { return t; }

  function fieldNames() {
    var ids = meta.minisearch.fieldIds;
    return Object.keys(ids).sort(function (a, b) { return ids[a] - ids[b]; });
  }

  function fuzzy(term) { return Array.from(term).length >= 4 ? 0.2 : false; }

  // ---- The query: words and filters. ----

  var PATH_MARK = "/"; // internal/search/search.go pathMark

  // parseQuery splits the box's text into words and filters: "#tag" and
  // "tag:name" keep notes with that tag (or a tag nested in it),
  // "path:words" (path:"two words") notes whose folders and file name hold
  // those words. It returns the terms of each: words, tags and paths,
  // each filter a list of terms.
  function parseQuery(q) {
    var out = { words: [], tags: [], paths: [] }, text = [];
    (q.match(/[^\s"]*"[^"]*"?|\S+/g) || []).forEach(function (tok) {
      var m = /^(tag:#?|#|path:)(.*)$/i.exec(tok), value = m && m[2].replace(/"/g, "");
      var terms = m ? tokenize(value) : [];
      if (!m) text.push(tok);
      else if (terms.length && m[1].toLowerCase() === "path:") out.paths.push(terms);
      else if (terms.length) out.tags.push(terms);
    });
    out.words = tokenize(text.join(" "));
    return out;
  }

  // queryTerms returns every term the query looks up in the index, the
  // path terms with their mark.
  function queryTerms(p) {
    var flat = function (lists) { return [].concat.apply([], lists); };
    return p.words.concat(flat(p.tags), flat(p.paths).map(function (t) { return PATH_MARK + t; }));
  }

  // queryTree returns the query as MiniSearch's tree: every word (or a
  // correction of it, from fixes) and every filter must match, or with
  // any set, any word will do as long as the filters match.
  function queryTree(p, fixes, any) {
    var words = p.words.map(function (t) {
      if (!fixes.has(t)) return t;
      return { combineWith: "OR", queries: [t, { queries: fixes.get(t), prefix: false, fuzzy: false, boostTerm: typoBoost }] };
    });
    var filters = p.tags.map(function (terms) {
      return { combineWith: "AND", queries: terms, fields: ["tags"], fuzzy: false };
    }).concat(p.paths.map(function (terms) {
      return { combineWith: "AND", queries: terms.map(function (t) { return PATH_MARK + t; }), fields: ["path"], fuzzy: false, tokenize: whole };
    }));
    var all = filters.slice();
    if (words.length) all.unshift({ combineWith: any ? "OR" : "AND", queries: words });
    return { combineWith: "AND", queries: all };
  }

  function whole(s) { return [s]; }

  // A corrected word counts about as much as MiniSearch's own fuzzy match.
  function typoBoost() { return 0.45; }

  // search runs the query: every word must match, as a whole word, a
  // prefix, with a typo after its first characters, or, when it matches
  // no word at all, as a correction from the typo dictionary; when no
  // note has them all, any word will do. Filters must always match.
  function search(q) {
    var p = parseQuery(q), terms = queryTerms(p);
    if (!terms.length) return Promise.resolve({ terms: terms, hits: [], partial: false, fixes: new Map() });
    var need = new Set(), partial = false;
    terms.forEach(function (t) {
      var s = shardsFor(t);
      s.keys.forEach(function (k) { need.add(k); });
      partial = partial || s.partial;
    });
    return engineFor(Array.from(need)).then(function (ms) {
      var missing = p.words.filter(function (t) { return typoQuery(t) && !ms.search(t, { prefix: true, fuzzy: false }).length; });
      if (!missing.length) return runQuery(ms, p, new Map(), partial);
      return corrections(missing).then(function (fixes) {
        fixes.forEach(function (list) { list.forEach(function (t) { need.add(shardsFor(t).keys[0]); }); });
        return engineFor(Array.from(need).filter(Boolean)).then(function (ms) { return runQuery(ms, p, fixes, partial); });
      });
    }).then(function (r) {
      r.terms = terms;
      return r;
    });
  }

  // runQuery searches ms for the parsed query.
  function runQuery(ms, p, fixes, partial) {
    var opts = { prefix: true, fuzzy: fuzzy, boost: meta.boost, bm25: meta.bm25, tokenize: tokenize, processTerm: same };
    var hits = ms.search(queryTree(p, fixes, false), opts), any = false;
    if (!hits.length && p.words.length > 1) {
      hits = ms.search(queryTree(p, fixes, true), opts);
      any = hits.length > 0;
    }
    return { hits: hits, partial: partial, any: any, fixes: fixes };
  }

  // ---- Typos: internal/search/typos.go writes the dictionary. ----

  var TYPO_MIN_TERM = 4; // typos.go typoMinTerm
  var typoCache = new Map(); // file key → Promise of its terms

  // typoQuery reports whether a word is looked up in the typo
  // dictionary: a word of letters one longer than the shortest term it
  // corrects to.
  function typoQuery(t) {
    return Array.from(t).length > TYPO_MIN_TERM && /^[\p{L}\p{M}]+$/u.test(t) && !CJK.test(t);
  }

  // typoKeys returns the keys a word is looked up under: itself and
  // itself without each one of its characters.
  function typoKeys(t) {
    var cps = Array.from(t), out = new Set([t]);
    for (var i = 0; i < cps.length; i++) out.add(cps.slice(0, i).concat(cps.slice(i + 1)).join(""));
    return Array.from(out);
  }

  function typoFile(key) {
    var cps = Array.from(key);
    for (var n = cps.length; n > 0; n--) {
      var k = cps.slice(0, n).join("");
      if (meta.typos[k]) return k;
    }
    return null;
  }

  function typos(fileKey) {
    if (!typoCache.has(fileKey)) {
      var p = getJSON(new URL("f/" + fileName(fileKey) + "." + meta.typos[fileKey][0] + ".json", indexURL));
      p.catch(function () { typoCache.delete(fileKey); });
      typoCache.set(fileKey, p);
    }
    return typoCache.get(fileKey);
  }

  // corrections returns, for each word, the terms of the index one typo
  // away from it: a letter missing, added or wrong, or two neighbours
  // swapped. Such a term shares a key with the word, so it is in the file
  // of one of the word's keys.
  function corrections(words) {
    return Promise.all(words.map(function (w) {
      var files = new Set(typoKeys(w).map(typoFile).filter(Boolean));
      return Promise.all(Array.from(files).map(typos)).then(function (lists) {
        var found = new Set();
        lists.forEach(function (terms) {
          terms.forEach(function (t) { if (t !== w && oneTypo(w, t)) found.add(t); });
        });
        return [w, Array.from(found).sort()];
      });
    })).then(function (pairs) {
      return new Map(pairs.filter(function (p) { return p[1].length; }));
    });
  }

  // oneTypo reports whether b is one insertion, deletion, substitution or
  // swap of neighbours away from a.
  function oneTypo(a, b) {
    a = Array.from(a);
    b = Array.from(b);
    if (a.length < b.length) { var s = a; a = b; b = s; }
    var i = 0;
    while (i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length + 1) return a.slice(i + 1).join("") === b.slice(i).join("");
    if (a.length !== b.length) return false;
    var rest = function (n) { return a.slice(n).join("") === b.slice(n).join(""); };
    return rest(i + 1) || a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2);
  }

  function doc(id) {
    var per = meta.docsPerFile, n = Math.floor(id / per);
    if (!docCache.has(n)) {
      var p = getJSON(new URL("d/" + n + "." + meta.docs[n] + ".json", indexURL));
      p.catch(function () { docCache.delete(n); });
      docCache.set(n, p);
    }
    return docCache.get(n).then(function (rows) { return rows[id % per]; });
  }

  window.vaultsiteSearch = { open: open, tokenize: tokenize, search: search, load: load };

  // ---- Snippets, from the result's page. ----

  var pageCache = new Map(); // URL → Promise of sections
  var SNIPPET = 160; // characters around the first match
  var SNIPPET_DELAY = 250; // ms of no typing before snippets are fetched

  // sections returns the text of a page's note body as [{id, text}], one
  // per heading (id "" before the first), leaving out embeds and math,
  // which the index leaves out too.
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
        } else if (n.nodeType === 1 && !n.matches(".internal-embed, .math, .heading-anchor, script, style")) {
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
    var spans = [], m, re = new RegExp(RUN.source, "gu"); // its own lastIndex: tokenize below uses RUN
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
    load().then(function () { if (input.value) run(); }, function () {
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
    if (!meta) return; // load() runs the query once the index is in
    search(q).then(function (r) {
      if (my !== seq) return;
      if (!r.terms.length) return show(q, r, [], 0);
      var top = r.hits.slice(0, MAX_RESULTS);
      return Promise.all(top.map(function (h) { return doc(h.id); })).then(function (rows) {
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
          if (b.id) a.hash = b.id;
        });
      }
    };
  }

  function fill(node, runs) {
    runs.forEach(function (r) { node.append(r[1] ? el("mark", "", r[0]) : r[0]); });
  }
})();
