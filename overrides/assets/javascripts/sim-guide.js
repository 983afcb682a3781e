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
    print: { zh: "打印", ru: "Печать", en: "Print" },
    clear: { zh: "清除所有勾选", ru: "Снять все отметки", en: "Clear all ticks" },
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

  /* -- Ticks on the checklist are remembered on this device ------------------------ */

  var boxes = Array.prototype.slice.call(
    document.querySelectorAll(".md-typeset .task-list-item input[type=checkbox]"));
  var TICKS = "sim-guide:ticks:" + location.pathname;

  function itemKey(box) {
    var text = (box.closest("li") || box.parentNode).textContent.trim();
    var hash = 0;
    for (var i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
    return String(hash);
  }
  function loadTicks() {
    try { return JSON.parse(storage.getItem(TICKS)) || {}; } catch (e) { return {}; }
  }
  function saveTicks(ticks) {
    try { storage.setItem(TICKS, JSON.stringify(ticks)); } catch (e) { /* full or blocked */ }
  }
  if (boxes.length && storage) {
    var ticks = loadTicks();
    boxes.forEach(function (box) {
      box.checked = !!ticks[itemKey(box)];
      box.addEventListener("change", function () {
        var now = loadTicks();
        if (box.checked) now[itemKey(box)] = 1; else delete now[itemKey(box)];
        saveTicks(now);
      });
    });
  }

  /* -- Print and clear buttons on the checklist and the counter page ---------------- */

  var article = document.querySelector("article.md-content__inner");
  var heading = article && article.querySelector("h1");
  var printable = boxes.length || document.querySelector(".md-typeset .sim-form");
  if (heading && printable) {
    var bar = document.createElement("div");
    bar.className = "sim-toolbar";
    var print = document.createElement("button");
    print.type = "button";
    print.className = "sim-print";
    print.textContent = word("print");
    print.addEventListener("click", function () { window.print(); });
    bar.appendChild(print);
    if (boxes.length) {
      var clear = document.createElement("button");
      clear.type = "button";
      clear.className = "sim-clear";
      clear.textContent = word("clear");
      clear.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        if (storage) { try { storage.removeItem(TICKS); } catch (e) { /* blocked */ } }
      });
      bar.appendChild(clear);
    }
    heading.insertAdjacentElement("afterend", bar);
  }

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
