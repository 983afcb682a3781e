"""Issue 28: nothing a reader saves is lost, and no input can freeze a page.

Two tabs merge ticks and remembered fields item by item (the newer change wins, an
untick or an emptied field included); version-1 ticks (keyed by a hash of the item's
words) move to the items' stable ids, unknown keys go; a storage that refuses to write
says so beside "remember"; a 2 MB paste is cut to the field's cap and handled fast;
impossible dates are named; one rule for the address's parameters; clear offers undo;
without JavaScript no dead control shows; search names "nothing found" in the reader's
language with links to the main pages; the clerk view's close button keeps its line."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.browser.test_forms import (FORM, TITLES, fill_all, goto, pdf_sheets, print_part,
                                      squash, stub_print)
from tests.conftest import DOCS, LANGS
from tools.search_driver import open_search

BOXES = ".md-typeset .task-list-item input[type=checkbox]"
LABELS = ".md-typeset .task-list-item .sim-task-text"
COUNTER = "at-the-counter/"
STORE = "sim-guide:applications"


def words(lang: str) -> dict:
    return yaml.safe_load((DOCS / "_data" / "ui" / f"{lang}.yml").read_text("utf-8"))["script"]


def ticked(page) -> list[bool]:
    return page.locator(BOXES).evaluate_all("els => els.map(e => e.checked)")


def tick_ids(page, on=True) -> set[str]:
    return set(page.locator(BOXES).evaluate_all(
        "(els, on) => els.filter(e => e.checked === on).map(e => e.closest('li').dataset.tick)", on))


def ticks_key(page) -> str:
    return "sim-guide:ticks:" + page.evaluate("location.pathname")


# -- ticks: two tabs, the move from version 1, unknown keys, undo -----------------------


@pytest.mark.parametrize("lang", LANGS)
def test_two_tabs_keep_each_others_ticks_and_unticks(site, site_page, lang):
    first, rec = site_page()
    url = site.page_url(lang, "checklist/")
    first.goto(url, wait_until="load")
    second = first.context.new_page()
    second.goto(url, wait_until="load")  # both open before anything is ticked
    first.locator(LABELS).nth(0).click()
    second.locator(LABELS).nth(5).click()  # the second tab's set knew nothing of item 0
    for page in (first, second):
        page.reload(wait_until="load")
        state = ticked(page)
        assert state[0] and state[5] and sum(state) == 2, f"a tab lost a tick: {state[:8]}"
    # an untick in one tab survives a tick in the other, without a reload between
    first.locator(LABELS).nth(0).click()
    second.locator(LABELS).nth(7).click()
    assert not ticked(second)[0], "the other tab's untick did not reach this one"
    for page in (second, first):
        page.reload(wait_until="load")
        state = ticked(page)
        assert not state[0] and state[5] and state[7] and sum(state) == 2, state[:8]
    stored = json.loads(first.evaluate("k => localStorage.getItem(k)", ticks_key(first)))
    assert stored["v"] == 2 and stored["ticks"]["money-pay-off-debt"]["on"] is False
    assert not rec.console_errors, rec.console_errors


def old_key(text: str) -> str:
    """The version-1 key: (h * 31 + UTF-16 code unit) | 0 over the item's words."""
    h = 0
    units = text.encode("utf-16-le")
    for i in range(0, len(units), 2):
        h = (h * 31 + int.from_bytes(units[i:i + 2], "little")) & 0xFFFFFFFF
    return str(h - (1 << 32) if h >= 1 << 31 else h)


# The words two items had when version 1 stored their ticks (the build of 7 December
# 2026, before the words were rewritten), and the ids they have now.
OLD_WORDS = {
    "zh": {
        "money-pay-off-debt": "还清欠费：已使用的服务全部付清后，才能注销合约。",
        "documents-t2-someone-claim": "T2：如果由代理人替您领取余额，委托书上必须明确写明领取款项的权限 ⚠ 请向 T2 核实。",
    },
    "ru": {
        "money-pay-off-debt": "Погасите задолженность: договор можно расторгнуть, когда все оказанные услуги оплачены.",
        "documents-t2-someone-claim": "Т2: если представитель будет получать остаток за вас, в доверенности должно быть прямо указано право на получение денежных средств ⚠ уточните у Т2.",
    },
    "en": {
        "money-pay-off-debt": "Pay off any debt: you can end the contract only once the services you have used are paid for.",
        "documents-t2-someone-claim": "T2: if someone is to claim the balance for you, the power of attorney must expressly give them the right to receive money ⚠ check with T2.",
    },
}


