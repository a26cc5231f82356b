/* orgspec handbook site: small progressive enhancements; every page works without them.
   "/" focuses the search box; a filter box hides org chart entries that match neither themselves nor below. */
(function () {
  "use strict";
  /* The search box in the header: made here, not written into every page, because searching
     needs JavaScript anyway (search.html says so without it) and the same form in each page
     was 184 bytes a page, 27 MB of a 5,000-team site. Its labels are the site's language's,
     written into this file by the build (`__SEARCH_BOX__`); its action is the site root's
     search.html, found from this script's own address (`../assets/site.js` on a page one
     folder down; the 404 page loads it from the root it found). */
  var me = document.currentScript;
  var root = ((me && me.getAttribute("src")) || "").replace(/assets\/site\.js$/, "");
  function searchBox() {
    var top = document.querySelector("header.top");
    if (!top || document.getElementById("q")) return;
    var words = __SEARCH_BOX__;
    var form = document.createElement("form"), box = document.createElement("input");
    var go = document.createElement("button");
    form.className = "search";
    form.setAttribute("action", root + "search.html");
    form.setAttribute("role", "search");
    box.type = "search";
    box.name = "q";
    box.id = "q";
    box.placeholder = words.placeholder;
    box.setAttribute("aria-label", words.label);
    go.textContent = words.button;
    form.appendChild(box);
    form.appendChild(go);
    top.appendChild(form);
  }
  /* deferred, the page is parsed; loaded by the 404 page's script, perhaps not yet */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", searchBox);
  else searchBox();
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && !e.ctrlKey && !e.metaKey) {
      var q = document.getElementById("q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    }
  });
  /* go.html#team/<id>: the one permanent link form for chat and email. A former id (from
     `aliases:`) goes to the entity's page. Otherwise the search index (search.js) is asked
     whether the page exists, by id or, for anything that is no id, by name (go.html#person/
     陳怡君): one match opens it; none or several say so on the page, with a link to the search
     for it, since from file:// a missing page is a browser error page. */
  function go() {
    var el = document.getElementById("go");
    if (!el || !window.location.hash) return;
    var m = /^#([a-z]+)\/(.+)$/.exec(window.location.hash);
    var folders = JSON.parse(el.getAttribute("data-folders"));
    var moved = JSON.parse(el.getAttribute("data-moved") || "{}");
    var own = Object.prototype.hasOwnProperty;
    var text = m ? m[2] : window.location.hash.slice(1);
    try { text = decodeURIComponent(text); } catch (e) { /* kept as written */ }
    if (!m || !own.call(folders, m[1])) return missing(el, text);
    var kind = m[1];
    if (own.call(moved, kind + "/" + text)) return window.location.replace(moved[kind + "/" + text]);
    var isId = /^[a-z0-9][a-z0-9_-]{0,62}$/.test(text);
    var target = isId ? folders[kind] + "/" + own_page(text) + ".html" : "";
    var search = window.orgspecSearch;
    if (!search) { if (target) window.location.replace(target); return; }
    search(isId ? text.replace(/[-_]/g, " ") : text, 1000000).then(function (hits) {
      var found = hits.filter(function (h) { return h.url === target; });
      if (!found.length) {
        var want = search.fold(text).toLowerCase().replace(/\s+/g, "");
        found = hits.filter(function (h) {
          return h.kind === kind && search.fold(h.title).toLowerCase().replace(/\s+/g, "") === want;
        });
      }
      if (found.length === 1) window.location.replace(found[0].url);
      else missing(el, text);
    }, function () { if (target) window.location.replace(target); else missing(el, text); });
  }
  /* The file name of the page of id `id`, as orgspec.site.model.page_name names it: `index`
     and the device names Windows reserves (con, nul, com1) get a "_" before them. */
  var own_page = function (id) {
    return /^(index|con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(id) ? "_" + id : id;
  };
  /* Says no page has `text` and links to the search for it (textContent only). */
  function missing(el, text) {
    el.textContent = el.getAttribute("data-missing") + " ";
    var a = document.createElement("a");
    a.href = "search.html?q=" + encodeURIComponent(text);
    a.textContent = el.getAttribute("data-search").replace("{query}", text);
    a.id = "go-search";
    el.appendChild(a);
    el.setAttribute("role", "alert");
  }
  document.addEventListener("DOMContentLoaded", go);
  window.addEventListener("hashchange", go);
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("tree-filter");
    if (!box) return;
    var nodes = document.querySelectorAll(box.getAttribute("data-filter"));
    function filter(e) {
      if (e.isComposing) return;  // pinyin being composed: filtered once it is committed
      var q = box.value.trim().toLowerCase();
      for (var i = 0; i < nodes.length; i++) nodes[i].classList.remove("hidden");
      if (!q) return;
      for (var j = nodes.length - 1; j >= 0; j--) {
        var li = nodes[j], hit = (li.getAttribute("data-name") || "").indexOf(q) >= 0;
        var kept = li.querySelector("li:not(.hidden)");
        if (kept) { li.querySelector("details").open = true; }
        if (!hit && !kept) li.classList.add("hidden");
      }
    }
    box.addEventListener("input", filter);
    box.addEventListener("compositionend", filter);
  });
})();
