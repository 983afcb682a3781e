"""Reminders that keep a number alive (issue 27, item 4), without a browser: the block
on the built pages, its data from facts.yml, and the hook's rule for which period the
calendar file counts from (overrides/hooks/reminders.py). The file itself is made and
parsed in a real browser: tests/browser/test_reminders.py."""

from __future__ import annotations

import copy
import json
import re

import pytest

from tests.conftest import DOCS, LANGS, ROOT, load_hook

PAGES = ("cards/number-keeping/", "checklist/")


hook = load_hook("reminders.py", "reminders_hook")
DATA = hook.facts.load(DOCS / "_data" / "facts.yml")
FLOOR = DATA["facts"]["decree59.non-use-floor"]["value"]["n"]


def data_block(html: str) -> dict:
    found = re.findall(r'<script type="application/json" id="sim-ics-data">(.*?)</script>', html, re.S)
    assert len(found) == 1, f"{len(found)} reminder data blocks"
    return json.loads(found[0])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_has_one_reminder_block_with_floor_from_facts(site, lang, page):
    html = site.page(lang, page).read_text(encoding="utf-8")
    block = re.search(r'<div class="sim-reminder"[^>]*>', html)
    assert block, f"{lang}/{page}: no reminder block"
    assert "data-sim-js-only" in block.group(0), "the block must be hidden without JavaScript"
    assert len(re.findall(r'class="sim-ics[ "]', html)) == 1, "one .sim-ics control"
    assert "assets/javascripts/sim-ics.js" in html  # loaded on the first tap
    assert not re.search(r'<script[^>]*src="[^"]*sim-ics\.js"', html), "sim-ics.js must not load with the page"
    data = data_block(html)
    assert data["lang"] == lang and data["floor"] == FLOOR
    _, own = hook.periods(DATA)
    for carrier, entry in data["carriers"].items():
        assert entry["days"] == (own[carrier]["days"] if carrier in own else FLOOR), carrier
    # the page states the floor and the inferred interval from facts.yml, in its language
    floor_text = hook.count(FLOOR, lang)
    assert f'<span class="sim-ics-floor">{floor_text}</span>' in html
    assert f'<span class="sim-ics-every">{hook.count(FLOOR - hook.FIRST_MARGIN, lang)}</span>' in html
    # the "our inference" mark is in the block
    start = html.index(block.group(0))
    assert 'class="sim-inference"' in html[start:html.index('class="sim-ics-form"', start)]


@pytest.mark.parametrize("lang", LANGS)
def test_pages_without_block_do_not_load_the_script(site, lang):
    html = site.page(lang, "porting/").read_text(encoding="utf-8")
    assert "sim-ics" not in html


def with_fact(data: dict, key: str, **fact) -> dict:
    data = copy.deepcopy(data)
    data["facts"][key] = fact
    return data


def test_floor_in_facts_moves_everything():
    data = copy.deepcopy(DATA)
    data["facts"]["decree59.non-use-floor"]["value"] = {"n": 120, "unit": "day"}
    payload = hook.payload("en", data)
    assert payload["floor"] == 120
    assert {c["days"] for c in payload["carriers"].values()} == {120}
    filled = hook.fill('<span class="sim-ics-floor"></span><span class="sim-ics-every"></span>'
                       '<p class="sim-ics-basis"></p><div class="sim-ics-form"></div>', "en", data)
    assert '<span class="sim-ics-floor">120 days</span>' in filled
    assert '<span class="sim-ics-every">90 days</span>' in filled
    assert "120 days" in filled[filled.index("sim-ics-basis"):]


def test_no_carrier_period_means_the_floor_for_everyone_and_the_block_says_so():
    data = copy.deepcopy(DATA)
    for carrier in data["carriers"]:
        data["facts"].pop(f"{carrier}.non-use-period", None)
    assert hook.periods(data) == (FLOOR, {})
    for lang in LANGS:
        basis = hook.basis_html(lang, data)
        words = hook.reminder_words(lang)
        assert basis == hook.html.escape(words["basis_floor"].format(floor=hook.count(FLOOR, lang)))
        assert "⚠" not in basis


def test_medium_carrier_period_is_used_with_its_mark_and_a_low_one_never():
    base = dict(kind="count", carrier="mts", source="https://mts.ru/", basis="test", checked="2026-12-01")
    medium = with_fact(DATA, "mts.non-use-period", value={"n": 183, "unit": "day"}, confidence="medium", **base)
    payload = hook.payload("ru", medium)
    assert payload["carriers"]["mts"]["days"] == 183 and payload["carriers"]["mts"]["own"]
    assert "МТС" in payload["carriers"]["mts"]["check"] and payload["carriers"]["mts"]["url"].startswith("https://")
    assert payload["carriers"]["beeline"]["days"] == FLOOR
    basis = hook.basis_html("ru", medium)
    assert "183" in basis and 'class="sim-check"' in basis and "⚠" in basis
    low = with_fact(DATA, "mts.non-use-period", value={"n": 183, "unit": "day"}, confidence="low", **base)
    assert hook.payload("en", low)["carriers"]["mts"]["days"] == FLOOR
    assert "183" not in hook.basis_html("en", low)


def test_a_period_that_is_not_in_days_stops_the_build():
    base = dict(kind="count", carrier="t2", source="https://t2.ru/", basis="test", checked="2026-12-01")
    months = with_fact(DATA, "t2.non-use-period", value={"n": 6, "unit": "month"}, confidence="high", **base)
    with pytest.raises(hook.PluginError, match="t2.non-use-period"):
        hook.payload("zh", months)


def plain(text: str) -> str:
    """Text without tags, zero-width spaces (jieba's joins) and runs of space."""
    text = re.sub(r"<[^>]+>", " ", text).replace("\u200b", "")
    return re.sub(r"\s+", " ", hook.html.unescape(text)).strip()


def js_only_texts(html: str) -> list[str]:
    """The opening words of each top-level element that shows only with JavaScript."""
    out = []
    for match in re.finditer(r'<div class="([^"]+)"[^>]*data-sim-js-only[^>]*>', html):
        depth, pos = 1, match.end()
        for tag in re.finditer(r"<(/?)div\b[^>]*>", html[pos:]):
            depth += -1 if tag.group(1) else 1
            if not depth:
                out.append(plain(html[pos:pos + tag.start()])[:40])
                break
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_js_only_controls_stay_out_of_the_search_index(site, lang, page):
    """The checklist's buttons and chooser and the reminder block are interface, not
    content: their words never reach the index (and so never a search snippet)."""
    html = site.page(lang, page).read_text(encoding="utf-8")
    texts = js_only_texts(html)
    assert len(texts) >= (3 if page == "checklist/" else 1), texts
    folder = site.dir / "search" if lang == "zh" else site.dir / lang / "search"
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    text = plain(" ".join(d["title"] + " " + d["text"] for d in index["docs"] if d["location"].startswith(page)))
    assert len(text) > 1000, "the page is not in the index"
    for words in texts:
        assert words not in text, f"{words!r} is in the search index"
