/* Glossary tooltips, made on first use. The renderer writes each glossary term as <abbr title="...">
   (its first use in each section). Nothing is set up per term at load, unlike Material's content.tooltips
   (a few hundred milliseconds of blocking time on a slow phone): one listener on the document shows a
   single shared tooltip beside the word on hover, keyboard focus or a tap, and loads its small stylesheet
   the first time. Escape, or a tap elsewhere, hides it; the pointer may move onto it (WCAG 1.4.13). */
(function () {
  "use strict";

  var TERM = "article abbr[title], article abbr[data-title]";
  var GAP = 6, MARGIN = 8;
  var tip = null, term = null, hideTimer = 0;

  // Terms take keyboard focus so that a keyboard user can read them too (the browser's title tooltip
  // shows only on hover). One attribute per term; no listener, no measuring.
  Array.prototype.forEach.call(document.querySelectorAll(TERM), function (abbr) {
    abbr.tabIndex = 0;
  });


  function place() {
    var word = term.getClientRects()[0] || term.getBoundingClientRect();
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var left = Math.max(MARGIN, Math.min(word.left, document.documentElement.clientWidth - width - MARGIN));
    var below = word.bottom + GAP + height <= window.innerHeight || word.top < height + GAP;
    var top = below ? word.bottom + GAP : word.top - GAP - height;
    // Coordinates within the positioned box the tooltip sits in (the page itself if there is none).
    var box = tip.offsetParent && tip.offsetParent !== document.body ? tip.offsetParent.getBoundingClientRect()
      : { left: -window.scrollX, top: -window.scrollY };
    tip.style.left = Math.round(left - box.left) + "px";
    tip.style.top = Math.round(top - box.top) + "px";
    tip.classList.toggle("atlas-tooltip--above", !below);
  }

  function show(abbr) {
    window.clearTimeout(hideTimer);
    if (term === abbr) return;
    hide();
    term = abbr;
    atlasStylesheet("tooltip.css").then(function () {
      if (term !== abbr) return;
      if (!tip) {
        tip = document.createElement("div");
        tip.id = "atlas-tooltip";
        tip.className = "atlas-tooltip";
        tip.setAttribute("role", "tooltip");
        tip.addEventListener("pointerenter", function () { window.clearTimeout(hideTimer); });
        tip.addEventListener("pointerleave", hideSoon);
        // Inside the page's main landmark, like the words it explains.
        (document.querySelector("main") || document.body).appendChild(tip);
      }
      // The title moves into the tooltip while it shows, so the browser does not show its own as well.
      abbr.dataset.title = abbr.title;
      abbr.removeAttribute("title");
      abbr.setAttribute("aria-describedby", tip.id);
      tip.textContent = abbr.dataset.title;
      tip.hidden = false;
      place();
    });
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (!term) return;
    if (term.dataset.title !== undefined) {
      term.title = term.dataset.title;
      delete term.dataset.title;
      term.removeAttribute("aria-describedby");
    }
    term = null;
    if (tip) tip.hidden = true;
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 200);
  }

  function termOf(event) {
    return event.target.closest ? event.target.closest(TERM) : null;
  }

  document.addEventListener("pointerover", function (event) {
    var abbr = termOf(event);
    if (abbr && event.pointerType === "mouse") show(abbr);
  });
  document.addEventListener("pointerout", function (event) {
    if (term && termOf(event) === term && event.pointerType === "mouse") hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var abbr = termOf(event);
    if (abbr) show(abbr);
  });
  document.addEventListener("focusout", function (event) {
    if (term && termOf(event) === term) hideSoon();
  });
  document.addEventListener("click", function (event) {
    var abbr = termOf(event);
    if (abbr) show(abbr);  // a tap on a phone
    else if (term && !(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && term) hide();
  });
  window.addEventListener("resize", function () {
    if (term) hide();
  });
})();
