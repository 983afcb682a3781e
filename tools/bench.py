"""`make bench`: figures measured in one run, one line each. It asserts nothing.

- full build time (three languages) and its ratio to a build of one language;
- search index bytes per language (raw and gzip) against the merged index;
- first-view bytes (gzip) and request count of the home and carriers/mts/ of each
  language, in Chromium with an empty cache;
- time from the last keystroke to results for three queries per language (median of 5).

Budget to aim for: first view <= 90 KB gzip, zero third-party requests.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.chromium import ARGS, CHROMIUM  # noqa: E402
from tools.search_driver import clear_search, open_search, type_like_a_person  # noqa: E402
from tools.serve import DEFAULT_LANG, LANGS, SUBPATH, lang_prefix, serve  # noqa: E402

QUERIES = {
    "zh": ["MTS怎么注销", "保号", "删除eSIM"],
    "ru": ["договора", "МегаФоне", "сим-карты"],
    "en": ["cancel MTS", "refunds", "Т2"],
}
RUNS = 5


def build(site_dir: Path, config: Path | None = None) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)]
    if config:
        cmd += ["--config-file", str(config)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build failed:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return took


def one_language_config() -> Path:
    """mkdocs.yml with i18n's build_only_locale set to the default language."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      docs_structure: folder\n",
                        f"      docs_structure: folder\n      build_only_locale: {DEFAULT_LANG}\n", 1)
    path = ROOT / ".bench-one-language.yml"  # beside mkdocs.yml: relative paths stay valid
    path.write_text(text, encoding="utf-8")
    return path


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def index_figures(site: Path) -> None:
    merged_docs, config = [], None
    for lang in LANGS:
        raw = (site / lang_prefix(lang) / "search" / "search_index.json").read_bytes()
        index = json.loads(raw)
        config = config or index["config"]
        merged_docs += [{**d, "location": lang_prefix(lang) + d["location"]} for d in index["docs"]]
        print(f"search index {lang}: {len(raw):,} B raw, {gz(raw):,} B gzip")
    merged = json.dumps({"config": config, "docs": merged_docs}, separators=(",", ":")).encode()
    print(f"search index merged (all three, as mkdocs-static-i18n writes it): "
          f"{len(merged):,} B raw, {gz(merged):,} B gzip")
    for lang in LANGS:
        raw = (site / lang_prefix(lang) / "search" / "search_index.json").read_bytes()
        print(f"search index {lang} / merged (gzip): {gz(raw) / gz(merged):.2f}")


def browser_figures(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang in LANGS:
            for slug in ("", "carriers/mts/"):
                context = browser.new_context()  # empty cache
                page = context.new_page()
                sizes, foreign = [], []

                def on_response(response):
                    if not response.url.startswith(url):
                        foreign.append(response.url)
                        return
                    try:
                        sizes.append(gz(response.body()))
                    except Exception:  # redirects and aborted requests have no body
                        sizes.append(0)

                page.on("response", on_response)
                page.goto(url + lang_prefix(lang) + slug, wait_until="networkidle")
                print(f"first view {lang}/{slug or 'home'}: {sum(sizes) / 1024:.1f} KB gzip, "
                      f"{len(sizes)} requests, {len(foreign)} third-party")
                context.close()
        for lang in LANGS:
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + lang_prefix(lang), wait_until="networkidle")
            page.evaluate("""() => {
              window.__lastResult = 0;
              new MutationObserver(() => { window.__lastResult = performance.now(); })
                .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
            }""")
            for query in QUERIES[lang]:
                times = []
                for _ in range(RUNS):
                    open_search(page)
                    clear_search(page)
                    page.wait_for_timeout(200)
                    type_like_a_person(page, query[:-1])
                    page.wait_for_timeout(400)
                    start = page.evaluate("performance.now()")
                    type_like_a_person(page, query[-1])
                    page.wait_for_timeout(600)
                    times.append(page.evaluate("window.__lastResult") - start)
                print(f"search {lang} '{query}': {statistics.median(times):.0f} ms from last key "
                      f"to results (median of {RUNS})")
            context.close()
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        full, one = Path(tmp) / "full", Path(tmp) / "one"
        full_time = build(full)
        config = one_language_config()
        try:
            one_time = build(one, config)
        finally:
            config.unlink()
        print(f"build, three languages: {full_time:.2f} s")
        print(f"build, one language ({DEFAULT_LANG}): {one_time:.2f} s")
        print(f"build ratio three / one: {full_time / one_time:.2f}")
        index_figures(full)
        browser_figures(full)
        print(f"(served under {SUBPATH} on 127.0.0.1; budget: first view <= 90 KB gzip, 0 third-party)")


if __name__ == "__main__":
    main()
