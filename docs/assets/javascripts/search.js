/* Search on demand. The header's search box (overrides/partials/search.html, Material's markup) is wired
   here, not by Material's script; Pagefind's script, worker, WebAssembly and index chunks (built by
   scripts/atlas/search_index.py) are fetched only when someone opens search or types in it, never on a
   plain visit. Results use Material's classes: page title, then the sections that match, terms marked.
   Keys as in Material: / or s opens search, Escape closes it, arrow keys move through the results.
   No inline script and no eval: it runs under a Content-Security-Policy of script-src 'self'
   'wasm-unsafe-eval' (Pagefind compiles its WebAssembly in a same-origin worker). */
(function () {
  "use strict";

  var root = document.querySelector("[data-atlas-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var input = root.querySelector("input[name=query]");
  var form = root.querySelector("form");
  var results = root.querySelector(".md-search-result");
  var meta = results.querySelector(".md-search-result__meta");
  var list = results.querySelector(".md-search-result__list");
  var bundle = new URL(results.getAttribute("data-pagefind-bundle"), document.baseURI);
  var MAX_PAGES = 10, MAX_SECTIONS = 3;

  root.hidden = false;
  var openButton = document.querySelector("[data-atlas-search-open]");
  if (openButton) openButton.hidden = false;

  var pagefind = null;
  function load() {
    if (!pagefind) {
      atlasStylesheet("search.css");
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (module) {
        // Result addresses are relative to the site root, which may be a sub-folder of the host.
        return module.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24 }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  function say(key, count) {
    meta.textContent = meta.getAttribute("data-" + key).replace("#", String(count));
  }

  function article(heading, title, excerpt, href, icon) {
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = href;
    var body = document.createElement("article");
    body.className = "md-search-result__article md-typeset";
    if (icon) {
      var mark = document.createElement("div");
      mark.className = "md-search-result__icon md-icon";
      body.appendChild(mark);
    }
    var h = document.createElement(heading);
    h.textContent = title;
    body.appendChild(h);
    if (excerpt) {
      // Pagefind's excerpt is the page's own text, escaped, with the matched terms in <mark>.
      var p = document.createElement("p");
      p.innerHTML = excerpt;
      body.appendChild(p);
    }
    link.appendChild(body);
    return link;
  }

  function show(pages) {
    list.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      // The page's own title heading also counts as a section for Pagefind: shown once, as the page.
      var whole = null, sections = [];
      page.sub_results.forEach(function (s) {
        if (s.url.indexOf("#") === -1 || s.title === page.meta.title) whole = whole || s;
        else sections.push(s);
      });
      item.appendChild(article("h1", page.meta.title, whole ? whole.excerpt : "", page.url, true));
      sections.slice(0, MAX_SECTIONS).forEach(function (s) {
        item.appendChild(article("h2", s.title, s.excerpt, s.url, false));
      });
      list.appendChild(item);
    });
  }

  var latest = 0;
  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.textContent = "";
      say("placeholder", 0);
      return;
    }
    load().then(function (module) {
      return module.debouncedSearch(query, {}, 150);
    }).then(function (found) {
      if (!found || ticket !== latest) return null;  // a newer query is on its way
      say(found.results.length === 0 ? "none" : found.results.length === 1 ? "one" : "other", found.results.length);
      return Promise.all(found.results.slice(0, MAX_PAGES).map(function (r) { return r.data(); }));
    }).then(function (pages) {
      if (pages && ticket === latest) show(pages);
    });
  }

  function open() {
    toggle.checked = true;
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      input.focus();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { search(); input.focus(); }, 0);
  });
  // A result on this same page only scrolls: close the dialog so the section shows.
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) toggle.checked = false;
  });

  function editable(element) {
    return element && (element.isContentEditable || /^(input|textarea|select)$/i.test(element.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (toggle.checked && root.contains(document.activeElement)) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        close();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        var next = event.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) input.focus();
        else if (links[Math.min(next, links.length - 1)]) links[Math.min(next, links.length - 1)].focus();
        else return;
      } else {
        return;
      }
      event.preventDefault();
    } else if ((event.key === "/" || event.key === "s" || event.key === "f") && !editable(document.activeElement)) {
      event.preventDefault();
      open();
      input.focus();
      input.select();
    }
  });
})();
