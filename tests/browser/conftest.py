"""Playwright on the system Chromium: Debian's headless build of it
(chromium-headless-shell) where installed, else `chromium` (tools/chromium.py).
Browser downloads do not work here, so a missing browser fails the run: it is never
skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tools.chromium import ARGS, browser_for_tests

# Nothing a page asks for may leave this machine: every host name but the test
# servers' 127.0.0.1 fails to resolve, so a request elsewhere fails at once (and is
# recorded, see Recorder.blocked). This replaces routing every request through
# Playwright, which cost about a quarter of the CPU of each page load. The GPU
# process (software compositing here) runs inside the browser process: about an
# eighth less CPU per page load, the same pixels.
TEST_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--in-process-gpu"]
VIEWPORT = {"width": 1280, "height": 900}  # a page's size unless a test asks for another


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def pytest_report_header(config):
    return f"browser tests drive: {browser_for_tests()[1]}"


@pytest.fixture(scope="session")
def browser():
    path, what = browser_for_tests()
    if not path:
        pytest.fail(what)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS + TEST_ARGS, headless=True)
        yield b
        b.close()


@dataclass
class Recorder:
    """Everything a page asked for and complained about."""
    allowed_prefix: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> list[str]:
        """What the page asked for outside `allowed_prefix` (the site under test): off
        the machine it cannot succeed (TEST_ARGS); on 127.0.0.1 but outside the
        site's folder, the test server answers 404."""
        return [u for u in self.requests
                if not u.startswith(self.allowed_prefix) and not u.startswith(("data:", "blob:", "about:"))]


def open_page(browser, allowed_prefix: str, viewport=None, **context_args):
    """A fresh page (its own context: no storage, no cache) that records every request;
    those outside `allowed_prefix` are its `blocked` ones."""
    context = browser.new_context(viewport=viewport or VIEWPORT, **context_args)
    page = context.new_page()
    rec = Recorder(allowed_prefix)
    page.on("request", lambda req: rec.requests.append(req.url))
    page.on("response", lambda res: res.status >= 400 and rec.failed.append(f"{res.status} {res.url}"))
    # a request the browser itself cancels (net::ERR_ABORTED: the page moved on while, say,
    # its favicon was still loading) is not a broken resource; every other failure is
    page.on("requestfailed", lambda req: req.url.startswith(allowed_prefix)
            and "ERR_ABORTED" not in (req.failure or "") and rec.failed.append(f"failed {req.url} ({req.failure})"))
    page.on("console", lambda msg: msg.type == "error" and rec.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: rec.console_errors.append(f"page error: {exc}"))
    return context, page, rec


@pytest.fixture
def site_page(browser, site):
    contexts = []

    def make(**kwargs):
        context, page, rec = open_page(browser, site.url, **kwargs)
        contexts.append(context)
        return page, rec

    yield make
    for context in contexts:
        context.close()


def _fresh_start(page, rec):
    rec.requests.clear()
    rec.failed.clear()
    rec.console_errors.clear()
    page.emulate_media(media="null")
    page.set_viewport_size(VIEWPORT)
    return page, rec


# -- a clean page: nothing stored, without the cost of a new browser context ----------
#
# A new context starts a new renderer process with cold caches: about 1 s of CPU for
# its first page, against 0.2 s for the next page of an open one. Tests that store
# things (ticks, remembered fields, a saved copy) but need no option of their own
# take `clean_page`: the worker's one page, emptied before each test as a new
# context would be.


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class CleanPage:
    context: object
    page: object
    rec: Recorder
    cdp: object
    origins: set = field(default_factory=set)

    def clean(self):
        """Leave the page, then empty what a new context would not have: every
        origin's storage (local and session storage, cookies, IndexedDB, Cache
        Storage, service workers), permissions, offline mode, routes; and start a new
        record, with no media emulated, at the default size. The HTTP cache stays."""
        page, rec = self.page, self.rec
        self.origins |= {origin_of(u) for u in rec.requests if u.startswith(("http:", "https:"))}
        page.goto("about:blank")
        for origin in sorted(self.origins):
            self.cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        page.unroute_all(behavior="ignoreErrors")
        self.context.clear_cookies()
        self.context.clear_permissions()
        self.context.set_offline(False)
        return _fresh_start(page, rec)


def _worker_page(browser, url: str):
    """The one CleanPage of a worker for the site at `url` (until the session ends)."""
    context, page, rec = open_page(browser, url)
    yield CleanPage(context, page, rec, context.new_cdp_session(page), {origin_of(url)})
    context.close()


@pytest.fixture(scope="session")
def _worker_clean_page(browser, site):
    yield from _worker_page(browser, site.url)


@pytest.fixture
def clean_page(_worker_clean_page):
    """(page, record) as site_page() gives them, for a test that may store things but
    adds no listener, route, init script or clock of its own (those belong to a
    context of the test's own: site_page with options, or open_page)."""
    return _worker_clean_page.clean()


@pytest.fixture
def reader(clean_page):
    """`clean_page` for a test that only opens pages and looks at them."""
    return clean_page


@pytest.fixture(scope="session")
def _worker_deployed_page(browser, deployed_site):
    yield from _worker_page(browser, deployed_site.url)


@pytest.fixture
def deployed_reader(_worker_deployed_page):
    """`clean_page` on the sub-path build, and then on the root build (deployed_site)."""
    return _worker_deployed_page.clean()
