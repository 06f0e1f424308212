// vaultsite: the explorer as a drawer. Where it has no column
// (layout.css), its header button opens it over the page; its close
// button, Escape, a tap outside it (on the scrim), the header button
// again or following a link closes it, and focus goes back to the header
// button. Without this script there is no drawer and no explorer. (The
// aside has no drawer: on a phone it follows the note.)
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("vs-js");

  var scrim = document.createElement("div");
  scrim.className = "sidebar-scrim";
  scrim.hidden = true;
  document.body.appendChild(scrim);
  var current = null; // {panel, button} of the open drawer

  function isDrawer(panel) {
    return getComputedStyle(panel).position === "fixed";
  }
  function close(refocus) {
    if (!current) return;
    var c = current;
    current = null;
    c.panel.classList.remove("is-open");
    c.button.setAttribute("aria-expanded", "false");
    scrim.hidden = true;
    if (refocus) c.button.focus();
  }
  function open(panel, button) {
    close(false);
    current = {panel: panel, button: button};
    panel.classList.add("is-open");
    button.setAttribute("aria-expanded", "true");
    scrim.hidden = false;
    var first = panel.querySelector('[aria-current="page"]') || panel.querySelector("a[href], button");
    if (first) first.focus({preventScroll: false});
  }

  document.querySelectorAll(".sidebar-toggle[aria-controls]").forEach(function (button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    // The button shows while its panel has something to show; the
    // explorer unhides itself once its tree is built.
    var sync = function () {
      button.hidden = panel.hidden || getComputedStyle(panel).display === "none";
    };
    sync();
    new MutationObserver(sync).observe(panel, {attributes: true, attributeFilter: ["hidden"], childList: true, subtree: true});
    button.addEventListener("click", function () {
      if (current && current.panel === panel) close(true);
      else if (isDrawer(panel)) open(panel, button);
    });
    panel.addEventListener("click", function (e) {
      if (!current || current.panel !== panel) return;
      if (e.target.closest(".sidebar-close")) close(true);
      else if (e.target.closest("a[href]")) close(false);
    });
    // Tabbing out of an open drawer closes it, so focus is never hidden
    // behind it.
    panel.addEventListener("focusout", function (e) {
      if (current && current.panel === panel && e.relatedTarget && !panel.contains(e.relatedTarget)) close(false);
    });
  });

  scrim.addEventListener("click", function () { close(true); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && current) close(true);
  });
  // A drawer left open when the window grows into its column closes.
  window.addEventListener("resize", function () {
    if (current && !isDrawer(current.panel)) close(false);
  });
})();
