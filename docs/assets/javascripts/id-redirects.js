/* Section redirects: a page that renamed a section carries a map of old id -> new id
   (content/redirects.yml, printed by overrides/partials/link-meta.html). An old #id in the address
   is replaced by the new one, so old links still open at the right section. */
(function () {
  "use strict";

  var data = document.getElementById("atlas-id-redirects");
  if (!data) return;
  var map = JSON.parse(data.textContent);

  function follow() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
    if (!id || document.getElementById(id)) return;
    var seen = {};
    while (Object.prototype.hasOwnProperty.call(map, id) && !seen[id]) {
      seen[id] = true;
      id = map[id];
    }
    // A fragment navigation, so :target (the highlight) and the scroll work as for a normal link.
    if (document.getElementById(id)) location.replace("#" + encodeURIComponent(id));
  }

  follow();
  window.addEventListener("hashchange", follow);
})();
