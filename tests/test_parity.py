"""Structural parity of the three language versions (tools/checks/parity.py)."""

from __future__ import annotations

import pytest

from tools.checks.parity import LANGS, compare_page, missing_translations, pages
from tests.conftest import DOCS

ALL_PAGES = sorted(set().union(*(pages(DOCS, lang) for lang in LANGS)))


def test_every_page_exists_in_every_language():
    assert not missing_translations(DOCS), "\n".join(missing_translations(DOCS))


@pytest.mark.parametrize("page", ALL_PAGES)
def test_page_structure_matches_across_languages(page):
    errors = compare_page(DOCS, page)
    assert not errors, "\n".join(errors)
