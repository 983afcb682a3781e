/* The counter page (at-the-counter.md, front matter `scripts:`): the fill-in form for the
 * two Russian applications, the question card narrowed by carrier and goal, a print
 * button for the page and one beside each part, and «show to the clerk» beside each
 * application, the phrase table and the question card.
 *
 * Words: docs/_data/ui/<lang>.yml, `script: forms:`, read from <script id="sim-ui">.
 *
 * Nothing leaves the device: no request is made, and nothing is stored unless the
 * reader ticks "remember on this device" (then localStorage; "forget" clears it). The
 * clerk view stores nothing. Without JavaScript the fill-in form and the chooser stay
 * hidden and the blank applications print as they are.
 *
 * URL contract (like the checklist's): at-the-counter/?carrier=mts&goal=keep narrows the
 * question card (carrier in mts, beeline, megafon, t2; goal in end, keep, esim, travel;
 * unknown values are ignored and removed from the address, other parameters stay:
 * window.simParams in sim-guide.js, one rule for every page). */
(function () {
  "use strict";

  var root = document.documentElement;
  var UI = {};
  try {
    UI = JSON.parse(document.getElementById("sim-ui").textContent).forms || {};
  } catch (e) { UI = {}; }
  // new words (issue 28) are in their own groups: form_checks, form_memory, undo
  var MORE = {};
  try {
    var all = JSON.parse(document.getElementById("sim-ui").textContent);
    MORE = Object.assign({}, all.undo || {}, all.form_memory || {}, all.form_checks || {});
  } catch (e) { MORE = {}; }
  function word(key) {
    if (typeof UI[key] === "string") return UI[key];
    return typeof MORE[key] === "string" ? MORE[key] : "";
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] == null ? m : String(values[k]); });
  }
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  var article = document.querySelector("article.md-content__inner");
  var heading = article && article.querySelector("h1");
  if (!heading || !article.querySelector(".sim-form")) return;

  // Direction-control characters (pasted from another app, or planted) would reorder the
  // printed text: they never reach the applications.
  var BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
  function clean(text) { return String(text || "").replace(BIDI, ""); }

  /* -- Buttons beside each part ----------------------------------------------------- */

  function button(cls, text, onclick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = text;
    b.addEventListener("click", onclick);
    return b;
  }
  function toolbar() {
    var bar = document.createElement("div");
    bar.className = "sim-toolbar";
    for (var i = 0; i < arguments.length; i++) bar.appendChild(arguments[i]);
    return bar;
  }

  heading.insertAdjacentElement("afterend",
    toolbar(button("sim-print", word("print"), function () { window.print(); })));

  var PRINT_WORD = { termination: "printApplication", refund: "printApplication", questions: "printCard" };
  // <html data-sim-print="refund"> makes the print CSS show that part alone.
  window.addEventListener("afterprint", function () { root.removeAttribute("data-sim-print"); });
  each(article.querySelectorAll("[data-print], [data-clerk]"), function (part) {
    var target = part.getAttribute("data-print");
    var buttons = [];
    // the nearest heading above names the part for screen readers
    var named = null;
    for (var el = part.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[23]$/.test(el.tagName) && el.id) { named = el.id; break; }
    }
    if (target && PRINT_WORD[target]) {
      var p = button("sim-print-part", word(PRINT_WORD[target]), function () {
        root.setAttribute("data-sim-print", target);
        window.print();
      });
      p.setAttribute("data-target", target);
      buttons.push(p);
    }
    var show = button("sim-show-clerk", word("show"), function () { openClerk(part, show); });
    show.setAttribute("data-show-clerk", part.getAttribute("data-clerk") || target);
    show.setAttribute("aria-haspopup", "dialog");
    buttons.push(show);
    buttons.forEach(function (b) { if (named) b.setAttribute("aria-describedby", named); });
    // before the part: the print CSS starts a new sheet at each form and after it
    part.insertAdjacentElement("beforebegin", toolbar.apply(null, buttons));
  });

  // Beside each phrase: show that phrase alone to the clerk (then previous / next).
  each(article.querySelectorAll("[data-clerk=phrases]"), function (part) {
    each(part.querySelectorAll("tbody tr"), function (tr, i) {
      var cells = tr.querySelectorAll("td");
      if (cells.length < 2) return;
      var b = button("sim-show-phrase", word("showPhrase"), function () { openClerk(part, b, i); });
      b.setAttribute("aria-haspopup", "dialog");
      b.setAttribute("aria-label", word("showPhrase") + ": " + cells[0].textContent.trim());
      b.setAttribute("data-phrase", String(i));
      cells[cells.length - 1].appendChild(b);
    });
  });

  // The carrier's legal name as the page shows it (from facts.yml), without the ⚠ mark.
  function legalName(carrier) {
    var fact = document.querySelector('.sim-fact[data-fact="' + carrier + '.legal-name"]');
    if (!fact) return "";
    var copy = fact.cloneNode(true);
    each(copy.querySelectorAll(".sim-check"), function (m) { m.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  var CARRIERS = ["mts", "beeline", "megafon", "t2"];
  var GOALS = ["end", "keep", "esim", "travel"];

  /* -- Fitting each application and the card on one A4 sheet ---------------------------------- */

  // Each application is measured at the width it has on paper (the print CSS gives the
  // same sizes to .sim-measure); a long name or address steps the type down until the
  // whole application fits one sheet (data-fit 0 … 4). Nothing is cut off.
  var measure = document.createElement("div");
  measure.className = "sim-measure";
  measure.setAttribute("aria-hidden", "true");
  var sheet = document.createElement("div");
  sheet.className = "sim-measure__sheet";
  article.appendChild(measure);
  article.appendChild(sheet);
  var FIT_LEVELS = 5;
  function fit(form) {
    var limit = sheet.offsetHeight;
    if (!limit) return;  // not laid out (hidden): leave as it is
    var copy = form.cloneNode(true);
    copy.removeAttribute("data-print");
    measure.textContent = "";
    measure.appendChild(copy);
    var level = 0;
    for (; level < FIT_LEVELS - 1; level++) {
      copy.setAttribute("data-fit", String(level));
      if (copy.offsetHeight <= limit) break;
    }
    measure.textContent = "";
    if (form.getAttribute("data-fit") !== String(level)) form.setAttribute("data-fit", String(level));
  }
  function fitAll(selector) { each(article.querySelectorAll(selector || ".sim-form, .sim-card"), fit); }

  /* -- The question card: narrowed by carrier and goal ------------------------------ */

  var card = article.querySelector(".sim-card");
  var chooser = document.getElementById("card-chooser");
  var cardCarrier = card && card.querySelector('.sim-blank[data-field="card_carrier"]');
  if (cardCarrier) cardCarrier.setAttribute("data-blank", cardCarrier.textContent);

  function applies(item, kind, chosen) {
    if (!chosen) return true;
    var tagged = false;
    for (var i = 0; i < item.classList.length; i++) {
      var c = item.classList[i];
      if (c.indexOf("sim-" + kind + "-") === 0) {
        tagged = true;
        if (c === "sim-" + kind + "-" + chosen) return true;
      }
    }
    return !tagged;
  }
  // The card's header names the carrier chosen for the card, or else the one in the form.
  var formCarrier = function () { return ""; };
  var chosen = { carrier: "", goal: "" };
  function narrow(carrier, goal) {
    if (!card) return;
    chosen = { carrier: carrier, goal: goal };
    carrier = carrier || "";
    each(card.querySelectorAll("ol > li"), function (li) {
      li.hidden = !(applies(li, "carrier", carrier) && applies(li, "goal", goal));
    });
    if (cardCarrier) {
      var named = carrier || formCarrier();
      var name = named ? legalName(named) : "";
      cardCarrier.textContent = name || cardCarrier.getAttribute("data-blank");
      if (name) cardCarrier.setAttribute("data-filled", ""); else cardCarrier.removeAttribute("data-filled");
    }
  }
  if (card && chooser) {
    // one rule for the address's parameters on every page (window.simParams, sim-guide.js)
    var OWN = { carrier: CARRIERS, goal: GOALS };
    var start = window.simParams ? window.simParams.read(OWN) : { carrier: "", goal: "" };
    chooser.elements.carrier.value = start.carrier;
    chooser.elements.goal.value = start.goal;
    narrow(start.carrier, start.goal);
    fitAll();
    chooser.addEventListener("submit", function (e) { e.preventDefault(); });
    chooser.addEventListener("change", function () {
      var carrier = chooser.elements.carrier.value, goal = chooser.elements.goal.value;
      narrow(carrier, goal);
      fitAll(".sim-card");
      if (window.simParams) window.simParams.write(OWN, { carrier: carrier, goal: goal });
    });
    chooser.hidden = false;
  }

  /* -- Show it to the clerk: the Russian text, full screen, in large type ----------- */

  var clerk = null;  // { dialog, opener, lock, pushed }

  function clerkText(part) {
    var box = document.createElement("div");
    box.className = "sim-clerk__text";
    box.setAttribute("lang", "ru");
    if (part.classList.contains("sim-form")) {
      var copy = part.cloneNode(true);
      copy.className = "sim-form sim-clerk__form";
      each(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
      each(copy.querySelectorAll("[hidden]"), function (el) { el.remove(); });
      copy.removeAttribute("data-print");
      copy.removeAttribute("data-fit");
      box.appendChild(copy);
    } else if (part.classList.contains("sim-card")) {
      var head = part.querySelector("p");
      if (head) {
        var p = document.createElement("p");
        p.textContent = head.textContent.replace(/\s+/g, " ").trim();
        box.appendChild(p);
      }
      var list = document.createElement("ol");
      each(part.querySelectorAll("ol > li"), function (li) {
        if (li.hidden || li.id === "q-other") return;
        var ru = li.querySelector('[lang="ru"]');
        var item = document.createElement("li");
        item.textContent = (ru || li).textContent.replace(/\s+/g, " ").trim();
        list.appendChild(item);
      });
      box.appendChild(list);
    } else {  // the phrase table: one Russian phrase at a time (phraseStepper)
      var phrase = document.createElement("p");
      phrase.className = "sim-clerk__phrase";
      box.appendChild(phrase);
    }
    return box;
  }
  function phrasesOf(part) {
    var list = [];
    each(part.querySelectorAll("tbody tr"), function (tr) {
      var cell = tr.querySelector("td");
      if (cell) list.push(cell.textContent.replace(/\s+/g, " ").trim());
    });
    return list;
  }
  /* The phrase view: one phrase, large, with previous / next (buttons, or the arrow
   * keys), and where it is ("3 / 11", announced politely). */
  function phraseStepper(part, text, start) {
    var list = phrasesOf(part);
    var at = Math.max(0, Math.min(start || 0, list.length - 1));
    var nav = document.createElement("div");
    nav.className = "sim-clerk__nav";
    var count = document.createElement("p");
    count.className = "sim-clerk__count";
    count.setAttribute("aria-live", "polite");
    var prev = button("sim-clerk__prev", word("prevPhrase"), function () { go(-1); });
    var next = button("sim-clerk__next", word("nextPhrase"), function () { go(1); });
    nav.appendChild(prev);
    nav.appendChild(count);
    nav.appendChild(next);
    var phrase = text.querySelector(".sim-clerk__phrase");
    function show() {
      phrase.textContent = list[at] || "";
      count.textContent = fill(word("phraseCount"), { n: at + 1, total: list.length });
      var focused = document.activeElement;
      prev.disabled = at === 0;
      next.disabled = at === list.length - 1;
      if (focused === prev && prev.disabled) next.focus();
      if (focused === next && next.disabled) prev.focus();
    }
    function go(step) {
      var to = at + step;
      if (to < 0 || to >= list.length) return;
      at = to;
      show();
    }
    show();
    return { nav: nav, go: go, stops: [prev, next] };
  }

  function keepAwake() {
    if (!clerk || !navigator.wakeLock || typeof navigator.wakeLock.request !== "function") return;
    var mine = clerk;
    try {
      navigator.wakeLock.request("screen").then(function (lock) {
        if (clerk === mine) mine.lock = lock; else lock.release();
      }, function () { /* refused (battery saver, not visible): the view still works */ });
    } catch (e) { /* not allowed here */ }
  }
  document.addEventListener("visibilitychange", function () {
    if (clerk && document.visibilityState === "visible") keepAwake();  // the browser drops it when hidden
  });

  function openClerk(part, opener, start) {
    if (clerk) closeClerk();
    var dialog = document.createElement("div");
    dialog.className = "sim-clerk";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", word("clerkDialog"));
    dialog.tabIndex = -1;
    var bar = document.createElement("div");
    bar.className = "sim-clerk__bar";
    var note = document.createElement("p");
    note.className = "sim-clerk__note";
    note.setAttribute("lang", "ru");
    note.textContent = word("clerkNote");
    var close = button("sim-clerk__close", word("close"), function () { closeClerk(); });
    bar.appendChild(note);
    bar.appendChild(close);
    var text = clerkText(part);
    text.tabIndex = 0;  // scrolls by keyboard
    dialog.appendChild(bar);
    dialog.appendChild(text);
    var stepper = text.querySelector(".sim-clerk__phrase") ? phraseStepper(part, text, start) : null;
    if (stepper) dialog.appendChild(stepper.nav);
    dialog.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); closeClerk(); return; }
      if (stepper && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
        e.preventDefault();
        stepper.go(e.key === "ArrowRight" ? 1 : -1);
        return;
      }
      if (e.key === "Tab") {  // focus stays in the dialog
        var stops = [close, text].concat(stepper ? stepper.stops : []).filter(function (b) { return !b.disabled; });
        var at = stops.indexOf(document.activeElement);
        e.preventDefault();
        stops[(at + (e.shiftKey ? stops.length - 1 : 1)) % stops.length].focus();
      }
    });
    document.body.appendChild(dialog);
    root.classList.add("sim-clerk-open");
    clerk = { dialog: dialog, opener: opener, lock: null, pushed: false };
    try {  // Back closes the view instead of leaving the page
      history.pushState({ simClerk: true }, "");
      clerk.pushed = true;
    } catch (e) { /* file:// may refuse */ }
    keepAwake();
    close.focus();
  }

  function teardown() {
    var was = clerk;
    clerk = null;
    was.dialog.remove();
    root.classList.remove("sim-clerk-open");
    if (was.lock) { try { was.lock.release(); } catch (e) { /* already released */ } }
    if (was.opener && document.contains(was.opener)) was.opener.focus();
    return was;
  }
  function closeClerk() {
    if (!clerk) return;
    var was = teardown();
    if (was.pushed && history.state && history.state.simClerk) history.back();
  }
  window.addEventListener("popstate", function () { if (clerk) teardown(); });

  /* -- The fill-in form ------------------------------------------------------------- */

  var form = document.getElementById("application-filler");
  if (!form) { fitAll(); return; }
  var FIELDS = ["full_name", "birth_date", "citizenship", "document_kind", "document", "address",
    "contact_phone", "email", "phone", "carrier", "contract_no", "contract_date", "personal_account",
    "applicant", "rep_name", "rep_document", "poa_date", "poa_notary", "poa_number", "refund_to",
    "bank", "bik", "corr_account", "swift", "account", "other_number", "end_date", "reply_to"];
  /* Caps: each field holds what fits its printed line (with the applications' type
   * stepping down, every field at its cap still prints each application on one sheet:
   * tests/browser/test_form_memory.py). The browser stops typing and pasting at the cap
   * (maxlength); a value from storage or from elsewhere is cut to it too. */
  var CAPS = { full_name: 80, citizenship: 40, document: 100, address: 150, contact_phone: 30,
    email: 80, phone: 20, contract_no: 30, personal_account: 30, rep_name: 80, rep_document: 100,
    poa_notary: 100, poa_number: 30, bank: 150, bik: 16, corr_account: 30, swift: 16,
    account: 42, other_number: 20, birth_date: 10, contract_date: 10, poa_date: 10,
    end_date: 10, reply_to: 150 };
  Object.keys(CAPS).forEach(function (name) {
    var el = form.elements[name];
    if (el && el.tagName === "INPUT" && el.type !== "date") el.maxLength = CAPS[name];
  });
  function capped(name, v) {
    v = String(v);
    return CAPS[name] && v.length > CAPS[name] ? v.slice(0, CAPS[name]) : v;
  }
  var STORE = "sim-guide:applications";
  var storage = null;
  try { storage = window.localStorage; storage.getItem(STORE); } catch (e) { storage = null; }
  var remember = form.elements.remember;
  var blanks = Array.prototype.slice.call(article.querySelectorAll(".sim-form .sim-blank[data-field]"));
  var choices = Array.prototype.slice.call(article.querySelectorAll(".sim-form .sim-box[data-field]"));
  var repParts = Array.prototype.slice.call(article.querySelectorAll(".sim-form .sim-rep"));
  var REP_FIELDS = ["rep_name", "rep_document", "poa_date", "poa_notary", "poa_number"];
  blanks.forEach(function (span) { span.setAttribute("data-blank", span.textContent); });

  function raw(name) {
    var el = form.elements[name];
    return el ? capped(name, el.value || "") : "";  // a radio group's value is the ticked one's
  }
  function value(name) { return clean(raw(name)).trim(); }
  function compact(v) { return v.replace(/[\s()\-.]/g, ""); }

  function phoneText(v) {
    var m = /^(?:\+7|8)(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(compact(v));
    return m ? "+7 " + m[1] + " " + m[2] + "-" + m[3] + "-" + m[4] : v;
  }
  function dateText(v) {
    var d = /^(\d{4,6})-(\d{2})-(\d{2})$/.exec(v);
    return d ? d[3] + "." + d[2] + "." + d[1] : v;
  }
  // The document kind's Russian name sits on its option (data-ru), not in this script.
  function documentKind() {
    var select = form.elements.document_kind;
    var option = select && select.options[select.selectedIndex];
    return option ? (option.getAttribute("data-ru") || "") : "";
  }
  function shown(name) {
    if (name === "document") {
      return [documentKind(), value("document")].filter(Boolean).join(" ");
    }
    if (name === "signer") return value("applicant") === "representative" ? value("rep_name") : value("full_name");
    var v = value(name);
    if (!v) return "";
    if (name === "carrier") return legalName(v);
    if (/date$/.test(name)) return dateText(v);
    if (name === "phone" || name === "other_number") return phoneText(v);
    if (name === "bik" || name === "swift" || name === "account" || name === "corr_account") return v.toUpperCase();
    return v;
  }

  // Write what is typed into both applications; an empty field leaves the blank line.
  function render() {
    blanks.forEach(function (span) {
      var text = shown(span.getAttribute("data-field"));
      if (span.textContent !== (text || span.getAttribute("data-blank"))) {
        span.textContent = text || span.getAttribute("data-blank");
      }
      if (text) span.setAttribute("data-filled", ""); else span.removeAttribute("data-filled");
    });
    choices.forEach(function (box) {
      box.textContent = value(box.getAttribute("data-field")) === box.getAttribute("data-value") ? "☒" : "☐";
    });
    // the representative's lines and «Приложение: копия доверенности» only when one applies
    var self = value("applicant") === "self";
    repParts.forEach(function (p) { p.hidden = self; });
    // the representative's own fields in the form: only when a representative goes
    var rep = value("applicant") === "representative";
    REP_FIELDS.forEach(function (name) {
      var el = form.elements[name];
      var field = el && el.closest(".sim-field");
      if (field && field.hidden === rep) field.hidden = !rep;
    });
    each(article.querySelectorAll(".sim-form"), function (f) {
      if (value("applicant")) f.setAttribute("data-applicant", value("applicant"));
      else f.removeAttribute("data-applicant");
    });
    fitAll(".sim-form");  // the card does not change with what is typed
  }

  /* Gentle checks: a hint beside the field, announced (aria-live), never blocking. */

  function ibanOk(s) {
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
    var moved = s.slice(4) + s.slice(0, 4), rest = 0;
    for (var i = 0; i < moved.length; i++) {
      var c = moved.charCodeAt(i);
      var digits = c >= 65 ? String(c - 55) : moved[i];
      for (var j = 0; j < digits.length; j++) rest = (rest * 10 + Number(digits[j])) % 97;
    }
    return rest === 1;
  }
  function phoneProblem(v) { return /^(?:\+7|8)\d{10}$/.test(compact(v)) ? "" : "phone"; }
  function today() {
    var d = new Date();
    return { y: d.getFullYear(), md: (d.getMonth() + 1) * 100 + d.getDate() };
  }
  var CHECKS = {
    phone: phoneProblem,
    other_number: phoneProblem,
    bik: function (v) { return /^\d{9}$/.test(v.replace(/\s/g, "")) ? "" : "bik"; },
    corr_account: function (v) { return /^\d{20}$/.test(v.replace(/[\s-]/g, "")) ? "" : "corr"; },
    account: function (v) {
      var s = v.replace(/[\s-]/g, "").toUpperCase();
      if (/^[A-Z]{2}/.test(s)) return ibanOk(s) ? "" : "iban";
      // a Russian account (the reader gave a БИК and no SWIFT) has 20 digits
      if (/^\d+$/.test(s) && value("bik") && !value("swift")) return s.length === 20 ? "" : "account";
      return "";
    },
    // a birth date in the future, or more than 120 years ago, is almost surely mistyped
    birth_date: function (v) {
      var m = /^(\d{4,6})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return "";
      var t = today(), y = Number(m[1]), md = Number(m[2]) * 100 + Number(m[3]);
      if (y > t.y || (y === t.y && md > t.md)) return "birthFuture";
      if (y < t.y - 120 || (y === t.y - 120 && md < t.md)) return "birthOld";
      return "";
    }
  };
  /* Dates in a plausible range (a plain warning; printing is never blocked): the
   * contract and the power of attorney are not dated in the future, nor before the
   * holder's birth, nor before 1900. Nothing is said of how long a power of attorney
   * stays valid: no source here settles it. */
  function ymd(v) {
    var m = /^(\d{4,6})-(\d{2})-(\d{2})$/.exec(v);
    return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
  }
  function todayYmd() { var t = today(); return t.y * 10000 + t.md; }
  function dateCheck(prefix) {
    return function (v) {
      var d = ymd(v);
      if (!d) return "";
      if (d > todayYmd()) return prefix + "Future";
      var born = ymd(value("birth_date"));
      if (born && d < born) return prefix + "BeforeBirth";
      if (d < 19000101) return "dateOld";
      return "";
    };
  }
  CHECKS.contract_date = dateCheck("contract");
  CHECKS.poa_date = dateCheck("poa");
  /* The date of termination: not in the past (a contract is not ended backdated), not
   * before the contract was signed. */
  CHECKS.end_date = function (v) {
    var d = ymd(v);
    if (!d) return "";
    if (d < 19000101) return "dateOld";
    if (d < todayYmd()) return "endPast";
    var signed = ymd(value("contract_date"));
    if (signed && d < signed) return "endBeforeContract";
    return "";
  };
  var birthCheck = CHECKS.birth_date;
  CHECKS.birth_date = function (v) {
    return ymd(v) && ymd(v) > 99991231 ? "birthFuture" : birthCheck(v);
  };

  // Fields without a hint in the page get one, after the field, when it has something to say.
  function hintOf(name) {
    var hint = document.getElementById("sim-" + name + "-hint");
    var input = form.elements[name];
    if (hint || !input || !input.id) return hint;
    hint = document.createElement("span");
    hint.className = "sim-hint";
    hint.id = "sim-" + name + "-hint";
    hint.setAttribute("aria-live", "polite");
    var field = input.closest(".sim-field");
    (field || input.parentNode).appendChild(hint);
    var by = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (by ? by + " " : "") + hint.id);
    return hint;
  }
  // The words' fields say when they reach their cap (the codes and numbers have checks of their own).
  var WORDY = ["full_name", "citizenship", "document", "address", "email", "rep_name", "rep_document",
    "poa_notary", "bank"];
  function atCap(name) {
    var el = form.elements[name];
    return !!(el && WORDY.indexOf(name) >= 0 && el.tagName === "INPUT" && CAPS[name] &&
      String(el.value || "").length >= CAPS[name]);
  }
  var touched = {};
  function check(name) {
    var input = form.elements[name];
    if (!input || (!CHECKS[name] && !atCap(name) && !document.getElementById("sim-" + name + "-hint"))) return;
    var v = value(name);
    var problem = "";
    if (v && touched[name]) problem = atCap(name) ? "tooLong" : (CHECKS[name] ? CHECKS[name](v) : "");
    var hint = problem ? hintOf(name) : document.getElementById("sim-" + name + "-hint");
    if (!hint) return;
    // the page's own message (data-msg-…) or the interface words (docs/_data/ui)
    var text = problem ? hint.getAttribute("data-msg-" + problem) || word(problem) : "";
    if (problem === "tooLong") text = fill(text, { n: CAPS[name] });
    if (hint.textContent !== text) hint.textContent = text;
    if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  }
  function labelOf(el) {
    var label = el.labels && el.labels[0];
    return label ? label.textContent.replace(/\s+/g, " ").trim() : el.name;
  }
  // Direction-control characters: named once, for every field that holds them.
  var bidiHint = document.getElementById("sim-bidi-hint");
  function checkBidi() {
    if (!bidiHint) return;
    var found = [];
    each(form.querySelectorAll("input[type=text], input[type=tel], input[type=email], input:not([type])"), function (el) {
      BIDI.lastIndex = 0;
      if (BIDI.test(el.value)) { found.push("«" + labelOf(el) + "»"); el.setAttribute("data-bidi", ""); }
      else el.removeAttribute("data-bidi");
    });
    BIDI.lastIndex = 0;
    var text = found.length ? fill(word("bidi"), { fields: found.join(", ") }) : "";
    if (bidiHint.textContent !== text) bidiHint.textContent = text;
  }
  function checkAll() { FIELDS.forEach(check); checkBidi(); }

  /* Remembered only when the reader asks for it: one record for the three languages
   * (the same person), at sim-guide:applications, as
   *   { "v": 2, "fields": { "<name>": { "v": "<value>", "t": <ms> } } }
   * Each field keeps the time it was last changed, so tabs (and languages) merge field
   * by field: the newer change wins, an emptied field included. Before each write the
   * stored record is read and merged; a `storage` event brings another tab's changes
   * into this one as they happen. A record of version 1 ({ "<name>": "<value>" }) is
   * read with time 0. The record exists while "remember" is ticked: unticking it, or
   * "Clear and forget", removes it (in every tab: their box unticks, their fields stay).
   * When the record cannot be written (storage full or blocked), a notice beside the
   * box says so (role=status) and the fields on the page stay as they are. */

  var times = {};      // name -> when it was last changed here, or read from storage
  var last = 0;
  function stamp() { last = Math.max(Date.now(), last + 1); return last; }
  /* A change typed here is newer than anything seen for the field, in this tab or in
   * storage, even a time ahead of this device's clock (another device's, or planted) */
  function changed(name, from) {
    var f = from && from[name];
    times[name] = Math.max(stamp(), (times[name] || 0) + 1, f ? f.t + 1 : 0);
  }
  function plainObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
  }
  function parse(text) {
    var data = null;
    try { data = JSON.parse(text); } catch (e) { return null; }
    if (!plainObject(data)) return null;
    var fields = {};
    if (data.v === 2 && plainObject(data.fields)) {
      FIELDS.forEach(function (name) {
        var f = data.fields[name];
        if (plainObject(f) && typeof f.v === "string" && typeof f.t === "number" && isFinite(f.t)) {
          fields[name] = { v: capped(name, clean(f.v)), t: f.t };
        }
      });
    } else if (!Object.prototype.hasOwnProperty.call(data, "v")) {
      FIELDS.forEach(function (name) {
        if (typeof data[name] === "string") fields[name] = { v: capped(name, clean(data[name])), t: 0 };
      });
    } else {
      return null;
    }
    return fields;
  }
  function stored() {
    if (!storage) return null;
    try { return storage.getItem(STORE); } catch (e) { return null; }
  }
  function put(name, v) {
    var el = form.elements[name];
    if (!el) return;
    if (el instanceof RadioNodeList || el.type === "radio") {
      each(el.length ? el : [el], function (r) { r.checked = r.value === v; });
    } else if (el.value !== v) {
      el.value = v;
    }
    if (v) touched[name] = true;
  }
  // What storage holds replaces this page's field where its change is newer.
  function take(fields) {
    var changed = false;
    FIELDS.forEach(function (name) {
      var f = fields[name];
      if (!f || f.t <= (times[name] || 0) && !(f.t === 0 && !times[name])) return;
      times[name] = f.t;
      if (raw(name) !== f.v) { put(name, f.v); changed = true; }
    });
    return changed;
  }
  function refresh() {
    render();
    checkAll();
    narrow(chosen.carrier, chosen.goal);
  }

  var notice = null;
  function saveNotice(failed) {
    if (!failed && !notice) return;
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "sim-save-notice";
      notice.setAttribute("role", "status");
      var memory = form.querySelector(".sim-memory") || (remember && remember.closest("div")) || form;
      memory.appendChild(notice);
    }
    var text = failed ? word("not_saved") : "";
    if (notice.textContent !== text) notice.textContent = text;
    notice.hidden = !failed;
  }
  function write() {
    if (!remember || !remember.checked) return;
    if (!storage) { saveNotice(true); return; }
    var before = parse(stored());
    if (before && take(before)) refresh();
    var data = { v: 2, fields: {} };
    FIELDS.forEach(function (name) { data.fields[name] = { v: raw(name), t: times[name] || 0 }; });
    try { storage.setItem(STORE, JSON.stringify(data)); saveNotice(false); }
    catch (e) { saveNotice(true); }
  }
  function drop() {
    if (storage) { try { storage.removeItem(STORE); } catch (e) { /* blocked */ } }
    saveNotice(false);
  }
  function restore() {
    form.reset();  // a reload shows empty fields unless the reader asked to remember them
    var text = stored();
    var fields = parse(text);
    if (!fields) {  // anything but a record (broken, foreign, planted) goes
      if (text !== null) drop();
      return;
    }
    take(fields);
    if (remember) remember.checked = true;
    write();  // a record of version 1, or one with more than a field holds, is stored anew
  }
  window.addEventListener("storage", function (e) {
    if (e.key !== STORE && e.key !== null) return;
    var fields = e.newValue === null || e.key === null ? null : parse(e.newValue);
    if (!fields) {  // forgotten in another tab: this tab's fields stay, unremembered
      if (remember) remember.checked = false;
      return;
    }
    if (remember) remember.checked = true;
    if (take(fields)) refresh();
  });

  form.addEventListener("submit", function (e) { e.preventDefault(); });  // never sent anywhere
  form.addEventListener("input", function (e) {
    var name = e.target.name;
    if (name && name !== "remember") {
      changed(name, remember && remember.checked ? parse(stored()) : null);
      if (atCap(name)) touched[name] = true;
    }
    render();
    if (name && touched[name]) check(name);  // a fix clears its hint at once
    checkBidi();
    if (name && name !== "remember") write();
  });
  form.addEventListener("change", function (e) {
    var name = e.target.name;
    if (name) touched[name] = true;
    if (name && name !== "remember" && !times[name]) changed(name, remember && remember.checked ? parse(stored()) : null);
    render();
    checkAll();  // the account check depends on БИК and SWIFT, the dates on each other
    if (name === "remember") { if (remember.checked) write(); else drop(); }
    else write();
  });

  /* "Clear and forget": empties the fields and the device at once, and offers, for a
   * few seconds, to put everything back (the record too, if it was remembered). */
  var undoing = null;
  function endUndo() {
    if (!undoing) return;
    clearTimeout(undoing.timer);
    undoing.box.remove();
    undoing = null;
  }
  var forget = form.querySelector(".sim-forget");
  if (forget) {
    forget.addEventListener("click", function () {
      var before = {}, any = false;
      FIELDS.forEach(function (name) { before[name] = raw(name); if (before[name]) any = true; });
      var wasRemembered = !!(remember && remember.checked);
      endUndo();
      drop();
      form.reset();
      FIELDS.forEach(function (name) { changed(name, null); });
      touched = {};
      refresh();
      if (!any || !word("undo") || !word("cleared_form")) return;
      var box = document.createElement("p");
      box.className = "sim-undo";
      box.setAttribute("role", "status");
      box.appendChild(document.createTextNode(word("cleared_form") + " "));
      var again = button("sim-undo__button", word("undo"), function () {
        endUndo();
        var from = parse(stored());
        FIELDS.forEach(function (name) { put(name, before[name]); changed(name, from); });
        if (remember) remember.checked = wasRemembered;
        refresh();
        write();
        forget.focus();
      });
      box.appendChild(again);
      forget.insertAdjacentElement("afterend", box);
      undoing = { box: box, timer: setTimeout(endUndo, 10000) };
    });
  }

  formCarrier = function () { return CARRIERS.indexOf(value("carrier")) >= 0 ? value("carrier") : ""; };
  form.addEventListener("change", function (e) {
    if (e.target.name === "carrier") narrow(chosen.carrier, chosen.goal);
  });
  restore();
  render();
  checkAll();
  narrow(chosen.carrier, chosen.goal);
  form.hidden = false;
  fitAll();  // the form now takes its place: measure again
})();
