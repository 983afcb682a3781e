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
 * can be shared and reopened. Unknown values are dropped.
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

  var boxes = Array.prototype.slice.call(
    document.querySelectorAll(".md-typeset .task-list-item input[type=checkbox]"));
  /* checklist/ and checklist/index.html are one page with one set of ticks */
  var TICKS = "sim-guide:ticks:" + location.pathname.replace(/\/index\.html$/, "/");

  function itemKey(box) {
    var text = (box.closest("li") || box.parentNode).textContent.trim();
    var hash = 0;
    for (var i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
    return String(hash);
  }
  /* Only a plain object of item keys is trusted; anything else in storage (a number, a
   * string, true, an array, null, broken JSON) starts a clean set of ticks. */
  function loadTicks() {
    var ticks = Object.create(null);
    var stored;
    try { stored = JSON.parse(storage.getItem(TICKS)); } catch (e) { return ticks; }
    if (!stored || typeof stored !== "object" || Array.isArray(stored) ||
        Object.getPrototypeOf(stored) !== Object.prototype) return ticks;
    Object.keys(stored).forEach(function (key) {
      if (stored[key] === 1 || stored[key] === true) ticks[key] = 1;
    });
    return ticks;
  }
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
  function saveTicks(ticks) {
    try { storage.setItem(TICKS, JSON.stringify(ticks)); storageNote(false); }
    catch (e) { storageNote(true); }
  }
  if (boxes.length && storage) {
    var ticks = loadTicks();
    boxes.forEach(function (box) {
      box.checked = !!ticks[itemKey(box)];
      box.addEventListener("change", function () {
        // every box of the page as it shows, so that ticks a full storage refused
        // are saved with the next tick that fits
        var now = loadTicks();
        boxes.forEach(function (b) {
          if (b.checked) now[itemKey(b)] = 1; else delete now[itemKey(b)];
        });
        saveTicks(now);
      });
    });
  } else if (boxes.length) {
    boxes.forEach(function (box) {
      box.addEventListener("change", function () { storageNote(true); });
    });
  }

  /* -- Print and clear buttons (in the page: docs/<lang>/checklist.md) -------------------- */

  var article = document.querySelector("article.md-content__inner");
  var heading = article && article.querySelector("h1");
  var bar = article && article.querySelector(".sim-toolbar");
  if (heading && bar && boxes.length) {
    bar.querySelector(".sim-print").addEventListener("click", function () { window.print(); });
    bar.querySelector(".sim-clear").addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      if (storage) { try { storage.removeItem(TICKS); } catch (e) { /* blocked */ } }
    });
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
  /* The heading's entries in the table of contents (the sidebar and the phone drawer) */
  function tocEntries(h) {
    if (!h.id) return [];
    return Array.prototype.map.call(
      document.querySelectorAll(".md-nav--secondary a.md-nav__link[href='#" + h.id + "']"),
      function (link) { return link.closest("li"); });
  }

  function hide(el, yes) {
    if (!el) return;
    if (yes) { el.hidden = true; el.setAttribute("data-sim-hidden", ""); }
    else if (el.hasAttribute("data-sim-hidden")) { el.hidden = false; el.removeAttribute("data-sim-hidden"); }
  }

  function read() {
    var params = new URLSearchParams(location.search);
    var carrier = (params.get("carrier") || "").toLowerCase();
    var goal = (params.get("goal") || "").toLowerCase();
    return {
      carrier: CARRIERS.indexOf(carrier) >= 0 ? carrier : "",
      goal: GOALS.indexOf(goal) >= 0 ? goal : ""
    };
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
    var qs = query(choice);
    if (qs === location.search) return;
    try { history.replaceState(history.state, "", location.pathname + qs + location.hash); }
    catch (e) { /* some file:// setups refuse; the list still narrows */ }
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

  var initial = read();
  apply(initial);
  write(initial);
  chooser.addEventListener("change", function () {
    var choice = { carrier: selected(carrierSet), goal: selected(goalSet) };
    apply(choice);
    write(choice);
  });
})();
