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
        found = wait_for_results(page)
        assert found, f"{lang}: no result for {FOUND[lang]!r}"
        field.fill(word)
        page.keyboard.press("Shift")
        results = wait_for_results(page)
        # no page uses these words; "proto" may find "photo" by one typo (issue 26)
        assert results != found, f"{lang}: {word!r} left results on screen: {results[:3]}"
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


# -- Ranking, asked of the site's own worker directly (issue 26) ------------------------
# One page holds a real search worker (tools/search_driver.py: ask_worker); each index
# is handed to it as Material's SETUP message, and each query as a QUERY message: the
# same code path as the search box, without a browser round trip per query.

@pytest.fixture(scope="module")
def ask_worker(browser, site):
    """ask_worker(index, queries) -> per query, the result groups (one per page, in
    rank order), each a list of (location, score) as Material's worker returns them."""
    from tests.browser.conftest import open_page
    from tools.search_driver import ask_worker as ask, worker_url
    context, page, rec = open_page(browser, site.url)
    page.goto(site.url + "404.html")
    url = worker_url(site.url, site.dir)
    yield lambda index, queries: ask(page, url, index, queries)
    assert not rec.console_errors, rec.console_errors
    context.close()


def real_index(site, lang) -> dict:
    import json
    from tests.conftest import lang_prefix
    return json.loads((site.dir / lang_prefix(lang) / "search" / "search_index.json").read_text("utf-8"))


def fixture_index(site, lang: str, pages: dict[str, list[tuple[str, str]]]) -> dict:
    """An index of made-up pages, with the real index's settings for `lang`:
    pages = {location: [(title, text) of the page, then of each section]}."""
    config = dict(real_index(site, lang)["config"], synonyms={})
    docs = []
    for location, sections in pages.items():
        for i, (title, text) in enumerate(sections):
            docs.append({"location": location + (f"#s{i}" if i else ""), "title": title, "text": text})
    return {"config": config, "docs": docs}


def scores(groups) -> dict[str, float]:
    """The score of each page (its best item) in one query's answer."""
    return {group[0][0].split("#")[0]: max(s for _, s in group) for group in groups}


FILLER = [("Раздел", "Договор и баланс."), ("Ещё", "Паспорт в салоне."), ("Итог", "Чек-лист.")]


def test_a_name_written_in_two_forms_counts_once(site, ask_worker):
    index = fixture_index(site, "ru", {
        "twice/": [("Страница", "MTS (МТС): перенос номера."), *FILLER],
        "once/": [("Страница", "MTS: перенос номера."), *FILLER],
        "other/": [("Другая", "Билайн и МегаФон."), *FILLER],
    })
    [mts, cyrillic] = ask_worker(index, ["mts", "мтс"])
    found = scores(mts)
    assert set(found) == {"twice/", "once/"}, found
    assert found["twice/"] == found["once/"], f"'MTS (МТС)' counts more than 'MTS': {found}"
    assert scores(cyrillic) == found, "the Cyrillic form finds the same pages with the same scores"


@pytest.mark.parametrize("lang,one,two", [
    ("ru", "перенос номера мтс", "перенос номера мтс mts"),
    ("ru", "перенос номера мтс", "перенос номера МТС MTS мтс"),
    ("en", "port number megafon", "port number megafon мегафон"),
    ("zh", "MTS携号转网", "MTS МТС 携号转网"),
])
def test_a_query_with_two_forms_of_a_name_ranks_as_with_one(site, ask_worker, lang, one, two):
    [a, b] = ask_worker(real_index(site, lang), [one, two])
    assert [g[0][0] for g in a] == [g[0][0] for g in b]
    assert scores(a) == scores(b)


def test_a_word_on_every_page_weighs_less_than_the_rare_word(site, ask_worker):
    """"SIM" is on every page (one section's heading and text each) and is one page's
    title; «перенос» is in one section of one page. Per section, lunr's idf alone
    rates "SIM" high enough for that title to win; counted by pages (in the index
    being built), the rare word decides."""
    pages = {f"p{i}/": [(f"Страница {i}", "Текст."), ("SIM", "Про SIM."), *FILLER] for i in range(6)}
    pages["title/"] = [("SIM", "Текст."), ("SIM", "Про SIM."), *FILLER]
    pages["rare/"] = [("Страница", "Текст."), ("SIM", "Про SIM и перенос."), *FILLER]
    [answer] = ask_worker(fixture_index(site, "ru", pages), ["sim перенос"])
    assert answer[0][0][0].split("#")[0] == "rare/", [g[0] for g in answer[:3]]


def test_a_word_on_one_page_still_leads_to_it(site, ask_worker):
    """The fixture above proves the weighting can change the order; here a word on a
    single page finds that page first, the carrier pages of the real index."""
    [answer] = ask_worker(real_index(site, "en"), ["mts"])
    assert answer[0][0][0].split("#")[0] == "carriers/mts/"


@pytest.mark.parametrize("lang,typo,page", [
    ("en", "pasport", "passport/"),      # one letter missing
    ("ru", "паспарт", "passport/"),      # one letter wrong
])
def test_one_typo_in_a_long_word_is_forgiven(site, ask_worker, lang, typo, page):
    word = {"en": "passport", "ru": "паспорт"}[lang]
    index = fixture_index(site, lang, {
        "passport/": [("Page", f"Bring the {word} ."), ("Other", "Text.")],
        "other/": [("Page", "Text."), ("Other", "More text.")],
    })
    [typo_answer, exact] = ask_worker(index, [typo, word])
    assert [g[0][0].split("#")[0] for g in typo_answer][:1] == [page]
    assert [g[0][0].split("#")[0] for g in exact][:1] == [page]


def test_typos_are_forgiven_only_in_words_of_five_letters_or_more(site, ask_worker):
    index = fixture_index(site, "en", {
        "imei/": [("Page", "The imei of the phone."), ("Other", "Text.")],
        "other/": [("Page", "Text."), ("Other", "More text.")],
    })
    [short] = ask_worker(index, ["imie"])
    assert short == [], short


def test_an_exact_match_ranks_above_a_typo_match(site, ask_worker):
    """«passport» matches one page exactly; «pasport» (a typo) another. A query with
    the exact word never reaches for the typo: only the exact page is found."""
    index = fixture_index(site, "en", {
        "exact/": [("Page", "Bring the passport."), ("Other", "Text.")],
        "near/": [("Page", "The pasport rule."), ("Other", "Text.")],
        "other/": [("Page", "Text."), ("Other", "More text.")],
    })
    [answer] = ask_worker(index, ["passport"])
    assert [g[0][0].split("#")[0] for g in answer][:1] == ["exact/"], answer


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_three_results_are_three_pages(site, search_pages, lang):
    """As a reader sees the list: the first three entries lead to three different pages."""
    _, page, _ = search_pages[lang]
    query = {"zh": "注销", "ru": "номер", "en": "number"}[lang]
    search(page, query, typed=False)
    firsts = page.locator(".md-search-result__list > li.md-search-result__item").evaluate_all(
        "els => els.slice(0, 3).map(li => li.querySelector('a').href.split('#')[0].split('?')[0])")
    assert len(firsts) == 3 and len(set(firsts)) == 3, firsts
