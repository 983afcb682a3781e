"""Reminders that keep a number alive: the calendar file (.ics) of issue 27.

The reminder block is one include per language, docs/<lang>/_includes/reminder.md
(`[[include:reminder]]` on the number-keeping page and the checklist). This hook, on
every page that holds the block (`<div class="sim-reminder" …>`):

- fills its placeholders from docs/_data/facts.yml: `sim-ics-floor` (the legal floor
  for non-use, `decree59.non-use-floor`), `sim-ics-every` (our inference: a paid
  action at least every floor − FIRST_MARGIN days) and `sim-ics-basis` (which period
  the file counts from, per carrier: a carrier's own non-use period
  `<carrier>.non-use-period` when its confidence is medium or high, with its ⚠ mark;
  otherwise the floor, and the block says so);
- embeds those numbers and the calendar's words (`reminder:` in docs/_data/ui/<lang>.yml)
  as a JSON data block, `<script type="application/json" id="sim-ics-data">`, which
  overrides/assets/javascripts/sim-ics.js reads when the reader taps the `.sim-ics`
  button: the file is made in the browser, nothing is sent;
- adds a one-line inline loader (the same on every page, so one CSP hash: the
  security headers hash every inline script at build time) that loads sim-ics.js on
  the first tap of the button: the calendar's code is not part of the first view of
  the checklist or the number-keeping page, and the file:// copy and the offline save
  still have it (a script tag, an asset like any other).

Dates are never typed into a page: change the floor in facts.yml and every date in
the file moves with it. The words are in the words files, so only pages with the block
carry them (not the `script:` part, which every page loads).

Also here, one rule for every page: controls that only work with JavaScript
(`data-sim-js-only`: the checklist's buttons and chooser, the reminder block) are
interface, not content, so they get Material's `data-search-exclude` and stay out of
the search index (and so out of search snippets).
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).parent))
import common  # noqa: E402
import facts  # noqa: E402
import facts_data  # noqa: E402

SCRIPT = "sim-ics.js"
FLOOR_KEY = "decree59.non-use-floor"
CARRIER_KEY = "{carrier}.non-use-period"
# Our inference (marked as such on the page and in the file): the first reminder
# comes FIRST_MARGIN days before the period runs out (90 − 30 = every 60 days, the
# safe default the pages give), the last one LAST_MARGIN days before it.
FIRST_MARGIN = 30
LAST_MARGIN = 10

BLOCK = re.compile(r'<div class="sim-reminder"')
BUTTON = re.compile(r'(<button[^>]*\bclass="sim-ics[ "])')
# Loads sim-ics.js on the first tap (its address: the button's data-sim-src); the script
# then makes the file at once, and itself on every later tap.
LOADER = ('(function(b){b&&b.addEventListener("click",function(){if(b.hasAttribute("data-sim-ready"))return;'
          'b.setAttribute("data-sim-ready","loading");var s=document.createElement("script");'
          's.src=b.getAttribute("data-sim-src");document.head.appendChild(s)})})'
          '(document.querySelector(".sim-reminder .sim-ics"))')
JS_ONLY = re.compile(r"<(\w+)([^<>]*?)\sdata-sim-js-only(?=[\s>=/])")


def _days(fact: dict, key: str) -> int:
    value = fact.get("value")
    if fact.get("kind") != "count" or not isinstance(value, dict) or value.get("unit") != "day":
        raise PluginError(f"facts.yml: {key}: the reminders need a count of days ({{n: 90, unit: day}})")
    return int(value["n"])


def periods(data: dict) -> tuple[int, dict[str, dict]]:
    """The legal floor, and each carrier's own non-use period where facts.yml holds one
    with medium or high confidence (a low one is a record only: never used)."""
    floor = _days(data["facts"][FLOOR_KEY], FLOOR_KEY)
    own = {}
    for carrier in data["carriers"]:
        key = CARRIER_KEY.format(carrier=carrier)
        fact = data["facts"].get(key)
        if fact and fact.get("confidence") in ("medium", "high"):
            own[carrier] = {"key": key, "days": _days(fact, key), "confidence": fact["confidence"]}
    return floor, own


def reminder_words(lang: str) -> dict:
    try:
        return common.words(lang)["reminder"]
    except (common.WordsError, KeyError) as exc:
        raise PluginError(f"docs/_data/ui/{lang}.yml: no reminder: words ({exc})") from None


def count(n: int, lang: str) -> str:
    return facts.format_count({"n": n, "unit": "day"}, lang)


def payload(lang: str, data: dict | None = None) -> dict:
    """What sim-ics.js needs: the numbers from facts.yml and the words of `lang`."""
    data = data or facts.load()
    floor, own = periods(data)
    words = reminder_words(lang)
    carriers = {}
    for carrier, info in data["carriers"].items():
        name = facts_data.in_lang(info["name"], lang)
        entry = {"name": name, "days": floor, "own": False}
        if carrier in own:
            entry.update(days=own[carrier]["days"], own=True, confidence=own[carrier]["confidence"])
            if own[carrier]["confidence"] == "medium":
                entry["check"] = facts.ui(lang)["check_carrier"].format(
                    carrier=info.get(f"{lang}_genitive") or name)
                entry["url"] = data["facts"][info["site"]]["value"]
        carriers[carrier] = entry
    units = facts.ui(lang)["units"]["day"]
    return {
        "lang": lang,
        "locale": facts.locale(lang).replace("_", "-").replace("-Hans-CN", "-CN"),
        "floor": floor,
        "first": FIRST_MARGIN,
        "last": LAST_MARGIN,
        "carriers": carriers,
        "units": units,
        "count": facts.ui(lang)["count"],
        "words": {k: v for k, v in words.items() if not k.startswith("basis")},
    }


def basis_html(lang: str, data: dict | None = None) -> str:
    """The line that says which period the file counts from, per carrier."""
    data = data or facts.load()
    floor, own = periods(data)
    words = reminder_words(lang)
    if not own:
        return html.escape(words["basis_floor"].format(floor=count(floor, lang)))
    parts = []
    for carrier, info in own.items():
        name = facts_data.in_lang(data["carriers"][carrier]["name"], lang)
        line = html.escape(words["basis_carrier"].format(carrier=name, period=count(info["days"], lang)))
        if info["confidence"] == "medium":
            line += " " + facts.check_mark(carrier, lang)
        parts.append(line)
    parts.append(html.escape(words["basis_others"].format(floor=count(floor, lang))))
    return "<br>".join(parts)


def fill(content: str, lang: str, data: dict | None = None) -> str:
    """The block's placeholders filled and its data block added (content with a block)."""
    data = data or facts.load()
    floor, _ = periods(data)
    found = {
        "sim-ics-floor": html.escape(count(floor, lang)),
        "sim-ics-every": html.escape(count(floor - FIRST_MARGIN, lang)),
        "sim-ics-basis": basis_html(lang, data),
    }
    for cls, text in found.items():
        content, n = re.subn(rf'(<(span|p) class="{cls}">)(</\2>)', lambda m: m.group(1) + text + m.group(3), content)
        if not n:
            raise PluginError(f"the reminder block has no <span|p class=\"{cls}\"></…> (docs/{lang}/_includes/reminder.md)")
    blob = json.dumps(payload(lang, data), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    block_end = content.find("</div>", content.find('class="sim-ics-form"'))
    if block_end < 0:
        raise PluginError(f"the reminder block has no <div class=\"sim-ics-form\"> (docs/{lang}/_includes/reminder.md)")
    data_block = f'<script type="application/json" id="sim-ics-data">{blob}</script><script>{LOADER}</script>'
    return content[:block_end] + data_block + content[block_end:]


def exclude_from_search(content: str) -> str:
    return JS_ONLY.sub(lambda m: f"<{m.group(1)}{m.group(2)} data-search-exclude data-sim-js-only", content)


def on_config(config, **kwargs):
    # MkDocs loads hooks as plain modules: `facts` here is a copy of its own, loaded here.
    facts.load(facts.facts_path(config))
    return config


def on_page_content(html_text, page, config, files, **kwargs):
    if BLOCK.search(html_text):
        html_text = fill(html_text, facts.page_lang(config))
        src = get_relative_url(f"assets/javascripts/{SCRIPT}", page.url)
        html_text, n = BUTTON.subn(lambda m: m.group(1).replace("<button", f'<button data-sim-src="{src}"', 1), html_text)
        if n != 1:
            raise PluginError(f"{page.file.src_uri}: the reminder block needs one <button class=\"sim-ics …\">")
    return exclude_from_search(html_text)
