"""The counter page for the reader without a printer, and the reader who types oddly:
the question card narrowed by carrier and goal, «show to the clerk» (a full-screen view
of the Russian text, large type, the reader's values, closed by Escape or Back, no
request, no storage, under the site's CSP), the representative's lines, gentle warnings
for an impossible birth date and for direction-control characters (removed from what is
printed), and every application on one A4 sheet with a 300-character name."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.browser.conftest import open_page
from tests.browser.test_forms import (
    FORM, LEGAL, SHOWN, SLUG, TITLES, blank_of, fill_all, goto, pdf_sheets, print_part,
    requests_after, squash, stored_anywhere, stub_print, ui_words,
)
from tests.conftest import LANGS, lang_prefix
from tools.serve import serve

# What a goal must keep on the card and what it must drop (the topics of issue 16).
GOALS = {
    "keep": ({"q-non-use", "q-inactivity-fee", "q-pay-from-abroad", "q-porting", "q-new-phone",
              "q-restore", "q-documents", "q-re-register", "q-other"},
             {"q-refund", "q-confirmation", "q-end-time"}),
    "end": ({"q-refund", "q-representative", "q-end-from-abroad", "q-end-time", "q-confirmation",
             "q-documents", "q-other"}, {"q-porting", "q-pay-from-abroad", "q-inactivity-fee",
                                          "q-re-register"}),
    "esim": ({"q-new-phone", "q-refund", "q-documents"}, {"q-porting", "q-representative"}),
}
CARD = ".sim-card[data-print=questions]"
DIALOG = ".sim-clerk[role=dialog]"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
LONG = {  # 300 characters, Latin with spaces, and Chinese without a single break
    "latin": ("Zhang-Wangsheng Maximilian " * 12)[:300],
    "chinese": ("张王李赵欧阳诸葛东方上官司徒慕容" * 19)[:300],
}
WAKE_LOCK_STUB = """
window.__wake = [];
Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: {
  request: type => { const lock = { released: false, type,
      release() { this.released = true; window.__wake.push('release'); return Promise.resolve(); } };
    window.__wake.push('request ' + type); return Promise.resolve(lock); } } });
