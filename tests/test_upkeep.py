"""Keeping the guide true after launch (issue 15), without a browser:

- `make check` warns on a fact checked more than 12 months ago (key and line) and
  names a page older than the facts it shows; "today" is set with SIM_TODAY;
- `make check` fails on a broken workflow file or issue form (check-jsonschema's
  vendored schemas, no network);
- the weekly report of `make check-external`;
- every page links to "report a mistake" with its address and language;
- `_redirects` is in the built site and the static-host emulation routes by it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.conftest import LANGS, PAGES, ROOT, SUBPATH, lang_prefix, serve
from tests.test_checkers import edit
from tests.test_checkers import mini as _mini  # noqa: F401  (the mini site fixture)
from tools.checks import external, freshness, workflows
from tools.checks.links import report_prefix

FACTS = ROOT / "docs" / "_data" / "facts.yml"


@pytest.fixture
def mini(_mini) -> Path:
    """The mini site of test_checkers, with the interface words the hooks need."""
    words = _mini / "docs" / "_data" / "ui"
    if not words.exists():
        shutil.copytree(ROOT / "docs" / "_data" / "ui", words)
    return _mini


def run_check(root: Path, today: str | None = None) -> tuple[int, str]:
    env = {**os.environ}
    env.pop("SIM_TODAY", None)
    if today:
        env["SIM_TODAY"] = today
    proc = subprocess.run([sys.executable, "-m", "tools.check", str(root)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr


def fact_checked(facts_file: Path, key: str) -> tuple[dt.date, int]:
    """A fact's checked date and the line of its `checked:`, read from the file."""
    text = facts_file.read_text(encoding="utf-8")
    start = text.index(f"\n  {key}:\n") + 1
    at = text.index("checked:", start)
    day = dt.date.fromisoformat(re.match(r"checked:\s*(\S+)", text[at:]).group(1))
    return day, text.count("\n", 0, at) + 1


# -- stale facts and pages -----------------------------------------------------------------


def test_a_fact_checked_13_months_ago_warns_with_key_and_line(tmp_path):
    facts_file = tmp_path / "facts.yml"
    shutil.copy(FACTS, facts_file)
    today = dt.date(2026, 12, 2)
    old = freshness.add_months(today, -13)
    text = facts_file.read_text(encoding="utf-8")
    start = text.index("\n  mts.short:\n")
    at = text.index("checked:", start)
    end = text.index("\n", at)
    facts_file.write_text(text[:at] + f"checked: {old.isoformat()}" + text[end:], encoding="utf-8")
    line = text.count("\n", 0, at) + 1
    warnings = freshness.stale_facts(facts_file, today, root=tmp_path)
    assert [w for w in warnings if "facts.mts.short:" in w] == [
        w for w in warnings if w.startswith(f"facts.yml:{line}: facts.mts.short: checked {old.isoformat()}")
    ] != [], warnings
    # eleven months is not yet a warning; the real file has no fact so old today
    facts_file.write_text(text[:at] + f"checked: {freshness.add_months(today, -11).isoformat()}" + text[end:],
                          encoding="utf-8")
    assert not [w for w in freshness.stale_facts(facts_file, today, root=tmp_path) if "mts.short" in w]


def _with_status(facts_file: Path, key: str, status: str, as_of: dt.date) -> int:
    """Give `key` a status and as_of in a copy of facts.yml; the line of its `status:`."""
    text = facts_file.read_text(encoding="utf-8")
    start = text.index(f"\n  {key}:\n")
    at = text.index("    status:", start)
    end = text.index("\n", text.index("    as_of:", at))
    facts_file.write_text(text[:at] + f"    status: {status}\n    as_of: {as_of.isoformat()}" + text[end:],
                          encoding="utf-8")
    return text.count("\n", 0, at) + 1


