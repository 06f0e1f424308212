// vaultsite: pan and zoom for canvas pages. Without this script a canvas
// is a scrollable drawing at 100%. With it: the wheel or a pinch zooms at
// the pointer, dragging pans, the buttons zoom and fit, and the keys +, -
// and 0 (fit) and the arrows work while the canvas has focus.
(function () {
  "use strict";
  // t is the interface's message of key in the site's language (the
  // messages file each page loads first, internal/i18n).
  var t = window.vaultsiteT || function (key) { return key; };
  var MIN = 0.1, MAX = 3, STEP = 1.25, GRID = 20, PAN_KEY = 60, DRAG_SLOP = 4;
  var MIN_HEIGHT = 320; // room for the zoom buttons

  document.querySelectorAll(".canvas-wrapper").forEach(setup);

  function setup(wrap) {
    var view = wrap.querySelector(".canvas-viewport");
    var world = wrap.querySelector(".canvas-world");
    if (!view || !world) return;
    var W = parseFloat(wrap.getAttribute("data-canvas-width")) || world.offsetWidth;
    var H = parseFloat(wrap.getAttribute("data-canvas-height")) || world.offsetHeight;
    var s = 1, tx = 0, ty = 0, moved = false;
    wrap.classList.add("is-interactive");
    var level = controls(wrap, {
      "zoomIn": function () { zoomCenter(STEP); },
      "zoomOut": function () { zoomCenter(1 / STEP); },
      "canvas.fit": fit,
      "canvas.actual": function () { zoomCenter(1 / s); }
    });

    function apply() {
      world.style.transform = "translate(" + tx + "px," + ty + "px) scale(" + s + ")";
      view.style.backgroundSize = GRID * s + "px " + GRID * s + "px";
      view.style.backgroundPosition = tx + "px " + ty + "px";
      level.textContent = Math.round(s * 100) + "%";
    }
    // zoomAt scales by f about the point (cx, cy) of the viewport, which
    // stays where it is.
    function zoomAt(f, cx, cy) {
      var next = Math.min(MAX, Math.max(MIN, s * f));
      f = next / s;
      tx = cx - (cx - tx) * f;
      ty = cy - (cy - ty) * f;
      s = next;
      moved = true;
      apply();
    }
    function zoomCenter(f) { zoomAt(f, view.clientWidth / 2, view.clientHeight / 2); }
    function panBy(dx, dy) { tx += dx; ty += dy; moved = true; apply(); }
    // size makes the viewport as tall as the drawing at the scale that
    // fits its width, within the stylesheet's bounds (at most 75vh).
    function size() {
      var k = Math.min(1, view.clientWidth / W);
      view.style.height = Math.max(MIN_HEIGHT, Math.min(window.innerHeight * 0.75, H * k + 2)) + "px";
    }
    function fit() {
      var vw = view.clientWidth, vh = view.clientHeight;
      s = Math.min(MAX, Math.max(MIN, Math.min(vw / W, vh / H, 1)));
      tx = (vw - W * s) / 2;
      ty = (vh - H * s) / 2;
      moved = false;
      apply();
    }

    view.addEventListener("wheel", function (e) {
      if (!e.ctrlKey && scrollsInside(e.target, view, e.deltaY)) return;
      e.preventDefault();
      var r = view.getBoundingClientRect();
      var dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      // A pinch on a touchpad arrives as a wheel with ctrlKey and small
      // deltas, so it gets a stronger factor.
      zoomAt(Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });

    dragging(view, panBy, zoomAt);

    view.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey || e.target !== view) return;
      var k = e.key, done = true;
      if (k === "+" || k === "=") zoomCenter(STEP);
      else if (k === "-" || k === "_") zoomCenter(1 / STEP);
      else if (k === "0") fit();
      else if (k === "ArrowLeft") panBy(PAN_KEY, 0);
      else if (k === "ArrowRight") panBy(-PAN_KEY, 0);
      else if (k === "ArrowUp") panBy(0, PAN_KEY);
      else if (k === "ArrowDown") panBy(0, -PAN_KEY);
      else done = false;
      if (done) e.preventDefault();
    });

    window.addEventListener("resize", function () {
      size();
      if (!moved) fit();
    });
    size();
    fit();
  }

  // controls adds the zoom buttons and returns the element showing the
  // zoom level.
  function controls(wrap, actions) {
    var icons = {
      "zoomIn": "M12 5v14M5 12h14",
      "zoomOut": "M5 12h14",
      "canvas.fit": "M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5",
      "canvas.actual": "M7 8l3-2v12M15 8l3-2v12M12.5 10v.01M12.5 14v.01"
    };
    var bar = document.createElement("div");
    bar.className = "canvas-controls";
    Object.keys(actions).forEach(function (name) {
      var b = document.createElement("button");
      b.type = "button";
      b.title = t(name);
      b.setAttribute("aria-label", t(name));
      b.innerHTML = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="' + icons[name] + '"/></svg>';
      b.addEventListener("click", actions[name]);
      bar.appendChild(b);
    });
    var level = document.createElement("div");
    level.className = "canvas-zoom-level";
    level.setAttribute("aria-live", "polite");
    bar.appendChild(level);
    wrap.appendChild(bar);
    return level;
  }

  // dragging pans with one pointer and pinch-zooms with two. A press
  // becomes a drag only after it moves a few pixels, so links in cards
  // still take clicks; media players and form fields keep their pointer.
  function dragging(view, panBy, zoomAt) {
    var pts = {}, count = 0, last = null, dragged = false;
    view.addEventListener("pointerdown", function (e) {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      if (e.target.closest("audio, video, iframe, input, select, textarea")) return;
      pts[e.pointerId] = { x: e.clientX, y: e.clientY, x0: e.clientX, y0: e.clientY };
      count++;
      last = null;
      dragged = false;
    });
    view.addEventListener("pointermove", function (e) {
      var p = pts[e.pointerId];
      if (!p) return;
      if (!dragged && Math.abs(e.clientX - p.x0) + Math.abs(e.clientY - p.y0) < DRAG_SLOP && count < 2) return;
      if (!dragged) {
        dragged = true;
        view.classList.add("is-panning");
        try { view.setPointerCapture(e.pointerId); } catch (err) { /* pointer already gone */ }
      }
      if (!last) last = gesture(pts); // where the pointers were: no move is lost
      p.x = e.clientX;
      p.y = e.clientY;
      var g = gesture(pts), r = view.getBoundingClientRect();
      if (g.n > 1 && last.d > 0) zoomAt(g.d / last.d, g.x - r.left, g.y - r.top);
      panBy(g.x - last.x, g.y - last.y);
      last = g;
    });
    function up(e) {
      if (!pts[e.pointerId]) return;
      delete pts[e.pointerId];
      count--;
      last = null;
      if (count === 0) view.classList.remove("is-panning");
    }
    view.addEventListener("pointerup", up);
    view.addEventListener("pointercancel", up);
    // A drag that ends on a link must not follow it.
    view.addEventListener("click", function (e) {
      if (dragged) { e.preventDefault(); e.stopPropagation(); dragged = false; }
    }, true);
  }

  // gesture returns the centre of the active pointers, their count, and
  // for two or more the distance between the first two.
  function gesture(pts) {
    var ids = Object.keys(pts), x = 0, y = 0;
    ids.forEach(function (id) { x += pts[id].x; y += pts[id].y; });
    var g = { n: ids.length, x: x / ids.length, y: y / ids.length, d: 0 };
    if (ids.length > 1) {
      var a = pts[ids[0]], b = pts[ids[1]];
      g.d = Math.hypot(a.x - b.x, a.y - b.y);
    }
    return g;
  }

  // scrollsInside reports whether a wheel over el should scroll a card's
  // own content rather than zoom: some scrollable box between el and the
  // viewport can still move in the wheel's direction.
  function scrollsInside(el, view, dy) {
    for (; el && el !== view; el = el.parentElement) {
      if (el.scrollHeight <= el.clientHeight + 1) continue;
      var oy = getComputedStyle(el).overflowY;
      if (oy !== "auto" && oy !== "scroll") continue;
      if (dy < 0 ? el.scrollTop > 0 : el.scrollTop + el.clientHeight < el.scrollHeight - 1) return true;
    }
    return false;
  }
})();
