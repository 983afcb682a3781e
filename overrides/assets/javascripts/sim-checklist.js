/* The checklist: ticks remembered on this device, and the print and clear buttons.
 * Loaded on every page (mkdocs.yml extra_javascript); does nothing without task lists. */
(function () {
  "use strict";

  var lang = document.documentElement.lang || "zh";
  var WORDS = {
    print: { zh: "打印", ru: "Печать", en: "Print" },
    clear: { zh: "清除所有勾选", ru: "Снять все отметки", en: "Clear all ticks" }
  };
  function word(key) { return WORDS[key][lang] || WORDS[key].en; }

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
  if (heading && boxes.length) {
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

})();
