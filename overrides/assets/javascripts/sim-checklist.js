/* The checklist: ticks remembered on this device, the print and clear buttons, and the
 * chooser that narrows the checklist to one carrier and one goal.
 * Loaded on every page (mkdocs.yml extra_javascript); does nothing without task lists.
 *
 * Chooser tags. In the Markdown, an item gets attr_list classes on an indented line of
 * its own under it (pymdownx.tasklist ignores a trailing inline "{ .x }"):
 *
 *     - [ ] MTS (МТС): check your balance by dialling [[fact:mts.balance]].
 *         { .sim-carrier-mts .sim-goal-end .sim-goal-keep }
 *
 *   sim-carrier-mts | -beeline | -megafon | -t2    the item applies to these carriers only
 *   sim-goal-end | -keep | -esim | -travel          the item applies to these goals only
 *
 * No class of a kind: the item applies to every carrier (or every goal). Other blocks
 * (the fill-in lines) may carry the same classes. A section (an h2 and what follows it
 * up to the next h2) whose items are all hidden is hidden with its heading.
 *
 * URL contract (other pages link to it): checklist/?carrier=mts&goal=keep, carrier in
 * mts, beeline, megafon, t2 (absent: any), goal in end, keep, esim, travel (absent:
 * everything). The choice is written back with history.replaceState, so a narrowed list
 * can be shared and reopened. Unknown values are ignored and removed from the address;
 * other parameters stay (window.simParams, sim-guide.js: one rule for every page).
 *
 * Without JavaScript the toolbar and the chooser stay hidden (they show under html.sim-js,
 * set in <head> by overrides/main.html) and every item shows. */
