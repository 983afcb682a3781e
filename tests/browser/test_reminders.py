"""Reminders that keep a number alive (issue 27, item 4): the .sim-ics button makes a
calendar file in the browser; it is downloaded through Playwright's download event and
parsed with a real iCalendar library (icalendar), in each language, with and without a
choice made. Expected dates are computed here from facts.yml (the floor) and the
hook's margins; expected words from the words files and the carriers' names in
facts.yml. A changed floor in the data block the page embeds moves every date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest

from tests.conftest import LANGS
from tests.test_reminders import DATA, FLOOR, hook

pytestmark = pytest.mark.browser


def download(page) -> icalendar.Calendar:
    with page.expect_download() as info:
        page.click(".sim-ics")
    raw = Path(info.value.path()).read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF lines only
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "a line longer than 75 octets"
    return icalendar.Calendar.from_ical(raw.decode("utf-8"))


def events(cal) -> list:
    assert cal["VERSION"] == "2.0" and cal.get("PRODID")
    found = list(cal.walk("VEVENT"))
    for event in found:
        assert event.get("UID") and event.get("DTSTAMP")
        assert list(event.walk("VALARM")), "no alarm"
    return sorted(found, key=lambda e: e.decoded("DTSTART"))


def today(page) -> dt.date:
    return dt.date.fromisoformat(page.evaluate(
        "() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
        " + '-' + String(d.getDate()).padStart(2, '0'); }"))


def expected_days(start: dt.date, period: int) -> list[dt.date]:
    return [start + dt.timedelta(days=d) for d in (period - hook.FIRST_MARGIN, period - hook.LAST_MARGIN, period)]


@pytest.mark.parametrize("lang", LANGS)
def test_one_tap_gives_a_file_from_today_and_the_floor(reader, site, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "cards/number-keeping/"), wait_until="load")
    cal = events(download(page))
    start = today(page)
    assert [e.decoded("DTSTART") for e in cal] == expected_days(start, FLOOR)
    words = hook.reminder_words(lang)["ics"]
    anyone = words["any_carrier"]
    assert [str(e["SUMMARY"]) for e in cal] == [words[k].format(carrier=anyone) for k in ("first", "last", "end")]
    text = str(cal[0]["DESCRIPTION"])
    floor = hook.count(FLOOR, lang).replace("\u00a0", " ")
    assert floor in text.replace("\u00a0", " "), "the file does not name the floor"
    # no carrier's own period is medium or high in facts.yml: the file says the floor is used
    assert not hook.periods(DATA)[1]
    assert words["floor_used"].format(floor=floor) in text.replace("\u00a0", " ")
    assert words["every"].split(":")[0].split("：")[0] in text, "the inference is not marked as ours"
    page.wait_for_function("() => document.querySelector('.sim-ics-status').textContent")
    assert page.locator(".sim-ics-status").inner_text() == hook.reminder_words(lang)["status_made"]
    assert not rec.blocked and not rec.console_errors, (rec.blocked, rec.console_errors)


@pytest.mark.parametrize("lang", LANGS)
def test_chosen_carrier_and_day_on_the_checklist(reader, site, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    last = today(page) - dt.timedelta(days=12)
    page.select_option(".sim-ics-carrier", "megafon")
    page.fill(".sim-ics-date", last.isoformat())
    cal = events(download(page))
    days = DATA["facts"].get("megafon.non-use-period", {}).get("value", {}).get("n", FLOOR)
    assert [e.decoded("DTSTART") for e in cal] == expected_days(last, days)
    name = hook.facts_data.in_lang(DATA["carriers"]["megafon"]["name"], lang)
    assert all(name in str(e["SUMMARY"]) for e in cal)
    assert hook.reminder_words(lang)["ics"]["since"].split("{date}")[0].strip() in str(cal[0]["DESCRIPTION"])
    assert not rec.console_errors


def test_a_changed_floor_moves_the_dates(reader, site):
    """The floor in the data block the page embeds (from facts.yml) sets every date."""
    page, _ = reader
    page.goto(site.page_url("en", "cards/number-keeping/"), wait_until="load")
    page.evaluate("""() => { const el = document.getElementById('sim-ics-data');
        const data = JSON.parse(el.textContent); data.floor = 120;
        for (const c of Object.values(data.carriers)) c.days = 120;
        el.textContent = JSON.stringify(data); }""")
    cal = events(download(page))
    start = today(page)
    assert [e.decoded("DTSTART") for e in cal] == expected_days(start, 120)
    text = str(cal[0]["DESCRIPTION"])
    words = hook.reminder_words("en")["ics"]
    assert words["floor"].format(floor="120 days") in text
    assert words["every"].format(every="90 days") in text  # the inferred interval moves too


def test_a_day_past_the_period_gives_no_file_and_says_to_act(reader, site):
    page, _ = reader
    page.goto(site.page_url("ru", "checklist/"), wait_until="load")
    page.fill(".sim-ics-date", (today(page) - dt.timedelta(days=FLOOR + 5)).isoformat())
    # count the files the page makes (no listener: this is the worker's shared page)
    page.evaluate("""() => { window.simMade = 0; const make = URL.createObjectURL;
        URL.createObjectURL = blob => { window.simMade++; return make(blob); }; }""")
    page.click(".sim-ics")
    page.wait_for_function("() => document.querySelector('.sim-ics-status').textContent")
    status = page.locator(".sim-ics-status").inner_text()
    assert page.evaluate("() => window.simMade") == 0, "a file was made"
    assert status == hook.reminder_words("ru")["status_old"].format(floor=hook.count(FLOOR, "ru"))


def test_block_is_hidden_without_javascript_and_on_paper(reader, site):
    page, _ = reader
    page.goto(site.page_url("zh", "cards/number-keeping/"), wait_until="load")
    shown = "() => document.querySelector('.sim-reminder').getClientRects().length > 0"
    assert page.evaluate(shown)
    page.emulate_media(media="print")
    assert not page.evaluate(shown), "the reminder block prints"
    page.emulate_media(media="screen")
    page.evaluate("() => document.documentElement.classList.remove('sim-js')")  # as before any script ran
    assert not page.evaluate(shown), "the control shows without JavaScript"


def test_reminders_already_past_are_left_out(reader, site):
    """A last paid action long ago (but within the period): only the reminders still
    ahead are in the file, the day the contract can end among them."""
    page, _ = reader
    page.goto(site.page_url("zh", "cards/number-keeping/"), wait_until="load")
    start = today(page)
    last = start - dt.timedelta(days=FLOOR - hook.FIRST_MARGIN + 5)  # the first reminder is 5 days past
    page.fill(".sim-ics-date", last.isoformat())
    days = [e.decoded("DTSTART") for e in events(download(page))]
    assert days == [d for d in expected_days(last, FLOOR) if d >= start] and len(days) == 2, days


def test_the_file_is_made_under_the_content_security_policy(browser, site):
    """Served with its own _headers (as on Netlify or Cloudflare Pages): the inline
    loader is allowed by its hash, sim-ics.js loads, the file downloads."""
    from tests.browser.test_deploy import secure_context, url_of, violations
    from tools.serve import serve

    with serve(site.dir, headers=True) as url:
        context = secure_context(browser)
        try:
            page = context.new_page()
            response = page.goto(url_of(url, "ru", "checklist/"), wait_until="load")
            assert "default-src 'self'" in response.headers["content-security-policy"]
            assert len(events(download(page))) == 3
            assert violations(page) == []
        finally:
            context.close()
