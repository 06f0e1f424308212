// vaultsite: a note's local graph, in the right sidebar. The page embeds
// its neighbourhood (the build's JSON, depth 1); this script lays it out
// with a small force simulation and draws it as SVG, where every note is
// a link. "Depth 2" fetches the site's graph JSON once and adds the
// neighbours' neighbours. Pointing at a note lights up its neighbours.
(function () {
  "use strict";
  // t is the interface's message of key in the site's language (the
  // messages file each page loads first, internal/i18n).
  var t = window.vaultsiteT || function (key) { return key; };
  // The box is the one this script runs in: a note's raw HTML may hold
  // elements of the same classes, whose "url"s would become links.
  var box = document.currentScript && document.currentScript.closest(".local-graph");
  var script = box && box.querySelector(".local-graph-data");
  if (!script) return;
  var local = JSON.parse(script.textContent);
  var root = box.getAttribute("data-root") || "./";
  var source = box.getAttribute("data-graph");
  var NS = "http://www.w3.org/2000/svg";
  var MAX2 = 120; // the most nodes drawn at depth 2: the panel is small

  var head = document.createElement("div");
  head.className = "local-graph-head";
  var title = document.createElement("h2");
  title.className = "local-graph-heading";
  title.textContent = t("local.heading");
  head.appendChild(title);
  var depth2 = null;
  if (source && window.fetch) {
    var label = document.createElement("label");
    depth2 = document.createElement("input");
    depth2.type = "checkbox";
    depth2.className = "local-graph-depth";
    label.appendChild(depth2);
    label.appendChild(document.createTextNode(" " + t("local.depth2")));
    head.appendChild(label);
  }
  var open = document.createElement("a");
  open.className = "local-graph-open";
  open.href = root + "graph/";
  open.textContent = t("local.open");
  head.appendChild(open);
  var svg = document.createElementNS(NS, "svg");
  svg.setAttribute("class", "local-graph-svg");
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", t("local.label"));
  var note = document.createElement("p");
  note.className = "local-graph-more";
  box.appendChild(head);
  box.appendChild(svg);
  box.appendChild(note);

  // layout places nodes on a circle (the page's own at the centre), then
  // runs a fixed number of steps of springs along edges, repulsion
  // between every pair and a pull to the centre: the same picture on
  // every load.
  function layout(n, edges) {
    var x = new Float64Array(n), y = new Float64Array(n), i, j, k;
    for (i = 1; i < n; i++) { // a spiral, so no two start in line with the centre
      var a = 2.4 * i, r = 30 + 8 * i;
      x[i] = r * Math.cos(a);
      y[i] = r * Math.sin(a);
    }
    var fx = new Float64Array(n), fy = new Float64Array(n);
    for (var step = 0; step < 300; step++) {
      var t = 8 * (1 - step / 300) + 0.5; // the most a node moves in this step
      fx.fill(0);
      fy.fill(0);
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var dx = x[i] - x[j], dy = y[i] - y[j], d2 = dx * dx + dy * dy + 0.01;
          var f = 900 / d2;
          fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
        }
        fx[i] -= x[i] * 0.02; fy[i] -= y[i] * 0.02;
      }
      for (k = 0; k < edges.length; k += 2) {
        var p = edges[k], q = edges[k + 1], ex = x[q] - x[p], ey = y[q] - y[p];
        var d = Math.sqrt(ex * ex + ey * ey) + 0.01, s = (d - 45) * 0.05 / d;
        fx[p] += ex * s; fy[p] += ey * s; fx[q] -= ex * s; fy[q] -= ey * s;
      }
      for (i = 1; i < n; i++) { // the page's own note stays at the centre
        var m = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) || 1, c = Math.min(m, t) / m;
        x[i] += fx[i] * c; y[i] += fy[i] * c;
      }
    }
    return { x: x, y: y };
  }

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  // draw shows nodes (title, url, depth) joined by edges (index pairs).
  function draw(nodes, edges, more) {
    var n = nodes.length, pos = layout(n, edges), pad = 16, i;
    var minX = 0, maxX = 0, minY = 0, maxY = 0;
    for (i = 0; i < n; i++) {
      minX = Math.min(minX, pos.x[i]); maxX = Math.max(maxX, pos.x[i]);
      minY = Math.min(minY, pos.y[i]); maxY = Math.max(maxY, pos.y[i]);
    }
    // Fit the layout to the box in pixels, so dots and text keep their
    // size however far the layout spreads; a small graph is not blown up.
    var w = svg.clientWidth || 240, h = svg.clientHeight || 220;
    var k0 = Math.min((w - 2 * pad) / (maxX - minX || 1), (h - 2 * pad) / (maxY - minY || 1), 1.5);
    var ox = w / 2 - (minX + maxX) / 2 * k0, oy = h / 2 - (minY + maxY) / 2 * k0;
    for (i = 0; i < n; i++) {
      pos.x[i] = Math.round((pos.x[i] * k0 + ox) * 10) / 10;
      pos.y[i] = Math.round((pos.y[i] * k0 + oy) * 10) / 10;
    }
    svg.textContent = "";
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    var lines = el("g", { "class": "local-graph-edges" }, svg);
    var dots = el("g", { "class": "local-graph-nodes" }, svg);
    var adj = nodes.map(function () { return []; });
    var lineOf = [];
    for (i = 0; i < edges.length; i += 2) {
      var a = edges[i], b = edges[i + 1];
      adj[a].push(b); adj[b].push(a);
      lineOf.push(el("line", { x1: pos.x[a], y1: pos.y[a], x2: pos.x[b], y2: pos.y[b], "data-a": a, "data-b": b }, lines));
    }
    var links = nodes.map(function (nd, k) {
      var link = el("a", { href: nd.url, "class": "local-graph-node depth-" + nd.depth }, dots);
      el("title", {}, link).textContent = nd.title;
      el("circle", { cx: pos.x[k], cy: pos.y[k], r: k === 0 ? 6 : nd.depth === 1 ? 4.5 : 3.5 }, link);
      var text = el("text", { x: pos.x[k], y: pos.y[k] + (k === 0 ? 17 : 15) }, link);
      text.textContent = nd.title.length > 24 ? nd.title.slice(0, 23) + "…" : nd.title;
      link.addEventListener("mouseenter", function () { light(k); });
      link.addEventListener("mouseleave", function () { light(-1); });
      link.addEventListener("focus", function () { light(k); });
      link.addEventListener("blur", function () { light(-1); });
      return link;
    });
    function light(k) {
      svg.classList.toggle("is-hovering", k >= 0);
      var on = {};
      if (k >= 0) { on[k] = true; adj[k].forEach(function (j) { on[j] = true; }); }
      links.forEach(function (l, j) { l.classList.toggle("is-near", !!on[j]); });
      lineOf.forEach(function (l) {
        l.classList.toggle("is-near", k >= 0 && (+l.getAttribute("data-a") === k || +l.getAttribute("data-b") === k));
      });
      label(k >= 0 ? [k].concat(adj[k]) : [0]);
    }
    // label names the nodes of want, and no others: the first (the
    // pointed-at node, or the page's own) then the best-connected,
    // leaving out each whose text would cover one already named.
    function label(want) {
      var first = want[0], rest = want.slice(1).sort(function (a, b) { return adj[b].length - adj[a].length || a - b; });
      var placed = [];
      var named = {};
      [first].concat(rest).forEach(function (j) {
        var r;
        try { r = links[j].querySelector("text").getBBox(); } catch (e) { r = {x: 0, y: 0, width: 0, height: 0}; } // not drawn (hidden): no box to keep apart
        if (placed.some(function (p) { return r.x < p.x + p.width && p.x < r.x + r.width && r.y < p.y + p.height && p.y < r.y + r.height; })) return;
        placed.push(r);
        named[j] = true;
      });
      links.forEach(function (l, j) { l.classList.toggle("is-labelled", !!named[j]); });
    }
    label([0]);
    note.textContent = more > 0 ? t("local.more", {n: more}) : "";
    box.setAttribute("data-nodes", n);
  }

  var first = local.nodes.map(function (nd, k) { return { title: nd.title, url: nd.url, depth: k === 0 ? 0 : 1 }; });
  draw(first, local.edges, local.more || 0);

  // Depth 2 comes from the site's graph: the neighbours of each depth-1
  // note, the best-connected first, up to MAX2 nodes in all.
  var site = null;
  function second() {
    var g = site, me = g.urls.indexOf(local.self), adj = g.titles.map(function () { return []; }), k;
    if (me < 0) { note.textContent = t("local.absent"); return; }
    for (k = 0; k < g.edges.length; k += 2) { adj[g.edges[k]].push(g.edges[k + 1]); adj[g.edges[k + 1]].push(g.edges[k]); }
    var depth = {}, order = [me];
    depth[me] = 0;
    var ring1 = adj[me].slice().sort(function (a, b) { return adj[b].length - adj[a].length || a - b; });
    ring1.forEach(function (j) { if (order.length < MAX2) { depth[j] = 1; order.push(j); } });
    var score = {};
    ring1.forEach(function (j) {
      if (depth[j] !== 1) return;
      adj[j].forEach(function (m) { if (depth[m] === undefined) score[m] = (score[m] || 0) + 1; });
    });
    var ring2 = Object.keys(score).map(Number).sort(function (a, b) { return score[b] - score[a] || adj[b].length - adj[a].length || a - b; });
    ring2.forEach(function (j) { if (order.length < MAX2) { depth[j] = 2; order.push(j); } });
    var at = {};
    order.forEach(function (j, p) { at[j] = p; });
    var edges = [];
    order.forEach(function (j, p) { adj[j].forEach(function (m) { if (at[m] > p) edges.push(p, at[m]); }); });
    var nodes = order.map(function (j) { return { title: g.titles[j], url: g.urls[j] === "./" ? root : root + g.urls[j], depth: depth[j] }; });
    draw(nodes, edges, Math.max(0, ring1.length + ring2.length + 1 - order.length));
  }
  if (depth2) {
    depth2.addEventListener("change", function () {
      if (!depth2.checked) { draw(first, local.edges, local.more || 0); return; }
      if (site) { second(); return; }
      depth2.disabled = true;
      fetch(source, { cache: "no-cache" }).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (g) { site = g; depth2.disabled = false; if (depth2.checked) second(); })
        .catch(function () { depth2.disabled = false; depth2.checked = false; note.textContent = t("local.failed"); });
    });
  }
})();
