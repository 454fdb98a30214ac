/* Print buttons (`<button data-print hidden>` on the muscle page and the handout): shown and wired only
   when JavaScript runs, so no dead button appears without it; the browser's own print command always works. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-print]");
  if (!buttons.length) return;
  // The buttons' stylesheet, only where there are buttons; they show only when this script runs anyway.
  // Before print.css, whose rules must still win on paper.
  atlasStylesheet("print-button.css", document.querySelector('link[href$="/print.css"]'));
  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
