"""Playwright on the system Chromium (Debian `chromium`). Browser downloads do not
work here, so a missing /usr/bin/chromium fails the run: it is never skipped."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import sync_playwright

from tools.chromium import ARGS, CHROMIUM


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
        b = p.chromium.launch(executable_path=path, args=ARGS, headless=True)
        yield b
        b.close()


@dataclass
class Recorder:
    """Everything a page asked for and complained about."""
    allowed_prefix: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def open_page(browser, allowed_prefix: str, viewport=None, **context_args):
    """A fresh page whose requests outside `allowed_prefix` are aborted and recorded."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, **context_args)
    page = context.new_page()
    rec = Recorder(allowed_prefix)

    def route(r):
        url = r.request.url
        if url.startswith(allowed_prefix) or url.startswith(("data:", "blob:", "about:")):
            r.continue_()
        else:
            rec.blocked.append(url)
            r.abort()

    context.route("**/*", route)
    page.on("request", lambda req: rec.requests.append(req.url))
    page.on("response", lambda res: res.status >= 400 and rec.failed.append(f"{res.status} {res.url}"))
    page.on("requestfailed", lambda req: req.url.startswith(allowed_prefix) and rec.failed.append(f"failed {req.url}"))
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


@pytest.fixture
def deployed_page(browser, deployed_site):
    """Like site_page, on the sub-path build and then on the root build."""
    contexts = []

    def make(**kwargs):
        context, page, rec = open_page(browser, deployed_site.url, **kwargs)
        contexts.append(context)
        return page, rec

    yield make
    for context in contexts:
        context.close()
