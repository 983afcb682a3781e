"""Interface words: every word on the site that is not page content.

One file per language, docs/_data/ui/<lang>.yml. Templates read the page's
language as `ui` (e.g. `{{ ui.reviewed }}`); scripts read the `script:` part,
which overrides/main.html renders into <script id="sim-ui" type="application/json">
(a data block, not code: the CSP does not apply to it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)

_WORDS: dict[str, dict] = {}


def words_dir(config) -> Path:
    return Path(config["docs_dir"]) / "_data" / "ui"


def load(folder: Path) -> dict[str, dict]:
    """Every words file in `folder`, by language code (the file's stem)."""
    out = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise PluginError(f"{path}: not valid YAML: {exc}") from exc
        if not isinstance(data, dict):
            raise PluginError(f"{path}: must be a mapping of words")
        out[path.stem] = data
    return out


def words(lang: str) -> dict:
    if lang not in _WORDS:
        raise PluginError(f"docs/_data/ui/{lang}.yml: no interface words for language '{lang}'")
    return _WORDS[lang]


def on_config(config, **kwargs):
    _WORDS.clear()
    _WORDS.update(load(words_dir(config)))
    return config


def on_page_context(context, page, config, nav, **kwargs):
    context["ui"] = words(facts.page_lang(config))
    return context


def on_template_context(context, template_name, config, **kwargs):
    context["ui"] = words(facts.page_lang(config))
    return context
