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

  var lang = document.documentElement.lang || "zh";
  var WORDS = {
    offer: {
      ru: "Этот гид есть на русском языке.",
      en: "This guide is also in English."
    },
    open: { ru: "Открыть по-русски", en: "Read it in English" },
    dismiss: { ru: "Не предлагать", en: "No, thanks" }
  };
  function word(key, l) { return WORDS[key][l || lang] || WORDS[key].en; }

  var storage = null;
  try { storage = window.localStorage; storage.getItem("sim-guide"); } catch (e) { storage = null; }
  var article = document.querySelector("article.md-content__inner");
  var heading = article && article.querySelector("h1");

  /* -- On the Chinese home, offer Russian or English readers their language ---------- */

  var OFFER = "sim-guide:language-offer-dismissed";
  var isZhHome = lang === "zh" && document.getElementById("home");
  var wanted = ((navigator.languages && navigator.languages[0]) || navigator.language || "")
    .toLowerCase().slice(0, 2);
  var target = document.querySelector(".md-header a.md-select__link[hreflang='" + wanted + "']");
  var dismissed = false;
  try { dismissed = storage && storage.getItem(OFFER) === "1"; } catch (e) { dismissed = false; }
  if (isZhHome && (wanted === "ru" || wanted === "en") && target && heading && !dismissed) {
    var offer = document.createElement("div");
    offer.className = "sim-lang-offer";
    offer.setAttribute("role", "region");
    offer.setAttribute("lang", wanted);
    offer.setAttribute("aria-label", word("open", wanted));
    var text = document.createElement("span");
    text.textContent = word("offer", wanted) + " ";
    var link = document.createElement("a");
    link.href = target.href;
    link.hreflang = wanted;
    link.textContent = word("open", wanted);
    text.appendChild(link);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = word("dismiss", wanted);
    close.addEventListener("click", function () {
      try { storage && storage.setItem(OFFER, "1"); } catch (e) { /* blocked */ }
      offer.remove();
    });
    offer.appendChild(text);
    offer.appendChild(close);
    heading.insertAdjacentElement("beforebegin", offer);
  }
})();

/* Search on every change of the query, not only on a key release: Material starts a
 * search on keyup (and focus), so text that arrives without a key (pasted, dictated,
 * a keyboard's suggestion, autofill) showed nothing until the reader pressed a key.
 * Each input event (and the end of an IME composition, which voice input on a phone
 * uses and which may come after the last input event) is passed on as a key release
 * on the field; Material ignores a value it has already searched, so a real key
 * press is not searched twice. */
(function () {
  "use strict";

  var field = document.querySelector("input.md-search__input");
  if (!field) return;
  function searchNow() {
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
  }
  field.addEventListener("input", searchNow);
  field.addEventListener("compositionend", searchNow);
})();