"""


def visible_questions(page) -> set[str]:
    return set(page.locator(f"{CARD} ol > li").evaluate_all(
        "lis => lis.filter(li => li.offsetParent !== null).map(li => li.id)"))


# -- the question card narrows like the checklist ---------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_card_narrows_by_carrier_and_goal_from_the_url_and_prints_on_one_sheet(site, reader, lang):
    page, rec = reader
    everything = None
    for goal, (kept, dropped) in GOALS.items():
        goto(page, site.page_url(lang, SLUG) + f"?carrier=megafon&goal={goal}")
        if everything is None:
            assert page.locator("#card-chooser").is_visible()
        shown = visible_questions(page)
        assert kept <= shown and not (dropped & shown), f"{lang} {goal}: {sorted(shown)}"
        assert page.locator("#card-carrier").input_value() == "megafon"
        assert page.locator("#card-goal").input_value() == goal
        header = page.locator(f"{CARD} > p").first.inner_text()
        assert LEGAL["megafon"] in header and "⚠" not in header
        stub_print(page)
        sheets = print_part(page, "questions")
        assert len(sheets) == 1, f"{lang} {goal}: {len(sheets)} sheets"
        on_paper = squash(sheets[0])
        for qid in ("q-refund", "q-porting"):
            russian = squash(page.locator(f"li#{qid} > [lang=ru]").first.inner_text())
            assert (russian in on_paper) == (qid in shown), f"{lang} {goal}: {qid} on paper"
    # the chooser writes the choice back to the address; "everything" shows every question
    page.locator("#card-goal").select_option("")
    page.locator("#card-carrier").select_option("t2")
    assert page.url.endswith("?carrier=t2") and len(visible_questions(page)) == 16
    assert LEGAL["t2"] in page.locator(f"{CARD} > p").first.inner_text()
    # unknown values are dropped
    goto(page, site.page_url(lang, SLUG) + "?carrier=vodafone&goal=%3Cb%3E")
    assert page.locator("#card-carrier").input_value() == "" and len(visible_questions(page)) == 16
    # no carrier chosen for the card: the header takes the one chosen in the applications
    header = page.locator(f"{CARD} > p").first
    page.locator(f"{FORM} [name=carrier]").select_option("beeline")
    assert LEGAL["beeline"] in header.inner_text()
    page.locator("#card-carrier").select_option("mts")
    assert LEGAL["mts"] in header.inner_text() and LEGAL["beeline"] not in header.inner_text()
    assert not rec.console_errors, rec.console_errors


# -- show it to the clerk ----------------------------------------------------------------


def open_clerk(page, which: str):
    opener = page.locator(f"button[data-show-clerk={which}]")
    assert opener.count() == 1 and opener.is_visible(), which
    opener.click()
    dialog = page.locator(DIALOG)
    assert dialog.count() == 1 and dialog.is_visible()
    return opener, dialog


@pytest.mark.parametrize("lang", LANGS)
def test_show_to_the_clerk_opens_large_filled_and_closes_with_escape_or_back(site, site_page, lang):
    page, rec = site_page(viewport={"width": 360, "height": 740})
    page.context.add_init_script(WAKE_LOCK_STUB)
    url = site.page_url(lang, SLUG)
    goto(page, url)
    fill_all(page)
    page.locator(f"{FORM} [name=carrier]").select_option("beeline")
    loaded = len(rec.requests)
    phrases = [c.strip() for c in page.locator(".sim-phrases tbody tr td:first-child").all_inner_texts()]
    assert len(phrases) == 11
    for which in ("termination", "refund", "phrases", "questions"):
        opener, dialog = open_clerk(page, which)
        assert dialog.get_attribute("aria-modal") == "true" and dialog.get_attribute("aria-label")
        # focus moved in, the whole screen covered
        assert page.evaluate(f"document.querySelector('{DIALOG}').contains(document.activeElement)")
        box = dialog.bounding_box()
        assert box["x"] <= 0 and box["y"] <= 0 and box["width"] >= 360 and box["height"] >= 740
        text_box = dialog.locator(".sim-clerk__text")
        assert text_box.get_attribute("lang") == "ru"
        size = float(text_box.evaluate("e => getComputedStyle(e).fontSize").rstrip("px"))
        assert size >= 20, f"{which}: {size}px"
        text = text_box.inner_text()
        assert not re.search("[\u4e00-\u9fff]", text), f"{which}: not only Russian"
        if which in ("termination", "refund"):
            assert text.startswith(f"В {LEGAL['beeline']}") and TITLES[which][:20] in squash(text)
            for field in ("full_name", "document", "phone", "citizenship", "contract_no"):
                assert SHOWN[field] in text, f"{which}: {field} not shown to the clerk"
            assert (SHOWN["account"] in text) == (which == "refund")
        elif which == "phrases":  # one phrase at a time, stepped through with Next
            seen = [text.strip()]
            for _ in phrases[1:]:
                dialog.locator(".sim-clerk__next").click()
                seen.append(text_box.inner_text().strip())
            assert seen == phrases
        else:
            russian = page.locator(f"{CARD} ol > li:not(#q-other) > [lang=ru]").all_inner_texts()
            assert len(russian) == 15 and all(q.strip() in text for q in russian)
        # Tab stays inside; Escape closes, focus returns to the button, the page stays
        for _ in range(3):
            page.keyboard.press("Tab")
            assert page.evaluate(f"document.querySelector('{DIALOG}').contains(document.activeElement)")
        page.keyboard.press("Escape")
        assert page.locator(DIALOG).count() == 0
        assert page.evaluate("document.activeElement.getAttribute('data-show-clerk')") == which
        assert page.url == url
    # Back closes the view and stays on the page
    open_clerk(page, "refund")
    page.go_back()
    page.wait_for_function("() => !document.querySelector('.sim-clerk')")
    assert page.url == url and page.locator(FORM).is_visible()
    # the screen was kept on while shown and let go after
    wake = page.evaluate("window.__wake")
    assert wake.count("request screen") == 5 and wake.count("release") == 5, wake
    assert requests_after(rec, loaded) == [], requests_after(rec, loaded)
    assert not stored_anywhere(page, "ZHANG"), "the clerk view stored something"
    assert not rec.console_errors, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_show_to_the_clerk_works_without_wake_lock_offline_and_under_the_csp(browser, site, offline_copy, lang):
    # the site's own _headers (CSP), in a browser without navigator.wakeLock
    with serve(site.dir, headers=True) as base:
        context, page, rec = open_page(browser, base, viewport={"width": 390, "height": 844})
        try:
            context.add_init_script("""window.__csp = [];
                document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective));
                Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: undefined });""")
            response = page.goto(f"{base}{lang_prefix(lang)}{SLUG}", wait_until="load")
            assert "default-src 'self'" in response.headers["content-security-policy"]
            page.wait_for_selector(FORM, state="visible")
            page.locator(f"{FORM} [name=full_name]").fill("ZHANG San")
            for which in ("termination", "questions"):
                open_clerk(page, which)
                page.keyboard.press("Escape")
                assert page.locator(DIALOG).count() == 0
            assert page.evaluate("window.__csp") == [] and not rec.console_errors, rec.console_errors
        finally:
            context.close()
    # the offline copy, over file://
    context, page, rec = open_page(browser, offline_copy.as_uri() + "/")
    try:
        folder = offline_copy if lang == "zh" else offline_copy / lang
        page.goto((folder / "at-the-counter.html").as_uri(), wait_until="load")
        page.wait_for_selector(FORM, state="visible")
        page.locator(f"{FORM} [name=full_name]").fill("ZHANG San")
        _, dialog = open_clerk(page, "termination")
        assert "ZHANG San" in dialog.inner_text()
        page.keyboard.press("Escape")
        assert page.locator(DIALOG).count() == 0
        assert not rec.blocked and not rec.console_errors, rec.blocked + rec.console_errors
    finally:
        context.close()


# -- who hands the applications in ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_representative_lines_and_the_copy_of_the_power_of_attorney(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    stub_print(page)
    fill_all(page)
    form = page.locator(FORM)
    rep = {"rep_name": "Иванов Иван Иванович", "rep_document": "паспорт гражданина Российской Федерации 4510 123456",
           "poa_notary": "Петрова А. А., Москва", "poa_number": "77/123-н/77-2026-1-234"}
    # the representative's fields appear once a representative is chosen
    form.locator("[name=applicant][value=representative]").check()
    for name, value in rep.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("[name=poa_date]").fill("2026-11-02")
    for part in ("termination", "refund"):
        sheet = squash(print_part(page, part)[0])
        assert "☒черезпредставителя" in sheet and "☐лично" in sheet
        for value in list(rep.values()) + ["02.11.2026"]:
            assert squash(value) in sheet, f"{lang} {part}: {value} not printed"
        assert "Приложение:копиядоверенности." in sheet  # no "(if …)" once it is so
        # the representative signs: the name under the signature is theirs
        assert re.search(r"Подписьзаявителя\(представителя\):_+/" + squash(rep["rep_name"]), sheet)
    form.locator("[name=applicant][value=self]").check()
    for part in ("termination", "refund"):
        sheet = squash(print_part(page, part)[0])
        assert "☒лично" in sheet and "☐черезпредставителя" in sheet
        assert "Приложение" not in sheet and squash(rep["rep_name"]) not in sheet
        assert re.search(r"Подписьзаявителя\(представителя\):_+/" + squash(SHOWN["full_name"]), sheet)


# -- gentle warnings -----------------------------------------------------------------------


def iso(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


@pytest.mark.parametrize("lang", LANGS)
def test_impossible_birth_dates_get_a_gentle_translated_warning(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    words = ui_words(lang)
    box = page.locator(f"{FORM} [name=birth_date]")
    hint = page.locator("#sim-birth_date-hint")
    assert hint.get_attribute("aria-live") == "polite"
    assert "sim-birth_date-hint" in box.get_attribute("aria-describedby").split()
    today = dt.date.today()
    cases = [
        ("9999-12-31", "birthFuture"), (iso(today + dt.timedelta(days=1)), "birthFuture"),
        ("0001-01-01", "birthOld"), (iso(today.replace(year=today.year - 121)), "birthOld"),
        ("1990-05-17", None), (iso(today.replace(year=today.year - 119)), None), (iso(today), None),
    ]
    for value, key in cases:
        box.fill(value)
        box.blur()
        if key:
            assert hint.is_visible() and hint.inner_text() == words[key], value
            assert box.get_attribute("aria-invalid") == "true"
            shown = ".".join(reversed(value.split("-")))
            assert blank_of(page, 0, "birth_date") == shown, "a warning must not block the value"
        else:
            assert hint.inner_text() == "" and box.get_attribute("aria-invalid") is None, value
    assert words["birthFuture"] != words["birthOld"]


@pytest.mark.parametrize("lang", LANGS)
def test_direction_controls_are_named_and_never_printed(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    stub_print(page)
    form = page.locator(FORM)
    hint = page.locator("#sim-bidi-hint")
    assert hint.get_attribute("aria-live") == "polite" and hint.inner_text() == ""
    form.locator("[name=full_name]").fill("ZHANG\u202e naS\u202c" + BIDI)
    form.locator("[name=address]").fill("\u2067Beijing\u2069, Chaoyang")
    form.locator("[name=carrier]").select_option("mts")
    labels = [form.locator(f"label[for=sim-{n}]").inner_text().strip() for n in ("full_name", "address")]
    message = hint.inner_text()
    assert message and all(label in message for label in labels), message
    assert ui_words(lang)["bidi"].split("{fields}")[-1].strip()[:8] in message
    # on screen, on paper and in the clerk view: the text without them
    for n in (0, 1):
        assert blank_of(page, n, "full_name") == "ZHANG naS"
        assert blank_of(page, n, "address") == "Beijing, Chaoyang"
    in_page = page.locator(".sim-form").evaluate_all("fs => fs.map(f => f.textContent).join('')")
    assert not set(BIDI) & set(in_page)
    for part in ("termination", "refund"):
        sheet = print_part(page, part)[0]
        assert not set(BIDI) & set(sheet) and "ZHANGnaS" in squash(sheet)
    _, dialog = open_clerk(page, "termination")
    assert not set(BIDI) & set(dialog.inner_text())
    page.keyboard.press("Escape")
    # mended, the warning goes
    form.locator("[name=full_name]").fill("ZHANG San")
    form.locator("[name=address]").fill("Beijing, Chaoyang")
    assert hint.inner_text() == ""


# -- one A4 sheet each, whatever the name ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(LONG))
def test_each_application_fits_one_sheet_with_a_300_character_name_cut_to_its_cap(site, reader, lang, kind):
    page, rec = reader
    page.set_viewport_size({"width": 390, "height": 844})
    goto(page, site.page_url(lang, SLUG))
    stub_print(page)
    fill_all(page)
    form = page.locator(FORM)
    name = LONG[kind]
    assert len(name) == 300
    form.locator("[name=full_name]").fill(name)
    # the field holds what fits its printed line (issue 28): the rest of the 300 is cut
    kept = form.locator("[name=full_name]").input_value()
    cap = form.locator("[name=full_name]").evaluate("el => el.maxLength")
    assert 0 < cap < 300 and len(kept) == cap and name.startswith(kept), (cap, len(kept))
    form.locator("[name=address]").fill(name[:120])
    form.locator("[name=bank]").fill(name[:150])
    form.locator("[name=carrier]").select_option("megafon")
    form.locator("[name=applicant][value=representative]").check()
    form.locator("[name=rep_name]").fill(name[:100])
    for part in ("termination", "refund"):
        sheets = print_part(page, part)
        assert len(sheets) == 1, f"{lang} {kind} {part}: {len(sheets)} sheets"
        sheet = squash(sheets[0])
        # the first sheet is the application, whole: from the addressee to the clerk's stamp
        assert sheet.startswith(squash(f"В {LEGAL['megafon']}")) and TITLES[part] in sheet
        assert squash(kept) in sheet, f"{lang} {kind} {part}: the name is cut"
        assert sheet.rstrip().endswith("М.П."), sheet[-80:]
    # and the whole page, printed at once, still gives each application one sheet
    sheets = [squash(s) for s in pdf_sheets(page)]
    for part, title in TITLES.items():
        holding = [k for k, s in enumerate(sheets) if title in s]
        assert len(holding) == 1 and sheets[holding[0]].rstrip().endswith("М.П."), (part, holding)
