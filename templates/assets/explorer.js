// vaultsite: the explorer, the left sidebar's folder tree. The build
// writes each folder's listing as files of at most a few hundred
// entries, "_site/explorer/<folder>/<k>.json" (build/explorer.go), and
// this script fetches only the listings it shows: the root's, the ones
// on the way to the current page (all in parallel, so the way is open
// at the first drawing), and a folder's when it is opened. A listing too
// long for one file shows its other parts as "Show more" buttons. Files
// fetched are kept in sessionStorage and drawn at once on the next page,
// then checked with the server (conditional requests, usually 304) and
// drawn again if one changed. Open folders are kept in sessionStorage
// too; the folders above the current page always open.
//
// A file is {"version": 2, "parts": n, "items": [item, …]}, an item
// being [name] or [name, url] for a page and [name, url, parts] for a
// folder. An item's url is relative to its folder's ("http/" in
// "protocols/"), or to the site root when it starts with "/"; an empty
// or missing url is derived from the name (derived, the rule of
// build/explorer.go's derivedURL). The nav element's data attributes
// (partials.html) give the root's first file (data-url, in the folder of
// them all), the site root,
// the current page's URL from the root (data-page), the URL of the
// folder listing it (data-folder) and the part of each listing on the
// way that holds the next step (data-parts, root first, 0 if absent).
//
// window.vaultsiteExplorer.attach(nav) draws the explorer into nav for
// the page its data attributes name, reusing the files already fetched
// and the open folders: instant navigation calls it after swapping a
// page in, with the new page's nav element or the kept one carrying the
// new page's attributes.
(function () {
  "use strict";
  var OPEN = "vs.explorer.open", FILE = "vs.explorer.file:";
  var chevron = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6"/></svg>';
  var files = {}; // file URL -> promise of its parsed content, asked once per page load

  function read(key) {
    try { return JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(key, value) {
    try { sessionStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or private */ }
  }
  var open = {};
  (read(OPEN) || []).forEach(function (u) { open[u] = true; });
  function saveOpen() { write(OPEN, Object.keys(open).sort()); }

  function parse(text) {
    var data = JSON.parse(text);
    if (!data || data.version !== 2 || !data.items) throw new Error("explorer file");
    return data;
  }
  // fetchFile asks the server for url (revalidating any cached copy),
  // keeps its text for the session and resolves to its content; changed
  // is called with the content when it differs from the kept copy.
  function fetchFile(url, kept, changed) {
    return fetch(url, {cache: "no-cache"}).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (text) {
      if (kept !== null && kept === text) return parse(text);
      write(FILE + url, text);
      var data = parse(text);
      if (kept !== null) changed(data);
      return data;
    });
  }
  // load resolves to the file at url: the session's copy at once if
  // there is one (checked with the server in the background, and
  // onChange called if it changed), else the server's.
  function load(url, onChange) {
    if (files[url]) return files[url];
    var kept = read(FILE + url);
    var p;
    if (typeof kept === "string") {
      try {
        p = Promise.resolve(parse(kept));
      } catch (e) { kept = null; }
    } else {
      kept = null;
    }
    if (location.protocol === "file:" && !p) return Promise.reject(new Error("file:"));
    if (location.protocol !== "file:") {
      var fresh = fetchFile(url, kept, function (data) {
        files[url] = Promise.resolve(data);
        if (onChange) onChange();
      });
      if (!p) p = fresh;
      else fresh.catch(function () { /* keep the copy */ });
    }
    files[url] = p;
    p.catch(function () { delete files[url]; });
    return p;
  }

  // derived is the URL of a name whose item gives none (derivedURL in
  // build/explorer.go): ASCII names only.
  function derived(name) {
    return name.toLowerCase().replace(/[^a-z0-9_.]+/g, "-").replace(/^[-.]+|[-.]+$/g, "") + "/";
  }
  // urlOf returns an item's URL from the site root, its folder being at
  // base.
  function urlOf(it, base) {
    var u = it[1] || derived(it[0]);
    return u.charAt(0) === "/" ? u.slice(1) : base + u;
  }

  function Explorer(nav) {
    this.nav = nav;
    this.base = nav.getAttribute("data-url").replace(/[^/]*$/, "");
    this.root = nav.getAttribute("data-root") || "./";
    this.here = nav.getAttribute("data-page");
    var folder = nav.getAttribute("data-folder") || "";
    var parts = (nav.getAttribute("data-parts") || "").split(" ");
    // trail: the folders from the root down to the page's, each with the
    // part of its listing to fetch first.
    this.trail = [{url: "", part: +parts[0] || 0}];
    var steps = folder ? folder.replace(/\/$/, "").split("/") : [];
    for (var i = 0; i < steps.length; i++) {
      this.trail.push({url: steps.slice(0, i + 1).join("/") + "/", part: +parts[i + 1] || 0});
    }
    // The folders on the way open, and count as opened by hand from
    // then on (kept with the next folder the reader toggles).
    this.onTrail = {};
    for (var j = 1; j < this.trail.length; j++) {
      this.onTrail[this.trail[j].url] = this.trail[j].part;
      open[this.trail[j].url] = true;
    }
  }
  Explorer.prototype.fileURL = function (folder, part) {
    return this.base + folder + part + ".json";
  };
  Explorer.prototype.load = function (folder, part) {
    var self = this;
    return load(this.fileURL(folder, part), function () { self.redraw(); });
  };

  Explorer.prototype.link = function (name, url) {
    var a = document.createElement("a");
    a.href = this.root + url;
    a.textContent = name;
    if (url === this.here) a.setAttribute("aria-current", "page");
    return a;
  };
  // list returns the list of the folder at url, of n parts, with the
  // parts in have (part number -> file) drawn and the others as buttons
  // that fetch them.
  Explorer.prototype.list = function (url, n, have) {
    var ul = document.createElement("ul");
    for (var k = 0; k < n; k++) {
      if (have[k]) this.fill(ul, null, have[k].items, url);
      else ul.appendChild(this.more(ul, url, k));
    }
    return ul;
  };
  Explorer.prototype.fill = function (ul, before, items, base) {
    var self = this;
    items.forEach(function (it) {
      var u = urlOf(it, base);
      ul.insertBefore(it.length > 2 ? self.folder(it[0], u, it[2]) : self.note(it[0], u), before);
    });
  };
  Explorer.prototype.more = function (ul, url, k) {
    var self = this;
    var li = document.createElement("li");
    li.className = "explorer-more";
    var btn = document.createElement("button");
    btn.type = "button";
    btn.textContent = (window.vaultsiteT || String)("explorer.more"); // the site language's (internal/i18n)
    btn.addEventListener("click", function () {
      btn.disabled = true;
      self.load(url, k).then(function (data) {
        self.fill(ul, li, data.items, url);
        li.remove();
      }, function () { btn.disabled = false; });
    });
    li.appendChild(btn);
    return li;
  };
  Explorer.prototype.note = function (name, url) {
    var li = document.createElement("li");
    li.className = "explorer-note";
    li.appendChild(this.link(name, url));
    return li;
  };
  Explorer.prototype.folder = function (name, url, n) {
    var self = this;
    var li = document.createElement("li");
    li.className = "explorer-folder";
    var row = document.createElement("div");
    row.className = "explorer-row";
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "explorer-toggle";
    btn.setAttribute("aria-label", name);
    btn.innerHTML = chevron;
    row.appendChild(btn);
    row.appendChild(this.link(name, url));
    li.appendChild(row);
    var sub = null, pending = false;
    function set(on) {
      btn.setAttribute("aria-expanded", String(on));
      if (sub) sub.hidden = !on;
      if (!on || sub || pending) return;
      var have = {}, first = url in self.onTrail ? self.onTrail[url] : 0;
      var got = self.ready[url + first];
      if (got) {
        have[first] = got;
        sub = self.list(url, n, have);
        li.appendChild(sub);
        return;
      }
      pending = true;
      self.load(url, first).then(function (data) {
        have[first] = data;
        sub = self.list(url, n, have);
        sub.hidden = btn.getAttribute("aria-expanded") !== "true";
        li.appendChild(sub);
      }, function () { btn.setAttribute("aria-expanded", "false"); }).then(function () { pending = false; });
    }
    set(!!open[url]);
    btn.addEventListener("click", function () {
      var on = btn.getAttribute("aria-expanded") !== "true";
      if (on) open[url] = true; else delete open[url];
      saveOpen();
      set(on);
    });
    btn.addEventListener("keydown", function (e) {
      var on = btn.getAttribute("aria-expanded") === "true";
      if (e.key === "ArrowRight" && !on || e.key === "ArrowLeft" && on) {
        e.preventDefault();
        btn.click();
      }
    });
    return li;
  };

  // draw fetches the root's listing and those on the way to the page,
  // all at once, and draws the tree when they are there.
  Explorer.prototype.draw = function () {
    var self = this;
    return Promise.all(this.trail.map(function (t) { return self.load(t.url, t.part); })).then(function (got) {
      self.ready = {};
      self.trail.forEach(function (t, i) { self.ready[t.url + t.part] = got[i]; });
      var have = {};
      have[self.trail[0].part] = got[0];
      var tree = self.list("", got[0].parts, have);
      var focused = self.nav.contains(document.activeElement);
      // The tree goes in its own box, so what others put in the column
      // (a publish.js adds to .site-body-left-column-inner) stays.
      (self.nav.querySelector(".nav-view-outer") || self.nav).replaceChildren(tree);
      self.nav.hidden = false;
      var cur = self.nav.querySelector('[aria-current="page"]');
      if (cur && focused) cur.focus();
      self.reveal(cur);
    });
  };
  Explorer.prototype.redraw = function () {
    if (current === this) this.draw().catch(function () { /* keep what is drawn */ });
  };
  // reveal scrolls the current page's link into the explorer's view,
  // unless it is in view already (a page swap keeps the scroll).
  Explorer.prototype.reveal = function (cur) {
    var nav = this.nav;
    if (!cur || nav.scrollHeight <= nav.clientHeight) return;
    var top = cur.offsetTop - nav.offsetTop;
    if (top < nav.scrollTop || top > nav.scrollTop + nav.clientHeight - cur.offsetHeight) {
      nav.scrollTop = top - nav.clientHeight / 3;
    }
  };

  var current = null;
  function attach(nav) {
    if (!nav || !nav.getAttribute("data-url")) return;
    current = new Explorer(nav);
    current.draw().catch(function () { /* no explorer; breadcrumbs still lead everywhere */ });
  }
  window.vaultsiteExplorer = {attach: attach};
  attach(document.getElementById("vs.explorer"));
})();