def test_a_proposal_older_than_six_months_is_listed_as_check_whether_adopted(tmp_path):
    """Issue 25: an announced or proposed rule whose as_of is more than six months old is
    listed with key and line ("check whether adopted"); a fresh proposal, and an old rule
    in force or reported as happening, are not."""
    facts_file = tmp_path / "facts.yml"
    shutil.copy(FACTS, facts_file)
    today = dt.date(2026, 12, 2)
    line = _with_status(facts_file, "ruid.from", "proposed", freshness.add_months(today, -7))
    _with_status(facts_file, "lending.fine", "announced", freshness.add_months(today, -8))
    _with_status(facts_file, "ruid.notice-hours", "proposed", freshness.add_months(today, -5))
    _with_status(facts_file, "citizens.limit", "in-force", freshness.add_months(today, -30))
    _with_status(facts_file, "cooling.block-hours", "reported", freshness.add_months(today, -30))
    listed = freshness.proposals_to_check(facts_file, today, root=tmp_path)
    keys = {w.split(": ")[1] for w in listed}
    assert f"facts.yml:{line}: facts.ruid.from: proposed as of " in "\n".join(listed), listed
    assert all("check whether adopted" in w for w in listed), listed
    assert {"facts.ruid.from", "facts.lending.fine"} <= keys, listed
    assert not keys & {"facts.ruid.notice-hours", "facts.citizens.limit", "facts.cooling.block-hours"}, listed


def test_make_check_warns_on_a_fact_checked_13_months_before_today(mini):
    checked, line = fact_checked(mini / "docs/_data/facts.yml", "mts.short")
    code, out = run_check(mini, today=freshness.add_months(checked, 13).isoformat())
    assert code == 0, out  # a warning, not a failure
    assert re.search(rf"^\s+docs/_data/facts\.yml:{line}: facts\.mts\.short: checked {checked}", out, re.M), out
    assert "warn freshness" in out
    code, out = run_check(mini, today=freshness.add_months(checked, 11).isoformat())
    assert "facts.mts.short" not in out, out


def test_a_page_older_than_the_facts_it_shows_is_named(mini):
    for lang in LANGS:  # parity: the same front matter in every language
        page = mini / f"docs/{lang}/other.md"
        assert "[[fact:mts.short]]" in page.read_text(encoding="utf-8")
        edit(page, "last_reviewed: 2026-11-23", "last_reviewed: 2020-01-15")
    named = freshness.pages_older_than_their_facts(mini / "docs", root=mini)
    assert sorted(n.split(":", 1)[0] for n in named) == [f"docs/{lang}/other.md" for lang in sorted(LANGS)]
    assert all(n.split(": ", 1)[0].endswith(".md:2") and "last_reviewed 2020-01-15 is older than the newest "
               "fact it shows (facts." in n for n in named), named
    code, out = run_check(mini)
    assert code == 0 and "docs/ru/other.md:2: last_reviewed 2020-01-15" in out, out


def test_the_guide_itself_has_no_page_older_than_its_facts():
    assert freshness.pages_older_than_their_facts(ROOT / "docs") == []


# -- workflows and issue forms --------------------------------------------------------------

BROKEN_WORKFLOW = """name: Broken
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        whith:
          fetch-depth: 0
"""


def copy_github(root: Path) -> Path:
    shutil.copytree(ROOT / ".github", root / ".github")
    return root / ".github"


def test_the_repository_workflows_and_issue_form_are_valid():
    assert (ROOT / ".github/ISSUE_TEMPLATE/report-a-mistake.yml").is_file()
    assert {p.name for p in workflows.files(ROOT, ".github/workflows")} >= {"pages.yml", "test.yml", "sources.yml"}
    assert workflows.check(ROOT) == []


