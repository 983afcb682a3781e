"""Ticks on the checklist survive a reload (http and file://); "clear all" resets them."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page
from tests.conftest import LANGS

BOXES = ".md-typeset .task-list-item input[type=checkbox]"


def ticked(page) -> list[bool]:
    return page.locator(BOXES).evaluate_all("els => els.map(e => e.checked)")


def exercise(page, url):
    page.goto(url, wait_until="load")
    boxes = page.locator(BOXES)
    assert boxes.count() >= 20 and not any(ticked(page))
    labels = page.locator(".md-typeset .task-list-item .sim-task-text")  # what a reader taps
    labels.nth(0).click()
    labels.nth(5).click()
    page.reload(wait_until="load")
    state = ticked(page)
    assert state[0] and state[5] and sum(state) == 2, "ticks were not remembered"
    assert page.locator("input:checked + .task-list-indicator").count() == 2
    page.locator(".sim-toolbar button.sim-clear").click()
    assert not any(ticked(page))
    page.reload(wait_until="load")
    assert not any(ticked(page)), "clear all was not remembered"


@pytest.mark.parametrize("lang", LANGS)
def test_ticks_survive_reload_over_http(site, clean_page, lang):
    page, rec = clean_page
    exercise(page, site.page_url(lang, "checklist/"))


def test_ticks_survive_reload_from_file(browser, offline_copy):
    context, page, rec = open_page(browser, offline_copy.as_uri() + "/")
    try:
        exercise(page, (offline_copy / "checklist.html").as_uri())
        assert not rec.blocked
    finally:
        context.close()


def test_each_language_keeps_its_own_ticks(site, clean_page):
    page, rec = clean_page
    page.goto(site.page_url("en", "checklist/"), wait_until="load")
    page.locator(".md-typeset .task-list-item .sim-task-text").nth(1).click()
    assert sum(ticked(page)) == 1
    page.goto(site.page_url("ru", "checklist/"), wait_until="load")
    assert not any(ticked(page))


# What a broken or foreign script may leave under the ticks key: all but a plain object.
BAD_STORED = ["42", '"x"', "true", "[]", "null", "not json"]


@pytest.mark.parametrize("stored", BAD_STORED, ids=["number", "string", "boolean", "array", "null", "not-json"])
def test_bad_stored_ticks_start_clean_and_ticking_still_works(site, clean_page, stored):
    page, rec = clean_page
    page.goto(site.page_url("en", "checklist/"), wait_until="load")
    labels = page.locator(".md-typeset .task-list-item .sim-task-text")
    # find the key the page keeps its ticks under: the one a tick writes
    before = set(page.evaluate("Object.keys(localStorage)"))
    labels.nth(0).click()
    keys = [k for k in page.evaluate("Object.keys(localStorage)") if k not in before]
    assert len(keys) == 1, f"one tick should write one key, wrote {keys}"
    key = keys[0]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, stored])
    page.reload(wait_until="load")
    assert not any(ticked(page)), f"ticks not clean with {stored!r} in storage"
    labels.nth(3).click()
    labels.nth(7).click()
    labels.nth(7).click()  # untick again
    assert ticked(page)[3] and not ticked(page)[7]
    assert not rec.console_errors, rec.console_errors
    saved = page.evaluate("k => JSON.parse(localStorage.getItem(k))", key)
    # version 2: each item's last change with its time, the untick of item 7 included
    assert isinstance(saved, dict) and saved.get("v") == 2, f"stored {saved!r}"
    on = [k for k, e in saved["ticks"].items() if e["on"]]
    off = [k for k, e in saved["ticks"].items() if not e["on"]]
    assert len(on) == 1 and len(off) == 1, f"stored {saved!r}"
    page.reload(wait_until="load")
    state = ticked(page)
    assert state[3] and sum(state) == 1, f"the tick was not remembered over {stored!r}"
    assert not rec.console_errors, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_html_address_keeps_the_same_ticks(site, clean_page, lang):
    """/checklist/ and /checklist/index.html are one page: one set of ticks."""
    page, rec = clean_page
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    labels = page.locator(".md-typeset .task-list-item .sim-task-text")
    labels.nth(2).click()
    page.goto(site.page_url(lang, "checklist/index.html"), wait_until="load")
    assert ticked(page)[2] and sum(ticked(page)) == 1, "index.html does not see the ticks"
    labels.nth(4).click()
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    state = ticked(page)
    assert state[2] and state[4] and sum(state) == 2, "a tick on index.html is not seen at checklist/"


FILL_STORAGE = """() => {
  // fill this origin's storage to the last character, as a full device does
  let chunk = 'x'.repeat(1 << 20), i = 0;
  while (chunk.length) {
    try { localStorage.setItem('filler-' + (i++), chunk); }
    catch (e) { chunk = chunk.slice(0, chunk.length >> 1); }
  }
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_full_storage_says_gently_that_ticks_are_not_kept(site, clean_page, lang):
    page, rec = clean_page
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    words = page.evaluate("JSON.parse(document.getElementById('sim-ui').textContent).checklist_storage")
    note = page.locator(".sim-toolbar [role=status]")
    assert note.count() == 0 or not note.inner_text().strip()
    page.evaluate(FILL_STORAGE)
    labels = page.locator(".md-typeset .task-list-item .sim-task-text")
    labels.nth(1).click()
    assert ticked(page)[1], "the tick is kept on screen"
    assert note.is_visible() and note.inner_text() == words["not_saved"]
    # room again: the next tick is saved and the note goes
    page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k))")
    labels.nth(3).click()
    assert not note.is_visible() or not note.inner_text().strip()
    page.reload(wait_until="load")
    state = ticked(page)
    assert state[1] and state[3] and sum(state) == 2
    assert not rec.console_errors, rec.console_errors


def test_the_storage_note_has_words_in_every_language():
    from tests.conftest import DOCS
    import yaml

    texts = {}
    for lang in LANGS:
        data = yaml.safe_load((DOCS / "_data" / "ui" / f"{lang}.yml").read_text("utf-8"))
        texts[lang] = data["script"]["checklist_storage"]["not_saved"]
        assert texts[lang].strip(), lang
    assert len(set(texts.values())) == len(LANGS), texts
