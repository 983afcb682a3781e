"""What a deployed copy must do in a real browser: run under its own
Content-Security-Policy (served with exactly the headers of `_headers`), save itself
for offline use on the phone, answer missing pages with the 404 of their language,
fetch the search index only when search is opened, keep the page still when the
language offer appears, and give fingers targets of at least 24 px."""

from __future__ import annotations

import contextlib
import re
import shutil
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import VIEWPORT
from tests.conftest import DEFAULT_LANG, LANGS, PAGES, lang_prefix
from tools.search_driver import search
from tools.serve import serve

QUERY = {"zh": "保号", "ru": "договор", "en": "cancel"}
FIVE = ("", "carriers/mts/", "cards/number-keeping/", "checklist/", "at-the-counter/")

CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.fixture(scope="module")
def secure(site):
    """The built site served with the rules of its own _headers file."""
    with serve(site.dir, headers=True) as url:
        yield url


@pytest.fixture(scope="module")
def secure_deployed(deployed_site):
    """The same, for the sub-path build and then the root build."""
    with serve(deployed_site.dir, headers=True, base=urlsplit(deployed_site.url).path) as url:
        yield url


def secure_context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(CSP_LISTENER)
    return context


def url_of(base, lang, page=""):
    return f"{base}{lang_prefix(lang)}{page}"


