// vaultsite search, the index side: the tokenizer, the index files, the
// query and the typo dictionary. templates/static.go puts this file first
// in the search.js bundle; search.js, the dialog, calls it.
//
// The index is written by the build (internal/search): index.json, then
// shards of terms by their first characters, fetched as a query needs
// them and handed to MiniSearch in its own serialization format, a typo
// dictionary fetched only for a word that matches nothing, and a
// documents table cut into small files.
var vaultsiteSearchIndex = (function () {
  "use strict";

  var FORMAT = "vaultsite-search-2"; // internal/search/files.go searchFormat
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

  // create returns the search over the index whose index.json is at
  // indexURL, with MiniSearch loaded from libURL when it is not yet.
  function create(indexURL, libURL) {
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
        window.MiniSearch ? null : loadScript(libURL)
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

    var PATH_MARK = "/", TAG_MARK = "#"; // internal/search/search.go pathMark, tagMark

    // parseQuery splits the box's text into words and filters: "#tag" and
    // "tag:name" keep notes with that tag or a tag nested in it (the whole
    // tag, as Obsidian's tag: does), "path:words" (path:"two words") notes
    // whose folders and file name hold those words or words they begin.
    // It returns the terms of each: words; tags, each a list of its one
    // marked term; paths, each a list of its words.
    function parseQuery(q) {
      var out = { words: [], tags: [], paths: [] }, text = [];
      (q.match(/[^\s"]*"[^"]*"?|\S+/g) || []).forEach(function (tok) {
        var m = /^(tag:#?|#|path:)(.*)$/i.exec(tok), value = m && m[2].replace(/"/g, "");
        var path = m && m[1].toLowerCase() === "path:", tag = m && !path && fold(value).replace(/^[#/]+|\/+$/g, "");
        if (!m) text.push(tok);
        else if (path && tokenize(value).length) out.paths.push(tokenize(value));
        else if (tag) out.tags.push([TAG_MARK + tag]);
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
        return { combineWith: "AND", queries: terms, fields: ["tags"], prefix: false, fuzzy: false, tokenize: whole };
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
        var s = shardsFor(t), exact = t.charAt(0) === TAG_MARK; // a tag filter takes no prefix matches
        (exact ? s.keys.slice(0, 1) : s.keys).forEach(function (k) { need.add(k); });
        partial = partial || !exact && s.partial;
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

    return { load: load, search: search, doc: doc, loaded: function () { return meta !== null; } };
  }

  return { create: create, tokenize: tokenize, parts: parts, bigrams: bigrams };
})();
