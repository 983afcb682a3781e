"""`make bench`: figures measured in one run, one line each. It asserts nothing.

- full build time (three languages) and its ratio to a build of one language;
- search index bytes per language (raw and gzip) against the merged index;
- first-view bytes (gzip) and request count of every page of each language, in
  Chromium with an empty cache (the largest and smallest, and each one over budget);
- time from the last keystroke to results for three queries per language (median of 5);
- search quality: hits in the first three results over tests/data/search_queries.yml,
  per language (the queries typed as the tests type them, tools/search_driver.py);
- the readers' questions (tests/data/reader_questions.yml, issue 26): hits in the first
  three result pages for the test half (never tuned on) and the tune half, per
  language, asked of the site's own search worker;
- first search: bytes on the wire (gzip) that opening search and the first query add
  to a page view, per language;
- warm query time on a mid-range phone profile (Chromium CPU throttled 4x, as
  Lighthouse's mobile preset): from the query entered to the results drawn, median
  and slowest of the first ten test-half questions, per language;
  `python -m tools.bench --search` builds and measures the search part only
  (`--site=DIR` measures a site already built, `--only=TEXT` the queries holding TEXT,
  `--tune` the tune half of the readers' questions and the tests' queries only, while tuning,
  `--latency` the index bytes, first search bytes and warm query time only);
- Lighthouse 12 (npm, installed on first use into .cache/lighthouse, driving the
  system Chromium) on the zh home (browser language English), ru/carriers/mts/ and
  en/checklist/, mobile and desktop, served gzip-compressed with the site's _headers.

Budget to aim for: first view <= 90 KB gzip on every page, zero third-party requests;
Lighthouse mobile performance >= 95, CLS <= 0.02, accessibility, best practices and
SEO 100.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.chromium import ARGS, CHROMIUM  # noqa: E402
from tools.search_driver import clear_search, open_search, search, type_like_a_person  # noqa: E402
from tools.serve import DEFAULT_LANG, LANGS, SUBPATH, lang_prefix, serve  # noqa: E402

# Search latency is measured on the first three queries of each language in the
# queries the tests type (tests/data/search_queries.yml).
QUERIES_FILE = ROOT / "tests" / "data" / "search_queries.yml"
READER_QUESTIONS = ROOT / "tests" / "data" / "reader_questions.yml"
PHONE_CPU = 4          # Chromium CPU throttling of Lighthouse's mobile preset
LATENCY_QUESTIONS = 10
BENCH_QUERIES = 3
RUNS = 5
LIGHTHOUSE = "12.8.2"
LH_DIR = ROOT / ".cache" / "lighthouse"
LH_PAGES = (("zh", "", "en-US"), ("ru", "carriers/mts/", "ru-RU"), ("en", "checklist/", "en-GB"))
PAGES = ("", "cards/physical-sim/", "cards/esim/", "cards/travel-sim/", "cards/number-keeping/",
         "leaving/", "carriers/mts/", "carriers/beeline/", "carriers/megafon/", "carriers/t2/",
         "compare/", "checklist/", "at-the-counter/", "rules-for-foreigners/", "about/",
         "porting/")


def build(site_dir: Path, config: Path | None = None, site_url: str | None = None) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
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


def browser_figures(url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        first_views = []
        for lang in LANGS:
            for slug in PAGES:
                context = browser.new_context()  # empty cache
                page = context.new_page()
                page.goto(url + lang_prefix(lang) + slug, wait_until="networkidle")
                # bytes on the wire (compressed, with headers), as the browser counted them
                kb, requests, foreign = page.evaluate("""() => {
                  const nav = performance.getEntriesByType('navigation')[0];
                  const res = performance.getEntriesByType('resource');
                  const bytes = nav.transferSize + res.reduce((sum, r) => sum + r.transferSize, 0);
                  return [bytes / 1024, 1 + res.length,
                          res.filter(r => !r.name.startsWith(location.origin)).length];
                }""")
                first_views.append((kb, f"{lang}/{slug or 'home'}", requests, foreign))
                context.close()
        first_views.sort()
        for label, row in (("smallest", first_views[0]), ("largest", first_views[-1])):
            kb, where, requests, foreign = row
            print(f"first view, {label} of {len(first_views)} pages: {where} {kb:.1f} KB transferred (gzip), "
                  f"{requests} requests, {foreign} third-party")
        over = [f"{w} {kb:.1f} KB" for kb, w, _, _ in first_views if kb > 90]
        print(f"first view over 90 KB gzip: {len(over)} pages" + (f" ({', '.join(over)})" if over else ""))
        print(f"first view, third-party requests on all pages: {sum(r[3] for r in first_views)}")
        for lang in LANGS:
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + lang_prefix(lang), wait_until="networkidle")
            page.evaluate("""() => {
              window.__lastResult = 0;
              new MutationObserver(() => { window.__lastResult = performance.now(); })
                .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
            }""")
            for query in queries(lang):
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


def queries(lang: str) -> list[str]:
    data = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8")) or {}
    return [entry["q"] for entry in (data.get(lang) or [])[:BENCH_QUERIES]]


def search_quality(url: str, show_misses: bool = True, only: str = "") -> dict[str, tuple[int, int]]:
    """Hits in the first three results over the query file, per language: a query
    hits when one of its expected pages is among the first three result pages.
    `only`: measure just the queries that contain this text (while tuning)."""
    import yaml
    from playwright.sync_api import sync_playwright

    queries = yaml.safe_load((ROOT / "tests" / "data" / "search_queries.yml").read_text("utf-8"))
    waiting = queries.get("needs_readers", {})
    if only:
        queries = {lang: [c for c in queries[lang] if only in c["q"]] or queries[lang][:1] for lang in LANGS}
    figures = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang in LANGS:
            context = browser.new_context()
            page = context.new_page()
            page.goto(url + lang_prefix(lang), wait_until="networkidle")
            hits, misses, waiting_hits = 0, [], 0
            for case in queries[lang] + ([] if only else waiting.get(lang, [])):
                expected = {url + lang_prefix(lang) + e for e in case.get("pages", [case.get("page")])}
                top = search(page, case["q"], typed=False)[:3]
                if expected & set(top):
                    if case in queries[lang]:
                        hits += 1
                    else:
                        waiting_hits += 1
                else:
                    mark = "" if case in queries[lang] else " (needs the readers' sections)"
                    misses.append(f"'{case['q']}'{mark} -> {[t[len(url):] for t in top]}")
            figures[lang] = (hits, len(queries[lang]))
            print(f"search quality {lang}: {hits} of {len(queries[lang])} queries "
                  f"({100 * hits / len(queries[lang]):.0f} %) find an expected page in the first three results")
            if waiting.get(lang) and not only:
                print(f"search quality {lang}, queries that need the readers' sections: "
                      f"{waiting_hits} of {len(waiting[lang])} in the first three")
            if show_misses:
                for miss in misses:
                    print(f"  miss {lang}: {miss}")
            context.close()
        browser.close()
    return figures


def reader_questions(lang: str) -> list[dict]:
    return (yaml.safe_load(READER_QUESTIONS.read_text(encoding="utf-8")) or {}).get(lang) or []


def reader_quality(url: str, site: Path, show_misses: bool = True,
                   halves: tuple[str, ...] = ("test", "tune")) -> dict[str, dict[str, tuple[int, int]]]:
    """Hits in the first three result pages over the readers' questions, per language
    and half, asked of the site's own worker (tools/search_driver.py: ask_worker).
    Misses are listed for the tune half only: the test half is not tuned on
    (`--tune` measures the tune half alone: no test-half figure while tuning)."""
    from playwright.sync_api import sync_playwright
    from tools.search_driver import ask_worker, result_pages, worker_url

    figures: dict[str, dict[str, tuple[int, int]]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(url + "404.html")
        for lang in LANGS:
            index = json.loads((site / lang_prefix(lang) / "search" / "search_index.json").read_text("utf-8"))
            cases = reader_questions(lang)
            answers = ask_worker(page, worker_url(url, site), index, [c["q"] for c in cases])
            figures[lang] = {}
            for half in halves:
                hits, total, misses = 0, 0, []
                for case, groups in zip(cases, answers):
                    if case.get("set") != half:
                        continue
                    total += 1
                    top = result_pages(groups)[:3]
                    if set(case.get("pages", [case.get("page")])) & set(top):
                        hits += 1
                    else:
                        misses.append(f"'{case['q']}' -> {top}")
                figures[lang][half] = (hits, total)
                print(f"readers' questions {lang}, {half} half: {hits} of {total} "
                      f"({100 * hits / max(1, total):.0f} %) with an answering page in the first three")
                if show_misses and half == "tune":
                    for miss in misses:
                        print(f"  miss {lang} (tune): {miss}")
        browser.close()
    return figures


def first_search_figures(url: str) -> None:
    """What the first search adds to a page view (bytes on the wire, gzip), and the
    warm query time on a mid-range phone profile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for lang in LANGS:
            context = browser.new_context()  # empty cache
            page = context.new_page()
            sizes: list[tuple[str, int]] = []
            page.on("requestfinished", lambda req: sizes.append((req.url, req.sizes()["responseBodySize"]
                                                                  + req.sizes()["responseHeadersSize"])))
            page.goto(url + lang_prefix(lang), wait_until="networkidle")
            viewed = len(sizes)
            questions = [c["q"] for c in reader_questions(lang) if c.get("set") == "test"][:LATENCY_QUESTIONS]
            search(page, questions[0], typed=False)
            page.wait_for_load_state("networkidle")
            first = sizes[viewed:]
            names = sorted({u.rsplit("/", 1)[-1].split("?")[0] for u, _ in first})
            print(f"first search {lang}: {sum(n for _, n in first) / 1024:.1f} KB on the wire (gzip), "
                  f"{len(first)} requests ({', '.join(names)})")
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU})
            page.evaluate("""() => {
              window.__lastResult = 0;
              new MutationObserver(() => { window.__lastResult = performance.now(); })
                .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
            }""")
            times = []
            for question in questions:
                clear_search(page)
                page.wait_for_timeout(100)
                # the query arrives whole (as a keyboard's suggestion or an IME commits it):
                # its input event and key release in one task, timed from there
                start = page.evaluate("""(q) => { const el = document.querySelector('input.md-search__input');
                    el.value = q; const t = performance.now();
                    el.dispatchEvent(new Event('input', { bubbles: true }));
                    el.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Shift' }));
                    return t; }""", question)
                page.wait_for_timeout(1200)
                times.append(page.evaluate("window.__lastResult") - start)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
            print(f"warm query {lang}, CPU x{PHONE_CPU} (mid-range phone): median {statistics.median(times):.0f} ms, "
                  f"slowest {max(times):.0f} ms over {len(times)} test-half questions")
            context.close()
        browser.close()


