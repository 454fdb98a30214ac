/* The figures' stylesheets (body-map.css, pose.css) come in as print-only on pages whose figures are far down
   (overrides/main.html), so they never hold up the first paint. Once the page is parsed, this turns them on
   for the screen too. Without JavaScript the page's <noscript> copies do the same. */
(function () {
  "use strict";
  document.querySelectorAll("link[data-atlas-screen]").forEach(function (link) {
    link.media = "all";
  });
})();
