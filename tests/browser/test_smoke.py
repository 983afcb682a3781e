"""Each language's home loads cleanly and locally; the switcher keeps the page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import VIEWPORT
from tests.conftest import LANGS, SUBPATH


@pytest.mark.parametrize("lang", LANGS)
def test_home_loads_without_errors_or_foreign_requests(site, site_page, lang):
    page, rec = site_page()
    page.goto(site.page_url(lang), wait_until="load")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.is_visible()
    assert not rec.console_errors, rec.console_errors
    assert not rec.blocked, f"requests leaving {site.url}: {rec.blocked}"
    assert not rec.failed, rec.failed
    assert all(url.startswith(site.url) for url in rec.requests if url.startswith("http"))


def test_a_request_off_the_site_is_recorded_and_never_answered(site, site_page):
    """The recorder behind every "nothing loads from third parties" assertion, proven
    against a page that does load from elsewhere: a font host, and a path of the test
    server outside the site's folder."""
    page, rec = site_page()
    page.goto(site.page_url("en"), wait_until="load")
    assert rec.requests and not rec.blocked
    urls = ["https://fonts.googleapis.com/css?family=Roboto", site.url[:-len(SUBPATH)] + "/elsewhere.css"]
    outcome = page.evaluate("""urls => Promise.all(urls.map(u => fetch(u, {mode: 'no-cors'})
        .then(r => 'answered', e => 'failed')))""", urls)
    assert outcome[0] == "failed", "a request left the machine"
    assert rec.blocked == urls, rec.blocked


def test_a_broken_resource_is_recorded_and_a_cancelled_one_is_not(site, site_page):
    """The record behind every "nothing failed" assertion: a resource of the site that
    fails to load is in it; one the browser cancels (the page moved on) is not."""
    page, rec = site_page()
    page.goto(site.page_url("en"), wait_until="load")
    page.route("**/broken.css", lambda route: route.abort("failed"))
    page.route("**/cancelled.css", lambda route: route.abort("aborted"))
    page.evaluate("""urls => Promise.all(urls.map(u => fetch(u).catch(() => null)))""",
                  [site.url + "broken.css", site.url + "cancelled.css"])
    assert rec.failed == [f"failed {site.url}broken.css (net::ERR_FAILED)"], rec.failed


PAIRS = [(s, t) for s in LANGS for t in LANGS if s != t]


@pytest.mark.parametrize("source,target", PAIRS, ids=[f"{s}-to-{t}" for s, t in PAIRS])
def test_language_switcher_keeps_the_page(deployed_site, deployed_reader, source, target):
    """At the root and under a sub-path."""
    site = deployed_site
    page, rec = deployed_reader
    page.goto(site.page_url(source, "carriers/mts/"), wait_until="load")
    page.hover(".md-header .md-select")
    link = page.locator(f".md-header a.md-select__link[hreflang='{target}']")
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")
    assert page.url == site.page_url(target, "carriers/mts/")
    assert page.locator("html").get_attribute("lang") == target
    assert not rec.failed, rec.failed
    assert not rec.console_errors and not rec.blocked


STORED = """async () => [localStorage.length, sessionStorage.length, document.cookie,
    (await caches.keys()).length, (await navigator.serviceWorker.getRegistrations()).length]"""


def test_a_clean_page_keeps_nothing_from_the_test_before(site, _worker_clean_page):
    """`clean_page` stands in for a new context: whatever a test left (storage of every
    kind, a saved offline copy with its service worker, offline mode, a route, print
    media, a size) is gone for the next test, and so is its record."""
    page, rec = _worker_clean_page.clean()
    page.goto(site.page_url("en"), wait_until="load")
    page.locator("[data-offline-save]").click()
    page.wait_for_selector("[data-offline-save][data-offline-state='saved']", timeout=60_000)
    page.evaluate("""() => { localStorage.setItem('a', '1'); sessionStorage.setItem('b', '2');
                             document.cookie = 'c=3; path=/'; }""")
    assert page.evaluate(STORED) == [1, 1, "c=3", 1, 1]
    page.route("**/*.css", lambda route: route.abort())
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 400, "height": 500})
    page.context.set_offline(True)

    page, rec = _worker_clean_page.clean()
    assert rec.requests == [] and rec.failed == []
    page.goto(site.page_url("en"), wait_until="load")  # online again, no route
    assert page.evaluate(STORED) == [0, 0, "", 0, 0]
    assert page.viewport_size == VIEWPORT
    assert page.evaluate("matchMedia('print').matches") is False
    assert not rec.failed and not rec.blocked, (rec.failed, rec.blocked)
