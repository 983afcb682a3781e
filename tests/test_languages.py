"""The one list of languages (mkdocs.yml) and the words files' key check, each proven
on a fixture that breaks it (the whole path, a new language, is
tests/test_new_language.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tools.languages import DEFAULT_LANG, LANGS, missing_words, read_languages

MKDOCS_TAIL = """
site_url: !ENV [SITE_URL, "https://example.org/"]
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds: {case: lower}
"""


def write_config(tmp_path: Path, languages: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: x\nplugins:\n  - search\n  - i18n:\n      languages:\n"
                    + languages + MKDOCS_TAIL, encoding="utf-8")
    return path


def test_languages_come_from_mkdocs_yml_default_first(tmp_path):
    config = write_config(tmp_path, "        - {locale: ru, name: R}\n        - {locale: de, name: D}\n"
                                    "        - {locale: zh, name: Z, default: true}\n")
    assert read_languages(config) == (("zh", "ru", "de"), "zh")
    assert LANGS[0] == DEFAULT_LANG and len(set(LANGS)) == len(LANGS) >= 3


def test_a_list_without_one_default_is_refused(tmp_path):
    config = write_config(tmp_path, "        - {locale: ru, name: R}\n        - {locale: en, name: E}\n")
    with pytest.raises(ValueError, match="exactly one language needs default: true"):
        read_languages(config)


def test_the_language_codes_are_listed_in_mkdocs_yml_only():
    """No other tracked file spells the languages out as a list or tuple (of language
    codes only: the query normaliser's option sets "ru", "en", "zh", "none" are not one)."""
    code = rf"""["'](?:{"|".join(LANGS)})["']"""
    pattern = rf"[\[(]\s*(?:{code}\s*,\s*)+{code}\s*,?\s*[\])]"
    assert re.search(pattern, f"LANGS = {tuple(LANGS)!r}") and re.search(pattern, f"{list(LANGS)!r}")
    found = subprocess.run(["git", "grep", "-nP", pattern, "--", ".", ":!mkdocs.yml"],
                           cwd=ROOT, capture_output=True, text=True)
    assert found.returncode == 1, found.stdout  # 1: nothing found


def words_dir(tmp_path: Path, **files: dict) -> Path:
    folder = tmp_path / "ui"
    folder.mkdir()
    for lang, data in files.items():
        (folder / f"{lang}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


EN = {"reviewed": "Last reviewed: {date}", "not_found": {"title": "Page not found", "home": "Home"},
      "facts": {"units": {"day": {"one": "day", "other": "days"}}},
      "script": {"checklist": {"anyCarrier": "Any carrier"}}}


def test_the_words_files_have_the_same_keys():
    assert missing_words(ROOT / "docs" / "_data" / "ui", LANGS) == []


def test_a_missing_word_is_named_with_language_file_and_key(tmp_path):
    de = {"reviewed": "Zuletzt geprüft: {date}", "not_found": {"title": "Seite nicht gefunden"},
          "facts": {"units": {"day": {"one": "Tag", "other": "Tage"}}},
          "script": {"checklist": {"anyCarrier": "Jeder Anbieter", "anyCarriers": "typo"}}}
    zh = {**EN, "facts": {"units": {"day": {"other": "天"}}}}  # plural categories differ: fine
    folder = words_dir(tmp_path, en=EN, de=de, zh=zh)
    problems = missing_words(folder, ("zh", "en", "de", "fr"))
    assert problems == [
        f"{folder / 'de.yml'}: language 'de' misses the key 'not_found.home'",
        f"{folder / 'de.yml'}: language 'de' has the key 'script.checklist.anyCarriers', "
        f"which {folder / 'en.yml'} does not have",
        f"{folder / 'fr.yml'}: language 'fr' has no words file (copy {folder / 'en.yml'} and translate it)",
    ]


def test_a_plural_map_needs_its_other_form(tmp_path):
    ru = {**EN, "facts": {"units": {"day": {"one": "день", "few": "дня"}}}}
    folder = words_dir(tmp_path, en=EN, ru=ru)
    assert missing_words(folder, tuple("en ru".split())) != []
