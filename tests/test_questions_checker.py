"""The question-card checker (tools/checks/questions.py, run by `make check`): every
link to a question on the card (at-the-counter.md#q-…) names a question that the card
of that language holds, and every line that tells the reader to ask the carrier (the
phrases under `ask_carrier:` in docs/_data/glossary.yml) links such a question. Proven
on a fixture that it breaks, and run on the real docs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.checks.questions import ask_phrases, check, questions
from tests.conftest import DOCS, LANGS

FIXTURE = Path(__file__).parent / "fixtures" / "questions" / "docs"


@pytest.fixture
def docs(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "docs")
    return tmp_path / "docs"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: '{old}' not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_is_clean_and_its_questions_are_found(docs):
    assert check(docs) == []
    assert questions(docs / "en" / "at-the-counter.md") == {"q-refund", "q-other", "q-raw"}


def test_a_pointer_to_a_missing_question_is_named_with_file_and_line(docs):
    edit(docs / "ru" / "carriers" / "mts.md", "#q-refund", "#q-refunds")
    assert check(docs) == [
        "docs/ru/carriers/mts.md:3: link to ../at-the-counter.md#q-refunds — the question card "
        "(docs/ru/at-the-counter.md) has no question '#q-refunds'"
    ]


def test_a_question_removed_from_one_card_breaks_the_pointers_of_that_language_only(docs):
    edit(docs / "zh" / "at-the-counter.md", "{ #q-refund .sim-goal-end }", "{ .sim-goal-end }")
    problems = check(docs)
    assert len(problems) == 3, problems  # two lines of the carrier page and the card's own link
    assert all(p.startswith("docs/zh/") and "'#q-refund'" in p for p in problems), problems
    assert any(p.startswith("docs/zh/at-the-counter.md:15:") for p in problems), problems


def test_an_html_link_to_a_missing_question_is_caught_too(docs):
    edit(docs / "en" / "carriers" / "mts.md", "Other anchors",
         '<a href="../at-the-counter.md#q-nowhere">x</a> Other anchors')
    assert [p.split(" — ")[0] for p in check(docs)] == [
        "docs/en/carriers/mts.md:4: link to ../at-the-counter.md#q-nowhere"]


def test_the_guide_has_no_broken_question_pointer():
    assert check(DOCS) == []
    for lang in LANGS:  # the card holds every topic the pages send readers to ask about
        held = questions(DOCS / lang / "at-the-counter.md")
        assert {"q-non-use", "q-inactivity-fee", "q-pay-from-abroad", "q-end-from-abroad",
                "q-refund", "q-documents", "q-restore", "q-porting", "q-new-phone",
                "q-re-register", "q-other"} <= held, (lang, held)


# --- every "ask your carrier" names its question (ask_carrier: in docs/_data/glossary.yml) ---

ASK_LINE = 10  # the fixture's "ask your carrier" line in each language's carriers/mts.md
ASK_LINK = {
    "en": " ([question card](../at-the-counter.md#q-other))",
    "ru": " ([карточка с вопросами](../at-the-counter.md#q-other))",
    "zh": "（[问题卡](../at-the-counter.md#q-other)）",
}


@pytest.fixture
def asked(docs) -> Path:
    """The fixture with the guide's own phrase lists (the real ask_carrier: data)."""
    (docs / "_data").mkdir(exist_ok=True)
    shutil.copy(DOCS / "_data" / "glossary.yml", docs / "_data" / "glossary.yml")
    return docs


def test_the_fixture_asks_are_linked_and_its_heading_and_request_are_not_asks(asked):
    assert check(asked) == []
    for lang in LANGS:  # the phrase lists do match the fixture's ask line
        line = (asked / lang / "carriers" / "mts.md").read_text(encoding="utf-8").splitlines()[ASK_LINE - 1]
        assert any(p.search(line) for p in ask_phrases(asked)[lang]), (lang, line)


@pytest.mark.parametrize("lang", LANGS)
def test_an_ask_without_its_question_is_named_with_file_and_line(asked, lang):
    edit(asked / lang / "carriers" / "mts.md", ASK_LINK[lang], "")
    problems = check(asked)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"docs/{lang}/carriers/mts.md:{ASK_LINE}: tells the reader to ask"), problems
    assert f"docs/{lang}/at-the-counter.md#q-" in problems[0]


