/* The components' own stylesheets (the hold timer's, the print buttons', search's, the tooltips'), each loaded
   by its script only where and when it is needed, so none holds up the first paint. One loader for all:
   atlasStylesheet("hold-timer.css") adds the <link> once, at the end of <head> or before `before`, and
   returns a promise that settles when the file has loaded (or failed). Listed first in mkdocs.yml, so the
   scripts after it can use it. */
(function () {
  "use strict";
  var scripts = document.currentScript.src;  // our scripts' address; the stylesheets folder lies beside theirs
  var added = {};
  window.atlasStylesheet = function (name, before) {
    if (!added[name]) {
      added[name] = new Promise(function (resolve) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = new URL("../stylesheets/" + name, scripts).href;
        link.onload = link.onerror = resolve;
        document.head.insertBefore(link, before || null);
      });
    }
    return added[name];
  };
})();
