"""The offline copy works unpacked, from file://, with every network request refused."""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page
from tools.search_driver import search
from tests.conftest import DEFAULT_LANG, LANGS

QUERY = {"zh": "保号", "ru": "договора", "en": "eSIM"}


def home(root, lang):
    return (root / ("" if lang == DEFAULT_LANG else lang) / "index.html").as_uri()


@pytest.fixture
def file_page(browser, offline_copy):
    contexts = []

    def make():
        context, page, rec = open_page(browser, offline_copy.as_uri() + "/")
        contexts.append(context)
        return page, rec

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_offline_navigation_switcher_and_search(offline_copy, file_page, lang):
    page, rec = file_page()
    page.goto(home(offline_copy, lang), wait_until="load")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("a.sim-download").count() == 0, "the offline copy links to a zip it lacks"

    # navigation: the MTS page from the site menu
    page.locator(".md-nav--primary a[href$='carriers/mts.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(("" if lang == DEFAULT_LANG else f"{lang}/") + "carriers/mts.html")

    # search in this language finds a page of this language
    results = search(page, QUERY[lang])
    assert results, f"no result for {QUERY[lang]!r} offline"
    root = offline_copy.as_uri() + "/"
    for url in results:
        rel = url[len(root):]
        assert url.startswith(root) and rel.endswith(".html"), url
        first = rel.split("/", 1)[0]
        assert (first == lang) if lang != DEFAULT_LANG else first not in LANGS, url

    # the language switcher keeps the page
    other = next(l for l in LANGS if l != lang)
    page.keyboard.press("Escape")
    page.hover(".md-header .md-select")
    with page.expect_navigation():
        page.locator(f".md-header a.md-select__link[hreflang='{other}']").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(("" if other == DEFAULT_LANG else f"{other}/") + "carriers/mts.html")

    assert not rec.blocked, f"network requests attempted offline: {rec.blocked}"
    assert not rec.failed, rec.failed
    assert not rec.console_errors, rec.console_errors