def test_a_link_elsewhere_on_the_page_does_not_answer_for_the_ask(asked):
    # the link moved to its own line: the ask is left without its question
    edit(asked / "en" / "carriers" / "mts.md", ASK_LINK["en"] + ".\n", ".\n\nThe " + ASK_LINK["en"].strip()[1:-1] + ".\n")
    assert [p.split(" tells")[0] for p in check(asked)] == [f"docs/en/carriers/mts.md:{ASK_LINE}:"]


UNCONFIRMED_LINE = 14  # the fixture's item in "What we could not confirm", in each language
UNCONFIRMED_LINK = {
    "en": " ([question card](../at-the-counter.md#q-refund))",
    "ru": " ([карточка с вопросами](../at-the-counter.md#q-refund))",
    "zh": "（[问题卡](../at-the-counter.md#q-refund)）",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_russian_question_in_what_we_could_not_confirm_needs_its_link(docs, lang):
    # no phrase list needed: a quoted Russian question in an #unconfirmed list item is an ask
    page = docs / lang / "carriers" / "mts.md"
    assert page.read_text(encoding="utf-8").splitlines()[UNCONFIRMED_LINE - 1].endswith(UNCONFIRMED_LINK[lang].strip())
    quoted = "остаток?」" if lang == "zh" else "остаток?»"  # the end of the quoted question
    edit(page, quoted + UNCONFIRMED_LINK[lang], quoted)
    problems = check(docs)
    assert [p.split(" tells")[0] for p in problems] == [f"docs/{lang}/carriers/mts.md:{UNCONFIRMED_LINE}:"]
    assert "вернут остаток?" in problems[0]


def test_the_same_question_outside_what_we_could_not_confirm_is_not_an_ask(docs):
    edit(docs / "en" / "carriers" / "mts.md", "## What we could not confirm { #unconfirmed }",
         "## Phrases { #phrases }")
    edit(docs / "en" / "carriers" / "mts.md", "остаток?»" + UNCONFIRMED_LINK["en"], "остаток?»")
    assert check(docs) == []


@pytest.mark.parametrize("lang, sentence, is_ask", [
    ("en", "Ask your carrier whether the block counts as use.", True),
    ("en", "Ask: «Можно ли восстановить номер?»", True),
    ("en", "Go back to the office and ask about restoring the number.", True),
    ("en", "Ask for a dated, stamped copy.", False),  # a request, not a question
    ("en", "Ask the carrier to update your contract with the new IMEI.", False),
    ("en", "Ask your bank which ways of confirming payments work from abroad.", False),
    ("en", "## Questions to ask at the counter { #questions }", False),  # a heading
    ("ru", "Спросите у оператора, можно ли восстановить номер.", True),
    ("ru", "Спросите: «Можно ли восстановить номер?»", True),
    ("ru", "Спросите в МФЦ или в офисе оператора, куда ещё нужно прийти.", True),
    ("ru", "| Возврат остатка | Спросите (см. ниже) |", False),  # the compare table's pointer
    ("ru", "Спросите в банке, какие способы работают из-за границы.", False),
    ("ru", "Отметка ⚠ («уточните у МТС»): у сведений один источник.", False),  # a mark's name
    ("zh", "请向运营商询问号码能否恢复。", True),
    ("zh", "可以问：「Можно ли восстановить номер?」", True),
    ("zh", "先问 MTS 是否接受代办。", True),
    ("zh", "境外旅行 eSIM：向销售商询问能否退款。", False),  # a reseller, not the carrier
    ("zh", "问清银行在国外可以用哪些方式确认付款。", False),
    ("zh", "| 委托他人办理 | 请询问（见下文） |", False),
])
def test_the_phrase_lists_tell_an_ask_from_other_sentences(asked, lang, sentence, is_ask):
    page = asked / lang / "carriers" / "mts.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + sentence + "\n", encoding="utf-8")
    problems = check(asked)
    assert bool(problems) is is_ask, problems
