"""The counter page's fill-in form (overrides/assets/javascripts/sim-forms.js): what is
typed (every blank of the Russian forms has a field or a choice) appears in both Russian
applications on screen and on paper, each application prints alone on one A4 sheet, the
carrier fills in its legal name from facts.yml, the question card holds every question
with its own anchor, the gentle checks, nothing leaves the device, memory only on
request, file:// and axe. More in test_counter.py."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from tests.browser.conftest import open_page
from tests.conftest import DEFAULT_LANG, DOCS, LANGS

SLUG = "at-the-counter/"
FORM = "#application-filler"
PARTS = {"termination": 0, "refund": 1}  # data-print value -> index among .sim-form
CARRIERS = ("mts", "beeline", "megafon", "t2")
FACTS = yaml.safe_load((DOCS / "_data" / "facts.yml").read_text(encoding="utf-8"))["facts"]
LEGAL = {c: FACTS[f"{c}.legal-name"]["value"] for c in CARRIERS}

# What a reader types, and how the applications show it.
TYPED = {
    "full_name": "ZHANG San",
    "birth_date": "1990-05-17",
    "citizenship": "Китай",
    "document": "E12345678, выдан MPS, 01.02.2020",
    "address": "Москва, ул. Примерная, д. 1, кв. 2",
    "contact_phone": "+86 138 0013 8000",
    "email": "zhang.san@example.com",
    "phone": "8 (900) 123-45-67",
    "contract_no": "77-123456",
    "contract_date": "2023-09-01",
    "personal_account": "1234567890",
    "bank": "Bank of Example, 1 Example Road, Beijing",
    "bik": "041234567",
    "corr_account": "30101810400000000225",
    "swift": "EXAMCNBJ",
    "account": "GB82 WEST 1234 5698 7654 32",  # the textbook IBAN: its checksum holds
    "other_number": "+79001112233",
}
# The document kind is a choice; the application gets its Russian name.
DOCUMENT_KIND = ("foreign-passport", "паспорт иностранного гражданина")
SHOWN = {
    **TYPED,
    "birth_date": "17.05.1990",
    "document": f"{DOCUMENT_KIND[1]} {TYPED['document']}",
    "phone": "+7 900 123-45-67",
    "contract_date": "01.09.2023",
    "other_number": "+7 900 111-22-33",
}
IN_BOTH = ("full_name", "birth_date", "citizenship", "document", "address", "contact_phone", "email",
           "phone", "contract_no", "contract_date", "personal_account")
REFUND_ONLY = ("bank", "bik", "corr_account", "swift", "account", "other_number")
FIELDS = tuple(TYPED) + ("carrier", "document_kind", "refund_to", "applicant", "rep_name",
                         "rep_document", "poa_date", "poa_notary", "poa_number")
BLANK = re.compile(r"_{6,}")
TITLES = {  # the applications' titles, squashed
    "termination": "Заявлениеорасторжениидоговораобоказанииуслугсвязи",
    "refund": "Заявлениеовозвратеостаткаденежныхсредств",
}
AXE = Axe()


def ui_words(lang: str) -> dict:
    """The counter page's interface words (docs/_data/ui/<lang>.yml, script.forms)."""
    data = yaml.safe_load((DOCS / "_data" / "ui" / f"{lang}.yml").read_text(encoding="utf-8"))
    return data["script"]["forms"]


def squash(text: str) -> str:
    """Without spaces and NFKC (PDF text of CJK fonts comes back as Kangxi radicals)."""
    return re.sub(r"[\s¶]+", "", unicodedata.normalize("NFKC", text))


def pdf_sheets(page) -> list[str]:
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    for sheet in reader.pages:  # A4 is 595 x 842 pt
        box = sheet.mediabox
        assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2, box
    return [p.extract_text() or "" for p in reader.pages]


def goto(page, url):
    page.goto(url, wait_until="load")
    page.wait_for_selector(FORM, state="visible")


