/* Print buttons (`<button data-print hidden>` on the muscle page and the handout): shown and wired only
   when JavaScript runs, so no dead button appears without it; the browser's own print command always works. */
(function () {
  "use strict";
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
