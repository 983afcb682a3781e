"""Every checker is proven on a fixture that breaks it, and names the place.

Build-time checks run a mini site (tests/fixtures/mini: two pages in three
languages) with the project's real hooks, theme overrides and facts file, each
time broken in one way. HTML checks run on tests/fixtures/html."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.checks.links import allowed_domains, crawl, forbidden_links, lychee_errors
from tools.checks.parity import check as parity_check
from tests.conftest import ROOT, mkdocs, serve
from tools.languages import LANGS

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini(tmp_path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    shutil.copytree(ROOT / "docs" / "_data", root / "docs" / "_data")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\nnav:")[0] + "\nnav:\n  - index.md\n  - other.md\n"
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("  - overrides/hooks/", f"  - {ROOT}/overrides/hooks/")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def build(root: Path) -> tuple[int, str]:
    proc = mkdocs("build", "--strict", "--site-dir", str(root / "site"), cwd=root)
    return proc.returncode, proc.stdout + proc.stderr


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: '{old}' not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_mini_site_builds_clean(mini):
    code, log = build(mini)
    assert code == 0, log[-3000:]
    assert not parity_check(mini / "docs")


def test_unknown_fact_key_stops_build_naming_file_and_line(mini):
    edit(mini / "docs/ru/other.md", "[[fact:mts.short]]", "[[fact:mts.nope]]")
    code, log = build(mini)
    assert code != 0
    assert "docs/ru/other.md:9: unknown fact key 'mts.nope'" in log, log[-2000:]


def test_low_confidence_fact_is_refused(mini):
    edit(mini / "docs/en/other.md", "[[fact:mts.short]]", "[[fact:beeline.tollfree]]")
    code, log = build(mini)
    assert code != 0
    assert "docs/en/other.md:9: fact 'beeline.tollfree' has low confidence" in log, log[-2000:]


def test_malformed_marker_is_refused(mini):
    edit(mini / "docs/zh/other.md", "[[fact:mts.short]]", "[[fact mts.short]]")
    code, log = build(mini)
    assert code != 0
    assert "docs/zh/other.md:9: malformed marker" in log, log[-2000:]


def test_missing_translation_stops_build_and_parity_names_it(mini):
    (mini / "docs/en/other.md").unlink()
    code, log = build(mini)
    assert code != 0
    assert "docs/en/other.md: missing translation into 'en' (the page exists in docs/zh/, docs/ru/)" in log, log[-2000:]
    assert "en/other.md: missing translation (exists in zh, ru)" in parity_check(mini / "docs")


def test_broken_link_stops_build_naming_file(mini):
    edit(mini / "docs/zh/other.md", "## 来源", "[别处](nowhere.md)\n\n## 来源")
    code, log = build(mini)
    assert code != 0
    assert "zh/other.md" in log and "nowhere.md" in log, log[-2000:]


def test_missing_anchor_stops_build_naming_file(mini):
    edit(mini / "docs/ru/index.md", "other.md#steps", "other.md#absent")
    code, log = build(mini)
    assert code != 0
    assert "ru/index.md" in log and "#absent" in log, log[-2000:]


def test_forbidden_domain_in_facts_stops_build(mini):
    facts = mini / "docs/_data/facts.yml"
    edit(facts, "    source: https://mts.ru/\n    basis: \"mts.ru is the official domain",
         "    source: https://seo-farm.example/mts\n    basis: \"mts.ru is the official domain")
    code, log = build(mini)
    assert code != 0
    assert "docs/_data/facts.yml:" in log and "mts.site: source https://seo-farm.example/mts" in log, log[-2000:]


def test_page_without_last_reviewed_or_sources_is_refused(mini):
    edit(mini / "docs/en/index.md", "last_reviewed: 2026-11-23\n", "")
    code, log = build(mini)
    assert code != 0 and "docs/en/index.md:1: front matter needs last_reviewed" in log, log[-2000:]


def test_parity_names_step_heading_fact_and_admonition_drift(mini):
    edit(mini / "docs/en/other.md", "2. Open", "2. Wait.\n3. Open")
    edit(mini / "docs/ru/other.md", "{ #steps }", "{ #shagi }")
    edit(mini / "docs/zh/other.md", "[[fact:mts.site]]", "[[fact:beeline.site]]")
    edit(mini / "docs/zh/index.md", "## 来源", "!!! warning \"注意\"\n    文本\n\n## 来源")
    errors = "\n".join(parity_check(mini / "docs"))
    assert "zh/other.md: steps per numbered list differ from en: [2] != [3]" in errors
    assert "ru/other.md: steps per numbered list differ from en: [2] != [3]" in errors
    assert "ru/other.md: heading ids differ" in errors and "shagi" in errors
    assert "zh/other.md: fact keys differ" in errors and "beeline.site" in errors
    assert "zh/index.md: admonition kinds differ from en: ['warning'] != []" in errors


def test_lychee_finds_broken_link_and_missing_anchor():
    errors = "\n".join(lychee_errors(FIXTURES / "html", "/guide/"))
    assert "index.html → " in errors and "html/page#absent (Cannot find fragment)" in errors
    assert "html/missing (File not found" in errors
    assert "html/elsewhere (File not found" in errors
    assert "#present" not in errors and "/guide/page" not in errors


def test_allowlist_flags_forbidden_domain_promotion_and_foreign_assets():
    errors = "\n".join(forbidden_links(FIXTURES / "html", "http://127.0.0.1/guide/", allowed_domains()))
    assert "https://seo-farm.example/how-to-cancel: domain not in allowed_domains" in errors
    assert "https://t.me/somebody: promotional or messenger contact in index.html" in errors
    assert "https://cdn.example.org/lib.js: loaded from another origin as an asset" in errors
    assert "rbc.ru" not in errors


def test_crawl_finds_escape_from_sub_path_404_and_missing_anchor():
    with serve(FIXTURES / "html") as url:
        result = crawl(url, [""])
    errors = "\n".join(result.errors)
    assert f"{url}page/ → /elsewhere/: leaves the sub-path /guide/" in errors
    assert f"{url}missing/ answered 404" in errors
    assert f"{url}page/#absent: no element with that id" in errors
    assert "#present" not in errors


# -- `make check` (python -m tools.check) on the mini site, broken one way each ----------


def make_check(root: Path) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "tools.check", str(root)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr


def test_make_check_passes_on_the_clean_mini_site(mini):
    code, out = make_check(mini)
    assert code == 0, out
    assert "all checks passed" in out


DUPLICATE = """  mts.short:
    kind: phone
    value: "0999"
    confidence: high
    carrier: mts
    source: https://mts.ru/
    basis: "a second entry under the same key"
    checked: 2026-11-22
