"""Forms a reader can fill alone (issue 27, item 5), in zh, ru and en: the optional blanks
marked in the reader's language (label and help; never on the Russian print), «Дата»,
«Подпись» and the clerk's box explained beside the forms, the representative's fields
only when a representative goes (and no empty representative lines on the in-person
print), the refund lines fit an account number with a SWIFT code, and the clerk view of
one phrase at a time (next / previous / close, arrow keys, announced, 360 px)."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_forms import FORM, SLUG, fill_all, goto, print_part, squash, stub_print, ui_words
from tests.conftest import LANGS

# the date of termination is not among them: the application needs it (typed, or written by hand)
OPTIONAL = ("email", "contract_no", "contract_date", "personal_account", "corr_account")
REQUIRED = ("full_name", "birth_date", "citizenship", "document", "address", "phone", "reply_to", "end_date")
REP_FIELDS = ("rep_name", "rep_document", "poa_date", "poa_notary", "poa_number")
# the mark beside the label, and the words the help beside the field starts with
MARK = {"zh": ("选填", "可以不填"), "ru": ("необязательно", "Можно не заполнять"), "en": ("optional", "Optional")}
DIALOG = ".sim-clerk[role=dialog]"

FIELD_TEXTS = """(f, names) => names.map(n => {
    const el = f.elements[n];
    const label = el.labels[0];
    const mark = label.querySelector('.sim-optional');
    const help = (el.getAttribute('aria-describedby') || '').split(' ')
        .map(id => document.getElementById(id)).filter(h => h && h.classList.contains('sim-help'))
        .map(h => h.textContent).join(' ');
    return [n, mark && mark.offsetParent !== null ? mark.textContent : '', help];
})"""


@pytest.mark.parametrize("lang", LANGS)
def test_optional_blanks_are_marked_in_the_readers_language_and_not_printed(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    stub_print(page)
    mark, help_start = MARK[lang]
    form = page.locator(FORM)
    for name, shown, help_ in form.evaluate(FIELD_TEXTS, list(OPTIONAL)):
        assert mark in shown, f"{lang} {name}: no visible optional mark"
        assert help_.startswith(help_start), f"{lang} {name}: help does not say it is optional: {help_!r}"
    for name, shown, help_ in form.evaluate(FIELD_TEXTS, list(REQUIRED)):
        assert not shown and help_start not in help_, f"{lang} {name}: marked optional"
    # the print the clerk reads carries no zh/en word and no optional mark
    for part in ("termination", "refund"):
        sheets = print_part(page, part)
        assert len(sheets) == 1, f"{lang} {part}: {len(sheets)} sheets"
        assert not re.search(r"[\u4e00-\u9fff]|optional|необязательно|Можно не заполнять", sheets[0]), part
    assert not rec.console_errors, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_date_signature_and_the_clerks_box_are_explained_beside_the_forms(site, reader, lang):
    page, _ = reader
    goto(page, site.page_url(lang, SLUG))
    texts = page.evaluate("""() => {
        const help = document.querySelector('#sign-and-date.sim-sign-help');
        const forms = [...document.querySelectorAll('.sim-form[data-print]')];
        const before = f => { let e = f.previousElementSibling;
            while (e && !/^H[23]$/.test(e.tagName)) { if (e.matches('.sim-sign-help') ||
                e.querySelector('a[href="#sign-and-date"]')) return true; e = e.previousElementSibling; }
            return false; };
        return { help: help && help.innerText, items: help ? help.querySelectorAll('li').length : 0,
                 beside: forms.map(before) };
    }""")
    assert texts["help"], f"{lang}: no explanation of «Дата», «Подпись» and the clerk's box"
    assert texts["items"] == 3 and texts["beside"] == [True, True], texts
    # the Russian words as the form prints them, quoted as each language quotes (zh 「」)
    quote = "「{}」" if lang == "zh" else "«{}»"
    for word in ("Дата", "Подпись", "Отметка о принятии"):
        assert quote.format(word) in texts["help"], f"{lang}: {word} not explained"
    # in the reader's language (zh and en pages explain in Chinese / English)
    if lang == "zh":
        assert re.search(r"[\u4e00-\u9fff]{10}", texts["help"]) and "工作人员" in texts["help"]
    if lang == "en":
        assert "in front of the clerk" in texts["help"] and "the copy you keep" in texts["help"]
    # and it never prints with an application
    stub_print(page)
    sheet = print_part(page, "termination")[0]
    assert "Не уходите" not in sheet and "расшифровка подписи)" in sheet


@pytest.mark.parametrize("lang", LANGS)
def test_representative_fields_only_when_a_representative_goes(site, reader, lang):
    page, _ = reader
    goto(page, site.page_url(lang, SLUG))
    stub_print(page)
    fill_all(page)
    form = page.locator(FORM)

    def visible():
        return [n for n in REP_FIELDS if form.locator(f"[name={n}]").is_visible()]

    assert visible() == [], f"{lang}: representative fields shown before anyone is chosen"
    form.locator("[name=applicant][value=self]").check()
    assert visible() == []
    for part in ("termination", "refund"):
        sheet = squash(print_part(page, part)[0])
        assert "Представитель" not in sheet and "доверенност" not in sheet, f"{lang} {part}: empty rep lines"
    form.locator("[name=applicant][value=representative]").check()
    assert visible() == list(REP_FIELDS)
    form.locator("[name=rep_name]").fill("Иванов Иван")
    for part in ("termination", "refund"):
        assert "Представитель(ФИО):ИвановИван" in squash(print_part(page, part)[0])
    form.locator("[name=applicant][value=self]").check()
    assert visible() == []


@pytest.mark.parametrize("lang", LANGS)
def test_refund_lines_fit_an_account_number_with_swift(site, reader, lang):
    page, _ = reader
    goto(page, site.page_url(lang, SLUG))
    stub_print(page)
    page.locator(FORM).evaluate("""f => { const set = (n, v) => { f.elements[n].value = v;
        ['input', 'change'].forEach(t => f.elements[n].dispatchEvent(new Event(t, {bubbles: true}))); };
        set('bank', 'Bank of China, Beijing'); set('swift', 'BKCHCNBJ'); set('account', '6217000010001234567');
        const r = f.querySelector('[name=refund_to][value=bank]'); r.checked = true;
        r.dispatchEvent(new Event('change', {bubbles: true})); }""")
    assert page.locator("#sim-account-hint").inner_text() == "", "a Chinese account number is flagged"
    sheet = squash(print_part(page, "refund")[0])
    assert "SWIFT-код:BKCHCNBJ" in sheet
    assert re.search(r"номерсчётаполучателя\([^)]*\)илиIBAN:6217000010001234567", sheet), sheet


@pytest.mark.parametrize("lang", LANGS)
def test_each_phrase_shown_alone_with_next_previous_close_at_360px(site, reader, lang):
    page, rec = reader
    page.set_viewport_size({"width": 360, "height": 740})
    goto(page, site.page_url(lang, SLUG))
    words = ui_words(lang)
    phrases = [c.strip() for c in page.locator(".sim-phrases tbody tr td:first-child").all_inner_texts()]
    assert len(phrases) == 11
    shows = page.locator(".sim-phrases tbody tr .sim-show-phrase")
    assert shows.count() == 11
    shows.nth(2).click()
    dialog = page.locator(DIALOG)
    phrase = dialog.locator(".sim-clerk__phrase")
    count = dialog.locator(".sim-clerk__count")
    assert phrase.inner_text().strip() == phrases[2]
    assert phrase.evaluate("e => e.closest('[lang]').lang") == "ru"
    assert float(phrase.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 24
    assert count.get_attribute("aria-live") == "polite"
    assert count.inner_text() == words["phraseCount"].format(n=3, total=11)
    # 360 px: close, previous and next on screen, each on one line
    for sel in (".sim-clerk__close", ".sim-clerk__prev", ".sim-clerk__next"):
        box = dialog.locator(sel).bounding_box()
        lines = dialog.locator(sel).evaluate(
            "b => { const r = document.createRange(); r.selectNodeContents(b); return r.getClientRects().length; }")
        assert lines == 1 and box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{lang} {sel}: {box}, {lines} lines"
        assert box["y"] >= 0 and box["y"] + box["height"] <= 740, f"{lang} {sel} off screen: {box}"
    # buttons
    dialog.locator(".sim-clerk__next").click()
    assert phrase.inner_text().strip() == phrases[3]
    dialog.locator(".sim-clerk__prev").click()
    dialog.locator(".sim-clerk__prev").click()
    assert phrase.inner_text().strip() == phrases[1]
    # keyboard: arrows step, never past the ends; Tab stays inside; Escape closes
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
    assert phrase.inner_text().strip() == phrases[0]
    assert dialog.locator(".sim-clerk__prev").is_disabled()
    for _ in range(15):
        page.keyboard.press("ArrowRight")
    assert phrase.inner_text().strip() == phrases[-1] and dialog.locator(".sim-clerk__next").is_disabled()
    assert count.inner_text() == words["phraseCount"].format(n=11, total=11)
    for _ in range(4):
        page.keyboard.press("Tab")
        assert page.evaluate(f"document.querySelector('{DIALOG}').contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert page.locator(DIALOG).count() == 0
    assert page.evaluate("document.activeElement.getAttribute('data-phrase')") == "2"
    # the close button closes too
    shows.nth(0).click()
    assert page.locator(f"{DIALOG} .sim-clerk__phrase").inner_text().strip() == phrases[0]
    page.locator(f"{DIALOG} .sim-clerk__close").click()
    page.wait_for_function("() => !document.querySelector('.sim-clerk')")
    assert not rec.console_errors, rec.console_errors