def violations(page) -> list[str]:
    return page.evaluate("() => window.__csp")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_runs_under_its_content_security_policy(browser, secure, lang):
    context = secure_context(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    try:
        for slug in PAGES:
            response = page.goto(url_of(secure, lang, slug), wait_until="load")
            assert "default-src 'self'" in response.headers["content-security-policy"]
            # what was refused while the page loaded; anything refused later is in the
            # console ("Refused to …"), which `errors` keeps across the pages
            assert violations(page) == [], f"{lang}/{slug}: {violations(page)}"
        # search, the language switcher and the checklist, under the same policy
        page.goto(url_of(secure, lang, "carriers/mts/"), wait_until="load")
        assert search(page, QUERY[lang]), f"{lang}: no search result under the CSP"
        other = next(l for l in LANGS if l != lang)
        page.keyboard.press("Escape")
        page.locator(".md-header .md-select").hover()
        page.locator(f".md-header a.md-select__link[hreflang='{other}']").click()
        page.wait_for_url(url_of(secure, other, "carriers/mts/"))
        page.goto(url_of(secure, lang, "checklist/"), wait_until="load")
        page.locator(".md-typeset .task-list-item .sim-task-text").first.click()
        page.reload(wait_until="load")
        assert page.locator(".md-typeset .task-list-item input").first.is_checked()
        assert violations(page) == []
        assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    finally:
        context.close()


def storage_is_empty(page) -> bool:
    return page.evaluate("""async () => {
        const regs = await navigator.serviceWorker.getRegistrations();
        const keys = await caches.keys();
        return regs.length === 0 && keys.length === 0;
    }""")


@dataclass
class SavedCopy:
    """A language saved for offline use by pressing the button, once per build and
    language: what the button and the storage showed before the press and after."""
    context: object
    page: object
    before: dict
    after: dict


@pytest.fixture(scope="module")
def saved_copy(browser, secure_deployed):
    """saved_copy(lang): that language of the deployed build (at the root and under a
    sub-path, served with its own _headers) saved for offline use in a context of its
    own. The tests of what the saved copy does offline share it; each turns the
    network off and on again."""
    copies: dict[str, SavedCopy] = {}

    def get(lang: str) -> SavedCopy:
        if lang not in copies:
            context = secure_context(browser)
            page = context.new_page()
            page.goto(url_of(secure_deployed, lang), wait_until="load")
            button = page.locator("[data-offline-save]")
            before = {"visible": button.is_visible(), "state": button.get_attribute("data-offline-state"),
                      "label": button.inner_text(), "lang_attr": button.get_attribute("data-offline-lang"),
                      "storage_empty": storage_is_empty(page)}
            button.click()
            page.wait_for_selector("[data-offline-save][data-offline-state='saved']", timeout=60_000)
            after = {"status": page.locator("#sim-offline-status").inner_text(),
                     "caches": page.evaluate("""async () => {
                         const keys = await caches.keys();
                         return keys.map(k => k.replace(/-[0-9a-f]{12}-/, '-V-'));
                     }""")}
            copies[lang] = SavedCopy(context, page, before, after)
        return copies[lang]

    yield get
    for copy in copies.values():
        copy.context.close()


@contextlib.contextmanager
def network_off(context):
    context.set_offline(True)
    try:
        yield
    finally:
        context.set_offline(False)


@pytest.mark.parametrize("lang", LANGS)
def test_save_for_offline_use_then_read_and_search_without_network(secure_deployed, saved_copy, lang):
    secure = secure_deployed  # at the root and under a sub-path
    copy = saved_copy(lang)
    before, after, page = copy.before, copy.after, copy.page
    assert before["visible"] and before["state"] == "idle"
    assert before["label"] and before["label"] != before["lang_attr"]
    assert before["storage_empty"], "something was stored before the reader asked"
    assert re.search(r"\d+([.,]\d)?\s*(KB|MB)", after["status"]), f"no size reported: {after['status']!r}"
    assert after["caches"] == [f"sim-guide-V-{lang}"], after["caches"]
    with network_off(copy.context):
        for slug in FIVE:
            page.goto(url_of(secure, lang, slug), wait_until="load")
            assert page.locator("article h1").count() == 1, f"{lang}/{slug} did not open offline"
            assert page.evaluate("document.documentElement.lang") == lang
        assert search(page, QUERY[lang]), f"{lang}: search does not work offline"
        assert violations(page) == []


def test_a_new_build_replaces_the_saved_copy(browser, site, tmp_path):
    """The cache is named after the build's version; a new version saves again.
    The new version is written into a private copy of the site, so tests running
    at the same time on the shared build never see it."""
    copy = tmp_path / "site"
    shutil.copytree(site.dir, copy)
    context = secure_context(browser)
    page = context.new_page()
    try:
        with serve(copy, headers=True) as base:
            page.goto(url_of(base, "en"), wait_until="load")
            page.locator("[data-offline-save]").click()
            page.wait_for_selector("[data-offline-save][data-offline-state='saved']", timeout=60_000)
            sw = (copy / "sw.js").read_text(encoding="utf-8")
            version = re.search(r'var VERSION = "([0-9a-f]{12})"', sw).group(1)
            assert page.evaluate("async () => await caches.keys()") == [f"sim-guide-{version}-en"]
            # the same site with a new version of the worker
            (copy / "sw.js").write_text(sw.replace(version, "0123456789ab"), encoding="utf-8")
            page.evaluate("""async () => {
                const reg = await navigator.serviceWorker.getRegistration();
                await reg.update();
            }""")
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                keys = page.evaluate("async () => await caches.keys()")
                if keys == ["sim-guide-0123456789ab-en"]:
                    break
                page.wait_for_timeout(250)
            assert keys == ["sim-guide-0123456789ab-en"], keys
    finally:
        context.close()


@pytest.mark.parametrize("missing", ["no-such-page/deeper/", "no-such-page"])
@pytest.mark.parametrize("lang", LANGS)
def test_missing_page_gets_the_404_of_its_language(deployed_site, deployed_reader, lang, missing):
    """At the root and under a sub-path: the 404 page's search works at any depth."""
    site = deployed_site
    page, rec = deployed_reader
    missing = site.page_url(lang, missing)
    response = page.goto(missing, wait_until="load")
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator(".md-header .md-select").count() == 0, "a switcher on the 404 page"
    assert page.locator("link[hreflang]").count() == 0
    results = search(page, QUERY[lang])
    assert results and all(r.startswith(site.page_url(lang)) for r in results), results
    if lang == "zh":
        assert not [r for r in results if re.match(re.escape(site.url) + r"(ru|en)/", r)], results
    assert rec.failed == [f"404 {missing}"], rec.failed  # the page itself, nothing else
    assert not rec.blocked and len(rec.console_errors) == 1, rec.console_errors


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_is_fetched_when_search_is_first_opened(site, site_page, lang):
    page, rec = site_page()
    page.goto(site.page_url(lang, "carriers/mts/"), wait_until="load")
    page.wait_for_timeout(500)
    early = [u for u in rec.requests if "search_index" in u or re.search(r"/workers/search\.[0-9a-f]+\.min\.js", u)]
    assert early == [], f"fetched before search was opened: {early}"
    assert search(page, QUERY[lang])
    index = [u for u in rec.requests if u.endswith(f"{lang_prefix(lang)}search/search_index.json")]
    assert len(index) == 1, rec.requests


def test_language_offer_does_not_move_the_page(site, site_page):
    page, rec = site_page(locale="en-GB")
    page.goto(site.page_url("zh"), wait_until="load")
    offer = page.locator(".sim-lang-offer")
    assert offer.is_visible()
    assert offer.evaluate("e => getComputedStyle(e).position") == "fixed"
    with_offer = page.locator("article h1").evaluate("e => e.getBoundingClientRect().top")
    page.locator(".sim-lang-offer button").click()
    without = page.locator("article h1").evaluate("e => e.getBoundingClientRect().top")
    assert with_offer == without, "the offer takes layout space"


@pytest.mark.parametrize("lang", LANGS)
def test_phone_links_codes_and_marks_are_big_enough_to_tap(site, site_page, lang):
    page, rec = site_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    for slug in ("carriers/mts/", "compare/"):
        page.goto(site.page_url(lang, slug), wait_until="load")
        boxes = page.locator(".md-typeset .sim-fact > a[href^='tel:'], .md-typeset .sim-check").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.width, r.height]; })")
        assert boxes, f"{lang}/{slug}: no phone link or mark found"
        small = [b for b in boxes if b[1] < 24 or b[2] < 24]
        assert not small, f"{lang}/{slug}: targets under 24 px: {small[:5]}"


