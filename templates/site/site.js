/* orgspec handbook site: small progressive enhancements; every page works without them.
   "/" focuses the search box; a filter box hides org chart entries that match neither themselves nor below. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && !e.ctrlKey && !e.metaKey) {
      var q = document.getElementById("q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    }
  });
  /* go.html#team/<id>: the one permanent link form for chat and email. A former id (from
     `aliases:`) goes to the entity's page; otherwise the kind picks the folder and the id
     must look like an id; anything else stays on the page. */
  function go() {
    var el = document.getElementById("go");
    if (!el) return;
    var m = /^#([a-z]+)\/([a-z0-9][a-z0-9_-]{0,62})$/.exec(window.location.hash);
    var folders = JSON.parse(el.getAttribute("data-folders"));
    var moved = JSON.parse(el.getAttribute("data-moved") || "{}");
    var own = Object.prototype.hasOwnProperty;
    if (m && own.call(moved, m[1] + "/" + m[2])) {
      window.location.replace(moved[m[1] + "/" + m[2]]);
    } else if (m && own.call(folders, m[1])) {
      var name = m[2] === "index" ? "_index" : m[2];
      window.location.replace(folders[m[1]] + "/" + name + ".html");
    }
  }
  document.addEventListener("DOMContentLoaded", go);
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("tree-filter");
    if (!box) return;
    var nodes = document.querySelectorAll(box.getAttribute("data-filter"));
    box.addEventListener("input", function () {
      var q = box.value.trim().toLowerCase();
      for (var i = 0; i < nodes.length; i++) nodes[i].classList.remove("hidden");
      if (!q) return;
      for (var j = nodes.length - 1; j >= 0; j--) {
        var li = nodes[j], hit = (li.getAttribute("data-name") || "").indexOf(q) >= 0;
        var kept = li.querySelector("li:not(.hidden)");
        if (kept) { li.querySelector("details").open = true; }
        if (!hit && !kept) li.classList.add("hidden");
      }
    });
  });
})();
