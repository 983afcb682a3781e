"""Each language's home loads cleanly and locally; the switcher keeps the page."""

from __future__ import annotations

import pytest

from tests.conftest import LANGS


@pytest.mark.parametrize("lang", LANGS)
def test_home_loads_without_errors_or_foreign_requests(site, site_page, lang):
    page, rec = site_page()
    page.goto(site.page_url(lang), wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.is_visible()
    assert not rec.console_errors, rec.console_errors
    assert not rec.blocked, f"requests leaving {site.url}: {rec.blocked}"
    assert not rec.failed, rec.failed
    assert all(url.startswith(site.url) for url in rec.requests if url.startswith("http"))


PAIRS = [(s, t) for s in LANGS for t in LANGS if s != t]


@pytest.mark.parametrize("source,target", PAIRS, ids=[f"{s}-to-{t}" for s, t in PAIRS])
def test_language_switcher_keeps_the_page(deployed_site, deployed_page, source, target):
    """At the root and under a sub-path."""
    site = deployed_site
    page, rec = deployed_page()
    page.goto(site.page_url(source, "carriers/mts/"), wait_until="networkidle")
    page.hover(".md-header .md-select")
    link = page.locator(f".md-header a.md-select__link[hreflang='{target}']")
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("networkidle")
    assert page.url == site.page_url(target, "carriers/mts/")
    assert page.locator("html").get_attribute("lang") == target
    assert not rec.failed, rec.failed
    assert not rec.console_errors and not rec.blocked
