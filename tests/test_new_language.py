"""A new language is one folder of pages, one file of words and one entry in mkdocs.yml.

In a copy of the project, German is added as CONTRIBUTING ("Adding a language") says:
docs/en copied to docs/de, the English words file copied to docs/_data/ui/de.yml
(a few of its words translated, so that the test can tell them from the English),
one entry in mkdocs.yml. Then `make check` (python -m tools.check) must pass,
listing the German data that falls back to English, and its build must have the
German pages with their lang, their own search index, 404 page and offline-save
manifest, and the German words where the hooks and the scripts take them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import PAGES, ROOT
from tools.languages import DEFAULT_LANG, FALLBACK_LANG, LANGS

NEW = "de"
WORDS = {  # a few words of de.yml, translated
    ("reviewed",): "Zuletzt geprüft: {date}",
    ("not_found", "title"): "Seite nicht gefunden",
    ("offline_save", "label"): "Diesen Leitfaden offline speichern",
    ("script", "checklist", "anyCarrier"): "Jeder Anbieter",
    ("script", "checklist", "countAll"): "Alle {total} Punkte werden angezeigt.",
    ("og_locale",): "de_DE",
    ("locale",): "de_DE",
}
ENTRY = (f"        - locale: {NEW}\n          name: Deutsch\n          build: true\n"
         "          site_name: Leitfaden zur russischen SIM-Karte\n"
         "          site_description: Wie man eine russische SIM-Karte kündigt, behält oder löscht.\n")


def add_language(project: Path) -> None:
    shutil.copytree(project / "docs" / FALLBACK_LANG, project / "docs" / NEW)
    words = yaml.safe_load((project / f"docs/_data/ui/{FALLBACK_LANG}.yml").read_text(encoding="utf-8"))
    for path, text in WORDS.items():
        node = words
        for key in path[:-1]:
            node = node[key]
        assert path[-1] in node, f"{FALLBACK_LANG}.yml has no {'.'.join(path)}"
        node[path[-1]] = text
    (project / "docs/_data/ui" / f"{NEW}.yml").write_text(
        yaml.safe_dump(words, allow_unicode=True, sort_keys=False), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # before the default language, which is listed last (see the comment there)
    anchor = f"        - locale: {DEFAULT_LANG}\n"
    assert text.count(anchor) == 1
    config.write_text(text.replace(anchor, ENTRY + anchor), encoding="utf-8")


def sim_ui(html: str) -> dict:
    m = re.search(r'<script id="sim-ui" type="application/json">(.*?)</script>', html, re.S)
    assert m, "no #sim-ui block"
    return json.loads(m.group(1))


def test_a_new_language_is_a_folder_a_words_file_and_one_entry(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "site-*", "site-offline.zip", "__pycache__", ".pytest_cache",
        ".cache", "node_modules", ".lighthouse"))
    add_language(project)
    site = tmp_path / "site"

    proc = subprocess.run([sys.executable, "-m", "tools.check", "--site-dir", str(site)],
                          cwd=project, capture_output=True, text=True, timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    # what German lacks is listed, each fallback on its own line
    names = rf"carriers\.\*\.name has no '{NEW}' in (\d+) of \1 entries, the English text is used: mts,"
    assert re.search(names, out), out[-3000:]
    assert f"carriers.mts has no '{NEW}': the English spellings are used" in out, out[-3000:]
    assert f"SEARCH_LANG has no '{NEW}'" in out, out[-3000:]
    assert f"card-{NEW}.png is missing" in out, out[-3000:]

    # its pages, with its lang and its words (the hooks' review line, in its Babel locale)
    for page in PAGES:
        html = (site / NEW / page / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{NEW}"' in html, page
    checklist = (site / NEW / "checklist/index.html").read_text(encoding="utf-8")
    assert re.search(r'class="sim-reviewed"[^>]*>Zuletzt geprüft: \d+\. \w+ \d{4}<', checklist)
    assert '<meta property="og:locale" content="de_DE">' in checklist
    assert "<title>" in checklist and " - Leitfaden zur russischen SIM-Karte</title>" in checklist
    assert "has no site_name" not in out
    # the checklist chooser and its count read the German words from the page
    words = sim_ui(checklist)["checklist"]
    assert words["anyCarrier"] == "Jeder Anbieter"
    assert words["countAll"] == "Alle {total} Punkte werden angezeigt."
    # the other languages link to it
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'hreflang="{NEW}"' in home
    assert sim_ui(home)["language_offer"][NEW]["open"] == "Read it in English"  # copied, not yet translated

    # its own search index: German pages only, German stemmer (lunr ships one)
    index = json.loads((site / NEW / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [NEW]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    others = tuple(f"{lang}/" for lang in (*LANGS, NEW) if lang != DEFAULT_LANG)
    assert "checklist/" in locations and not any(l.startswith(others) for l in locations)
    # its 404 page, in its words
    not_found = (site / NEW / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{NEW}"' in not_found and "Seite nicht gefunden" in not_found
    # its offline-save manifest and button
    manifest = json.loads((site / "offline" / f"{NEW}.json").read_text(encoding="utf-8"))
    assert manifest["lang"] == NEW
    own = {f"{NEW}/", f"{NEW}/checklist/", f"{NEW}/404.html", f"{NEW}/search/search_index.json"}
    assert own <= set(manifest["files"])
    others = tuple(f"{lang}/" for lang in LANGS if lang != DEFAULT_LANG)
    assert not [f for f in manifest["files"] if f.startswith(others)]
    assert "Diesen Leitfaden offline speichern" in checklist
