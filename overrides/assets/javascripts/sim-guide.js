/* The guide's own script: small, no third-party code, runs after Material's bundle. */
(function () {
  "use strict";

  /* Material's language-selector integration fetches "<hreflang URL>/sitemap.xml"
   * for every <link rel="alternate" hreflang> when the document is ready. Our
   * hreflang links are page-specific absolute URLs (for search engines), so those
   * fetches 404 on every page. The switcher links that mkdocs-static-i18n writes
   * already lead to the same page in the other language, so the links are hidden
   * from that one scan and restored right after it. */
  var hreflang = document.querySelectorAll('link[rel="alternate"][hreflang]');
  hreflang.forEach(function (link) { link.setAttribute("rel", "x-alternate"); });
  document.addEventListener("DOMContentLoaded", function () {
    hreflang.forEach(function (link) { link.setAttribute("rel", "alternate"); });
  }, { once: true });
})();