FILL = """(f, [values, kind, refundTo]) => {
    const fire = el => ['input', 'change'].forEach(t => el.dispatchEvent(new Event(t, {bubbles: true})));
    for (const [name, value] of Object.entries(values)) {
        const el = f.elements[name];
        if (!el) throw new Error('no field named ' + name);
        el.value = value;
        fire(el);  // as typing (input), then leaving the field (change), fire them
    }
    f.elements.document_kind.value = kind;
    if (f.elements.document_kind.value !== kind) throw new Error('no document kind ' + kind);
    fire(f.elements.document_kind);
    const radio = f.querySelector('[name=refund_to][value=' + refundTo + ']');
    radio.checked = true;
    fire(radio);
}"""


def fill_all(page, refund_to="bank"):
    """Every field filled in one round trip, with the events that typing into a field and
    leaving it fire (input, change), which is all the form listens to. How typing itself
    behaves (hints as you type, Tab order) is tested by typing, below."""
    page.locator(FORM).evaluate(FILL, [TYPED, DOCUMENT_KIND[0], refund_to])


def stub_print(page):
    """window.print records what <html data-sim-print> said when it was called."""
    page.evaluate("""() => { window.__printed = [];
        window.print = () => window.__printed.push(
            document.documentElement.getAttribute('data-sim-print')); }""")


def print_part(page, target) -> list[str]:
    """Press the print button beside one part, print to PDF as the browser would, then
    let the page see `afterprint`."""
    before = len(page.evaluate("window.__printed"))
    page.locator(f".sim-print-part[data-target={target}]").click()
    assert page.evaluate("window.__printed").pop() == target, "print button did not mark its part"
    assert len(page.evaluate("window.__printed")) == before + 1
    sheets = pdf_sheets(page)
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("html").get_attribute("data-sim-print") is None, "left in print mode"
    return sheets


def blank_of(page, form_index: int, field: str) -> str:
    return page.locator(".sim-form").nth(form_index).locator(
        f".sim-blank[data-field={field}]").first.inner_text()


def blanks_of(page, fields) -> dict[int, dict[str, str]]:
    """blank_of for every field of both applications, in one round trip."""
    return {int(k): v for k, v in page.evaluate("""fields => Object.fromEntries(
        [...document.querySelectorAll('.sim-form')].map((f, i) => [i, Object.fromEntries(fields.map(
            name => [name, f.querySelector('.sim-blank[data-field=' + name + ']').innerText]))]))""",
        list(fields)).items()}


def field_values(page) -> dict[str, str]:
    return page.locator(FORM).evaluate(
        "(f, names) => Object.fromEntries(names.map(n => [n, f.elements[n].value]))", list(FIELDS))


def requests_after(rec, loaded: int) -> list[str]:
    """What the page asked for after it had loaded; the browser's own late fetch of the
    favicon is not the page's doing."""
    return [u for u in rec.requests[loaded:] if not u.endswith("/favicon.svg")]


def stored_anywhere(page, needle: str) -> bool:
    return page.evaluate("""needle => {
        const all = [document.cookie];
        for (const s of [localStorage, sessionStorage])
          for (let i = 0; i < s.length; i++) all.push(s.key(i), s.getItem(s.key(i)));
        return all.some(v => (v || '').includes(needle)); }""", needle)


# -- what is typed reaches both applications, on screen and on paper ------------------


