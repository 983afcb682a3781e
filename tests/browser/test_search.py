"""Search finds pages in the reader's language only (queries: tests/data/search_queries.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tools.search_driver import open_search, search, wait_for_results
from tests.conftest import LANGS, PAGES

QUERIES = yaml.safe_load((Path(__file__).parents[1] / "data" / "search_queries.yml").read_text("utf-8"))
CASES = [(lang, case) for lang in LANGS for case in QUERIES[lang]]


def test_at_least_twelve_queries_per_language():
    for lang in LANGS:
        assert len(QUERIES[lang]) >= 12, lang
        for case in QUERIES[lang]:
            for page in case.get("pages", [case.get("page")]):
                assert page in PAGES, f"{lang}: '{case['q']}' expects unknown page {page}"


@pytest.fixture(scope="module")
def search_pages(browser, site):
    """One page per language, kept open across that language's queries."""
    from tests.browser.conftest import open_page
    pages = {}
    for lang in LANGS:
        context, page, rec = open_page(browser, site.url)
        page.goto(site.page_url(lang), wait_until="load")
        pages[lang] = (context, page, rec)
    yield pages
    for context, _, _ in pages.values():
        context.close()


@pytest.mark.parametrize("lang,case", CASES, ids=[f"{l}:{c['q']}" for l, c in CASES])
def test_query_finds_page_in_own_language(site, search_pages, lang, case):
    _, page, rec = search_pages[lang]
    # entered at once (a pasted or dictated query): what is found is the same as when
    # typed, which the other tests here do key by key
    results = search(page, case["q"], typed=False)
    own = {site.page_url(lang, p) for p in PAGES}
    foreign = [url for url in results if url not in own]
    assert not foreign, f"results outside {lang}: {foreign}"
    expected = {site.page_url(lang, p) for p in case.get("pages", [case.get("page")])}
    assert expected & set(results[:3]), f"'{case['q']}': top three {results[:3]} miss {sorted(expected)}"
    assert not rec.console_errors and not rec.blocked and not rec.failed


@pytest.mark.parametrize("lang", LANGS)
def test_page_loads_only_its_own_index(site, site_page, lang):
    page, rec = site_page()
    page.goto(site.page_url(lang, "carriers/mts/"), wait_until="load")
    search(page, "MTS")
    indexes = [url for url in rec.requests if "search_index" in url]
    own = site.page_url(lang) + "search/search_index.json"
    assert indexes == [own], indexes


def test_result_shows_section_and_highlight_on_target(site, clean_page):
    page, rec = clean_page
    page.goto(site.page_url("ru"), wait_until="load")
    search(page, "доверенности")
    item = page.locator(".md-search-result__item").first
    assert item.locator("h1, h2").count() >= 1  # page title, plus matching sections
    assert item.locator("mark").count() >= 1, "no highlighted term in the result"
    # the first result link that carries matched terms (Material lists the page itself
    # without terms when only its sections matched)
    links = page.locator(".md-search-result__item a.md-search-result__link")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    index = next(i for i, h in enumerate(hrefs) if "h=" in h and not h.split("#")[0].endswith("h="))
    with page.expect_navigation():
        links.nth(index).click()
    page.wait_for_load_state("load")
    assert "h=%D0%B4%D0%BE%D0%B2%D0%B5%D1%80%D0%B5%D0%BD" in page.url  # h=доверен…
    # Material marks the terms once the page has loaded: give it the moment a reader would
    try:
        page.wait_for_function("() => document.querySelector('article mark')", timeout=5000)
    except PlaywrightTimeout:
        pytest.fail("search terms not highlighted on the target page")


# Words that name a property of every JavaScript object (Object.prototype), as typed.
PROPERTY_WORDS = ["constructor", "Constructor", "__proto__", "hasOwnProperty", "toString", "valueOf"]
FOUND = {"zh": "保号", "ru": "договор", "en": "cancel"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_word_that_names_an_object_property_is_searched_like_any_word(site, clean_page, lang):
    """"constructor" used to throw in the worker: the result list kept the previous
    keystroke's results. Each such word must replace them with its own answer."""
    page, rec = clean_page
    page.goto(site.page_url(lang), wait_until="load")
    open_search(page)
    field = page.locator("input.md-search__input")
    for word in PROPERTY_WORDS:
        # the whole query at once (as an IME or autocomplete commits it), then a key release
        field.fill(FOUND[lang])
        page.keyboard.press("Shift")
        assert wait_for_results(page), f"{lang}: no result for {FOUND[lang]!r}"
        field.fill(word)
        page.keyboard.press("Shift")
        results = wait_for_results(page)
        assert results == [], f"{lang}: {word!r} left results on screen: {results[:3]}"
    assert not rec.console_errors, rec.console_errors


PASTED = {"zh": "保号", "ru": "договора", "en": "cancel"}


@pytest.mark.parametrize("how", ["fill", "paste-event", "insert-text"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_pasted_or_dictated_query_is_searched_without_a_key(site, reader, lang, how):
    """Text that arrives without a key press (pasted, dictated, chosen from a
    keyboard's suggestions) is searched: only an input event, no keyup."""
    page, rec = reader
    page.goto(site.page_url(lang), wait_until="load")
    # search is ready (its index loaded) and answered a typed query with nothing
    assert search(page, "qqqzzz") == []
    field = page.locator("input.md-search__input")
    if how == "fill":
        field.fill(PASTED[lang])
    elif how == "paste-event":
        field.evaluate("""(el, text) => {
            el.value = text;
            el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: null }));
        }""", PASTED[lang])
    else:
        field.evaluate("el => el.select()")
        page.keyboard.insert_text(PASTED[lang])
    results = wait_for_results(page)
    assert results, f"{lang}: nothing found for {PASTED[lang]!r} entered by {how}"
    assert all(r.startswith(site.page_url(lang)) for r in results), results
    assert not rec.console_errors, rec.console_errors
