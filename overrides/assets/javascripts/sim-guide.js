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

(function () {
  "use strict";

  /* The offers, each in its own language (docs/_data/ui/<lang>.yml, language_offer):
   * in #sim-ui on the default language's home page only (overrides/hooks/ui.py). */
  var ui = document.getElementById("sim-ui");
  var OFFERS = ((ui && JSON.parse(ui.textContent)) || {}).language_offer || null;

  var storage = null;
  try { storage = window.localStorage; storage.getItem("sim-guide"); } catch (e) { storage = null; }
  var article = document.querySelector("article.md-content__inner");
  var heading = article && article.querySelector("h1");

  /* -- On the default language's home, offer readers their language ------------------ */

  var OFFER = "sim-guide:language-offer-dismissed";
  var isHome = OFFERS && document.getElementById("home");
  var wanted = ((navigator.languages && navigator.languages[0]) || navigator.language || "")
    .toLowerCase().slice(0, 2);
  var target = document.querySelector(".md-header a.md-select__link[hreflang='" + wanted + "']");
  var dismissed = false;
  try { dismissed = storage && storage.getItem(OFFER) === "1"; } catch (e) { dismissed = false; }
  var words = OFFERS && Object.prototype.hasOwnProperty.call(OFFERS, wanted) ? OFFERS[wanted] : null;
  if (isHome && words && target && heading && !dismissed) {
    var offer = document.createElement("div");
    offer.className = "sim-lang-offer";
    offer.setAttribute("role", "region");
    offer.setAttribute("lang", wanted);
    offer.setAttribute("aria-label", words.open);
    var text = document.createElement("span");
    text.textContent = words.offer + " ";
    var link = document.createElement("a");
    link.href = target.href;
    link.hreflang = wanted;
    link.textContent = words.open;
    text.appendChild(link);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = words.dismiss;
    close.addEventListener("click", function () {
      try { storage && storage.setItem(OFFER, "1"); } catch (e) { /* blocked */ }
      offer.remove();
    });
    offer.appendChild(text);
    offer.appendChild(close);
    heading.insertAdjacentElement("beforebegin", offer);
  }
})();