def test_the_old_key_is_the_one_version_1_wrote():
    """The hash above is the one the old script computed ("Pay" → 80·31² + 97·31 + 121)."""
    assert old_key("Pay") == str(80 * 31 * 31 + 97 * 31 + 121)
    assert old_key("x" * 40) != old_key("x" * 41) and int(old_key("x" * 40)) < 2 ** 31


@pytest.mark.parametrize("lang", LANGS)
def test_version_1_ticks_move_to_the_ids_and_unknown_keys_go(site, clean_page, lang):
    page, rec = clean_page
    url = site.page_url(lang, "checklist/")
    page.goto(url, wait_until="load")
    old = {old_key(text): 1 for text in OLD_WORDS[lang].values()}
    old["123456789"] = 1  # an item the checklist no longer has
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [ticks_key(page), json.dumps(old)])
    page.reload(wait_until="load")
    assert tick_ids(page) == set(OLD_WORDS[lang]), "version-1 ticks did not come out under the ids"
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", ticks_key(page)))
    assert stored["v"] == 2 and set(stored["ticks"]) == set(OLD_WORDS[lang]), stored
    # a version-2 tick of an id the page does not have is dropped on load too
    stored["ticks"]["gone-item"] = {"on": True, "t": 1}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [ticks_key(page), json.dumps(stored)])
    page.reload(wait_until="load")
    assert tick_ids(page) == set(OLD_WORDS[lang])
    again = json.loads(page.evaluate("k => localStorage.getItem(k)", ticks_key(page)))
    assert "gone-item" not in again["ticks"]
    assert not rec.console_errors, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_clear_offers_undo_for_a_few_seconds(site, clean_page, lang):
    page, rec = clean_page
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    labels = page.locator(LABELS)
    labels.nth(1).click()
    labels.nth(4).click()
    page.locator(".sim-toolbar .sim-clear").click()
    assert not any(ticked(page))
    undo = page.locator(".sim-toolbar .sim-undo[role=status]")
    assert undo.is_visible() and words(lang)["undo"]["cleared_ticks"] in undo.inner_text()
    undo.locator("button").click()
    assert undo.count() == 0
    page.reload(wait_until="load")
    state = ticked(page)
    assert state[1] and state[4] and sum(state) == 2, "undo did not bring the ticks back"


def test_the_undo_offer_goes_by_itself_and_the_clear_stands(site, site_page):
    # a page of its own: it installs a clock, which the shared page must never carry
    page, rec = site_page()
    page.clock.install()
    page.goto(site.page_url("en", "checklist/"), wait_until="load")
    page.locator(LABELS).nth(1).click()
    page.locator(".sim-toolbar .sim-clear").click()
    undo = page.locator(".sim-toolbar .sim-undo")
    page.clock.run_for(3000)
    assert undo.count() == 1, "the offer went too soon"
    page.clock.run_for(10000)
    page.wait_for_selector(".sim-toolbar .sim-undo", state="detached", timeout=5000)
    page.reload(wait_until="load")
    assert not any(ticked(page))


# -- remembered fields: zh and ru tabs, a storage that refuses, caps, dates ---------------


def fields(page, *names) -> dict[str, str]:
    return page.locator(FORM).evaluate(
        "(f, names) => Object.fromEntries(names.map(n => [n, f.elements[n].value]))", list(names))