def save_offline(page, base: str, lang: str) -> None:
    page.goto(url_of(base, lang), wait_until="load")
    page.locator("[data-offline-save]").click()
    page.wait_for_selector("[data-offline-save][data-offline-state='saved']", timeout=60_000)


@pytest.mark.parametrize("lang", LANGS)
def test_offline_a_page_not_saved_gets_the_saved_404_with_status_404(secure_deployed, saved_copy, lang):
    """With the network off, an address the saved copy does not hold (a mistyped one,
    another language) opens that language's saved 404 page, or the default
    language's, or any saved one, with status 404, and its search works."""
    base = secure_deployed
    copy = saved_copy(lang)
    page = copy.page
    with network_off(copy.context):
        other = next(l for l in LANGS if l != lang)
        for url in (url_of(base, lang, "no-such-page/"), url_of(base, lang, "carriers/no-such-carrier/deeper/"),
                    url_of(base, other, "carriers/mts/")):
            response = page.goto(url, wait_until="load")
            assert response is not None and response.status == 404, f"{url}: {response and response.status}"
            assert page.evaluate("document.documentElement.lang") == lang, url
            assert page.locator("article h1#not-found").count() == 1, url
        page.goto(url_of(base, lang, "no-such-page/"), wait_until="load")
        results = search(page, QUERY[lang])
        assert results and all(r.startswith(url_of(base, lang)) for r in results), results
        # a saved page still opens as itself
        response = page.goto(url_of(base, lang, "carriers/mts/"), wait_until="load")
        assert response.status == 200 and page.locator("article h1#not-found").count() == 0
        assert violations(page) == []


def test_offline_the_default_languages_404_comes_before_another_saved_one(browser, deployed_site):
    base = deployed_site.url
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        save_offline(page, base, "ru")
        save_offline(page, base, DEFAULT_LANG)
        context.set_offline(True)
        unsaved = next(l for l in LANGS if l not in ("ru", DEFAULT_LANG))
        response = page.goto(url_of(base, unsaved, "carriers/mts/"), wait_until="load")
        assert response.status == 404
        assert page.evaluate("document.documentElement.lang") == DEFAULT_LANG
        response = page.goto(url_of(base, "ru", "nothing/"), wait_until="load")
        assert response.status == 404
        assert page.evaluate("document.documentElement.lang") == "ru"
    finally:
        context.close()


# -- a 404 that survives a wrong address (issue 29) ------------------------------------------
#
# The 404 pages' links are absolute, from the path of SITE_URL. A root build copied under
# /guide/ (say, a project page) answers a missing address with its 404 page, whose style
# sheets then point outside the site: the page must still read well, under the site's
# own CSP, with a link home that works from where it is served.

