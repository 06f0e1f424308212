// vaultsite: the explorer, the left sidebar's folder tree. The build
// writes the tree once per site, as _site/explorer.json
// (build/explorer.go), rather than into every page. This script draws
// the copy it kept in sessionStorage at once, then asks the server
// whether the file changed (a conditional request, usually answered 304)
// and draws again if it did. A folder's list is built only when the
// folder opens, so a vault of thousands of notes costs a few dozen
// elements. Open folders are kept in sessionStorage too; the folders
// above the current page always open.
//
// The file is {"version": 1, "items": [item, …]}, an item being
// [name, url] for a page or [name, url, [item, …]] for a folder. An
// item's url is relative to its folder's ("http/" in "protocols/"), or
// to the site root when it starts with "/"; data-page names the current
// page relative to the root (see the explorer's data attributes in
// partials.html).
(function () {
  "use strict";
  var nav = document.getElementById("vs.explorer");
  if (!nav) return;
  var src = nav.getAttribute("data-url");
  var root = nav.getAttribute("data-root") || "./";
  var here = nav.getAttribute("data-page");
  var DATA = "vs.explorer.data", OPEN = "vs.explorer.open";
  var chevron = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6"/></svg>';

  function read(key) {
    try { return JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(key, value) {
    try { sessionStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or private */ }
  }
  var open = {};
  (read(OPEN) || []).forEach(function (u) { open[u] = true; });
  function saveOpen() { write(OPEN, Object.keys(open).sort()); }

  // resolve turns each item's url into its URL from the site root, in
  // place, once per drawing.
  function resolve(items, base) {
    items.forEach(function (it) {
      it[1] = it[1].charAt(0) === "/" ? it[1].slice(1) : base + it[1];
      if (it[2]) resolve(it[2], it[1]);
    });
  }

  // trail returns the folders (their URLs) down to the current page.
  function trail(items, path) {
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      if (it[1] === here) return path;
      if (it[2]) {
        var found = trail(it[2], path.concat(it[1]));
        if (found) return found;
      }
    }
    return null;
  }

  function link(it) {
    var a = document.createElement("a");
    a.href = root + it[1];
    a.textContent = it[0];
    if (it[1] === here) a.setAttribute("aria-current", "page");
    return a;
  }
  function list(items) {
    var ul = document.createElement("ul");
    items.forEach(function (it) { ul.appendChild(it[2] ? folder(it) : note(it)); });
    return ul;
  }
  function note(it) {
    var li = document.createElement("li");
    li.className = "explorer-note";
    li.appendChild(link(it));
    return li;
  }
  function folder(it) {
    var li = document.createElement("li");
    li.className = "explorer-folder";
    var row = document.createElement("div");
    row.className = "explorer-row";
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "explorer-toggle";
    btn.setAttribute("aria-label", it[0]);
    btn.innerHTML = chevron;
    row.appendChild(btn);
    row.appendChild(link(it));
    li.appendChild(row);
    var sub = null;
    function set(on) {
      btn.setAttribute("aria-expanded", String(on));
      if (on && !sub) {
        sub = list(it[2]);
        li.appendChild(sub);
      }
      if (sub) sub.hidden = !on;
    }
    set(!!open[it[1]]);
    btn.addEventListener("click", function () {
      var on = btn.getAttribute("aria-expanded") !== "true";
      if (on) open[it[1]] = true; else delete open[it[1]];
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
  }

  function draw(data) {
    if (!data || data.version !== 1 || !data.items) return;
    resolve(data.items, "");
    (trail(data.items, []) || []).forEach(function (u) { open[u] = true; });
    // The tree goes in its own box, so what others put in the column
    // (a publish.js adds to .site-body-left-column-inner) stays.
    (nav.querySelector(".nav-view-outer") || nav).replaceChildren(list(data.items));
    nav.hidden = false;
    var cur = nav.querySelector('[aria-current="page"]');
    if (cur && nav.scrollHeight > nav.clientHeight) {
      nav.scrollTop = cur.offsetTop - nav.offsetTop - nav.clientHeight / 3;
    }
  }

  var key = new URL(src, location.href).pathname;
  var cached = read(DATA);
  if (cached && cached.src === key) {
    try { draw(JSON.parse(cached.text)); } catch (e) { cached = null; }
  }
  if (location.protocol === "file:") return; // fetch cannot read files
  fetch(src, {cache: "no-cache"}).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.text();
  }).then(function (text) {
    if (cached && cached.text === text) return;
    write(DATA, {src: key, text: text});
    var focused = nav.contains(document.activeElement);
    draw(JSON.parse(text));
    if (focused) { var cur = nav.querySelector('[aria-current="page"]'); if (cur) cur.focus(); }
  }).catch(function () { /* no explorer; breadcrumbs still lead everywhere */ });
})();
