"""The question-card checker (tools/checks/questions.py, run by `make check`): every
link to a question on the card (at-the-counter.md#q-…) names a question that the card
of that language holds. Proven on a fixture that it breaks, and run on the real docs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.checks.questions import check, questions
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
    assert len(problems) == 2, problems  # the carrier page and the card's own link
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
                "q-other"} <= held, (lang, held)