(function () {
  "use strict";

  /* Words in the page's language: docs/_data/ui/<lang>.yml, script.checklist, rendered
   * into #sim-ui by overrides/main.html. */
  var ui = document.getElementById("sim-ui");
  var WORDS = ((ui && JSON.parse(ui.textContent)) || {}).checklist || {};
  function word(key) { return WORDS[key] || key; }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return String(values[k]); });
  }
  /* "Keep the number" reads "keep the number" after "Chosen:" (not in Chinese) */
  function lowerFirst(text) {
    return WORDS.lowerFirstInChoice ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  }

  var storage = null;
  try { storage = window.localStorage; storage.getItem("sim-guide"); } catch (e) { storage = null; }

  /* -- Ticks on the checklist are remembered on this device ------------------------ */
  /*
   * Stored at sim-guide:ticks:<path> (one set per page and language) as
   *   { "v": 2, "ticks": { "<data-tick id>": { "on": true|false, "t": <ms> } } }
   * Each item keeps the time it was last ticked or unticked, so two tabs merge item by
   * item: the newer change wins, an untick included (a plain union would bring back a
   * tick the reader removed). Before each write the stored set is read and merged, and
   * a `storage` event brings another tab's changes into this one as they happen.
   *
   * Items are keyed by their stable id (data-tick in the Markdown, the same in every
   * language). Version 1 kept { "<hash of the item's words>": 1 }: MOVED maps those
   * hashes, as the words were when the ids came, to the ids, so the first load after
   * the change moves every tick (with time 0: older than any real change). Ticks of
   * items the page no longer has, and anything not in one of the two shapes, are
   * dropped on load. */

  var boxes = Array.prototype.slice.call(
    document.querySelectorAll(".md-typeset .task-list-item input[type=checkbox]"));
  /* checklist/ and checklist/index.html are one page with one set of ticks */
  var TICKS = "sim-guide:ticks:" + location.pathname.replace(/\/index\.html$/, "/");
  var VERSION = 2;
  /* Generated once from the build of 7 December 2026 (the words before their rewrite):
   * the version-1 key of every item, per language, and its id. Do not regenerate. */
  var MOVED = {
    zh: {"-1004181058":"accounts-wechat-go-me","-1136073397":"money-decide-whether-spend","-1160717411":"safety-ignore-strangers-who","-1250979077":"travel-russian-sim-end","-139329160":"money-mts-check-balance","-15324086":"keep-own-name","-1680528265":"accounts-whatsapp-settings-account","-1711367451":"money-mts-find-out","-1742726284":"keep-mts-ask-non","-1784523424":"documents-termination-application","-202401266":"travel-foreign-travel-esim","-238171946":"documents-passport-old-one","-344276177":"keep-make-paid-outgoing","-347253939":"money-t2-check-balance","-512658031":"safety-no-carrier-bank","-697690318":"keep-top-up-balance","-856114920":"money-note-refund-details","-920409431":"esim-bring-phone-holds","1008652216":"proof-written-confirmation-contract","108111747":"money-beeline-check-balance","1115159186":"safety-never-send-codes","1181972455":"travel-find-out-who","1214546393":"keep-t2-ask-non","1217238909":"proof-photos-papers-screenshot","1288300468":"keep-beeline-ask-non","1333155081":"accounts-banks-change-number","1429584028":"money-turn-off-paid","1542562848":"money-pay-off-debt","159467146":"money-megafon-check-balance","1693446163":"keep-imei-phone","1742035124":"accounts-gosuslugi-put-number","1816781527":"documents-someone-goes-ask","1972470502":"documents-refund-application","1999756014":"esim-keep-esim-profile","281665658":"keep-plan-nothing-needs","326375520":"documents-t2-someone-claim","523464217":"money-t2-find-out","545281179":"money-beeline-find-out","553272878":"accounts-gosuslugi-section-check","735579742":"money-megafon-find-out","8081044":"keep-megafon-ask-non","917225158":"accounts-telegram-change-number","937212009":"accounts-other-two-factor","951072028":"proof-copy-each-application"},
    ru: {"-1236434032":"keep-t2-ask-non","-1282303278":"documents-refund-application","-1394707275":"documents-someone-goes-ask","-1828599415":"accounts-gosuslugi-put-number","-1847737166":"money-mts-check-balance","-1885243814":"accounts-other-two-factor","-191745761":"money-t2-check-balance","-2117941418":"money-turn-off-paid","-506474442":"esim-bring-phone-holds","-532253724":"money-mts-find-out","-541256284":"money-beeline-check-balance","-692530204":"accounts-wechat-go-me","-761400421":"money-decide-whether-spend","-927710789":"travel-find-out-who","-997801245":"accounts-telegram-change-number","1020308031":"safety-no-carrier-bank","1043389059":"keep-plan-nothing-needs","1145358534":"keep-make-paid-outgoing","1228512677":"safety-never-send-codes","125467608":"accounts-banks-change-number","1347500224":"money-megafon-find-out","1350875922":"money-t2-find-out","1376776720":"keep-megafon-ask-non","1391849948":"money-megafon-check-balance","1417096675":"travel-russian-sim-end","1439684271":"travel-foreign-travel-esim","1511136620":"keep-imei-phone","1557714836":"money-note-refund-details","157216645":"documents-passport-old-one","1592084680":"keep-top-up-balance","1611458207":"money-beeline-find-out","176503469":"safety-ignore-strangers-who","1768921720":"keep-mts-ask-non","1934478372":"proof-copy-each-application","2008892311":"accounts-whatsapp-settings-account","2036247576":"accounts-gosuslugi-section-check","2070120075":"proof-photos-papers-screenshot","2088614029":"documents-t2-someone-claim","2091796687":"keep-own-name","37646044":"esim-keep-esim-profile","44768935":"money-pay-off-debt","530191733":"documents-termination-application","850153778":"keep-beeline-ask-non","920151893":"proof-written-confirmation-contract"},
    en: {"-1001031244":"accounts-whatsapp-settings-account","-1124542845":"documents-passport-old-one","-1150660059":"money-t2-find-out","-1226721273":"accounts-other-two-factor","-1235910502":"documents-t2-someone-claim","-125947185":"accounts-banks-change-number","-1397819253":"accounts-wechat-go-me","-1486430005":"money-decide-whether-spend","-1517122237":"proof-written-confirmation-contract","-1573571690":"accounts-gosuslugi-section-check","-1599521897":"safety-never-send-codes","-164380426":"documents-someone-goes-ask","-1775397333":"keep-make-paid-outgoing","-259714172":"money-mts-check-balance","-295103684":"accounts-telegram-change-number","-3511123":"documents-termination-application","-404702794":"travel-foreign-travel-esim","-416127484":"money-note-refund-details","-584850002":"money-t2-check-balance","-594033641":"keep-megafon-ask-non","-996427115":"keep-imei-phone","1064257263":"keep-own-name","106901403":"safety-no-carrier-bank","1182173326":"money-beeline-find-out","119778419":"documents-refund-application","1236082080":"money-megafon-check-balance","1303724036":"money-mts-find-out","1436731743":"proof-copy-each-application","1512350510":"keep-top-up-balance","1623622566":"proof-photos-papers-screenshot","1683009359":"keep-plan-nothing-needs","1753639160":"travel-russian-sim-end","1855234538":"keep-t2-ask-non","2006665709":"money-turn-off-paid","2009093036":"money-pay-off-debt","2026665214":"travel-find-out-who","2071226807":"keep-beeline-ask-non","436571511":"keep-mts-ask-non","44284806":"safety-ignore-strangers-who","498851861":"money-beeline-check-balance","703679732":"accounts-gosuslugi-put-number","946811":"esim-keep-esim-profile","967706539":"money-megafon-find-out","979626187":"esim-bring-phone-holds"}
  };
  var LANG = (document.documentElement.lang || "").slice(0, 2);
  var moved = Object.prototype.hasOwnProperty.call(MOVED, LANG) ? MOVED[LANG] : {};

  /* The version-1 key: a hash of the item's words as the page shows them */
  function itemKey(box) {
    var text = (box.closest("li") || box.parentNode).textContent.trim();
    var hash = 0;
    for (var i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
    return String(hash);
  }
  function idOf(box) {
    var li = box.closest("li");
    var id = li && li.getAttribute("data-tick");
    return id || "h" + itemKey(box);  // an item without an id (none today): its words
  }
  var ids = boxes.map(idOf);
  var known = Object.create(null);
  ids.forEach(function (id) { known[id] = true; });
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  function plain(v) {
    return !!v && typeof v === "object" && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
  }

  /* What storage holds, as { id: { on, t } } for the items on this page only. */
  function parse(text) {
    var ticks = Object.create(null), stored;
    try { stored = JSON.parse(text); } catch (e) { return ticks; }
    if (!plain(stored)) return ticks;
    if (stored.v === VERSION && plain(stored.ticks)) {
      Object.keys(stored.ticks).forEach(function (id) {
        var e = stored.ticks[id];
        if (!known[id] || !plain(e) || typeof e.on !== "boolean" || typeof e.t !== "number" || !isFinite(e.t)) return;
        ticks[id] = { on: e.on, t: e.t };
      });
    } else if (!own(stored, "v")) {  // version 1: { hash: 1 }
      Object.keys(stored).forEach(function (key) {
        if (stored[key] !== 1 && stored[key] !== true) return;
        var id = own(moved, key) ? moved[key] : "h" + key;
        if (known[id]) ticks[id] = { on: true, t: 0 };
      });
    }
    return ticks;
  }
  function merge(into, from) {
    Object.keys(from).forEach(function (id) {
      if (!into[id] || from[id].t > into[id].t) into[id] = from[id];
    });
    return into;
  }
  function readStored() {
    try { return storage.getItem(TICKS); } catch (e) { return null; }
  }
  var last = 0;
  function stamp() { last = Math.max(Date.now(), last + 1); return last; }

  /* A tick that cannot be saved (storage full or blocked) stays on screen, and a
   * gentle note in the toolbar says it will not outlive the page (words: #sim-ui,
   * checklist_storage); the next tick that is saved removes the note. */
  function storageNote(show) {
    var bar = document.querySelector("article .sim-toolbar");
    if (!bar) return;
    var note = bar.querySelector(".sim-toolbar__note");
    if (!note && !show) return;
    if (!note) {
      var words = {};
      try { words = JSON.parse(document.getElementById("sim-ui").textContent).checklist_storage || {}; }
      catch (e) { words = {}; }
      if (!words.not_saved) return;
      note = document.createElement("p");
      note.className = "sim-toolbar__note";
      note.setAttribute("role", "status");
      note.textContent = words.not_saved;
      bar.appendChild(note);
    }
    note.hidden = !show;
  }

  var state = Object.create(null);
  function show() {
    boxes.forEach(function (box, i) {
      var on = !!(state[ids[i]] && state[ids[i]].on);
      if (box.checked !== on) box.checked = on;
    });
  }
  /* Merge what another tab stored since, then write the whole set (so ticks a full
   * storage refused are saved with the next change that fits). */
  function save(quiet) {
    if (!storage) { if (!quiet) storageNote(true); return; }
    state = merge(parse(readStored()), state);
    show();
    var text = JSON.stringify({ v: VERSION, ticks: state });
    if (text === readStored()) { if (!quiet) storageNote(false); return; }
    try { storage.setItem(TICKS, text); if (!quiet) storageNote(false); }
    catch (e) { if (!quiet) storageNote(true); }
  }
  /* A change here is newer than anything this tab has seen for the item, even a time
   * ahead of this device's clock (another device's, or a planted one). */
  function newer(id) { return Math.max(stamp(), state[id] ? state[id].t + 1 : 0); }
  function change(id, on) {
    if (storage) state = merge(parse(readStored()), state);
    state[id] = { on: on, t: newer(id) };
    save(false);
  }
  if (boxes.length) {
    if (storage) {
      var found = readStored();
      state = parse(found);
      show();
      if (found !== null) save(true);  // the move from version 1, and unknown keys dropped, are stored at once
      window.addEventListener("storage", function (e) {
        if (e.key !== TICKS && e.key !== null) return;  // null: the whole storage was cleared
        if (e.newValue === null) return;  // removed: this tab's set stays, and is written with its next change
        merge(state, parse(e.newValue));
        show();
      });
    }
    boxes.forEach(function (box, i) {
      box.addEventListener("change", function () { change(ids[i], box.checked); });
    });
  }

  /* -- Print and clear buttons (in the page: docs/<lang>/checklist.md) -------------------- */
  /* Clear unticks every item (each untick stored with its time, so another tab does
   * not bring the ticks back) and offers, for a few seconds, to undo it. */

  var article = document.querySelector("article.md-content__inner");
  var heading = article && article.querySelector("h1");
  var bar = article && article.querySelector(".sim-toolbar");
  var UNDO = {};
  try { UNDO = JSON.parse(ui.textContent).undo || {}; } catch (e) { UNDO = {}; }
  var undoing = null;  // { box, timer }
  function endUndo() {
    if (!undoing) return;
    clearTimeout(undoing.timer);
    undoing.box.remove();
    undoing = null;
  }
  function offerUndo(before) {
    endUndo();
    if (!UNDO.undo || !UNDO.cleared_ticks) return;
    var box = document.createElement("p");
    box.className = "sim-undo";
    box.setAttribute("role", "status");
    box.appendChild(document.createTextNode(UNDO.cleared_ticks + " "));
    var again = document.createElement("button");
    again.type = "button";
    again.className = "sim-undo__button";
    again.textContent = UNDO.undo;
    again.addEventListener("click", function () {
      endUndo();
      if (storage) state = merge(parse(readStored()), state);
      ids.forEach(function (id) { if (before[id]) state[id] = { on: true, t: newer(id) }; });
      show();
      save(false);
    });
    box.appendChild(again);
    bar.appendChild(box);
    undoing = { box: box, timer: setTimeout(endUndo, 10000) };
  }
  if (heading && bar && boxes.length) {
    bar.querySelector(".sim-print").addEventListener("click", function () { window.print(); });
    bar.querySelector(".sim-clear").addEventListener("click", function () {
      var before = {}, any = false;
      if (storage) state = merge(parse(readStored()), state);  // another tab's latest ticks too
      ids.forEach(function (id) { if (state[id] && state[id].on) { before[id] = true; any = true; } });
      ids.forEach(function (id) { state[id] = { on: false, t: newer(id) }; });
      show();
      save(false);
      if (any) offerUndo(before);
    });
    boxes.forEach(function (box) { box.addEventListener("change", endUndo); });
  }

  /* -- The chooser: one carrier, one goal ------------------------------------------ */

  var CARRIERS = ["mts", "beeline", "megafon", "t2"];
  var GOALS = ["end", "keep", "esim", "travel"];
  var TAGGED = /(^|\s)sim-(carrier|goal)-/;

  var tagged = article ? Array.prototype.filter.call(
    article.querySelectorAll("[class*='sim-carrier-'], [class*='sim-goal-']"),
    function (el) { return TAGGED.test(el.className); }) : [];
  if (!bar || !tagged.length) return;

  var items = Array.prototype.slice.call(article.querySelectorAll(".task-list-item"));
  var filtered = items.concat(tagged.filter(function (el) { return items.indexOf(el) < 0; }));

  function tagsOf(el, kind) {
    var prefix = "sim-" + kind + "-";
    return Array.prototype.filter.call(el.classList, function (c) {
      return c.indexOf(prefix) === 0;
    }).map(function (c) { return c.slice(prefix.length); });
  }
  function fits(el, kind, value) {
    if (!value) return true;
    var tags = tagsOf(el, kind);
    return !tags.length || tags.indexOf(value) >= 0;
  }

  /* Sections: each h2 with the nodes after it up to the next h2 */
  var sections = [];
  Array.prototype.forEach.call(article.children, function (node) {
    if (/^H[12]$/.test(node.tagName)) {
      sections.push({ heading: node.tagName === "H2" ? node : null, nodes: [] });
    } else if (sections.length) {
      sections[sections.length - 1].nodes.push(node);
    }
  });
  sections = sections.filter(function (s) { return s.heading; });
  /* The heading's entries in the tables of contents: the sidebar, the phone drawer and
   * the page's own "On this page" list (nav.sim-toc, shown on phones) */
  function tocEntries(h) {
    if (!h.id) return [];
    return Array.prototype.map.call(
      document.querySelectorAll(".md-nav--secondary a.md-nav__link[href='#" + h.id + "'], " +
                                "nav.sim-toc a[href='#" + h.id + "']"),
      function (link) { return link.closest("li"); });
  }

  function hide(el, yes) {
    if (!el) return;
    if (yes) { el.hidden = true; el.setAttribute("data-sim-hidden", ""); }
    else if (el.hasAttribute("data-sim-hidden")) { el.hidden = false; el.removeAttribute("data-sim-hidden"); }
  }

  /* The address's parameters: one rule for every page (window.simParams, sim-guide.js) */
  var OWN = { carrier: CARRIERS, goal: GOALS };
  function read() {
    return window.simParams ? window.simParams.read(OWN) : { carrier: "", goal: "" };
  }
  /* The address keeps other parameters; paper (printed: true) names the choice only,
   * so a long tracking or junk parameter never fills sheets. */
  function query(choice, printed) {
    var params = new URLSearchParams(printed ? "" : location.search);
    params.delete("carrier");
    params.delete("goal");
    if (choice.carrier) params.append("carrier", choice.carrier);
    if (choice.goal) params.append("goal", choice.goal);
    var qs = params.toString();
    return qs ? "?" + qs : "";
  }
  function write(choice) {
    if (window.simParams) window.simParams.write(OWN, choice);
  }

  /* The controls are in the page, in its language (docs/<lang>/checklist.md) */
  var chooser = article.querySelector(".sim-chooser");
  if (!chooser) return;
  var carrierSet = chooser.querySelector(".sim-chooser-carrier");
  var goalSet = chooser.querySelector(".sim-chooser-goal");
  var count = chooser.querySelector(".sim-chooser-count");

  /* Named at the top of the printout (shown on paper only) */
  var printed = document.createElement("p");
  printed.className = "sim-choice";
  heading.insertAdjacentElement("afterend", printed);
  var printUrl = document.querySelector(".sim-print-url");
  var baseUrl = printUrl ? printUrl.textContent.trim() : "";

  function selected(set) {
    var on = set.querySelector("input:checked");
    return on ? on.value : "";
  }
  function apply(choice) {
    carrierSet.querySelector("input[value='" + choice.carrier + "']").checked = true;
    goalSet.querySelector("input[value='" + choice.goal + "']").checked = true;
    filtered.forEach(function (el) {
      hide(el, !(fits(el, "carrier", choice.carrier) && fits(el, "goal", choice.goal)));
    });
    sections.forEach(function (s) {
      var inside = filtered.filter(function (el) {
        return s.nodes.some(function (n) { return n === el || n.contains(el); });
      });
      var empty = inside.length > 0 && inside.every(function (el) { return el.hidden; });
      hide(s.heading, empty);
      tocEntries(s.heading).forEach(function (li) { hide(li, empty); });
      s.nodes.forEach(function (n) {
        if (!n.classList.contains("sim-reviewed") && !n.classList.contains("sim-print-url")) hide(n, empty);
      });
    });
    var total = items.length;
    var shown = items.filter(function (el) { return !el.hidden; }).length;
    var narrowed = !!(choice.carrier || choice.goal);
    count.textContent = fill(word(narrowed ? "countSome" : "countAll"), { shown: shown, total: total });
    printed.hidden = !narrowed;
    printed.textContent = narrowed ? fill(word("chosen"), {
      choice: (choice.carrier ? word(choice.carrier) : lowerFirst(word("anyCarrier"))) + " · " +
        (choice.goal ? lowerFirst(word(choice.goal)) : word("anyGoalPrinted")),
      shown: shown, total: total
    }) : "";
    if (printUrl && baseUrl) printUrl.textContent = baseUrl + query(choice, true);
  }

  var initial = read();  // unknown values are already gone from the address
  apply(initial);
  chooser.addEventListener("change", function () {
    var choice = { carrier: selected(carrierSet), goal: selected(goalSet) };
    apply(choice);
    write(choice);
  });
})();
