/* The guide's own script: small, no third-party code, runs after Material's bundle. */

/* -- One rule for the address's parameters (issue 28), for every page that reads some
 * (the checklist's and the counter page's ?carrier= and ?goal=): sim-checklist.js and
 * sim-forms.js (loaded after this file) call window.simParams.
 *   read(own): own = { name: [known values] }. A parameter the page owns with a known
 *     value applies (the first one, letter case ignored); one it owns with an unknown,
 *     empty or repeated value is ignored and removed from the address bar
 *     (history.replaceState); every parameter it does not own (Material's h and q, any
 *     other) stays as it was written. Returns { name: value or "" }.
 *   write(own, values): the page's own parameters as chosen (empty: left out), the
 *     others untouched. */
(function () {
  "use strict";

  function decode(text) {
    try { return decodeURIComponent(text.replace(/\+/g, " ")); } catch (e) { return null; }
  }
  function split(search) {
    return search.replace(/^\?/, "").split("&").filter(Boolean).map(function (piece) {
      var eq = piece.indexOf("=");
      return {
        raw: piece,
        name: decode(eq < 0 ? piece : piece.slice(0, eq)),
        value: eq < 0 ? "" : decode(piece.slice(eq + 1))
      };
    });
  }
  function owns(own, name) {
    return name !== null && Object.prototype.hasOwnProperty.call(own, name);
  }
  function put(pieces) {
    var search = pieces.length ? "?" + pieces.join("&") : "";
    if (search === location.search) return;
    try { history.replaceState(history.state, "", location.pathname + search + location.hash); }
    catch (e) { /* some file:// setups refuse: what the page shows is right all the same */ }
  }
  function read(own) {
    var chosen = {}, kept = [], dropped = false;
    Object.keys(own).forEach(function (name) { chosen[name] = ""; });
    split(location.search).forEach(function (p) {
      if (!owns(own, p.name)) { kept.push(p.raw); return; }
      var value = (p.value || "").trim().toLowerCase();
      if (own[p.name].indexOf(value) >= 0 && !chosen[p.name]) {
        chosen[p.name] = value;
        kept.push(p.raw);
      } else {
        dropped = true;
      }
    });
    if (dropped) put(kept);
    return chosen;
  }
  function write(own, values) {
    var kept = split(location.search).filter(function (p) { return !owns(own, p.name); })
      .map(function (p) { return p.raw; });
    Object.keys(own).forEach(function (name) {
      if (values[name]) kept.push(encodeURIComponent(name) + "=" + encodeURIComponent(values[name]));
    });
    put(kept);
  }
  window.simParams = { read: read, write: write };
})();

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

/* -- Freshness: the note under the H1 warns once the reader's own clock is past its
 * review-by date (last_reviewed + 6 months, overrides/hooks/freshness.py), so an old
 * build or a saved copy warns too. The warning text is already in the page, hidden;
 * the inline script in <head> shows it before the first paint (html.sim-stale), so
 * nothing moves; this marks the note data-stale and unhides the text for good. */
