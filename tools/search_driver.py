"""Driving Material's search the way a person does (shared by tests and the benchmark)."""

from __future__ import annotations

import time
from urllib.parse import urldefrag, urlsplit

RESULT_LINKS = ".md-search-result__list > li.md-search-result__item > a.md-search-result__link"


def type_like_a_person(page, text: str, delay_ms: int = 15) -> None:
    """Key presses for what a US keyboard has; other characters arrive as the text an
    IME or keyboard layout commits, followed by a key release (Material listens to keyup)."""
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch in " *#-+.,/"):
            page.keyboard.press(ch if ch != " " else "Space", delay=delay_ms)
        else:
            page.keyboard.insert_text(ch)
            page.keyboard.press("Shift", delay=delay_ms)


def open_search(page) -> None:
    """Click the search field (on a phone, first the search button in the header)."""
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator("label.md-header__button[for='__search']").click()
    field.click()


def clear_search(page, timeout: float = 10.0) -> None:
    """Empty the field, and wait until the previous query's results are gone, so that
    what is read next is the answer to the next query."""
    page.locator("input.md-search__input").focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function("sel => !document.querySelector(sel)", arg=RESULT_LINKS, timeout=timeout * 1000)


def wait_for_results(page, timeout: float = 10.0, settle: float = 0.35) -> list[str]:
    """Result page URLs once the list has stopped changing (or the 'no results' text
    shows; "Initialising search" and "Type to start searching" are not an answer)."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        state = page.evaluate(
            """(sel) => {
                 const none = JSON.parse(document.getElementById('__config').textContent)
                   .translations['search.result.none'];
                 const meta = document.querySelector('.md-search-result__meta')?.textContent || '';
                 return [meta, [...document.querySelectorAll(sel)].map(a => a.href), meta.trim() === none.trim()];
               }""",
            RESULT_LINKS,
        )
        if state != last:
            last, since = state, time.monotonic()
        elif time.monotonic() - since >= settle and (state[1] or state[2]):
            pages = [urldefrag(href)[0].split("?")[0] for href in state[1]]
            return list(dict.fromkeys(pages))  # one entry per page, in rank order
        time.sleep(0.05)
    raise TimeoutError(f"search results did not settle: {last}")


def search(page, query: str, typed: bool = True) -> list[str]:
    """The result pages for `query`: typed key by key as a person does, or (typed=False)
    entered at once, as a pasted or dictated query arrives (one input event, one search:
    for tests of what is found, not of how typing behaves). Typed, each key starts a
    search, so the list must rest for `settle` seconds before it is the answer; entered
    at once, the one search's list is the answer once it has rested a moment."""
    open_search(page)
    clear_search(page)
    if typed:
        type_like_a_person(page, query)
        return wait_for_results(page)
    page.locator("input.md-search__input").fill(query)
    return wait_for_results(page, settle=0.1)


def path_of(url: str) -> str:
    return urlsplit(url).path


# Asking the site's search worker directly (issue 26): the worker the search box uses
# (sim-search.js wrapping Material's), handed an index as Material's SETUP message and
# each query as a QUERY message, in a page of the site's own origin. Answers are the
# result groups (one per page, in rank order), each [[location, score], …].
ASK_WORKER_JS = """async ([url, index, queries]) => {
  const worker = new Worker(url);
  const ask = (message) => new Promise((resolve, reject) => {
    const done = (ev) => { worker.removeEventListener('message', done); resolve(ev.data); };
    worker.addEventListener('message', done);
    worker.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
    worker.postMessage(message);
  });
  await ask({ type: 0, data: { config: index.config, docs: index.docs, options: {} } });
  const out = [];
  for (const q of queries) {
    const answer = await ask({ type: 2, data: q });
    out.push(answer.data.items.map(group => group.map(d => [d.location, d.score])));
  }
  worker.terminate();
  return out;
}"""


def worker_url(site_url: str, site_dir) -> str:
    """The search worker's address, as the pages name it (Material's worker as ?w=)."""
    from pathlib import Path
    material = next((Path(site_dir) / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    return f"{site_url}assets/javascripts/workers/sim-search.js?w={material}"


def ask_worker(page, url: str, index: dict, queries: list[str]) -> list[list[list]]:
    """`page` must be on the site's origin; `url` from worker_url()."""
    return page.evaluate(ASK_WORKER_JS, [url, index, queries])


def result_pages(groups) -> list[str]:
    """The pages of one answer, in rank order (each group is one page)."""
    return [group[0][0].split("#")[0] for group in groups]
