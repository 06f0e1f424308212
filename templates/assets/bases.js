// Bases views: sort a table by a click on its header, filter any view's
// rows with the box above it, and mark the current tab. Every view is
// complete without this script; it only adds these.
(function () {
  "use strict";
  // t is the interface's message of key in the site's language (the
  // messages file each page loads first, internal/i18n).
  var t = window.vaultsiteT || function (key) { return key; };
  function key(cell) { return cell ? cell.getAttribute("data-sort") || "" : ""; }
  function compare(a, b) {
    if (a === b) return 0;
    if (a === "") return 1; // empty cells last, either way
    if (b === "") return -1;
    var x = Number(a), y = Number(b);
    if (isFinite(x) && isFinite(y)) return x - y;
    return a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });
  }
  function sortBy(table, th) {
    var col = th.cellIndex, dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    table.querySelectorAll("tbody.base-group").forEach(function (body) {
      var rows = Array.prototype.slice.call(body.querySelectorAll("tr.base-row"));
      rows.sort(function (r, s) {
        var c = compare(key(r.cells[col]), key(s.cells[col]));
        if (key(r.cells[col]) === "" || key(s.cells[col]) === "") return c;
        return dir === "ascending" ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  }
  function filter(view, q) {
    q = q.trim().toLowerCase();
    var shown = 0;
    view.querySelectorAll(".base-row").forEach(function (row) {
      var hit = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
      row.hidden = !hit;
      if (hit) shown++;
    });
    var count = view.querySelector(".base-count");
    if (count) count.textContent = t("bases.rows", {n: shown});
  }
  function markTab() {
    document.querySelectorAll(".base").forEach(function (base) {
      var tabs = base.querySelectorAll(".base-tab");
      var current = tabs[0];
      tabs.forEach(function (t) { if (location.hash && t.getAttribute("href") === location.hash) current = t; });
      tabs.forEach(function (t) { t.setAttribute("aria-current", t === current ? "true" : "false"); });
    });
  }
  document.querySelectorAll(".base-view").forEach(function (view) {
    view.querySelectorAll(".base-table thead th").forEach(function (th) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "base-sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () { sortBy(th.closest("table"), th); });
    });
    var box = view.querySelector(".base-filter");
    if (box) {
      box.hidden = false;
      box.addEventListener("input", function () { filter(view, box.value); });
    }
  });
  markTab();
  window.addEventListener("hashchange", markTab);
})();