def test_zh_and_ru_tabs_keep_one_applicant_record(site, site_page):
    ru, rec = site_page()
    goto(ru, site.page_url("ru", COUNTER))  # opened first
    zh = ru.context.new_page()
    goto(zh, site.page_url("zh", COUNTER))
    zh.locator(f"{FORM} [name=remember]").check()
    zh.locator(f"{FORM} [name=full_name]").fill("ZHANG San")
    ru.locator(f"{FORM} [name=address]").fill("Москва, ул. Примерная, д. 1")
    for page in (zh, ru):
        page.reload(wait_until="load")
        page.wait_for_selector(FORM, state="visible")
        assert fields(page, "full_name", "address") == {
            "full_name": "ZHANG San", "address": "Москва, ул. Примерная, д. 1"}, page.url
        assert page.locator(f"{FORM} [name=remember]").is_checked()
    # an emptied field in one tab stays empty after a change in the other
    zh.locator(f"{FORM} [name=full_name]").fill("")
    ru.locator(f"{FORM} [name=email]").fill("zhang@example.com")
    assert fields(ru, "full_name")["full_name"] == "", "the other tab's emptied field came back"
    for page in (ru, zh):
        page.reload(wait_until="load")
        page.wait_for_selector(FORM, state="visible")
        assert fields(page, "full_name", "address", "email") == {
            "full_name": "", "address": "Москва, ул. Примерная, д. 1", "email": "zhang@example.com"}
    # the field names stay as they were
    stored = json.loads(zh.evaluate("k => localStorage.getItem(k)", STORE))
    assert {"full_name", "address", "email"} <= set(stored["fields"]) and stored["v"] == 2
    assert not rec.console_errors, rec.console_errors


def test_version_1_record_is_read(site, clean_page):
    page, rec = clean_page
    goto(page, site.page_url("en", COUNTER))
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [STORE, json.dumps({"full_name": "LI Si", "address": "Kazan"})])
    page.reload(wait_until="load")
    page.wait_for_selector(FORM, state="visible")
    assert fields(page, "full_name", "address") == {"full_name": "LI Si", "address": "Kazan"}
    assert page.locator(f"{FORM} [name=remember]").is_checked()


REFUSE = """Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"""


def test_a_storage_that_refuses_to_write_says_so_and_keeps_what_is_on_the_page(site, site_page):
    page, rec = site_page()
    page.context.add_init_script(REFUSE)
    for lang in LANGS:
        goto(page, site.page_url(lang, COUNTER))
        notice = page.locator(f"{FORM} .sim-memory [role=status]")
        assert notice.count() == 0 or not notice.is_visible()
        page.locator(f"{FORM} [name=full_name]").fill("WANG Wu")
        page.locator(f"{FORM} [name=remember]").check()
        assert notice.is_visible() and notice.inner_text() == words(lang)["form_memory"]["not_saved"]
        page.locator(f"{FORM} [name=address]").fill("Sochi")
        assert fields(page, "full_name", "address") == {"full_name": "WANG Wu", "address": "Sochi"}
        assert page.locator(f"{FORM} [name=remember]").is_checked()
        # unticking "remember" takes the notice away (nothing is to be saved)
        page.locator(f"{FORM} [name=remember]").uncheck()
        assert not notice.is_visible()
        # the checklist's ticks: the note in the toolbar, the tick kept on screen
        page.goto(site.page_url(lang, "checklist/"), wait_until="load")
        page.locator(LABELS).nth(2).click()
        note = page.locator(".sim-toolbar [role=status]")
        assert ticked(page)[2] and note.is_visible()
        assert note.inner_text() == words(lang)["checklist_storage"]["not_saved"]
    assert not rec.console_errors, rec.console_errors


# In the page: how long the page's own handlers took for each event of a keystroke
# (Event Timing: processingEnd - processingStart), whatever the test runner's speed.
TIMING = """() => { window.__handling = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => {
      if (['keydown', 'keypress', 'input', 'keyup', 'beforeinput'].includes(e.name))
        window.__handling.push([e.name, e.processingEnd - e.processingStart]);
  })).observe({type: 'event', durationThreshold: 16});
  window.__inputs = 0;
  document.addEventListener('input', () => { window.__inputs++; }, true); }"""
HUGE = 2 * 1024 * 1024


