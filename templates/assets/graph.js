// vaultsite: the global graph page. The build lays the graph out (Go,
// ForceAtlas2) and writes it as JSON; this script only draws it with sigma
// over WebGL, so a graph of 10,000 notes stays interactive. Pointing at a
// note lights up its neighbours, clicking it opens it, and the list below
// the drawing holds the same graph for keyboards and screen readers.
(function () {
  "use strict";
  // t is the interface's message of key in the site's language (the
  // messages file each page loads first, internal/i18n).
  var t = window.vaultsiteT || function (key) { return key; };
  var view = document.querySelector(".graph-view[data-graph]");
  if (!view) return;
  var root = view.getAttribute("data-root") || "./";
  var status = view.querySelector(".graph-status");
  var listView = document.querySelector(".graph-list-view");
  var data = null;

  function say(text) { status.textContent = text; }
  // href turns a URL from the site root into one from this page.
  function href(u) { return u === "./" ? root : root + u; }

  function webgl() {
    try {
      var c = document.createElement("canvas");
      return !!(window.WebGLRenderingContext && (c.getContext("webgl2") || c.getContext("webgl")));
    } catch (e) { return false; }
  }

  // The list: every note, by title, with how many links it has, built
  // the first time it is opened.
  function buildList() {
    var ul = listView.querySelector(".graph-list");
    if (!data || ul.childElementCount) return;
    var degree = degrees(data);
    var order = data.titles.map(function (_, i) { return i; });
    order.sort(function (a, b) { return data.titles[a].localeCompare(data.titles[b]) || a - b; });
    var frag = document.createDocumentFragment();
    order.forEach(function (i) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = href(data.urls[i]);
      a.textContent = data.titles[i];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" · " + t("graph.links", {n: degree[i]})));
      frag.appendChild(li);
    });
    ul.appendChild(frag);
  }
  if (listView) listView.addEventListener("toggle", function () { if (listView.open) buildList(); });

  function degrees(d) {
    var deg = new Array(d.titles.length).fill(0);
    for (var k = 0; k < d.edges.length; k++) deg[d.edges[k]]++;
    return deg;
  }

  // The theme's colours, read from the stylesheet's variables so the
  // graph follows the light and dark themes.
  function palette() {
    var css = getComputedStyle(document.body);
    function v(name, fallback) { return css.getPropertyValue(name).trim() || fallback; }
    return {
      node: v("--graph-node", "#8a8a8a"), accent: v("--text-accent", "#6541d6"),
      edge: v("--graph-edge", "#d0d0d0"), faint: v("--graph-faded", "#ececec"),
      label: v("--text-normal", "#222222"), bg: v("--background-primary", "#ffffff"),
      border: v("--background-modifier-border", "#e3e3e3")
    };
  }

  function draw() {
    var libs = window.SigmaGraph;
    var graph = new libs.Graph({ type: "undirected" });
    var colours = palette();
    // Sizes are pixels at the starting zoom: a crowded graph draws its
    // dots smaller, so each keeps some room of its own.
    var canvas = view.querySelector(".graph-canvas"), n = data.titles.length;
    var room = Math.sqrt(canvas.clientWidth * canvas.clientHeight / Math.max(n, 1));
    var scale = Math.min(1, Math.max(0.2, room / 30));
    for (var i = 0; i < n; i++) {
      graph.addNode(i, { x: data.x[i], y: data.y[i], size: data.sizes[i] * scale, label: data.titles[i], color: colours.node });
    }
    for (var k = 0; k < data.edges.length; k += 2) graph.addEdge(data.edges[k], data.edges[k + 1]);

    var hovered = null, near = null, degree = degrees(data), offered = [];
    var renderer = new libs.Sigma(graph, canvas, {
      // One-pixel GL lines: tens of thousands of edges as quads would
      // cost far more to fill, and a software renderer feels it.
      defaultEdgeType: "line",
      edgeProgramClasses: { line: libs.EdgeLineProgram },
      // A crowded graph drops its edges while it moves and draws them
      // again when it stops: without a GPU (software WebGL) 70,000 edges
      // cost hundreds of milliseconds a frame, and even with one, lines
      // that dense read as a grey wash in motion.
      hideEdgesOnMove: data.edges.length / 2 > 20000,
      defaultEdgeColor: colours.edge,
      labelColor: { color: colours.label },
      labelFont: getComputedStyle(document.body).fontFamily,
      // Name the larger dots, at most a few per 120-pixel cell, so
      // labels do not pile up; zooming in names more.
      labelRenderedSizeThreshold: 5 * scale,
      labelDensity: 0.4,
      labelGridCellSize: 120,
      zIndex: true,
      defaultDrawNodeLabel: offerLabel,
      defaultDrawNodeHover: drawHover,
      nodeReducer: function (node, attrs) {
        if (hovered === null) return attrs;
        if (node === hovered) return Object.assign({}, attrs, { color: colours.accent, highlighted: true, zIndex: 2 });
        if (near.has(node)) return Object.assign({}, attrs, { color: colours.accent, zIndex: 1, forceLabel: near.size < 30 });
        return Object.assign({}, attrs, { color: colours.faint, label: "", zIndex: 0 });
      },
      edgeReducer: function (edge, attrs) {
        if (hovered === null) return attrs;
        if (graph.hasExtremity(edge, hovered)) return Object.assign({}, attrs, { color: colours.accent, zIndex: 1 });
        return Object.assign({}, attrs, { hidden: true });
      }
    });

    // The hover label in the theme's colours (sigma's own is white).
    function drawHover(ctx, d, settings) {
      if (!d.label) return;
      var size = settings.labelSize, pad = 4;
      ctx.font = settings.labelWeight + " " + size + "px " + settings.labelFont;
      var w = ctx.measureText(d.label).width;
      ctx.fillStyle = colours.bg;
      ctx.strokeStyle = colours.border;
      ctx.beginPath();
      ctx.rect(d.x + d.size + 2, d.y - size / 2 - pad, w + 2 * pad, size + 2 * pad);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = colours.label;
      ctx.fillText(d.label, d.x + d.size + 2 + pad, d.y + size / 3);
    }

    // Labels never overlap. Sigma offers the labels its grid allows
    // (offerLabel keeps them instead of drawing them); after the frame,
    // placeLabels draws them best-connected first, leaving out each whose
    // box would cover one already drawn, or the pointed-at note's.
    function offerLabel(ctx, d) { if (d.label) offered.push(d); }
    function labelBox(d, size, w, pad) {
      return { x: d.x + d.size + 2, y: d.y - size / 2 - pad, w: w + 2 * pad, h: size + 2 * pad };
    }
    function placeLabels() {
      var s = renderer.getSettings(), size = s.labelSize, ctx = renderer.getCanvases().labels.getContext("2d");
      var placed = [], shown = [];
      ctx.font = s.labelWeight + " " + size + "px " + s.labelFont;
      if (hovered !== null) {
        var hd = renderer.getNodeDisplayData(hovered), hp = renderer.framedGraphToViewport(hd);
        hp.size = renderer.scaleSize(hd.size);
        placed.push(labelBox(hp, size, ctx.measureText(hd.label || "").width, 4));
      }
      offered.sort(function (a, b) { return degree[b.key] - degree[a.key] || a.key - b.key; });
      ctx.fillStyle = colours.label;
      offered.forEach(function (d) {
        if (d.key === hovered) return; // on the hover layer, boxed
        var box = labelBox(d, size, ctx.measureText(d.label).width, 1);
        for (var i = 0; i < placed.length; i++) {
          var p = placed[i];
          if (box.x < p.x + p.w && p.x < box.x + box.w && box.y < p.y + p.h && p.y < box.y + box.h) return;
        }
        placed.push(box);
        shown.push({ node: +d.key, x: box.x, y: box.y, w: box.w, h: box.h });
        ctx.fillText(d.label, d.x + d.size + 3, d.y + size / 3);
      });
      offered = [];
      view.graphLabels = shown; // for the browser tests
    }
    renderer.on("beforeRender", function () { offered = []; });
    renderer.on("afterRender", placeLabels);
    placeLabels(); // sigma drew its first frame before these listeners

    renderer.on("enterNode", function (e) {
      hovered = e.node;
      near = new Set(graph.neighbors(e.node));
      view.classList.add("is-hovering");
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("leaveNode", function () {
      hovered = null;
      near = null;
      view.classList.remove("is-hovering");
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("clickNode", function (e) { location.href = href(data.urls[+e.node]); });

    var camera = renderer.getCamera();
    var controls = view.querySelector(".graph-controls");
    controls.hidden = false;
    controls.querySelector(".graph-zoom-in").addEventListener("click", function () { camera.animatedZoom({ duration: 200 }); });
    controls.querySelector(".graph-zoom-out").addEventListener("click", function () { camera.animatedUnzoom({ duration: 200 }); });
    controls.querySelector(".graph-zoom-reset").addEventListener("click", function () { camera.animatedReset({ duration: 200 }); });

    function retheme() {
      colours = palette();
      graph.updateEachNodeAttributes(function (_, attrs) { attrs.color = colours.node; return attrs; }, { attributes: ["color"] });
      renderer.setSetting("defaultEdgeColor", colours.edge);
      renderer.setSetting("labelColor", { color: colours.label });
    }
    new MutationObserver(retheme).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", retheme);

    view.sigma = renderer; // for the browser tests
    say(t("graph.summary", {notes: t("graph.notes", {n: data.titles.length}), links: t("graph.links", {n: data.edges.length / 2})}));
    view.setAttribute("data-ready", "true");
  }

  // The file keeps its name from build to build: ask whether it changed.
  fetch(view.getAttribute("data-graph"), { cache: "no-cache" })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (d) {
      data = d;
      if (!webgl() || !window.SigmaGraph) {
        say(t("graph.noWebGL"));
        view.classList.add("is-unavailable");
        if (listView) listView.open = true;
        buildList();
        return;
      }
      draw();
    })
    .catch(function () {
      say(t("graph.failed"));
      view.classList.add("is-unavailable");
    });
})();
