// Bases map views: draws OpenStreetMap tiles and a marker per place over
// the list of places, which stays the view without script. Loaded only
// on pages that have a map view.
(function () {
  "use strict";
  // t is the interface's message of key in the site's language (the
  // messages file each page loads first, internal/i18n).
  var t = window.vaultsiteT || function (key) { return key; };
  var TILE = 256, MAXZOOM = 17;
  // num reads a number attribute the view's settings wrote, or d.
  function num(el, name, d) {
    var v = parseFloat(el.getAttribute(name));
    return isNaN(v) ? d : v;
  }
  function project(lat, lng, z) {
    var s = TILE * Math.pow(2, z), r = lat * Math.PI / 180;
    return { x: (lng + 180) / 360 * s, y: (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * s };
  }
  // fit is the largest zoom at which every place fits the box.
  function fit(places, w, h) {
    for (var z = MAXZOOM; z > 0; z--) {
      var a = project(places[0].lat, places[0].lng, z), minX = a.x, maxX = a.x, minY = a.y, maxY = a.y;
      places.forEach(function (p) {
        var q = project(p.lat, p.lng, z);
        minX = Math.min(minX, q.x); maxX = Math.max(maxX, q.x); minY = Math.min(minY, q.y); maxY = Math.max(maxY, q.y);
      });
      if (maxX - minX <= w * 0.8 && maxY - minY <= h * 0.8) return z;
    }
    return 1;
  }
  // draw shows the map at zoom z around the view's centre, else around
  // the middle of its places; lo and hi bound the zoom buttons.
  function draw(el, places, z, lo, hi) {
    el.textContent = "";
    var w = el.clientWidth, h = el.clientHeight;
    var c = { x: 0, y: 0 }, at = (el.getAttribute("data-center") || "").split(",");
    if (at.length === 2) c = project(parseFloat(at[0]), parseFloat(at[1]), z);
    else places.forEach(function (p) { var q = project(p.lat, p.lng, z); c.x += q.x / places.length; c.y += q.y / places.length; });
    var left = c.x - w / 2, top = c.y - h / 2, n = Math.pow(2, z);
    for (var tx = Math.floor(left / TILE); tx <= Math.floor((left + w) / TILE); tx++) {
      for (var ty = Math.max(0, Math.floor(top / TILE)); ty <= Math.min(n - 1, Math.floor((top + h) / TILE)); ty++) {
        var img = document.createElement("img");
        img.className = "base-tile";
        img.alt = "";
        img.src = "https://tile.openstreetmap.org/" + z + "/" + ((tx % n) + n) % n + "/" + ty + ".png";
        img.style.left = (tx * TILE - left) + "px";
        img.style.top = (ty * TILE - top) + "px";
        el.appendChild(img);
      }
    }
    places.forEach(function (p) {
      var q = project(p.lat, p.lng, z), a = document.createElement("a");
      a.className = "base-marker";
      a.href = p.url;
      a.title = p.name;
      a.textContent = "📍";
      a.style.left = (q.x - left) + "px";
      a.style.top = (q.y - top) + "px";
      el.appendChild(a);
    });
    var zoom = document.createElement("div");
    zoom.className = "base-map-zoom";
    [["+", 1], ["−", -1]].forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b[0];
      btn.setAttribute("aria-label", t(b[1] > 0 ? "zoomIn" : "zoomOut"));
      btn.addEventListener("click", function () { draw(el, places, Math.max(lo, Math.min(hi, z + b[1])), lo, hi); });
      zoom.appendChild(btn);
    });
    el.appendChild(zoom);
    var credit = document.createElement("div");
    credit.className = "base-map-credit";
    credit.innerHTML = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
    el.appendChild(credit);
  }
  document.querySelectorAll(".base-map[data-places]").forEach(function (el) {
    var places = [];
    try { places = JSON.parse(el.getAttribute("data-places")) || []; } catch (e) { return; }
    var centred = el.hasAttribute("data-center");
    if (!places.length && !centred) return;
    el.hidden = false;
    var lo = Math.max(1, num(el, "data-min-zoom", 1)), hi = Math.min(MAXZOOM, num(el, "data-max-zoom", MAXZOOM));
    var z = num(el, "data-zoom", places.length ? fit(places, el.clientWidth || 600, el.clientHeight || 350) : 4);
    draw(el, places, Math.round(Math.max(lo, Math.min(hi, z))), lo, hi);
  });
})();
