"""Paper: the checklist fits two A4 pages, the counter forms one page each."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from tests.conftest import LANGS


def pdf_pages(page) -> list[str]:
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Without spaces, NFKC (PDF text of CJK fonts comes back as Kangxi radicals,
    ⽇ for 日) and without the heading permalink."""
    return re.sub(r"[\s¶]+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_prints_on_two_a4_pages(site, reader, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    title = page.locator("article h1").inner_text()
    reviewed = page.locator(".sim-reviewed").inner_text()
    sheets = pdf_pages(page)
    assert len(sheets) <= 2, f"{lang} checklist prints on {len(sheets)} pages"
    printed = squash(" ".join(sheets))
    assert squash(title) in printed
    assert squash(reviewed) in printed
    assert squash(site.page_url(lang, "checklist/").split("://")[1]) in printed  # the page's URL


@pytest.mark.parametrize("lang", LANGS)
def test_screen_furniture_is_hidden_on_paper(site, reader, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "checklist/"), wait_until="load")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-search',
        '.md-footer', '.md-select', '.sim-toolbar'].map(sel => {
          const el = document.querySelector(sel);
          return [sel, !el || el.offsetParent === null || getComputedStyle(el).display === 'none'];
        })""")
    assert all(ok for _, ok in hidden), hidden
    box = page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('.task-list-indicator'), '::before');
        return [s.borderTopStyle, s.borderTopColor, s.maskImage || s.webkitMaskImage];
      }""")
    assert box[0] == "solid" and box[1] == "rgb(0, 0, 0)" and box[2] in ("none", ""), box
    assert page.locator(".sim-print-url").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_each_counter_form_prints_alone_on_one_page(site, reader, lang):
    page, rec = reader
    page.goto(site.page_url(lang, "at-the-counter/"), wait_until="load")
    forms = page.locator(".sim-form")
    assert forms.count() == 2
    outside = [squash(h) for h in page.locator("article h2").all_inner_texts()]
    sheets = [squash(s) for s in pdf_pages(page)]
    for i in range(2):
        lines = [l for l in forms.nth(i).inner_text().splitlines() if l.strip()]
        title = squash(next(l for l in lines if l.startswith("Заявление")))[:40]
        first, last = squash(lines[0])[:40], squash(lines[-1])[-40:]
        holding = [n for n, sheet in enumerate(sheets) if title in sheet]
        assert len(holding) == 1, f"form {i + 1}: its title is on pages {holding}"
        sheet = sheets[holding[0]]
        assert first in sheet and last in sheet, f"form {i + 1} does not fit on one page"
        assert not any(h and h in sheet for h in outside), f"form {i + 1} shares its page"
        assert re.search("[а-яё]", sheet) and not re.search("[\u4e00-\u9fff]", sheet)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", ["checklist/", "at-the-counter/"])
def test_print_button_prints(site, reader, lang, slug):
    page, rec = reader
    page.goto(site.page_url(lang, slug), wait_until="load")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }")
    button = page.locator(".sim-toolbar button.sim-print")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_unrelated_address_parameter_is_not_printed(site, reader, lang):
    """A link with a long tracking or junk parameter: the footer prints the checklist's
    address with the choice only, and the checklist still fits two sheets."""
    page, rec = reader
    junk = "x" * 6000
    page.goto(site.page_url(lang, "checklist/") + f"?utm_source={junk}&carrier=mts&goal=keep&ref=%E2%80%AE",
              wait_until="load")
    assert page.locator(".sim-print-url").inner_text() == site.page_url(lang, "checklist/") + "?carrier=mts&goal=keep"
    sheets = pdf_pages(page)
    assert len(sheets) <= 2, f"{lang} checklist prints on {len(sheets)} pages"
    assert "xxxxxxxxxx" not in " ".join(sheets)
