"""Interface words: every word on the site that is not page content.

One file per language, docs/_data/ui/<lang>.yml (loaded by common.words). Templates
read the page's language as `ui` (e.g. `{{ ui.reviewed }}`); scripts read the
`script:` part, which overrides/main.html renders into
<script id="sim-ui" type="application/json"> (a data block, not code: the CSP does
not apply to it). A language whose file lacks a key of en.yml stops the build,
naming the language, the file and the key.

On the default language's home page, `script.language_offer` holds every other
language's offer, in that language (sim-guide.js shows the one the browser asks for).
"""

from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
import common  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)
import facts  # noqa: E402


def words(lang: str) -> dict:
    try:
        return common.words(lang)
    except common.WordsError as exc:
        raise PluginError(str(exc)) from None


def on_config(config, **kwargs):
    common.configure(config)
    try:
        missing = common.missing_words()
    except common.WordsError as exc:
        raise PluginError(str(exc)) from None
    if missing:
        raise PluginError("interface words missing:\n  " + "\n  ".join(missing))
    return config


class _MemoryBytecode(BytecodeCache):
    """Compiled templates kept in memory for the rest of the process."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # ignored if the source changed

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecode()


def on_env(env, config, files, **kwargs):
    # `tojson` (the #sim-ui block) writes the words as they are, not as \uXXXX escapes
    # (a third of the size in Chinese and Russian); <, >, & and ' are still escaped.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    # The theme's templates are compiled once per process, not once per language: the
    # i18n plugin builds each language with a new environment (the compiled code is
    # keyed by the template's name and source, so an edited template compiles again).
    env.bytecode_cache = _BYTECODE
    return env


def page_words(page, config) -> dict:
    lang = facts.page_lang(config)
    ui = words(lang)
    home = page is not None and facts.lang_relative(page.file.src_uri) == "index.md"
    if lang == common.DEFAULT_LANG and home:
        offers = {other: words(other)["language_offer"] for other in common.LANGS if other != lang}
        ui = {**ui, "script": {**ui.get("script", {}), "language_offer": offers}}
    return ui


def on_page_context(context, page, config, nav, **kwargs):
    context["ui"] = page_words(page, config)
    return context


def on_template_context(context, template_name, config, **kwargs):
    context["ui"] = words(facts.page_lang(config))
    return context