def test_a_2_mb_paste_is_cut_to_the_cap_and_keystrokes_stay_fast(site, clean_page):
    page, rec = clean_page
    goto(page, site.page_url("en", COUNTER))
    page.locator(f"{FORM} [name=remember]").check()
    field = page.locator(f"{FORM} [name=address]")
    field.focus()
    page.keyboard.insert_text("Москва " * (HUGE // 7))  # as a paste: one insertion
    page.keyboard.press("End")
    assert page.evaluate("PerformanceObserver.supportedEntryTypes.includes('event')")
    # the pasted megabytes are garbage now: collected first, so that what is measured is
    # the page's handling of each keystroke. Two cores shared by many runs can stall any
    # one event; a slow handler is slow every time: one round of ten keystrokes all under
    # 50 ms, in up to three, is the pass.
    page.context.new_cdp_session(page).send("HeapProfiler.collectGarbage")
    page.evaluate(TIMING)  # from here on: the keystrokes on a full field
    rounds = []
    for _ in range(3):
        page.evaluate("() => { window.__handling = []; window.__inputs = 0; }")
        for key in "abcdefghij":
            page.keyboard.press("Backspace")
            page.keyboard.type(key)
        page.wait_for_function("window.__inputs >= 20")
        # the observer reports once the frame after the last keystroke is painted
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r))))")
        slow = [(name, round(ms)) for name, ms in page.evaluate("window.__handling") if ms >= 50]
        rounds.append(slow)
        if not slow:
            break
    assert not rounds[-1], f"input handling over 50 ms in every round: {rounds}"
    cap = field.evaluate("el => el.maxLength")
    assert 0 < cap <= 200 and len(field.input_value()) == cap
    hint = page.locator("#sim-address-hint")
    assert str(cap) in hint.inner_text(), "the cap is not named"
    # a 2 MB value remembered by an older page (no cap then) is cut on the next load
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [STORE, json.dumps({"full_name": "x" * HUGE, "address": "y" * 1000})])
    page.reload(wait_until="load", timeout=20000)
    page.wait_for_selector(FORM, state="visible")
    values = fields(page, "full_name", "address")
    assert 0 < len(values["full_name"]) <= 200 and len(values["address"]) == cap
    # and storage holds the record as the page keeps it now, not the megabytes
    assert len(page.evaluate("k => localStorage.getItem(k)", STORE)) < 10_000
    # anything else under the key (broken or planted) goes on load
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, '{"v": 9, "x": "' + "z" * HUGE + '"}'])
    page.reload(wait_until="load", timeout=20000)
    page.wait_for_selector(FORM, state="visible")
    assert page.evaluate("k => localStorage.getItem(k)", STORE) is None
    assert not page.locator(f"{FORM} [name=remember]").is_checked()
    assert not rec.console_errors, rec.console_errors


def test_every_field_at_its_cap_still_prints_each_application_on_one_sheet(site, clean_page):
    page, rec = clean_page
    goto(page, site.page_url("en", COUNTER))
    stub_print(page)
    fill_all(page)
    page.locator(FORM).evaluate("""f => {
        for (const el of f.querySelectorAll('input[maxlength]')) {
          el.value = 'Ш'.repeat(el.maxLength);
          el.dispatchEvent(new Event('input', {bubbles: true}));
        } }""")
    long_fields = page.locator(f"{FORM} input[maxlength]").count()
    assert long_fields >= 15
    for part in ("termination", "refund"):
        sheets = print_part(page, part)
        assert len(sheets) == 1, f"{part} at every cap takes {len(sheets)} sheets"
        assert TITLES[part] in squash(sheets[0])


@pytest.mark.parametrize("lang", LANGS)
def test_impossible_dates_are_named_without_blocking_print(site, clean_page, lang):
    page, rec = clean_page
    goto(page, site.page_url(lang, COUNTER))
    checks = words(lang)["form_checks"]
    stub_print(page)

    def set_date(name, value):
        page.locator(f"{FORM} [name={name}]").fill(value)
        page.locator(f"{FORM} [name={name}]").dispatch_event("change")

    set_date("contract_date", "2999-01-01")
    assert page.locator("#sim-contract_date-hint").inner_text() == checks["contractFuture"]
    assert page.locator(f"{FORM} [name=contract_date]").get_attribute("aria-invalid") == "true"
    set_date("birth_date", "2001-06-01")
    set_date("contract_date", "1999-03-01")
    assert page.locator("#sim-contract_date-hint").inner_text() == checks["contractBeforeBirth"]
    page.locator(f"{FORM} [name=applicant][value=representative]").check()  # shows the power of attorney's date
    set_date("poa_date", "2999-01-01")
    assert page.locator("#sim-poa_date-hint").inner_text() == checks["poaFuture"]
    set_date("poa_date", "1850-01-01")
    assert page.locator("#sim-poa_date-hint").inner_text() == checks["poaBeforeBirth"]
    set_date("contract_date", "2020-03-01")
    assert page.locator("#sim-contract_date-hint").inner_text() == ""
    # the date of termination: never backdated, never before the contract was signed
    set_date("end_date", "2021-01-01")
    assert page.locator("#sim-end_date-hint").inner_text() == checks["endPast"]
    set_date("end_date", "2999-01-01")
    assert page.locator("#sim-end_date-hint").inner_text() == ""
    # printing is never blocked: the application prints with the date as typed
    sheets = print_part(page, "termination")
    assert len(sheets) == 1 and "01.03.2020" in sheets[0]
    # no term of validity for a power of attorney is asserted by these words
    for key in ("poaFuture", "poaBeforeBirth"):
        assert not re.search(r"\d+\s*(year|лет|год|年)", checks[key]), checks[key]


