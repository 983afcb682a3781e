/* The counter page: the fill-in form for the two Russian applications, a print button
 * for the page and one beside each application and the question card.
 * Loaded on every page (mkdocs.yml extra_javascript); does nothing without .sim-form.
 *
 * Nothing leaves the device: no request is made, and nothing is stored unless the
 * reader ticks "remember on this device" (then localStorage; "forget" clears it).
 * Without JavaScript the fill-in form stays hidden and the blank applications print
 * as they are. */
(function () {
  "use strict";

  var root = document.documentElement;
  var lang = root.lang || "zh";
  var WORDS = {
    print: { zh: "打印", ru: "Печать", en: "Print" },
    termination: { zh: "打印这份申请书", ru: "Распечатать это заявление", en: "Print this application" },
    refund: { zh: "打印这份申请书", ru: "Распечатать это заявление", en: "Print this application" },
    questions: { zh: "打印问题卡", ru: "Распечатать карточку", en: "Print this card" }
  };
  function word(key) { return WORDS[key][lang] || WORDS[key].en; }

  var article = document.querySelector("article.md-content__inner");
  var heading = article && article.querySelector("h1");
  if (!heading || !article.querySelector(".sim-form")) return;

  /* -- Printing: the whole page, or one part of it alone ---------------------------- */

  function button(cls, text, onclick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = text;
    b.addEventListener("click", onclick);
    return b;
  }
  function toolbar(child) {
    var bar = document.createElement("div");
    bar.className = "sim-toolbar";
    bar.appendChild(child);
    return bar;
  }

  heading.insertAdjacentElement("afterend",
    toolbar(button("sim-print", word("print"), function () { window.print(); })));

  // <html data-sim-print="refund"> makes the print CSS show that part alone.
  window.addEventListener("afterprint", function () { root.removeAttribute("data-sim-print"); });
  Array.prototype.forEach.call(article.querySelectorAll("[data-print]"), function (part) {
    var target = part.getAttribute("data-print");
    if (!WORDS[target]) return;
    var b = button("sim-print-part", word(target), function () {
      root.setAttribute("data-sim-print", target);
      window.print();
    });
    b.setAttribute("data-target", target);
    // the nearest heading above names the part for screen readers
    for (var el = part.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[23]$/.test(el.tagName) && el.id) { b.setAttribute("aria-describedby", el.id); break; }
    }
    // before the part: the print CSS starts a new sheet at each form and after it
    part.insertAdjacentElement("beforebegin", toolbar(b));
  });

  /* -- The fill-in form ------------------------------------------------------------- */

  var form = document.getElementById("application-filler");
  if (!form) return;
  var FIELDS = ["full_name", "birth_date", "document", "phone", "carrier", "refund_to",
    "bank", "bik", "swift", "account", "other_number"];
  var STORE = "sim-guide:applications";
  var storage = null;
  try { storage = window.localStorage; storage.getItem(STORE); } catch (e) { storage = null; }
  var remember = form.elements.remember;
  var blanks = Array.prototype.slice.call(document.querySelectorAll(".sim-blank[data-field]"));
  var choices = Array.prototype.slice.call(document.querySelectorAll(".sim-box[data-field]"));
  blanks.forEach(function (span) { span.setAttribute("data-blank", span.textContent); });

  function raw(name) {
    var el = form.elements[name];
    return el ? String(el.value || "") : "";  // a radio group's value is the ticked one's
  }
  function value(name) { return raw(name).trim(); }
  function compact(v) { return v.replace(/[\s()\-.]/g, ""); }

  // The carrier's legal name as the page shows it (from facts.yml), without the ⚠ mark.
  function legalName(carrier) {
    var fact = document.querySelector('.sim-fact[data-fact="' + carrier + '.legal-name"]');
    if (!fact) return "";
    var copy = fact.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".sim-check"), function (m) { m.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function phoneText(v) {
    var m = /^(?:\+7|8)(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(compact(v));
    return m ? "+7 " + m[1] + " " + m[2] + "-" + m[3] + "-" + m[4] : v;
  }
  function shown(name) {
    var v = value(name);
    if (!v) return "";
    if (name === "carrier") return legalName(v);
    if (name === "birth_date") {
      var d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      return d ? d[3] + "." + d[2] + "." + d[1] : v;
    }
    if (name === "phone" || name === "other_number") return phoneText(v);
    if (name === "bik" || name === "swift" || name === "account") return v.toUpperCase();
    return v;
  }

  // Write what is typed into both applications; an empty field leaves the blank line.
  function render() {
    blanks.forEach(function (span) {
      var text = shown(span.getAttribute("data-field"));
      span.textContent = text || span.getAttribute("data-blank");
      if (text) span.setAttribute("data-filled", ""); else span.removeAttribute("data-filled");
    });
    choices.forEach(function (box) {
      box.textContent = value(box.getAttribute("data-field")) === box.getAttribute("data-value") ? "☒" : "☐";
    });
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
  var CHECKS = {
    phone: phoneProblem,
    other_number: phoneProblem,
    bik: function (v) { return /^\d{9}$/.test(v.replace(/\s/g, "")) ? "" : "bik"; },
    account: function (v) {
      var s = v.replace(/[\s-]/g, "").toUpperCase();
      if (/^[A-Z]{2}/.test(s)) return ibanOk(s) ? "" : "iban";
      // a Russian account (the reader gave a БИК and no SWIFT) has 20 digits
      if (/^\d+$/.test(s) && value("bik") && !value("swift")) return s.length === 20 ? "" : "account";
      return "";
    }
  };
  var touched = {};
  function check(name) {
    var input = form.elements[name];
    var hint = document.getElementById("sim-" + name + "-hint");
    if (!input || !hint) return;
    var v = value(name);
    var problem = v && touched[name] ? CHECKS[name](v) : "";
    var text = problem ? hint.getAttribute("data-msg-" + problem) || "" : "";
    if (hint.textContent !== text) hint.textContent = text;
    if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  }
  function checkAll() { Object.keys(CHECKS).forEach(check); }

  /* Remembered only when the reader asks for it. */

  function save() {
    if (!storage) return;
    try {
      if (!remember || !remember.checked) { storage.removeItem(STORE); return; }
      var data = {};
      FIELDS.forEach(function (name) { data[name] = raw(name); });
      storage.setItem(STORE, JSON.stringify(data));
    } catch (e) { /* full or blocked */ }
  }
  function restore() {
    var data = null;
    try { data = storage && JSON.parse(storage.getItem(STORE)); } catch (e) { data = null; }
    form.reset();  // a reload shows empty fields unless the reader asked to remember them
    if (!data || typeof data !== "object") return;
    FIELDS.forEach(function (name) {
      var el = form.elements[name];
      if (!el || typeof data[name] !== "string") return;
      if (el instanceof RadioNodeList || el.type === "radio") {
        Array.prototype.forEach.call(el.length ? el : [el], function (r) { r.checked = r.value === data[name]; });
      } else {
        el.value = data[name];
      }
      if (data[name]) touched[name] = true;
    });
    if (remember) remember.checked = true;
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); });  // never sent anywhere
  form.addEventListener("input", function (e) {
    render();
    if (e.target.name && touched[e.target.name]) check(e.target.name);  // a fix clears its hint at once
    if (e.target.name !== "remember") save();
  });
  form.addEventListener("change", function (e) {
    if (e.target.name) touched[e.target.name] = true;
    render();
    checkAll();  // the account check depends on БИК and SWIFT
    save();
  });
  var forget = form.querySelector(".sim-forget");
  if (forget) {
    forget.addEventListener("click", function () {
      if (storage) { try { storage.removeItem(STORE); } catch (e) { /* blocked */ } }
      form.reset();
      touched = {};
      render();
      checkAll();
    });
  }

  restore();
  render();
  checkAll();
  form.hidden = false;
})();
