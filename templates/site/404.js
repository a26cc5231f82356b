/* The 404 page is served at any missing URL, at any depth (GitHub and GitLab Pages), so its
   relative links cannot be fixed at build time. This script, inlined and allowed by its hash
   in the page's Content-Security-Policy, finds the way back to the site root from the URL
   (one "../" per folder after the last of the site's own folders), then loads the style
   sheet and site.js and points every relative link at the root (site.js makes the search
   box, its action found from the address it was loaded from). */
(function () {
  "use strict";
  var folders = __FOLDERS__;
  var parts = location.pathname.split("/");
  parts.pop();
  var root = "";
  for (var i = parts.length - 1; i >= 0; i--) {
    if (folders.indexOf(parts[i]) >= 0) {
      root = new Array(parts.length - i + 1).join("../");
      break;
    }
  }
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = root + "assets/site.css";
  document.head.appendChild(css);
  var js = document.createElement("script");
  js.src = root + "assets/site.js";
  document.head.appendChild(js);
  function fix(el, attr) {
    var v = el.getAttribute(attr);
    if (v && !/^([a-zA-Z][a-zA-Z0-9+.-]*:|\/|#)/.test(v)) el.setAttribute(attr, root + v);
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!root) return;
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (a) { fix(a, "href"); });
  });
})();