"""


def test_make_check_refuses_a_duplicate_fact_key(mini):
    facts = mini / "docs/_data/facts.yml"
    edit(facts, "  # -- Beeline ---", DUPLICATE + "  # -- Beeline ---")
    code, out = make_check(mini)
    assert code != 0
    assert "docs/_data/facts.yml:" in out and "mts.short: duplicate key 'mts.short' (first defined at line" in out, out


def test_make_check_refuses_an_impossible_date(mini):
    facts = mini / "docs/_data/facts.yml"
    text = facts.read_text(encoding="utf-8")
    start = text.index("  mts.short:")
    line = text.count("\n", 0, text.index("checked:", start)) + 1
    facts.write_text(text[:start] + text[start:].replace("checked: 2026-11-22", "checked: 2026-11-31", 1),
                     encoding="utf-8")
    code, out = make_check(mini)
    assert code != 0
    assert f"docs/_data/facts.yml:{line}: mts.short: checked: '2026-11-31' is not a real date" in out, out
    assert "Traceback" not in out


def test_make_check_refuses_an_empty_facts_file(mini):
    (mini / "docs/_data/facts.yml").write_text("", encoding="utf-8")
    code, out = make_check(mini)
    assert code != 0
    assert "docs/_data/facts.yml:1: the file is empty" in out, out
    assert "Traceback" not in out and "TypeError" not in out


def test_make_check_refuses_a_wrong_type(mini):
    edit(mini / "docs/_data/facts.yml", 'value: "0890"', "value: 890")
    code, out = make_check(mini)
    assert code != 0
    assert "mts.short: phone numbers, codes and texts must be quoted strings" in out, out


def test_make_check_refuses_a_low_confidence_code_typed_as_text(mini):
    edit(mini / "docs/en/other.md", "2. Open", "2. Dial *152*2# to list subscriptions.\n3. Open")
    edit(mini / "docs/ru/other.md", "2. ", "2. Пункт.\n3. ")
    edit(mini / "docs/zh/other.md", "2. ", "2. 步骤。\n3. ")
    code, out = make_check(mini)
    assert code != 0
    assert "docs/en/other.md:10: the low-confidence value of 'mts.subscriptions' is typed as text" in out, out


def test_make_check_refuses_a_code_typed_as_text(mini):
    edit(mini / "docs/zh/other.md", "## 来源", "拨打 `*100#` 查询余额。\n\n## 来源")
    code, out = make_check(mini)
    assert code != 0
    assert "docs/zh/other.md:" in out and "a USSD code typed as text ('*100#')" in out, out


def test_make_check_refuses_a_link_outside_the_allowlist(mini):
    edit(mini / "docs/ru/index.md", "## Источники", "[Как расторгнуть](https://seo-farm.example/mts)\n\n## Источники")
    code, out = make_check(mini)
    assert code != 0
    assert "docs/ru/index.md:" in out and "link to https://seo-farm.example/mts: its domain is not in allowed_domains" in out, out


def test_make_check_names_a_missing_translation(mini):
    (mini / "docs/ru/other.md").unlink()
    code, out = make_check(mini)
    assert code != 0
    assert "docs/ru/other.md: missing translation into 'ru'" in out, out


def test_make_check_names_heading_id_drift(mini):
    edit(mini / "docs/ru/other.md", "{ #steps }", "{ #shagi }")
    code, out = make_check(mini)
    assert code != 0
    assert "ru/other.md: heading ids differ from en" in out and "shagi" in out, out


def test_make_check_names_a_page_with_broken_front_matter(mini):
    edit(mini / "docs/en/other.md", "last_reviewed: 2026-11-23", "last_reviewed: [2026-11-23")
    code, out = make_check(mini)
    assert code != 0
    assert "docs/en/other.md:2: the front matter is not valid YAML" in out, out
    assert "Traceback" not in out


def test_make_check_names_a_glossary_variant(mini):
    edit(mini / "docs/zh/other.md", "## 来源", "请解除合约。\n\n## 来源")
    code, out = make_check(mini)
    assert code != 0
    assert "docs/zh/other.md:" in out and "'解除合约' (glossary variant 解除合约); write '注销合约'" in out, out


def test_hedge_budget_counts_hedges_outside_unconfirmed_and_sources(mini):
    from tools.checks.hedges import check as hedges_check

    docs = mini / "docs"
    assert hedges_check(docs, pages=("other.md",), budget=1) == []
    edit(docs / "en/other.md", "## Sources", "We could not confirm this. It is not verified.\n\n"
         "## What we could not confirm { #unconfirmed }\n\nWe could not find that. See [the list](#unconfirmed).\n\n## Sources")
    errors = hedges_check(docs, pages=("other.md",), budget=1)
    assert len(errors) == 1 and errors[0].startswith("en/other.md: 2 hedges outside #unconfirmed"), errors
    assert "'could not confirm'" in errors[0] and "'not verified'" in errors[0]
    assert "could not find" not in errors[0], "a hedge inside #unconfirmed was counted"
    edit(docs / "zh/other.md", "## 来源", "我们未能核实这一点，也无法确认那一点。\n\n## 来源")
    assert any(e.startswith("zh/other.md: 2 hedges") for e in hedges_check(docs, pages=("other.md",), budget=1))
    edit(docs / "ru/other.md", "## Источники", "Это не удалось проверить; срок не подтверждён.\n\n## Источники")
    assert any(e.startswith("ru/other.md: 2 hedges") for e in hedges_check(docs, pages=("other.md",), budget=1))


def test_unknown_carrier_in_a_check_mark_stops_the_build(mini):
    edit(mini / "docs/en/other.md", "2. Open", "2. Open it [[check:tele3]].\n3. Open")
    edit(mini / "docs/ru/other.md", "2. ", "2. Пункт.\n3. ")
    edit(mini / "docs/zh/other.md", "2. ", "2. 步骤。\n3. ")
    code, log = build(mini)
    assert code != 0
    assert "docs/en/other.md:10: unknown carrier 'tele3' in [[check:…]]" in log, log[-2000:]


# -- includes ([[include:NAME]]) and block marks ([[check-block:…]]) ------------------

CLAIM = {
    "en": "Only the holder may end the contract. Call [[fact:mts.short]] ([steps](other.md#steps)).",
    "ru": "Расторгнуть договор может только абонент. Звоните [[fact:mts.short]] ([шаги](other.md#steps)).",
    "zh": "只有机主本人可以注销合约。请拨打 [[fact:mts.short]]（[步骤](other.md#steps)）。",
}


def add_include(root: Path, name: str = "claim", pages=("index.md", "other.md")) -> None:
    for lang, text in CLAIM.items():
        folder = root / "docs" / lang / "_includes"
        folder.mkdir(exist_ok=True)
        (folder / f"{name}.md").write_text(text + "\n", encoding="utf-8")
        for page in pages:
            path = root / "docs" / lang / page
            body = path.read_text(encoding="utf-8")
            head, sep, tail = body.partition("\n## ")
            path.write_text(f"{head}\n[[include:{name}]]\n{sep}{tail}", encoding="utf-8")


def html_of(root: Path, lang: str, page: str) -> str:
    base = root / "site" / ("" if lang == "zh" else lang)
    return (base / page / "index.html").read_text(encoding="utf-8")


def test_an_included_claim_shows_on_every_page_and_changes_everywhere(mini):
    add_include(mini)
    code, log = build(mini)
    assert code == 0, log[-3000:]
    assert not parity_check(mini / "docs")
    for lang in LANGS:
        for page in ("", "other"):
            html = html_of(mini, lang, page)
            assert CLAIM[lang].split("[[")[0].strip() in html, f"{lang}/{page}"
            assert 'data-fact="mts.short"' in html  # its markers are expanded, not left raw
            assert "[[" not in html.split("<article", 1)[1].split("</article>")[0], f"{lang}/{page}"
    assert not (mini / "site" / "en" / "_includes").exists()  # excluded from the build
    # one edit of the included file changes every page that shows it
    for lang in LANGS:
        edit(mini / f"docs/{lang}/_includes/claim.md", "[[fact:mts.short]]", "[[fact:mts.short]] CHANGED-ONCE")
    code, log = build(mini)
    assert code == 0, log[-3000:]
    for lang in LANGS:
        for page in ("", "other"):
            assert "CHANGED-ONCE" in html_of(mini, lang, page), f"{lang}/{page}"


def test_links_in_an_include_are_rebased_for_the_including_page(tmp_path):
    import includes  # overrides/hooks (on sys.path through tools.checks.parity)

    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes" / "x.md").write_text(
        "See [steps](cards/esim.md#steps), [here](#here), [site](https://mts.ru/x.md).\n"
    )
    text, origins = includes.expand("a\n  [[include:x]]\nb", tmp_path, "page.md", 3, depth=1)
    assert text.split("\n")[1] == (
        "  See [steps](../cards/esim.md#steps), [here](#here), [site](https://mts.ru/x.md)."
    )
    assert origins == ["page.md:4", f"{tmp_path}/_includes/x.md:1", "page.md:6"]


def test_unknown_include_stops_the_build_naming_file_and_line(mini):
    edit(mini / "docs/ru/other.md", "1. Позвоните", "[[include:no-such-claim]]\n\n1. Позвоните")
    code, log = build(mini)
    assert code != 0
    assert "docs/ru/other.md:9: unknown include 'no-such-claim' (no file docs/ru/_includes/no-such-claim.md)" in log, log[-2000:]


def test_a_bad_marker_in_an_include_is_reported_in_the_included_file(mini):
    add_include(mini)
    edit(mini / "docs/en/_includes/claim.md", "[[fact:mts.short]]", "[[fact:mts.nope]]")
    code, log = build(mini)
    assert code != 0
    assert "docs/en/_includes/claim.md:1: unknown fact key 'mts.nope'" in log, log[-2000:]


def test_an_include_marker_inside_text_is_refused(mini):
    edit(mini / "docs/en/other.md", "1. Call", "1. See [[include:claim]] and call")
    code, log = build(mini)
    assert code != 0
    assert "docs/en/other.md:9: an [[include:NAME]] marker must stand alone on its line" in log, log[-2000:]


def test_parity_sees_include_drift_and_included_files(mini):
    add_include(mini, pages=("other.md",))
    edit(mini / "docs/ru/other.md", "[[include:claim]]\n", "")
    problems = "\n".join(parity_check(mini / "docs"))
    assert "ru/other.md: includes differ from en: [] != ['claim']" in problems, problems
    # the included file itself is compared across languages
    edit(mini / "docs/zh/_includes/claim.md", "[[fact:mts.short]]", "[[fact:mts.site]]")
    problems = "\n".join(parity_check(mini / "docs"))
    assert "zh/_includes/claim.md: fact keys differ from en" in problems, problems
    assert "zh/other.md: fact keys differ from en" in problems, problems


def test_hedges_count_what_an_include_adds(mini):
    from tools.checks.hedges import check as hedge_check
    folder = mini / "docs/en/_includes"
    folder.mkdir()
    (folder / "doubt.md").write_text("We could not confirm this. We could not verify that. Not confirmed.\n")
    edit(mini / "docs/en/other.md", "1. Call", "[[include:doubt]]\n\n1. Call")
    problems = hedge_check(mini / "docs", pages=("other.md",), budget=2)
    assert problems and "docs/en/_includes/doubt.md:1" in problems[0], problems


def test_a_block_mark_replaces_the_per_line_marks_of_its_carrier(mini):
    block = ("[[check-block:mts]]\n\n- A [[fact:mts.short]]\n- B [[fact:mts.tollfree]]\n"
             "- C [[fact:beeline.short]]\n\n[[/check-block]]\n\n## Sources")
    for lang, heading in (("en", "## Sources"), ("ru", "## Источники"), ("zh", "## 来源")):
        edit(mini / f"docs/{lang}/other.md", heading, block.replace("## Sources", heading))
    code, log = build(mini)
    assert code == 0, log[-3000:]
    html = html_of(mini, "en", "other")
    assert html.count("check the values marked ⚠ below with MTS") == 1
    assert html.count("⚠</span> check with MTS</a>") == 1  # step 1 of the page, outside the block
    assert html.count('class="sim-check sim-check-short" href="https://mts.ru/"') == 2
    assert 'aria-label="check with MTS"' in html  # the bare ⚠ keeps its words for screen readers
    assert "⚠</span> check with Beeline</a>" in html  # another carrier keeps its own mark
    assert not parity_check(mini / "docs")
    edit(mini / "docs/ru/other.md", "[[check-block:mts]]", "")
    edit(mini / "docs/ru/other.md", "[[/check-block]]", "")
    problems = "\n".join(parity_check(mini / "docs"))
    assert "ru/other.md: block marks differ from en" in problems, problems


def test_an_unclosed_block_mark_stops_the_build(mini):
    edit(mini / "docs/en/other.md", "1. Call", "[[check-block:mts]]\n\n1. Call")
    code, log = build(mini)
    assert code != 0
    assert "docs/en/other.md:9: [[check-block:mts]] is never closed" in log, log[-2000:]


def test_make_check_names_the_glossary_when_it_is_not_valid_yaml(mini):
    glossary = mini / "docs/_data/glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    line = text[:text.index("  - {zh: 保号")].count("\n") + 1
    edit(glossary, "  - {zh: 保号, ru: сохранение номера, en: keeping your number}",
         "  - {zh: 保号, ru: сохранение номера, en: keeping: your number}")
    code, out = make_check(mini)
    assert code != 0
    assert f"docs/_data/glossary.yml:{line}:" in out and "not valid YAML" in out, out
    assert "Traceback" not in out, out


def test_make_check_names_a_glossary_pattern_that_is_not_a_regular_expression(mini):
    glossary = mini / "docs/_data/glossary.yml"
    edit(glossary, "not_re: ['отметк\\w* о приёме']", "not_re: ['отметк\\w* (о приёме']")
    code, out = make_check(mini)
    assert code != 0
    assert "docs/_data/glossary.yml: replaced." in out and "is not a valid regular expression" in out, out
    assert "Traceback" not in out, out
