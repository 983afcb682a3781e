"""Every checker is proven on a fixture that breaks it, and names the place.

Build-time checks run a mini site (tests/fixtures/mini: two pages in three
languages) with the project's real hooks, theme overrides and facts file, each
time broken in one way. HTML checks run on tests/fixtures/html."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools.checks.links import allowed_domains, crawl, forbidden_links, lychee_errors
from tools.checks.parity import check as parity_check
from tests.conftest import ROOT, mkdocs, serve, copy_mini
from tools.languages import LANGS

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini(tmp_path) -> Path:
    return copy_mini(tmp_path / "mini")


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
    # step 1 of the page, outside the block: a bare ⚠ after the value, the words at the end
    assert html.count('class="sim-check sim-check-words" href="https://mts.ru/"') == 1
    assert html.count(">(check with MTS)</a>") == 1
    assert html.count('class="sim-check sim-check-short" href="https://mts.ru/"') == 3
    assert 'aria-label="check with MTS"' in html  # the bare ⚠ keeps its words for screen readers
    assert ">(check with Beeline)</a>" in html  # another carrier keeps its own words
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


# -- where a mark stands: "check with …" closes its sentence (issue 25) ----------------


def test_a_medium_value_gets_a_bare_mark_and_its_sentence_the_words(mini):
    """The renderer puts ⚠ right after a medium value and the words once at the end
    of the sentence, so the sentence still reads; a second medium value of the same
    carrier in the sentence adds no second pair of words; a hand-written mark at the
    end of the sentence is not repeated."""
    edit(mini / "docs/en/other.md", "1. Call [[fact:mts.short]].",
         "1. Call [[fact:mts.short]] or [[fact:mts.tollfree]] from any phone, then wait. Next sentence.")
    edit(mini / "docs/en/other.md", "2. Open [[fact:mts.site]].",
         "2. Open [[fact:mts.site]], dial [[fact:mts.short]] at once [[check:mts]].")
    edit(mini / "docs/zh/other.md", "1. 拨打 [[fact:mts.short]].", "1. 拨打 [[fact:mts.short]]，然后等待。")
    code, log = build(mini)
    assert code == 0, log[-3000:]
    import re as _re
    en = _re.sub(r"\s+", " ", _re.sub(r"<(?!/?a\b)[^>]+>", "", html_of(mini, "en", "other")))
    words = '<a class="sim-check sim-check-words" href="https://mts.ru/" title="[^"]+">\\(check with MTS\\)</a>'
    bare = '<a class="sim-check sim-check-short" href="https://mts.ru/"[^>]*>⚠</a>'
    assert _re.search(rf"Call <a [^>]*>[^<]+</a> {bare} or <a [^>]*>[^<]+</a> {bare} from any phone, "
                      rf"then wait {words}\. Next sentence\.", en), en
    assert en.count("(check with MTS)</a>") + en.count("⚠ check with MTS</a>") == 2, en  # step 1's words and step 2's own mark
    step2 = en[en.index("Open"):]
    assert "sim-check-words" not in step2.split("</li>")[0], step2[:600]
    assert _re.search(r"at once <a class=\"sim-check\" [^>]*>⚠ check with MTS</a>\.", step2), step2[:600]
    zh = _re.sub(r"<(?!/?a\b)[^>]+>", "", html_of(mini, "zh", "other"))
    assert _re.search(r"，然后等待<a class=\"sim-check sim-check-words\"[^>]*>（请向 MTS 核实）</a>。", zh), zh


@pytest.mark.parametrize("line, words", [
    (", then go to the office.", ", then go to the office."),
    (" and go.", "and go."),
    ("，然后去营业厅。", "，然后去营业厅。"),
    ("; next clause", None),
    (".", None),
    ("。", None),
    ("", None),
    (" ([question card](at-the-counter.md#q-refund)).", None),
    ("）。", None),
    ("</li>", None),
    (" | next cell |", None),
    ("<br>then", None),
    (" (see above) and more.", "and more."),
])
def test_words_after_a_mark_are_what_stands_before_the_sentence_ends(line, words):
    """The definition of "inside a sentence" (facts.words_after_mark): more words after
    the mark before the sentence's final punctuation; a parenthesised reference, closing
    brackets, the end of the line, of a cell or of an element are not words."""
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    import facts as hook
    found = hook.words_after_mark(line, table=line.startswith(" |"))
    assert (found is None) == (words is None), (line, found)
    if words:
        assert found.startswith(words.strip()[:8]), (line, found)


@pytest.mark.parametrize("line, end", [
    ("Call X from any phone. Then wait.", "Call X from any phone"),
    ("Decree No. X applies. Then", "Decree No. X applies"),
    ("Звоните X, т. е. бесплатно. Дальше", "Звоните X, т. е. бесплатно"),
    ("拨打 X，然后等待。下一句", "拨打 X，然后等待"),
    ("| Call X | other |", "| Call X"),
    ("<li>ПАО X</li>", "<li>ПАО X"),
    ("## Call X { #call }", "## Call X"),
    ("Call X ([steps](other.md#steps)).", "Call X ([steps](other.md#steps))"),
])
def test_the_end_of_a_sentence_is_found_in_markdown(line, end):
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    import facts as hook
    assert line[:hook.sentence_end(line, line.index("X") + 1)] == end


def test_make_check_refuses_check_words_inside_a_sentence_and_passes_them_at_the_end(mini):
    """A hand-written [[check:X]] followed by more words of its sentence fails make check
    with the file and line of the mark (an include's own line when it comes from one);
    the same mark before the full stop passes."""
    edit(mini / "docs/en/other.md", "1. Call [[fact:mts.short]].",
         "1. MTS says [[check:mts]] that a call is free.")
    edit(mini / "docs/ru/other.md", "1. ", "1. МТС пишет, что звонок бесплатный [[check:mts]].\n   Пункт. ")
    code, out = make_check(mini)
    assert code != 0
    assert "FAIL marks and Sources lines" in out, out
    assert ("docs/en/other.md:9: 'check with MTS' stands inside a sentence (followed by "
            "'that a call is free.')") in out, out
    assert "docs/ru/other.md" not in out.split("FAIL marks")[1].split("\nok")[0], out
    from tools.checks import marks
    edit(mini / "docs/en/other.md", "1. MTS says [[check:mts]] that a call is free.",
         "1. MTS says that a call is free [[check:mts]].")
    assert marks.check(mini / "docs") == []


def test_zh_sources_lines_use_full_width_punctuation(mini):
    """A zh Sources line in the rendered text: the publisher and date joined by the
    words file's ，(source_dated), and an ASCII comma or quote written on the page is named."""
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    from tools.checks import marks
    assert marks.check(mini / "docs") == []
    edit(mini / "docs/zh/other.md", "- [[source:mts-site]]", '- 号码, "MTS"：[[source:rbc-2024-01-26]]')
    edit(mini / "docs/ru/other.md", "- [[source:mts-site]]", '- "Номер": [[source:rbc-2024-01-26]]')
    edit(mini / "docs/en/other.md", "- [[source:mts-site]]", '- "Number", said: [[source:rbc-2024-01-26]]')
    problems = marks.check(mini / "docs")
    assert any(p.startswith("docs/zh/other.md:14: ','") and "use ，；：（）「」" in p for p in problems), problems
    assert any(p.startswith("docs/ru/other.md:") and "use «ёлочки»" in p for p in problems), problems
    assert not any("docs/en/" in p for p in problems), problems  # English keeps its own
    code, log = build(mini)
    assert code == 0, log[-2000:]
    zh = html_of(mini, "zh", "other")
    assert "RBC（РБК），2024年1月26日</a>，我们于" in zh, zh[-3000:]
    en = html_of(mini, "en", "other")
    assert "RBC, 26 January 2024</a>, read by us on" in en


def test_the_viewpoint_rule_refuses_words_seen_from_china_outside_the_allow_list(mini):
    """出国, 国外, 回国 in a zh page, include, words file or facts.yml wording fail with
    file and line; an allow entry (file and phrase) lets one through where it means China."""
    from tools.checks import viewpoint
    before = viewpoint.check(mini / "docs")
    edit(mini / "docs/zh/other.md", "1. 拨打", "1. 人在国外时拨打")
    edit(mini / "docs/zh/index.md", "# ", "出国前请先办理 ruID。回国后注销。\n\n# ")
    edit(mini / "docs/_data/facts.yml", "{zh: Airalo 帮助中心,", "{zh: Airalo 国外帮助中心,")
    folder = mini / "docs/zh/_includes"
    folder.mkdir(exist_ok=True)
    (folder / "part.md").write_text("离开俄罗斯后，在国外也能充值。\n", encoding="utf-8")
    found = [p for p in viewpoint.check(mini / "docs") if p not in before]
    where = sorted(p.split(": ")[0] + ":" + p.split("'")[1] for p in found)
    line = next(n for n, l in enumerate((mini / "docs/_data/facts.yml").read_text(encoding="utf-8")
                                         .splitlines(), 1) if "Airalo 国外帮助中心" in l)
    assert where == sorted([
        "docs/zh/other.md:9:国外", "docs/zh/index.md:5:出国", "docs/zh/index.md:5:回国",
        f"docs/_data/facts.yml:{line}:国外", "docs/zh/_includes/part.md:1:国外"]), found
    glossary = mini / "docs/_data/glossary.yml"
    edit(glossary, "    allow: []\n", "    allow:\n      - {file: docs/zh/index.md, phrase: 出国前, why: test}\n"
                                       "      - {file: docs/zh/index.md, phrase: 离开中国, why: no word}\n"
                                       "      - {file: docs/zh/other.md, phrase: 出国前, why: not there}\n")
    found = [p for p in viewpoint.check(mini / "docs") if p not in before]
    assert not any(p.startswith("docs/zh/index.md:5: '出国'") for p in found), found
    assert any(p.startswith("docs/zh/index.md:5: '回国'") for p in found), found  # same line, not allowed
    assert any("phrase '离开中国' contains none of 出国, 国外, 回国" in p for p in found), found
    assert any("'出国前' in docs/zh/other.md allows nothing" in p for p in found), found
    assert not any("'出国前' in docs/zh/index.md allows nothing" in p for p in found), found


def test_the_glossary_reads_words_files_and_facts_wording_case_blind(mini):
    """A variant in a words file or a publisher's name is named with its file and line;
    a sentence-initial capital does not hide a Cyrillic or Latin variant."""
    from tools.checks import glossary
    before = glossary.check(mini / "docs")
    ru_words = mini / "docs/_data/ui/ru.yml"
    edit(ru_words, '  check_source: уточните\n', '  check_source: "Офис: уточните"\n')
    edit(mini / "docs/en/other.md", "1. Call", "1. Subscribers call")
    edit(mini / "docs/_data/facts.yml", "{zh: Airalo 帮助中心,", "{zh: Airalo 帮助中心封锁,")
    found = [p for p in glossary.check(mini / "docs") if p not in before]
    ru_line = next(n for n, l in enumerate(ru_words.read_text(encoding="utf-8").splitlines(), 1) if "Офис" in l)
    assert any(p.startswith(f"docs/_data/ui/ru.yml:{ru_line}: 'Офис'") for p in found), found
    assert any(p.startswith("docs/en/other.md:9: 'Subscribers'") for p in found), found
    assert any(p.startswith("docs/_data/facts.yml:") and "'封锁'" in p for p in found), found
    assert len(found) == 3, found


def test_a_wrong_rule_status_stops_the_build_naming_its_line(mini):
    """facts.yml on main accepts status (announced | proposed | in-force | reported) and
    as_of, both or neither; the build (on_config) names the line of a wrong one."""
    facts = mini / "docs/_data/facts.yml"
    text = facts.read_text(encoding="utf-8")
    start = text.index("\n  lending.fine:\n")
    at = text.index("    status: in-force\n", start)
    line = text.count("\n", 0, at) + 1
    facts.write_text(text[:at] + "    status: adopted\n" + text[at + len("    status: in-force\n"):],
                     encoding="utf-8")
    code, log = build(mini)
    assert code != 0
    assert f"facts.yml:{line}: lending.fine: status must be one of announced, proposed, in-force, reported" in log, \
        log[-2000:]


def test_a_sentence_ending_in_its_own_bracket_takes_the_words_inside_it(mini):
    """"(a short number) (check with MTS)" would be two brackets in a row: the words join
    the sentence's own bracket; a link at the end of the sentence is not a bracket."""
    edit(mini / "docs/en/other.md", "1. Call [[fact:mts.short]].",
         "1. Call [[fact:mts.short]] (a short number).\n   Or call [[fact:mts.tollfree]], see [steps](other.md#steps).")
    edit(mini / "docs/zh/other.md", "1. 拨打 [[fact:mts.short]].", "1. 拨打 [[fact:mts.short]]（短号）。")
    code, log = build(mini)
    assert code == 0, log[-3000:]
    import re as _re
    en = _re.sub(r"<(?!/?a\b)[^>]+>", "", html_of(mini, "en", "other"))
    assert _re.search(r'⚠</a> \(a short number; <a class="sim-check sim-check-words" [^>]*>check with MTS</a>\)\.',
                      en), en
    assert _re.search(r'⚠</a>, see <a href="\./#steps">steps</a> <a class="sim-check sim-check-words" [^>]*>'
                      r'\(check with MTS\)</a>\.', en), en
    zh = _re.sub(r"<(?!/?a\b)[^>]+>", "", html_of(mini, "zh", "other"))
    assert _re.search(r'⚠</a>（短号；<a class="sim-check sim-check-words" [^>]*>请向 MTS 核实</a>）。', zh), zh
    from tools.checks import marks
    assert marks.check(mini / "docs") == []