def lighthouse_cli() -> Path:
    cli = LH_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        print(f"(installing lighthouse@{LIGHTHOUSE} into {LH_DIR.relative_to(ROOT)} …)", flush=True)
        LH_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(LH_DIR), "--no-audit", "--no-fund",
                        "--silent", f"lighthouse@{LIGHTHOUSE}"], check=True)
    return cli


def lighthouse_figures(url: str) -> None:
    cli = lighthouse_cli()
    flags = " ".join(["--headless=new", *ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        for lang, slug, locale in LH_PAGES:
            for form in ("mobile", "desktop"):
                out = Path(tmp) / f"{lang}-{form}.json"
                cmd = ["node", str(cli), url + lang_prefix(lang) + slug, "--quiet",
                       "--output=json", f"--output-path={out}", f"--locale={locale}",
                       "--only-categories=performance,accessibility,best-practices,seo",
                       f"--chrome-flags={flags} --lang={locale} --accept-lang={locale}"]
                if form == "desktop":
                    cmd.append("--preset=desktop")
                proc = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": CHROMIUM},
                                      capture_output=True, text=True, timeout=300)
                if proc.returncode or not out.exists():
                    print(f"lighthouse {lang}/{slug or 'home'} {form}: failed ({proc.stderr[-300:].strip()})")
                    continue
                report = json.loads(out.read_text(encoding="utf-8"))
                score = {k: round(100 * (v["score"] or 0)) for k, v in report["categories"].items()}
                audits = report["audits"]
                cls = audits["cumulative-layout-shift"]["numericValue"]
                lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
                failing = sorted(k for k, a in audits.items()
                                 if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary")
                print(f"lighthouse {lang}/{slug or 'home'} {form} ({locale}): performance {score['performance']}, "
                      f"accessibility {score['accessibility']}, best practices {score['best-practices']}, "
                      f"SEO {score['seo']}, CLS {cls:.3f}, LCP {lcp:.1f} s"
                      + (f"; failing: {', '.join(failing)}" if failing else ""))


def main() -> None:
    if "--search" in sys.argv[1:]:
        given = next((Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--site=")), None)
        with tempfile.TemporaryDirectory() as tmp:
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            site = given or Path(tmp) / "site"
            if not given:
                build(site, site_url=f"http://127.0.0.1:{sock.getsockname()[1]}{SUBPATH}")
            with serve(site, sock, headers=True, gzip=True) as url:
                only = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--only=")), "")
                if "--tune" in sys.argv[1:]:
                    reader_quality(url, site, halves=("tune",))
                    search_quality(url, show_misses=True)
                    return
                if "--latency" in sys.argv[1:]:
                    index_figures(site)
                    first_search_figures(url)
                    return
                if not only:
                    index_figures(site)
                    reader_quality(url, site)
                    first_search_figures(url)
                search_quality(url, only=only)
        return
    with tempfile.TemporaryDirectory() as tmp:
        full, one = Path(tmp) / "full", Path(tmp) / "one"
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))  # known before the build: the site's own URL is its site_url
        full_time = build(full, site_url=f"http://127.0.0.1:{sock.getsockname()[1]}{SUBPATH}")
        config = one_language_config()
        try:
            one_time = build(one, config)
        finally:
            config.unlink()
        print(f"build, three languages: {full_time:.2f} s")
        print(f"build, one language ({DEFAULT_LANG}): {one_time:.2f} s")
        print(f"build ratio three / one: {full_time / one_time:.2f}")
        index_figures(full)
        with serve(full, sock, headers=True, gzip=True) as url:
            browser_figures(url)
            reader_quality(url, full)
            first_search_figures(url)
            search_quality(url)
            lighthouse_figures(url)
        print(f"(served gzip-compressed with _headers under {SUBPATH} on 127.0.0.1; budget: first view "
              "<= 90 KB gzip, 0 third-party; Lighthouse mobile performance >= 95, CLS <= 0.02, other categories 100)")


if __name__ == "__main__":
    main()
