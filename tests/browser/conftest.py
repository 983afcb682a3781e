"""Playwright on the system Chromium (Debian `chromium`). Browser downloads do not
work here, so a missing /usr/bin/chromium fails the run: it is never skipped."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import sync_playwright

from tools.chromium import ARGS, CHROMIUM

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


@pytest.fixture(scope="session")
def browser():
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if not path:
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (see .ci/run)")
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


def _shared_page(browser, url: str):
    context, page, rec = open_page(browser, url)
    yield page, rec
    context.close()


def _fresh_start(page, rec):
    rec.requests.clear()
    rec.failed.clear()
    rec.console_errors.clear()
    page.emulate_media(media="null")
    page.set_viewport_size(VIEWPORT)
    return page, rec


@pytest.fixture(scope="module")
def _module_reader(browser, site):
    yield from _shared_page(browser, site.url)


@pytest.fixture
def reader(_module_reader):
    """One page shared by a module's tests that only open pages and look at them (they
    store nothing, and change nothing a later test could see): navigating an open page
    costs a third of the CPU of opening a fresh one. Each test starts with an empty
    record, with no media emulated, at the default size."""
    return _fresh_start(*_module_reader)


@pytest.fixture(scope="module")
def _module_deployed_reader(browser, deployed_site):
    yield from _shared_page(browser, deployed_site.url)


@pytest.fixture
def deployed_reader(_module_deployed_reader):
    """`reader` on the sub-path build, and then on the root build (deployed_site)."""
    return _fresh_start(*_module_deployed_reader)
