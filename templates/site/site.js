/* orgspec handbook site: small progressive enhancements; every page works without them.
   "/" focuses the search box; a filter box hides org chart entries that do not match. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && !e.ctrlKey && !e.metaKey) {
      var q = document.getElementById("q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("tree-filter");
    if (!box) return;
    var nodes = document.querySelectorAll(box.getAttribute("data-filter"));
    box.addEventListener("input", function () {
      var q = box.value.trim().toLowerCase();
      for (var i = 0; i < nodes.length; i++) nodes[i].classList.remove("hidden");
      if (!q) return;
      for (var j = nodes.length - 1; j >= 0; j--) {
        var d = nodes[j], hit = (d.getAttribute("data-name") || "").indexOf(q) >= 0;
        var kept = d.querySelector("details:not(.hidden)");
        if (hit || kept) { d.open = true; } else { d.classList.add("hidden"); }
      }
    });
  });
})();
