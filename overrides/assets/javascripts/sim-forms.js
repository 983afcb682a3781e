/* The counter page: a print button for the applications (filled in by hand).
 * Loaded on every page (mkdocs.yml extra_javascript); does nothing without .sim-form. */
(function () {
  "use strict";

  var lang = document.documentElement.lang || "zh";
  var PRINT = { zh: "打印", ru: "Печать", en: "Print" };
  var article = document.querySelector("article.md-content__inner");
  var heading = article && article.querySelector("h1");
  if (!heading || !document.querySelector(".md-typeset .sim-form")) return;
  var bar = document.createElement("div");
  bar.className = "sim-toolbar";
  var print = document.createElement("button");
  print.type = "button";
  print.className = "sim-print";
  print.textContent = PRINT[lang] || PRINT.en;
  print.addEventListener("click", function () { window.print(); });
  bar.appendChild(print);
  heading.insertAdjacentElement("afterend", bar);
})();
