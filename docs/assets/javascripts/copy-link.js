/* Copy link: one small link icon at the end of each section heading's line (h2, h3 with an id in the
   article), so clinicians, also on a phone (no hover), can copy a section's full address. It replaces
   Material's pilcrow permalink (one control, not two). Headings marked `.no-copy-link` (the glossary's
   letters, which are an index, not sections) get neither. The button sits beside the heading, not in it,
   so a screen reader's list of headings reads the heading alone (as GitHub does). Also wires the
   "Copy citation" button of overrides/partials/cite-this-page.html. Results are announced in a polite
   live region. Without JavaScript the headings keep Material's plain permalinks. */
(function () {
  "use strict";

  var article = document.querySelector("article.md-content__inner");
  if (!article) return;

  var status = document.createElement("div");
  status.className = "copy-link-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(message) {
    // Clear first so the same message is announced again on a second copy.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  // The public address: the canonical link (from site_url), else the address bar without query or hash.
  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href) return canonical.href.split("#")[0];
    return location.origin + location.pathname;
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink, .copy-link").forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain-http hosts: the selection-based copy.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "copy-link-scratch";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      area.remove();
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function copyAndAnnounce(text, done) {
    copyText(text).then(
      function () { announce(done); },
      function () { announce("Could not copy. The text is: " + text); }
    );
  }

  article.querySelectorAll("h2[id], h3[id]").forEach(function (heading) {
    heading.querySelectorAll(".headerlink").forEach(function (node) { node.remove(); });
    if (heading.classList.contains("no-copy-link")) return;
    var name = headingText(heading);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.setAttribute("aria-label", "Copy link to this section: " + name);
    button.dataset.target = heading.id;
    button.addEventListener("click", function () {
      copyAndAnnounce(pageAddress() + "#" + heading.id, "Link copied");
    });
    var row = document.createElement("div");
    row.className = "heading-row heading-row--" + heading.localName;
    heading.replaceWith(row);
    row.append(heading, button);
  });

  article.querySelectorAll("button[data-copy-text-of]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copyTextOf);
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyAndAnnounce(source.textContent.replace(/\s+/g, " ").trim(), button.dataset.copied || "Copied");
    });
  });
})();