@pytest.mark.parametrize("lang", LANGS)
def test_typed_values_and_legal_name_fill_both_applications_and_print(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    loaded = len(rec.requests)
    stub_print(page)
    intro = page.locator(f"{FORM} > p").first.inner_text()
    # the legal names are on the page, as facts with the on-screen ⚠ mark
    for carrier in CARRIERS:
        fact = page.locator(f'.sim-fact[data-fact="{carrier}.legal-name"]')
        assert fact.count() == 1 and fact.is_visible()
        assert LEGAL[carrier] in fact.inner_text() and "⚠" in fact.inner_text()

    for i, carrier in enumerate(CARRIERS):
        refund_to = ("bank", "number")[i % 2]
        fill_all(page, refund_to)
        page.locator(f"{FORM} [name=carrier]").select_option(carrier)
        forms = page.locator(".sim-form")
        assert forms.count() == 2
        for part, n in PARTS.items():
            text = forms.nth(n).inner_text()
            assert blank_of(page, n, "carrier") == LEGAL[carrier], f"{part}: addressee"
            assert text.startswith(f"В {LEGAL[carrier]}"), text[:80]
            assert "⚠" not in text
            for field in IN_BOTH:
                assert SHOWN[field] in text, f"{lang} {part}: {field} not shown"
            for field in REFUND_ONLY:
                assert (SHOWN[field] in text) == (part == "refund"), f"{lang} {part}: {field}"
        boxes = forms.nth(1).locator(".sim-box[data-field=refund_to]")
        ticked = {boxes.nth(k).get_attribute("data-value"): boxes.nth(k).inner_text() for k in range(2)}
        assert ticked == {refund_to: "☒", ("number" if refund_to == "bank" else "bank"): "☐"}
        if i >= 2:
            continue  # on paper: the first two carriers, the refund to a bank and to a number

        for part, n in PARTS.items():
            sheets = print_part(page, part)
            assert len(sheets) == 1, f"{lang} {carrier} {part}: {len(sheets)} sheets"
            sheet = squash(sheets[0])
            assert "⚠" not in sheet, f"{lang} {part}: the ⚠ mark is on paper"
            assert squash(f"В {LEGAL[carrier]}") in sheet
            for field in IN_BOTH + (REFUND_ONLY if part == "refund" else ()):
                assert squash(SHOWN[field]) in sheet, f"{lang} {carrier} {part}: {field} not printed"
            # the application alone: no other part, no page text, no screen form
            other = TITLES["refund" if part == "termination" else "termination"]
            assert TITLES[part] in sheet and other not in sheet and "Вопросы" not in sheet
            for heading in page.locator("article h2").all_inner_texts():
                assert squash(heading) not in sheet, f"{part} sheet holds '{heading}'"
            assert squash(intro) not in sheet, "the screen form was printed"
            assert not re.search("[\u4e00-\u9fff]", sheet)
            # what nobody typed prints as a blank line; the clerk's part is there
            assert re.search(r"Дата:«_{4,}»", sheet) and re.search(r"\(ФИО\):_{6,}", sheet)
            assert re.search(r"входящийNo/номеробращения_{6,}", sheet) and "подпись_" in sheet and "М.П." in sheet
            assert "Подписьзаявителя(представителя):" in sheet
            choice = "☒перечислить" if refund_to == "bank" else "☒перевести"
            assert (choice in sheet) == (part == "refund")
    assert requests_after(rec, loaded) == [], f"requests after load: {requests_after(rec, loaded)}"
    assert not rec.console_errors, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_emptied_fields_leave_blank_lines_and_whole_page_prints_without_the_form(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    blank = blanks_of(page, IN_BOTH + ("carrier",))
    assert sorted(blank) == sorted(PARTS.values())
    assert all(BLANK.search(v) for b in blank.values() for v in b.values()), blank
    fill_all(page)
    page.locator(f"{FORM} [name=carrier]").select_option("mts")
    assert blank_of(page, 0, "full_name") == SHOWN["full_name"]
    # empty everything again: the blank lines come back, exactly as they were
    for name in TYPED:
        page.locator(f"{FORM} [name={name}]").fill("")
    page.locator(f"{FORM} [name=carrier]").select_option("")
    page.locator(f"{FORM} [name=document_kind]").select_option("")
    again = blanks_of(page, IN_BOTH + ("carrier",))
    for n, fields in blank.items():
        for field, line in fields.items():
            assert again[n][field] == line, f"{field} did not return to its blank"
    assert page.locator(".sim-blank[data-filled]").count() == 0

    # printing the whole page: applications with what is typed, not the screen form
    page.locator(f"{FORM} [name=full_name]").fill(SHOWN["full_name"])
    sheets = [squash(s) for s in pdf_sheets(page)]
    holding = [k for k, s in enumerate(sheets) if TITLES["termination"] in s]
    assert len(holding) == 1 and squash("от " + SHOWN["full_name"]) in sheets[holding[0]]
    intro = page.locator(f"{FORM} > p").first.inner_text()
    assert not any(squash(intro) in s for s in sheets), "the screen form was printed"


QUESTIONS = ("q-non-use", "q-inactivity-fee", "q-voluntary-block", "q-pay-from-abroad", "q-new-phone",
             "q-restore", "q-porting", "q-end-time", "q-documents", "q-end-from-abroad",
             "q-representative", "q-refund", "q-confirmation", "q-contacts", "q-re-register",
             "q-other")


@pytest.mark.parametrize("lang", LANGS)
def test_question_card_holds_every_question_and_prints_alone_on_one_sheet(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    stub_print(page)
    card = page.locator("#questions ~ .sim-card[data-print=questions]")
    items = card.locator("ol > li")
    assert tuple(items.evaluate_all("lis => lis.map(li => li.id)")) == QUESTIONS
    lines = items.evaluate_all("lis => lis.map(li => li.innerText.split('\\n').filter(l => l.trim()))")
    russian = [item[0].strip() for item in lines[:-1]]
    # each question: Russian for the clerk, the reader's language beneath, a line for the answer
    for qid, item in zip(QUESTIONS, lines):
        first = card.locator(f"li#{qid} > [lang=ru]").first
        assert first.count() == 1 and item[0].strip() == first.inner_text().strip(), qid
        assert BLANK.search(item[-1]), f"{qid}: no line for the answer"
        if lang != "ru" and qid != "q-other":
            beneath = item[1]
            assert len(item) == 3 and beneath.strip().endswith(("?", "？")), (qid, item)
            assert (re.search("[\u4e00-\u9fff]", beneath) is not None) == (lang == "zh"), beneath
    assert all(re.search("[а-яё]{3}", q) and q.endswith("?") for q in russian), russian
    # blank rows for the reader's own questions
    assert len(BLANK.findall(card.locator("li#q-other").inner_text())) >= 4
    sheets = print_part(page, "questions")
    assert len(sheets) == 1, f"{lang}: the card takes {len(sheets)} sheets"
    sheet = squash(sheets[0])
    assert all(squash(q) in sheet for q in russian), "a Russian question is not on paper"
    assert TITLES["termination"] not in sheet and TITLES["refund"] not in sheet


# -- gentle checks ---------------------------------------------------------------------


HINTS = [
    # field, bad value, message key, good value
    ("phone", "12345", "phone", "+7 900 123-45-67"),
    ("phone", "+1 900 123 45 67", "phone", "89001234567"),
    ("other_number", "8 900 123", "phone", "+7 (900) 111-22-33"),
    ("bik", "04123456", "bik", "041234567"),
    ("bik", "04123456X", "bik", "041 234 567"),
    ("account", "GB82 WEST 1234 5698 7654 33", "iban", "GB82 WEST 1234 5698 7654 32"),
    ("account", "DE89 3704 0044 0532 0130 01", "iban", "DE89 3704 0044 0532 0130 00"),
    ("corr_account", "3010181040000000022", "corr", "3010 1810 4000 0000 0225"),
]


@pytest.mark.parametrize("lang", LANGS)
def test_hints_for_bad_values_appear_are_announced_and_go(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    stub_print(page)
    form = page.locator(FORM)
    for field, bad, key, good in HINTS + [("account", "1234 5678", "account", "4081 7810 0999 1000 0001")]:
        if key == "account":  # a Russian account: a БИК given, no SWIFT
            form.locator("[name=bik]").fill("041234567")
            form.locator("[name=swift]").fill("")
        box = form.locator(f"[name={field}]")
        hint = page.locator(f"#sim-{field}-hint")
        assert hint.get_attribute("aria-live") == "polite"
        assert f"sim-{field}-hint" in box.get_attribute("aria-describedby").split()
        box.fill(bad)
        box.blur()
        message = hint.get_attribute(f"data-msg-{key}") or ui_words(lang)[key]
        assert message and hint.is_visible() and hint.inner_text() == message, f"{field}={bad!r}"
        assert box.get_attribute("aria-invalid") == "true"
        # never blocking: the application still takes the value and prints
        page.locator(".sim-print-part[data-target=refund]").click()
        assert page.evaluate("window.__printed").pop() == "refund"
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        assert bad.upper().replace(" ", "") in blank_of(page, 1, field).replace(" ", "")
        box.fill(good)  # a fix clears the hint as it is typed, before leaving the field
        assert not hint.is_visible() and hint.inner_text() == "", f"{field}={good!r}"
        assert box.get_attribute("aria-invalid") is None
        box.fill("")
        form.locator("[name=bik]").fill("")
    # a foreign account number is not held to the Russian 20 digits
    form.locator("[name=swift]").fill("EXAMCNBJ")
    form.locator("[name=account]").fill("6222 0212 3456 7890 123")
    form.locator("[name=account]").blur()
    assert not page.locator("#sim-account-hint").is_visible()
    # an IBAN mistyped after a SWIFT still gets its hint
    form.locator("[name=account]").fill("GB82 WEST 1234 5698 7654 31")
    assert page.locator("#sim-account-hint").is_visible()


# -- nothing leaves the device; memory only on request -----------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_sent_or_stored_without_remember(site, clean_page, lang):
    page, rec = clean_page
    url = site.page_url(lang, SLUG)
    goto(page, url)
    loaded = len(rec.requests)
    stub_print(page)
    fill_all(page)
    page.locator(f"{FORM} [name=carrier]").select_option("beeline")
    page.locator(f"{FORM} [name=full_name]").press("Enter")  # a submit goes nowhere
    page.locator(FORM).evaluate("f => f.requestSubmit()")
    page.locator(".sim-print-part[data-target=termination]").click()
    page.locator(".sim-toolbar button.sim-print").click()
    page.wait_for_timeout(300)
    assert page.url == url, "the form navigated"
    assert requests_after(rec, loaded) == [], f"requests after load: {requests_after(rec, loaded)}"
    assert not stored_anywhere(page, "ZHANG"), "stored without 'remember'"
    page.reload(wait_until="load")
    page.wait_for_selector(FORM, state="visible")
    assert not any(field_values(page).values()), "a reload without 'remember' kept the fields"
    assert page.locator(".sim-blank[data-filled]").count() == 0
    assert BLANK.search(blank_of(page, 0, "full_name"))


@pytest.mark.parametrize("lang", LANGS)
def test_remember_keeps_fields_and_forget_clears_them(site, clean_page, lang):
    page, rec = clean_page
    goto(page, site.page_url(lang, SLUG))
    fill_all(page, "number")
    page.locator(f"{FORM} [name=carrier]").select_option("t2")
    page.locator(f"{FORM} [name=remember]").check()
    assert stored_anywhere(page, "ZHANG")
    page.locator(f"{FORM} [name=document]").fill("паспорт G7654321")  # later typing is kept too
    page.reload(wait_until="load")
    page.wait_for_selector(FORM, state="visible")
    values = field_values(page)
    assert values["full_name"] == TYPED["full_name"] and values["document"] == "паспорт G7654321"
    assert values["carrier"] == "t2" and values["refund_to"] == "number"
    assert page.locator(f"{FORM} [name=remember]").is_checked()
    assert blank_of(page, 1, "carrier") == LEGAL["t2"]
    assert blank_of(page, 1, "other_number") == SHOWN["other_number"]

    # unticking "remember" drops what was stored, but keeps the fields on screen
    page.locator(f"{FORM} [name=remember]").uncheck()
    assert not stored_anywhere(page, "ZHANG")
    assert field_values(page)["full_name"] == TYPED["full_name"]
    page.locator(f"{FORM} [name=remember]").check()

    # "forget" empties the fields and the device
    page.locator(f"{FORM} .sim-forget").click()
    assert not any(field_values(page).values())
    assert not page.locator(f"{FORM} [name=remember]").is_checked()
    assert not stored_anywhere(page, "ZHANG") and not stored_anywhere(page, "паспорт")
    assert page.locator(".sim-blank[data-filled]").count() == 0
    page.reload(wait_until="load")
    page.wait_for_selector(FORM, state="visible")
    assert not any(field_values(page).values()), "forget was not remembered"


# -- the offline copy, keyboard and screen readers, no JavaScript ------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_offline_copy_over_file(browser, offline_copy, lang):
    context, page, rec = open_page(browser, offline_copy.as_uri() + "/")
    try:
        folder = offline_copy if lang == DEFAULT_LANG else offline_copy / lang
        page.goto((folder / "at-the-counter.html").as_uri(), wait_until="load")
        page.wait_for_selector(FORM, state="visible")
        stub_print(page)
        fill_all(page)
        page.locator(f"{FORM} [name=carrier]").select_option("megafon")
        assert blank_of(page, 0, "carrier") == LEGAL["megafon"]
        sheets = print_part(page, "refund")
        assert len(sheets) == 1
        assert squash(SHOWN["account"]) in squash(sheets[0]) and "⚠" not in sheets[0]
        page.locator(f"{FORM} [name=remember]").check()
        page.reload(wait_until="load")
        page.wait_for_selector(FORM, state="visible")
        assert field_values(page)["full_name"] == TYPED["full_name"], "not remembered from file://"
        page.locator(f"{FORM} .sim-forget").click()
        page.reload(wait_until="load")
        assert not any(field_values(page).values())
        assert not rec.blocked, f"network requests from the offline copy: {rec.blocked}"
        assert not rec.failed and not rec.console_errors, rec.failed + rec.console_errors
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_form_is_labelled_keyboard_reachable_and_axe_clean(site, reader, lang):
    page, rec = reader
    goto(page, site.page_url(lang, SLUG))
    unlabelled = page.locator(FORM).evaluate("""f => [...f.querySelectorAll('input, select')]
        .filter(e => !e.labels.length || !e.labels[0].innerText.trim()).map(e => e.name)""")
    assert unlabelled == []
    legends = page.locator(f"{FORM} fieldset.sim-radios legend").all_inner_texts()
    assert len(legends) == 2 and all(l.strip() for l in legends), legends
    # show hints, then let axe look at the page in that state
    page.locator(f"{FORM} [name=phone]").fill("123")
    page.locator(f"{FORM} [name=bik]").fill("1")
    page.locator(f"{FORM} [name=bik]").blur()
    assert page.locator("#sim-phone-hint").is_visible()
    result = AXE.run(page)
    assert result.response["passes"], "axe ran no rule"
    bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
           for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, "\n".join(bad)

    # every field, the forget button and the print buttons by Tab alone (the
    # representative's fields show once a representative is chosen)
    page.locator(f"{FORM} [name=applicant][value=representative]").check()
    page.locator(f"{FORM} [name=full_name]").focus()
    reached = set()
    for _ in range(90):
        reached.add(page.evaluate("""() => { const e = document.activeElement;
            return e.name || e.classList[0] || e.tagName; }"""))
        page.keyboard.press("Tab")
    wanted = set(FIELDS) | {"remember", "sim-forget", "sim-print-part", "sim-show-clerk"}
    assert wanted <= reached, f"not reached by Tab: {wanted - reached}"


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_blank_applications_print_as_before(site, site_page, lang):
    page, rec = site_page(java_script_enabled=False)
    page.goto(site.page_url(lang, SLUG), wait_until="load")
    assert not page.locator(FORM).is_visible(), "a form that cannot work is shown"
    assert page.locator("noscript").is_visible() and page.locator("noscript").inner_text().strip()
    assert page.locator(".sim-legal-names").is_visible()
    forms = page.locator(".sim-form")
    assert forms.count() == 2 and page.locator(".sim-blank[data-filled]").count() == 0
    sheets = [squash(s) for s in pdf_sheets(page)]
    for part, title in TITLES.items():
        holding = [k for k, s in enumerate(sheets) if title in s]
        assert len(holding) == 1, f"{part} on sheets {holding}"
        sheet = sheets[holding[0]]
        assert sheet.startswith("В___") and "Отметкаопринятии" in sheet, f"{part} not whole on its sheet"
        assert re.search(r"от_{10,}", sheet) and re.search(r"гражданство:_{6,}", sheet)
        # with nobody chosen, the representative's lines stay for the pen
        assert "Приложение:копиядоверенности(еслизаявлениеподаётпредставитель)" in sheet
        assert re.search(r"входящийNo/номеробращения_{6,}", sheet) and "М.П." in sheet
        assert sheet.count("☐") == (4 if part == "refund" else 2)
