"""`make check`: the fast checks to run before every commit (no browser, seconds).

    python -m tools.check [project_dir]     # default: this repository
    python -m tools.check --site-dir DIR    # also keep the checked build in DIR

1. facts.yml: duplicate keys, impossible dates, wrong types, unknown kinds …
2. the strict build (default verbosity: `-q` would hide warnings), which also stops on
   a missing translation, an unknown or low-confidence fact, a code or phone number
   typed as text, a raw link outside the allowlist, a broken link or #anchor;
3. parity of the languages (heading ids, steps, admonitions, facts, links …);
4. the glossary (variants that docs/_data/glossary.yml replaces) in the pages,
   includes, words files and facts.yml wording, case-blind for Cyrillic and Latin;
   the viewpoint (出国, 国外, 回国 in zh outside glossary.yml's allow-list);
   the marks: "check with …" words inside a sentence, on the rendered text of every
   page, and each language's punctuation in the Sources lines (tools/checks/marks.py);
5. the hedge budget of the carrier pages and the compare page;
   and every link to a question on the card (at-the-counter.md#q-…) resolving, and every
   line that tells the reader to ask the carrier linking one (ask_carrier: in glossary.yml);
6. the built site: links only to allowlisted domains, nothing loaded from another
   origin, no low-confidence value in any page's text;
7. the interface words: every language's docs/_data/ui/<lang>.yml has every key of
   en.yml (a missing one is named with its language, file and key);
8. the GitHub workflows and issue forms against check-jsonschema's vendored schemas.

Warnings (printed, not failing): facts checked more than 12 months ago, rules
announced or proposed more than 6 months ago ("check whether adopted"), and pages
older than the facts they show (tools/checks/freshness.py; SIM_TODAY=YYYY-MM-DD sets
"today"); per-language data that a language does not have yet and that falls back to
English: carrier and publisher names in facts.yml, glossary entries, the search
setting, the preview card (and a language entry in mkdocs.yml without its own
site_name or site_description, which shows the default language's).

Every problem is printed with its file (and line where there is one). `make test` is
the whole suite, browser tests included.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://ru-sim-guide.example/"

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import common  # noqa: E402  (the languages and words, as the build reads them)
import facts  # noqa: E402  (the build's own hook: the same rules, not a copy)
import facts_data  # noqa: E402
import head  # noqa: E402
import search_split  # noqa: E402

from tools.checks import (freshness, glossary, hedges, links, marks, parity, questions,  # noqa: E402
                          viewpoint, workflows)

NOISE = re.compile(r"^(INFO|DEBUG)\b|jieba|Prefix dict|Loading model|Building prefix|Dumping model")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


def low_values_in_site(site_dir: Path, data: dict) -> list[str]:
    lows = facts.low_values(data)
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        runs = facts.digit_runs(page_text(page))
        for key, digits in lows.items():
            if re.search(rf"(?<!\d){digits}(?!\d)", runs):
                found.append(f"{page.relative_to(site_dir)}: states the low-confidence value of '{key}'")
    return found


def build(root: Path, site_dir: Path) -> tuple[bool, list[str]]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    env.pop("OFFLINE", None)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    proc = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )
    lines = [l for l in (proc.stdout + proc.stderr).splitlines() if l.strip() and not NOISE.search(l)]
    bad = [l for l in lines if proc.returncode or l.startswith(("WARNING", "ERROR"))]
    return proc.returncode == 0 and not bad, bad


def fallbacks(root: Path, langs: tuple[str, ...], data: dict | None) -> list[str]:
    """Each piece of per-language data a language lacks, where English is used."""
    out = []
    for entry in common.language_entries(root / "mkdocs.yml"):
        for field in ("site_name", "site_description"):
            if not entry.get("default") and not entry.get(field):
                out.append(f"mkdocs.yml: language '{entry['locale']}' has no {field}: "
                           "the default language's is used")
    out += facts_data.fallbacks(data) if data is not None else []
    out += glossary.fallbacks(root / "docs", langs)
    out += search_split.search_fallbacks(langs)
    for lang in langs:
        if head.card(lang) != head.CARD.format(lang=lang):
            out.append(f"overrides/{head.CARD.format(lang=lang)} is missing: the English card is "
                       "used (draw it with python -m tools.cards)")
    return out


def main(root: Path = ROOT, keep_site: Path | None = None) -> int:
    started = time.monotonic()
    docs = root / "docs"
    facts_file = docs / "_data" / "facts.yml"
    langs, _ = common.read_languages(root / "mkdocs.yml")
    results: list[tuple[str, list[str]]] = []
    data = None
    try:
        data = facts_data.load(facts_file)
        results.append(("facts.yml", []))
    except facts_data.FactsError as exc:
        results.append(("facts.yml", [str(exc)]))
    words = "interface words (docs/_data/ui/)"
    try:
        results.append((words, common.missing_words(docs / "_data" / "ui", langs)))
    except common.WordsError as exc:
        results.append((words, [str(exc)]))
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = keep_site or Path(tmp) / "site"
        ok, lines = build(root, site_dir)
        results.append(("strict build", lines if not ok else []))
        if ok and data is not None:
            allowed = data["allowed_domains"]
            results.append(("built links and assets", links.forbidden_links(site_dir, SITE_URL, allowed)))
            results.append(("low-confidence values in the built text", low_values_in_site(site_dir, data)))
    results.append(("parity (python -m tools.checks.parity)", parity.check(docs)))
    results.append(("glossary (python -m tools.checks.glossary)", glossary.check(docs)))
    results.append(("viewpoint (python -m tools.checks.viewpoint)", viewpoint.check(docs)))
    if data is not None:
        results.append(("marks and Sources lines (python -m tools.checks.marks)", marks.check(docs)))
    results.append(("hedge budget (python -m tools.checks.hedges)", hedges.check(docs)))
    results.append(("question card pointers and asks (python -m tools.checks.questions)", questions.check(docs)))
    results.append(("GitHub workflows and issue forms (python -m tools.checks.workflows)",
                     workflows.check(root)))
    warnings: list[str] = []
    if data is not None:
        warnings = (freshness.stale_facts(facts_file, root=root)
                    + freshness.proposals_to_check(facts_file, root=root)
                    + freshness.pages_older_than_their_facts(docs, facts_file, root))
    failed = 0
    for name, problems in results:
        mark = "ok  " if not problems else "FAIL"
        print(f"{mark} {name}")
        for problem in problems:
            print(f"     {problem}")
        failed += bool(problems)
    print(f"{'ok  ' if not warnings else 'warn'} freshness (python -m tools.checks.freshness)")
    for warning in warnings:
        print(f"     {warning}")
    fallback_lines = fallbacks(root, langs, data)
    if fallback_lines:
        print(f"\nwarn {len(fallback_lines)} fallback(s) to English (a language without its own data yet):")
        for line in fallback_lines:
            print(f"     {line}")
    seconds = time.monotonic() - started
    print(f"\n{'all checks passed' if not failed else f'{failed} check(s) failed'} in {seconds:.1f} s"
          + ("" if not failed else "; fix the lines above (file:line) and run make check again"))
    return 1 if failed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    keep = None
    if "--site-dir" in args:
        at = args.index("--site-dir")
        keep = Path(args[at + 1]).resolve()
        del args[at:at + 2]
    try:
        sys.exit(main(Path(args[0]).resolve() if args else ROOT, keep))
    except glossary.GlossaryError as exc:  # every check reads it: nothing else can run
        print(f"FAIL glossary\n     {exc}\n\nfix the glossary file above and run make check again")
        sys.exit(1)
