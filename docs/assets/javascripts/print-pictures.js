/* Pictures further down a page load only when they are scrolled to (loading="lazy"), which keeps a phone's
   first visit small. On paper every picture must be there: as soon as the page is laid out for print (the
   print dialog, or a print preview), every picture not yet loaded is asked for at once. */
(function () {
  "use strict";
  function loadAll() {
    document.querySelectorAll('img[loading="lazy"]').forEach(function (image) {
      image.loading = "eager";
    });
  }
  window.addEventListener("beforeprint", loadAll);
  var print = window.matchMedia("print");
  if (print.matches) loadAll();
  print.addEventListener("change", function (event) {
    if (event.matches) loadAll();
  });
})();