(function () {
  "use strict";

  var note = document.querySelector("[data-freshness]");
  if (!note) { return; }
  var by = note.getAttribute("data-review-by") || "";
  var now = new Date();
  var today = now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" +
    ("0" + now.getDate()).slice(-2);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(by) || today <= by) { return; }
  document.documentElement.classList.add("sim-stale");
  note.setAttribute("data-stale", "");
  var warning = note.querySelector("[data-freshness-stale]");
  if (warning) { warning.hidden = false; }
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


/* -- Search input hygiene and a useful "no results" (issue 28). Material's worker is
 * left alone; this works on its search box from the page:
 *  - the query is at most 100 characters (a pasted page cannot reach the worker), and
 *    control and direction-control characters are taken out as they arrive;
 *  - a query of spaces only, or with no letter or digit in any script (junk), shows
 *    no list of results;
 *  - whenever nothing is found (Material writes its plain "no matching documents"), a
 *    message in the reader's language (docs/_data/ui/<lang>.yml, script.search) names
 *    the query and links a fixed, editorial list of main pages (MAIN_PAGES, in every
 *    language: their titles and links are the page's own navigation, so they work at
 *    the root, under a sub-path and in the offline copy). Every script is a normal
 *    query: Cyrillic on the Chinese edition, Chinese on the Russian one. */
(function () {
  "use strict";

  var field = document.querySelector("input.md-search__input");
  var result = document.querySelector(".md-search-result");
  var meta = result && result.querySelector(".md-search-result__meta");
  var ui = document.getElementById("sim-ui");
  var WORDS = {};
  try { WORDS = JSON.parse(ui.textContent).search || {}; } catch (e) { WORDS = {}; }
  if (!field || !meta || !WORDS.none) return;
  var NONE = "";
  try {
    NONE = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"] || "";
  } catch (e) { NONE = ""; }
  var MAX = 100;
  var CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;
  var MEANING = /[\p{L}\p{N}]/u;
  // the fixed, editorial list: the home page, the four situations, the checklist and
  // the counter page (paths from each language's root)
  var MAIN_PAGES = ["", "cards/physical-sim/", "cards/esim/", "cards/travel-sim/",
    "cards/number-keeping/", "checklist/", "at-the-counter/"];

  field.maxLength = MAX;
  function tidy() {
    var clean = field.value.replace(CONTROL, "");
    if (clean.length > MAX) clean = clean.slice(0, MAX);
    if (clean !== field.value) field.value = clean;
  }
  // first of the field's input listeners (a capturing one), so the search gets the clean text
  field.addEventListener("input", tidy, true);
  // a shared address's ?q= is put in the field by Material's bundle, past maxlength: it
  // is tidied before the index is ready, when Material reads the field to search
  tidy();

  function mainLinks() {
    var base = "";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; }
    catch (e) { base = "."; }
    var root = new URL(base.replace(/\/?$/, "/"), location.href).href;
    var links = Array.prototype.slice.call(document.querySelectorAll(".md-nav--primary a.md-nav__link[href]"));
    var list = document.createElement("ul");
    MAIN_PAGES.forEach(function (slug) {
      var wanted = [root + slug, root + slug + "index.html",
        slug ? root + slug.replace(/\/$/, ".html") : root + "index.html"];
      var found = links.filter(function (a) { return wanted.indexOf(a.href.split(/[?#]/)[0]) >= 0; })[0];
      if (!found) return;
      var title = (found.querySelector(".md-ellipsis") || found).textContent.replace(/\s+/g, " ").trim();
      if (!title) return;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = found.getAttribute("href");  // relative, as the navigation writes it
      a.textContent = title;
      li.appendChild(a);
      list.appendChild(li);
    });
    return list;
  }

  var box = document.createElement("div");
  box.className = "sim-search-none";
  box.setAttribute("role", "status");
  box.hidden = true;
  var message = document.createElement("p");
  box.appendChild(message);
  var listed = false;
  meta.insertAdjacentElement("afterend", box);

  function update() {
    var query = field.value;
    var trimmed = query.trim();
    var junk = trimmed !== "" && !MEANING.test(trimmed);
    var show = false, text = "";
    if (query && !trimmed) { show = true; text = WORDS.empty; }
    else if (junk || (trimmed && NONE && meta.textContent.trim() === NONE)) {
      show = true;
      var shown = trimmed.length > 40 ? trimmed.slice(0, 40) + "…" : trimmed;
      text = WORDS.none.replace("{query}", function () { return shown; });  // "$&" stays as typed
    }
    if (show && !listed) { box.appendChild(mainLinks()); listed = true; }
    if (message.textContent !== text) message.textContent = text;
    box.hidden = !show;
    if (show) result.setAttribute("data-sim-none", ""); else result.removeAttribute("data-sim-none");
  }
  field.addEventListener("input", update);
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
})();
