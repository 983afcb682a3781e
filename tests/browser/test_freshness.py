"""The freshness note and the "report a mistake" link, in a real browser (issue 15).

Under each page's H1, "Last reviewed: <date>" in the page's language; once the
reader's own clock is more than six months past the page's last_reviewed (here: set
7 months past it), the note is marked data-stale and says the rules may have changed
and where to check: online and in the saved offline copy (file://), without moving
the page, as a plain date without JavaScript, and on paper. The report link carries
the page's address and nothing leaves the page before it is pressed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.browser.conftest import open_page
from tests.conftest import DOCS, LANGS, PAGES, ROOT, lang_prefix
from tools.checks.freshness import add_months
from tools.checks.links import report_prefix

CARRIER_PAGES = {"carriers/mts/": "mts", "carriers/beeline/": "beeline",
                 "carriers/megafon/": "megafon", "carriers/t2/": "t2"}
SAMPLE = ("", "carriers/mts/", "checklist/", "rules-for-foreigners/")

# Every layout shift, from the first paint on; and whether the warning was already
# showing when the parser created it (before any script at the end of the page ran).
WATCH = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({type: 'layout-shift', buffered: true});
window.__warningAtParse = null;
new MutationObserver((records, observer) => {
  const w = document.querySelector('[data-freshness] [data-freshness-stale]');
  if (w && window.__warningAtParse === null) {
    window.__warningAtParse = getComputedStyle(w).display !== 'none';
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def words(lang: str) -> dict:
    return yaml.safe_load((DOCS / "_data" / "ui" / f"{lang}.yml").read_text(encoding="utf-8"))


def reviewed(lang: str, slug: str) -> dt.date:
    src = DOCS / lang / ((slug.rstrip("/") or "index") + ".md")
    return dt.date.fromisoformat(re.search(r"^last_reviewed:\s*(\S+)", src.read_text(encoding="utf-8"), re.M).group(1))


def facts() -> dict:
    return yaml.safe_load((DOCS / "_data" / "facts.yml").read_text(encoding="utf-8"))


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, 0)


def note_state(page) -> dict:
    return page.evaluate("""() => {
        const all = document.querySelectorAll('article [data-freshness]');
        const h1 = document.querySelector('article h1');
        // right under the H1: the next element, or after what a script put there
        let next = h1 && h1.nextElementSibling;
        while (next && next.matches('.sim-choice, .sim-toolbar')) next = next.nextElementSibling;
        const n = all.length === 1 && next === all[0] ? all[0] : null;
        if (!n) return null;
        const w = n.querySelector('[data-freshness-stale]');
        return {stale: n.hasAttribute('data-stale'), text: n.innerText.trim(),
                warning: getComputedStyle(w).display !== 'none' && w.getClientRects().length > 0,
                links: [...w.querySelectorAll('a')].map(a => a.href),
                lang: n.closest('[lang]').getAttribute('lang'),
                fontPx: parseFloat(getComputedStyle(n).fontSize)};
    }""")


def expected_where(slug: str) -> list[str]:
    data = facts()
    out = []
    if slug in CARRIER_PAGES:
        out.append(data["facts"][data["carriers"][CARRIER_PAGES[slug]]["site"]]["value"])
    out.append(data["facts"]["gosuslugi.site"]["value"])
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_the_note_shows_the_review_date_and_no_warning_on_the_real_clock(site, clean_page, lang):
    page, rec = clean_page
    page.set_viewport_size({"width": 390, "height": 844})
    w = words(lang)["freshness"]
    for slug in PAGES:
        page.goto(site.page_url(lang, slug), wait_until="load")
        state = note_state(page)
        assert state, f"{lang}/{slug}: no [data-freshness] right under the H1"
        assert state["lang"] == lang
        date_line = w["reviewed"].split("{date}")[0].strip()
        assert state["text"].startswith(date_line), state["text"]
        due = dt.date.today() > add_months(reviewed(lang, slug), 6)
        assert state["stale"] is due and state["warning"] is due, f"{lang}/{slug}: {state}"
        assert state["fontPx"] < page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('article p:not([class])')).fontSize)")
    assert not rec.console_errors, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_seven_months_later_the_note_warns_and_says_where_to_check(browser, site, lang):
    w = words(lang)["freshness"]
    context, page, rec = open_page(browser, site.url, viewport={"width": 390, "height": 844})
    context.add_init_script(WATCH)  # runs again on every page opened below
    try:
        for slug in SAMPLE + ("carriers/t2/",):
            page.clock.set_fixed_time(at(add_months(reviewed(lang, slug), 7)))
            page.goto(site.page_url(lang, slug), wait_until="load")
            state = note_state(page)
            assert state["stale"] and state["warning"], f"{lang}/{slug}: {state}"
            assert w["stale"].split("{where}")[0].strip() in state["text"], state["text"]
            assert state["links"] == expected_where(slug), state["links"]
            if slug not in CARRIER_PAGES:
                assert w["your_carrier"] in state["text"]
            page.wait_for_timeout(300)
            shifts = page.evaluate("window.__shifts")
            assert sum(shifts) <= 0.02, f"{lang}/{slug}: layout shifts {shifts}"
            assert page.evaluate("window.__warningAtParse") is True, \
                f"{lang}/{slug}: the warning appeared only after the page was drawn"
            assert not rec.blocked and not rec.console_errors, (rec.blocked, rec.console_errors)
    finally:
        context.close()


def test_six_months_to_the_day_is_not_yet_stale(browser, site):
    context, page, rec = open_page(browser, site.url)
    try:
        page.clock.set_fixed_time(at(add_months(reviewed("en", "carriers/mts/"), 6)))
        page.goto(site.page_url("en", "carriers/mts/"), wait_until="load")
        state = note_state(page)
        assert not state["stale"] and not state["warning"], state
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_saved_offline_copy_warns_too(browser, offline_copy, lang):
    slug = "carriers/megafon/"
    file_url = (offline_copy / lang_prefix(lang) / slug.rstrip("/")).with_suffix(".html").as_uri()
    for when, due in ((add_months(reviewed(lang, slug), 7), True),
                      (add_months(reviewed(lang, slug), 1), False)):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            page = context.new_page()
            page.clock.set_fixed_time(at(when))
            page.goto(file_url, wait_until="load")
            state = note_state(page)
            assert state and state["stale"] is due and state["warning"] is due, (when, state)
            if due:
                assert state["links"] == expected_where(slug)
        finally:
            context.close()


def test_without_javascript_the_note_is_a_plain_date(browser, site):
    context, page, rec = open_page(browser, site.url, java_script_enabled=False)
    try:
        page.clock.set_fixed_time(at(add_months(reviewed("zh", "carriers/mts/"), 7)))
        page.goto(site.page_url("zh", "carriers/mts/"), wait_until="load")
        note = page.locator("article [data-freshness]")
        assert note.is_visible()
        assert note.locator("time").get_attribute("datetime") == reviewed("zh", "carriers/mts/").isoformat()
        assert not note.locator("[data-freshness-stale]").is_visible()
    finally:
        context.close()


def test_the_note_and_its_warning_print(browser, site):
    context, page, rec = open_page(browser, site.url)
    try:
        page.clock.set_fixed_time(at(add_months(reviewed("ru", "checklist/"), 7)))
        page.goto(site.page_url("ru", "checklist/"), wait_until="load")
        page.emulate_media(media="print")
        state = note_state(page)
        assert state["stale"] and state["warning"], state
        assert page.locator("article [data-freshness]").is_visible()
        assert not page.locator(".sim-report").is_visible(), "the report link is useless on paper"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_report_link_carries_the_page_address_and_nothing_leaves_before_it_is_pressed(site, clean_page, lang):
    page, rec = clean_page
    slug = "carriers/beeline/"
    page.goto(site.page_url(lang, slug), wait_until="load")
    page.wait_for_timeout(300)
    repo = report_prefix().split("/issues/")[0]
    assert rec.blocked == [], f"left the page before any click: {rec.blocked}"
    assert not [u for u in rec.requests if urlsplit(u).hostname != "127.0.0.1"], rec.requests
    link = page.locator(".sim-report a")
    assert link.inner_text().strip() == words(lang)["report"]["label"]
    with page.expect_request(lambda r: r.url.startswith(repo)) as request:
        link.click()
    url = request.value.url
    assert rec.blocked == [url], rec.blocked
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(f"{repo}/issues/new?")
    assert query["page"] == [site.page_url(lang, slug)] and query["lang"] == [lang], query
    assert query["template"] == ["report-a-mistake.yml"]
    assert (ROOT / ".github/ISSUE_TEMPLATE" / query["template"][0]).is_file()