# -- "Clear and forget" offers undo -------------------------------------------------------


def test_clear_and_forget_offers_undo(site, clean_page):
    page, rec = clean_page
    goto(page, site.page_url("ru", COUNTER))
    page.locator(f"{FORM} [name=full_name]").fill("ZHAO Liu")
    page.locator(f"{FORM} [name=remember]").check()
    page.locator(f"{FORM} .sim-forget").click()
    assert fields(page, "full_name")["full_name"] == ""
    assert page.evaluate("k => localStorage.getItem(k)", STORE) is None
    undo = page.locator(f"{FORM} .sim-undo[role=status]")
    assert words("ru")["undo"]["cleared_form"] in undo.inner_text()
    undo.locator("button").click()
    assert fields(page, "full_name")["full_name"] == "ZHAO Liu"
    page.reload(wait_until="load")
    page.wait_for_selector(FORM, state="visible")
    assert fields(page, "full_name")["full_name"] == "ZHAO Liu", "undo did not remember again"


# -- one rule for the address's parameters -------------------------------------------------


@pytest.mark.parametrize("slug", ["checklist/", COUNTER])
def test_unknown_own_parameters_go_and_foreign_ones_stay(site, reader, slug):
    page, rec = reader
    page.goto(site.page_url("en", slug) + "?carrier=vodafone&goal=keep&utm_source=x&h=sim&q=",
              wait_until="load")
    assert page.evaluate("location.search") == "?goal=keep&utm_source=x&h=sim&q="
    page.goto(site.page_url("en", slug) + "?goal=%3Cb%3E&carrier=MTS&carrier=t2&ref=a%20b",
              wait_until="load")
    assert page.evaluate("location.search") == "?carrier=MTS&ref=a%20b"
    chosen = (page.locator("input[name=sim-carrier]:checked").get_attribute("value") if slug == "checklist/"
              else page.locator("#card-carrier").input_value())
    assert chosen == "mts"


# -- no JavaScript: no dead controls, the content reads -------------------------------------


def test_without_javascript_no_control_that_needs_it_shows(site, site_page):
    page, rec = site_page(java_script_enabled=False)
    for lang in LANGS:
        for slug in ("checklist/", COUNTER):
            page.goto(site.page_url(lang, slug) + "?carrier=mts", wait_until="load")
            for sel in (".sim-chooser", ".sim-card-chooser", "#card-chooser", FORM, ".sim-toolbar",
                        "[data-sim-js-only]", "select", "button.sim-forget"):
                assert page.locator(f"{sel}:visible").count() == 0, f"{lang} {slug}: {sel} shows"
            assert page.locator("article h1").is_visible()
            assert len(page.locator("article").inner_text()) > 2000
        assert page.locator(".sim-form:visible").count() == 2  # the blank applications stay


# -- search: junk, spaces, nothing found ----------------------------------------------------


def search(page, query: str):
    open_search(page)
    page.locator("input.md-search__input").fill(query)


@pytest.mark.parametrize("lang", LANGS)
def test_junk_and_empty_queries_show_the_message_and_main_pages(deployed_site, deployed_reader, lang):
    page, rec = deployed_reader
    page.goto(deployed_site.page_url(lang, "checklist/"), wait_until="load")
    said = words(lang)["search"]
    box = page.locator(".sim-search-none[role=status]")
    search(page, "%%% ***")
    page.wait_for_function("document.querySelector('.sim-search-none') && "
                           "!document.querySelector('.sim-search-none').hidden")
    assert box.locator("p").inner_text() == said["none"].replace("{query}", "%%% ***")
    assert page.locator(".md-search-result__list:visible").count() == 0
    links = box.locator("a")
    assert links.count() >= 6
    search(page, "   ")
    assert box.locator("p").inner_text() == said["empty"]
    search(page, "$& $'")  # shown as typed, not as a replacement pattern
    page.wait_for_function("document.querySelector('.md-search-result').hasAttribute('data-sim-none')")
    assert "$& $'" in box.locator("p").inner_text()
    search(page, "qqzzxxjjvv")
    page.wait_for_function("document.querySelector('.md-search-result').hasAttribute('data-sim-none')")
    assert said["none"].split("{query}")[0] in box.inner_text()
    # the links are relative and open real pages, at the root and under a sub-path
    hrefs = links.evaluate_all("els => els.map(a => [a.getAttribute('href'), a.href])")
    assert all(not h.startswith(("/", "http")) for h, _ in hrefs), hrefs
    links.nth(len(hrefs) - 1).click()
    page.wait_for_load_state("load")
    assert page.url == hrefs[-1][1] and page.locator("#application-filler").count() == 1
    assert not rec.failed, rec.failed