ELSEWHERE = "/guide/"


@pytest.fixture(scope="module")
def moved_context(browser):
    """One context for the tests of a site served at the wrong address."""
    context = secure_context(browser)
    yield context
    context.close()


@pytest.fixture(scope="module")
def root_build_elsewhere(root_site):
    """The root build served under /guide/ of another server, with its own _headers."""
    assert urlsplit(root_site.url).path == "/"
    with serve(root_site.dir, headers=True, base=ELSEWHERE) as url:
        yield url


@pytest.mark.parametrize("missing", ["no-such-page/deeper/", "no-such-page"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_root_build_served_under_a_sub_path_shows_its_404_styled_with_a_working_link_home(
        moved_context, root_build_elsewhere, lang, missing):
    base = root_build_elsewhere
    page = moved_context.new_page()
    try:
        response = page.goto(url_of(base, lang, missing), wait_until="load")
        assert response.status == 404
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert page.evaluate("document.documentElement.lang") == lang
        # the site's own style sheets, found where the site is served, apply
        page.wait_for_function("() => !document.documentElement.classList.contains('sim-bare')", timeout=10_000)
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        heading = page.locator("article h1#not-found")
        assert heading.is_visible() and heading.bounding_box()["y"] < 300
        # search cannot work here (its scripts point outside the site): not offered
        assert not page.locator("label[for='__search']").first.is_visible()
        assert violations(page) == [], violations(page)
        home = page.locator("#sim-404-home")
        assert home.get_attribute("href") == urlsplit(url_of(base, lang)).path
        home.click()
        page.wait_for_url(url_of(base, lang))
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.locator("article h1").count() == 1
        assert page.locator("article h1#not-found").count() == 0
    finally:
        page.close()


def bare_page_facts(page) -> dict:
    """What makes a page without its style sheets readable, or not."""
    return page.evaluate("""() => {
        const big = [...document.querySelectorAll('svg')].filter(s => {
            const r = s.getBoundingClientRect(); return r.width > 40 || r.height > 40; }).length;
        const h1 = document.querySelector('h1#not-found').getBoundingClientRect();
        const header = document.querySelector('.md-header');
        return {bare: document.documentElement.classList.contains('sim-bare'),
                width: getComputedStyle(document.body).maxWidth, big_icons: big,
                h1_top: Math.round(h1.top), header: getComputedStyle(header).display};
    }""")


def test_where_the_sites_files_cannot_be_found_the_404_still_reads_well(moved_context, root_site, tmp_path):
    """Only the 404 pages and _headers, under /guide/: no style sheet anywhere. The
    page's inline style (allowed by its hash in _headers) keeps it readable; without
    that hash the browser refuses it, and the page is the unstyled heap it was."""
    lone = tmp_path / "lone"
    (lone / "ru").mkdir(parents=True)
    shutil.copy(root_site.dir / "404.html", lone / "404.html")
    shutil.copy(root_site.dir / "ru" / "404.html", lone / "ru" / "404.html")
    headers = (root_site.dir / "_headers").read_text(encoding="utf-8")
    (lone / "_headers").write_text(headers, encoding="utf-8")
    page = moved_context.new_page()
    try:
        with serve(lone, headers=True, base=ELSEWHERE) as base:
            for lang in (DEFAULT_LANG, "ru"):
                page.goto(url_of(base, lang, "no-such-page/"), wait_until="load")
                facts = bare_page_facts(page)
                assert facts == {"bare": True, "width": "576px", "big_icons": 0,
                                 "h1_top": facts["h1_top"], "header": "none"}, facts
                assert facts["h1_top"] < 100, facts
                assert violations(page) == []
            # the same without the style's hash in _headers: refused, and unreadable
            (lone / "_headers").write_text(re.sub(r"(style-src 'self')[^;]*", r"\1", headers), encoding="utf-8")
        with serve(lone, headers=True, base=ELSEWHERE) as base:
            page.goto(url_of(base, DEFAULT_LANG, "no-such-page/"), wait_until="load")
            facts = bare_page_facts(page)
            assert facts["width"] == "none" and facts["big_icons"] > 0 and facts["header"] != "none", facts
            assert [v for v in violations(page) if v.startswith("style-src")], violations(page)
    finally:
        page.close()