def test_a_broken_workflow_and_a_broken_issue_form_are_named(tmp_path):
    github = copy_github(tmp_path)
    (github / "workflows" / "broken.yml").write_text(BROKEN_WORKFLOW, encoding="utf-8")
    form = github / "ISSUE_TEMPLATE" / "report-a-mistake.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("type: textarea", "type: essay", 1),
                    encoding="utf-8")
    problems = workflows.check(tmp_path)
    assert any(".github/workflows/broken.yml" in p and "whith" in p for p in problems), problems
    assert any(".github/ISSUE_TEMPLATE/report-a-mistake.yml" in p for p in problems), problems
    assert not any("pages.yml" in p or "test.yml" in p for p in problems), problems


def test_make_check_fails_on_a_broken_workflow_file(mini):
    github = copy_github(mini)
    (github / "workflows" / "test.yml").write_text(BROKEN_WORKFLOW, encoding="utf-8")
    code, out = run_check(mini)
    assert code != 0, out
    assert "FAIL GitHub workflows" in out and ".github/workflows/test.yml" in out, out


def test_the_weekly_workflow_keeps_one_issue_from_the_report():
    flow = yaml.safe_load((ROOT / ".github/workflows/sources.yml").read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "schedule" in triggers and re.match(r"^\S+ \S+ \* \* \d$", triggers["schedule"][0]["cron"])
    assert flow["permissions"]["issues"] == "write"
    script = "\n".join(step.get("run", "") for step in flow["jobs"]["sources"]["steps"])
    assert "make check-external REPORT=" in script
    assert "gh issue list" in script and "gh issue edit" in script and "gh issue create" in script
    test = yaml.safe_load((ROOT / ".github/workflows/test.yml").read_text(encoding="utf-8"))
    assert set(test[True]) == {"push", "pull_request"}
    steps = "\n".join(s.get("run", "") for s in test["jobs"]["test"]["steps"])
    assert test["jobs"]["test"]["container"].startswith("debian:") and ".ci/run" in steps


def test_the_weekly_report_lists_failing_sources_and_overdue_facts():
    bad = external.report([("https://mts.ru/gone", ["facts.mts.short.source"], "HTTP 404")], 90,
                          ["docs/_data/facts.yml:12: facts.mts.short: checked 2025-01-01"], dt.date(2026, 12, 7))
    assert bad.splitlines()[0] == "<!-- needs-attention: yes -->"
    assert "| https://mts.ru/gone | `facts.mts.short.source` | HTTP 404 |" in bad
    assert "- docs/_data/facts.yml:12: facts.mts.short" in bad
    good = external.report([], 90, [], dt.date(2026, 12, 7))
    assert good.splitlines()[0] == "<!-- needs-attention: no -->"


# -- report a mistake --------------------------------------------------------------------------


def test_every_page_links_to_report_a_mistake_with_its_address_and_language(site):
    words = {lang: yaml.safe_load((ROOT / f"docs/_data/ui/{lang}.yml").read_text(encoding="utf-8"))
             for lang in LANGS}
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/report-a-mistake.yml").read_text(encoding="utf-8"))
    ids = {field.get("id") for field in form["body"]}
    prefix = report_prefix()
    for lang in LANGS:
        for slug in PAGES:
            html = site.page(lang, slug).read_text(encoding="utf-8")
            assert re.search(r'</h1>\s*<p class="sim-freshness" data-freshness ', html), f"{lang}/{slug}"
            links = re.findall(r'<p class="sim-report"><a href="([^"]+)"[^>]*>([^<]+)</a>', html)
            assert len(links) == 1, f"{lang}/{slug}: {links}"
            href, label = links[0]
            href = href.replace("&amp;", "&")
            assert label == words[lang]["report"]["label"]
            assert href.startswith(prefix), href
            query = parse_qs(urlsplit(href).query)
            assert query["template"] == ["report-a-mistake.yml"]
            assert query["page"] == [site.page_url(lang, slug)] and query["lang"] == [lang], query
            assert {"page", "lang"} <= ids and {"fact", "seen", "when"} <= ids


# -- _redirects ----------------------------------------------------------------------------------


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def html_lang(body: str) -> str:
    return re.search(r'<html[^>]*\blang="([^"]+)"', body).group(1)


def test_the_built_site_ships_redirects_under_its_sub_path(site):
    rules = [line.split() for line in (site.dir / "_redirects").read_text(encoding="utf-8").splitlines()]
    assert rules == [[f"{SUBPATH}ru/*", f"{SUBPATH}ru/404.html", "404"],
                     [f"{SUBPATH}en/*", f"{SUBPATH}en/404.html", "404"],
                     [f"{SUBPATH}*", f"{SUBPATH}404.html", "404"]]
    for _, target, _ in rules:
        assert (site.dir / target[len(SUBPATH):]).is_file(), target


@pytest.mark.parametrize("lang", LANGS)
def test_redirects_route_each_languages_missing_pages_to_its_404(site, lang):
    with serve(site.dir, redirects=True) as url:
        status, body = get(f"{url}{lang_prefix(lang)}no-such-page/deeper/")
        assert status == 404 and html_lang(body) == lang
        status, body = get(f"{url}{lang_prefix(lang)}carriers/mts/")
        assert status == 200 and html_lang(body) == lang


def test_the_routing_follows_the_redirects_file_not_the_folders(tmp_path):
    """Netlify has no nearest-404 rule: without a line for /ru/, Russian misses get
    the root 404; the emulation must show that."""
    (tmp_path / "ru").mkdir()
    (tmp_path / "404.html").write_text('<html lang="zh">zh</html>', encoding="utf-8")
    (tmp_path / "ru" / "404.html").write_text('<html lang="ru">ru</html>', encoding="utf-8")
    (tmp_path / "_redirects").write_text(f"{SUBPATH}*  {SUBPATH}404.html  404\n", encoding="utf-8")
    with serve(tmp_path, redirects=True) as url:
        assert get(f"{url}ru/missing/") == (404, '<html lang="zh">zh</html>')
    (tmp_path / "_redirects").write_text(
        f"# per language\n{SUBPATH}ru/*  {SUBPATH}ru/404.html  404\n{SUBPATH}*  {SUBPATH}404.html  404\n",
        encoding="utf-8")
    with serve(tmp_path, redirects=True) as url:
        assert get(f"{url}ru/missing/") == (404, '<html lang="ru">ru</html>')
        assert get(f"{url}rumba/") == (404, '<html lang="zh">zh</html>')


def test_redirects_of_a_root_hosted_build():
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    import freshness as hook  # the build's own hook module

    config = {"site_url": "https://example.org/"}
    lines = hook.redirects(config, LANGS).splitlines()
    assert set(lines) == {"/ru/*  /ru/404.html  404", "/en/*  /en/404.html  404", "/*  /404.html  404"}
    assert lines[-1] == "/*  /404.html  404"  # the catch-all comes last
    config = {"site_url": "https://example.org/guide"}
    assert hook.redirects(config, ("zh",)).splitlines() == ["/guide/*  /guide/404.html  404"]


# -- the browser the tests drive (tools/chromium.py) -------------------------------------


def test_the_tests_prefer_the_headless_build_fall_back_to_chromium_and_say_what_is_missing(monkeypatch, tmp_path):
    import tools.chromium as chromium

    shell, full = tmp_path / "chromium-headless-shell", tmp_path / "chromium"
    for exe in (shell, full):
        exe.write_text("#!/bin/sh\n")
        exe.chmod(0o755)
    monkeypatch.setattr(chromium, "HEADLESS_SHELL", str(shell))
    monkeypatch.setattr(chromium, "CHROMIUM", str(full))
    assert chromium.browser_for_tests() == (str(shell), "Debian chromium-headless-shell")
    shell.unlink()
    path, what = chromium.browser_for_tests()
    assert path == str(full) and "install chromium-headless-shell" in what
    full.unlink()
    monkeypatch.setenv("PATH", str(tmp_path))
    path, what = chromium.browser_for_tests()
    assert path is None and "chromium-headless-shell" in what and ".ci/run" in what