def test_cyrillic_is_a_normal_query_on_every_edition(site, reader):
    page, rec = reader
    for lang in LANGS:
        page.goto(site.page_url(lang), wait_until="load")
        search(page, "МТС")
        page.wait_for_selector(".md-search-result__item")
        assert page.locator(".sim-search-none:visible").count() == 0, lang
        assert page.locator(".md-search-result__item").count() > 0


def test_the_search_field_takes_no_megabyte(site, reader):
    page, rec = reader
    page.goto(site.page_url("ru"), wait_until="load")
    search(page, "")
    page.locator("input.md-search__input").focus()
    page.keyboard.insert_text("сим " * 500_000)
    assert len(page.locator("input.md-search__input").input_value()) <= 100


# -- the clerk view at 360 px -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_clerk_view_close_button_keeps_its_line_at_360_px(site, clean_page, lang):
    page, rec = clean_page
    page.set_viewport_size({"width": 360, "height": 740})
    goto(page, site.page_url(lang, COUNTER))
    page.locator("button[data-show-clerk]").first.click()
    close = page.locator(".sim-clerk__close").bounding_box()
    note = page.locator(".sim-clerk__note").bounding_box()
    line = page.locator(".sim-clerk__close").evaluate("b => parseFloat(getComputedStyle(b).lineHeight) || 22")
    assert close["y"] < note["y"] + note["height"], "the close button wrapped under the note"
    assert close["x"] >= note["x"] + note["width"] - 1 and close["x"] + close["width"] <= 360
    assert close["height"] < 2 * line + 20, "the button's word broke over two lines"
    page.keyboard.press("Escape")


# -- a time ahead of the clock (another device's, or planted) never beats a change here ----


def test_a_stored_time_ahead_of_the_clock_does_not_undo_the_readers_change(site, clean_page):
    page, rec = clean_page
    page.goto(site.page_url("en", "checklist/"), wait_until="load")
    ahead = {"v": 2, "ticks": {"money-pay-off-debt": {"on": True, "t": 9e15}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [ticks_key(page), json.dumps(ahead)])
    page.reload(wait_until="load")
    assert tick_ids(page) == {"money-pay-off-debt"}
    page.locator(LABELS).nth(0).click()  # the reader unticks it
    page.reload(wait_until="load")
    assert not any(ticked(page)), "a stored time ahead of the clock brought the tick back"
    # the same for a remembered field
    goto(page, site.page_url("en", COUNTER))
    planted = {"v": 2, "fields": {"full_name": {"v": "OLD Name", "t": 9e15}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, json.dumps(planted)])
    page.reload(wait_until="load")
    page.wait_for_selector(FORM, state="visible")
    page.locator(f"{FORM} [name=full_name]").fill("NEW Name")
    page.locator(f"{FORM} [name=address]").fill("Omsk")  # a write that merges storage first
    assert fields(page, "full_name")["full_name"] == "NEW Name"
    page.reload(wait_until="load")
    page.wait_for_selector(FORM, state="visible")
    assert fields(page, "full_name", "address") == {"full_name": "NEW Name", "address": "Omsk"}
    assert not rec.console_errors, rec.console_errors


def test_a_huge_shared_query_is_cut_before_it_is_searched(site, reader):
    page, rec = reader
    page.goto(site.page_url("en") + "?q=" + "sim%20" * 2_000, wait_until="load")  # 12 kB of address
    field = page.locator("input.md-search__input")
    assert 0 < len(field.input_value()) <= 100
    page.wait_for_selector(".md-search-result__item")  # and it is searched, cut
    assert not rec.console_errors, rec.console_errors
