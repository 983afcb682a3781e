/* Reminders that keep a number alive (issue 27): the .sim-ics button of the reminder
 * block (docs/<lang>/_includes/reminder.md) makes a calendar file (RFC 5545) in the
 * browser and downloads it; nothing is sent. The numbers (the legal floor for non-use,
 * a carrier's own period where facts.yml knows one with medium or high confidence) and
 * the words come from the data block #sim-ics-data (overrides/hooks/reminders.py),
 * read when the button is pressed. With nothing chosen: any carrier, from today.
 * Loaded on the button's first tap by the block's inline loader (hooks/reminders.py),
 * which marks the button data-sim-ready="loading": the file is made at once. */
(function () {
  "use strict";

  var block = document.querySelector(".sim-reminder");
  var button = block && block.querySelector(".sim-ics");
  if (!button) return;
  var select = block.querySelector(".sim-ics-carrier");
  var input = block.querySelector(".sim-ics-date");
  var status = block.querySelector(".sim-ics-status");

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function ymd(d) { return iso(d).replace(/-/g, ""); }
  function today() { var d = new Date(); return new Date(d.getFullYear(), d.getMonth(), d.getDate()); }
  function plus(d, days) { return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days); }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, k) { return k in values ? values[k] : all; });
  }
  if (input) input.max = iso(today());

  function count(data, n) {
    var category = "other";
    try { category = new Intl.PluralRules(data.locale).select(n); } catch (e) { /* "other" */ }
    var unit = data.units[category] || data.units.other;
    var number = n;
    try { number = new Intl.NumberFormat(data.locale).format(n); } catch (e) { /* plain */ }
    return fill(data.count, { n: number, unit: unit });
  }
  function longDate(data, d) {
    try {
      return new Intl.DateTimeFormat(data.locale, { year: "numeric", month: "long", day: "numeric" }).format(d);
    } catch (e) { return iso(d); }
  }

  // RFC 5545: TEXT values escaped (3.3.11), lines folded at 75 octets (3.1), CRLF.
  function text(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  var encoder = new TextEncoder();
  function fold(line) {
    var out = [], current = "", octets = 0;
    for (var i = 0; i < line.length; i++) {
      var ch = line[i];
      var code = line.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) { ch += line[++i]; }
      var size = encoder.encode(ch).length;
      if (octets + size > 75) { out.push(current); current = " "; octets = 1; }
      current += ch;
      octets += size;
    }
    out.push(current);
    return out.join("\r\n");
  }

  function guideUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = canonical ? canonical.href : location.href;
    return url.split("#")[0].split("?")[0];
  }

  function calendar(data, carrierKey, lastDay, chosenDay) {
    var w = data.words.ics;
    var carrier = carrierKey && data.carriers[carrierKey];
    var period = carrier ? carrier.days : data.floor;
    var name = carrier ? carrier.name : w.any_carrier;
    var floor = count(data, data.floor);
    var lines = [fill(chosenDay ? w.since : w.since_today, { date: longDate(data, lastDay) }), fill(w.floor, { floor: floor })];
    if (carrier && carrier.own) {
      lines.push(fill(w.own_used, { carrier: carrier.name, period: count(data, period) }));
      if (carrier.check) lines.push(fill(w.own_check, { check: carrier.check, url: carrier.url }));
    } else {
      lines.push(fill(w.floor_used, { floor: floor }));
    }
    lines.push(fill(w.every, { every: count(data, period - data.first) }));
    var guide = fill(w.guide, { url: guideUrl() });
    var now = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var events = [
      { kind: "first", day: period - data.first, summary: w.first, tail: w.act },
      { kind: "last", day: period - data.last, summary: w.last, tail: w.act },
      { kind: "end", day: period, summary: w.end, tail: w.end_act }
    ];
    var out = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ru-sim-guide//reminders//" + data.lang.toUpperCase(),
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + text(w.calendar)
    ];
    events.forEach(function (e) {
      var day = plus(lastDay, e.day);
      if (day < today()) return;  // a reminder already past (a day chosen long ago)
      var summary = fill(e.summary, { carrier: name });
      out.push(
        "BEGIN:VEVENT",
        "UID:" + ["sim", e.kind, ymd(lastDay), carrierKey || "any", period, data.lang].join("-") + "@ru-sim-guide",
        "DTSTAMP:" + now,
        "DTSTART;VALUE=DATE:" + ymd(day),
        "DTEND;VALUE=DATE:" + ymd(plus(day, 1)),
        "SUMMARY:" + text(summary),
        "DESCRIPTION:" + text(lines.concat([e.tail, guide]).join("\n")),
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + text(summary), "TRIGGER:PT9H", "END:VALARM",
        "END:VEVENT"
      );
    });
    out.push("END:VCALENDAR");
    return out.map(fold).join("\r\n") + "\r\n";
  }

  function make() {
    var data = JSON.parse(document.getElementById("sim-ics-data").textContent);
    var w = data.words;
    var carrierKey = select && select.value && data.carriers[select.value] ? select.value : "";
    var chosen = input && /^\d{4}-\d{2}-\d{2}$/.test(input.value);
    var lastDay = today();
    if (chosen) {
      var p = input.value.split("-");
      lastDay = new Date(+p[0], +p[1] - 1, +p[2]);
    }
    var period = carrierKey ? data.carriers[carrierKey].days : data.floor;
    if (lastDay > today()) { status.textContent = w.status_future; return; }
    if (plus(lastDay, period) <= today()) {
      status.textContent = fill(w.status_old, { floor: count(data, period) });
      return;
    }
    var blob = new Blob([calendar(data, carrierKey, lastDay, chosen)], { type: "text/calendar;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "sim-reminders-" + data.lang + ".ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    status.textContent = w.status_made;
  }

  button.addEventListener("click", make);
  if (button.getAttribute("data-sim-ready") === "loading") make();
  button.setAttribute("data-sim-ready", "1");
})();
