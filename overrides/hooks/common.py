"""What the hooks share (not a hook itself: mkdocs.yml does not list it): the list of
languages and the interface words.

The languages are listed once, in mkdocs.yml (`plugins: - i18n: languages:`). Hooks,
tools, checkers and tests read them from here: `LANGS` (the default language
first, then the others in the order of mkdocs.yml) and `DEFAULT_LANG`. They are read
from the project's mkdocs.yml when this module is imported, and again from the
configuration being built when a build starts (`configure`), so a build of another
mkdocs.yml (a test fixture, a copy of the project) uses its own list.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"
# English is the language every other falls back to where a language has no data
# of its own yet (facts.yml names, glossary, search settings, the preview card).
FALLBACK_LANG = "en"


# PyYAML's C parser (libyaml, in its wheels) where it has one: the same data, errors
# with the same line marks, about ten times faster than the pure-Python parser.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """yaml.safe_load, on the C parser where there is one."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 (a safe loader)


class _AnyTagLoader(SafeLoader):
    """Reads mkdocs.yml without its tags (!ENV, !!python/object/apply …)."""


def _untagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_AnyTagLoader.add_multi_constructor("!", _untagged)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def language_entries(mkdocs_yml: Path = MKDOCS_YML) -> list[dict]:
    """The entries of `plugins: - i18n: languages:` in mkdocs.yml."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return list(plugin["i18n"]["languages"])
    raise ValueError(f"{mkdocs_yml}: no i18n plugin with languages")


def read_languages(mkdocs_yml: Path = MKDOCS_YML) -> tuple[tuple[str, ...], str]:
    """(languages, default) as mkdocs.yml lists them under the i18n plugin."""
    return ordered([(l["locale"], bool(l.get("default"))) for l in language_entries(mkdocs_yml)])


def ordered(entries: list[tuple[str, bool]]) -> tuple[tuple[str, ...], str]:
    defaults = [code for code, is_default in entries if is_default]
    if len(defaults) != 1:
        raise ValueError(f"mkdocs.yml: exactly one language needs default: true (found {defaults})")
    others = tuple(code for code, _ in entries if code != defaults[0] and code != "null")
    return (defaults[0], *others), defaults[0]


LANGS, DEFAULT_LANG = read_languages()

WORDS_DIR = ROOT / "docs" / "_data" / "ui"
PLURAL = {"zero", "one", "two", "few", "many", "other"}
_words: dict[str, dict] = {}
_words_dir: Path = WORDS_DIR


def configure(config) -> None:
    """Take the languages and the words of the configuration being built (its own
    mkdocs.yml and docs/)."""
    global LANGS, DEFAULT_LANG, _words_dir
    i18n = config["plugins"].get("i18n")
    if i18n is not None:
        LANGS, DEFAULT_LANG = ordered([(l.locale, bool(l.default)) for l in i18n.config.languages])
    _words_dir = Path(config["docs_dir"]) / "_data" / "ui"
    _words.clear()  # read again (make serve rebuilds after a words file changed)


class WordsError(Exception):
    """A words file that cannot be read, or a language without one."""


def load_words(folder: Path) -> dict[str, dict]:
    """Every words file in `folder`, by language code (the file's stem)."""
    out = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            data = safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise WordsError(f"{words_file(path.stem, folder)}: not valid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise WordsError(f"{words_file(path.stem, folder)}: must be a mapping of words")
        out[path.stem] = data
    return out


def words_file(lang: str, folder: Path | None = None) -> str:
    path = (folder or _words_dir) / f"{lang}.yml"
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def words(lang: str) -> dict:
    """The interface words of one language (docs/_data/ui/<lang>.yml)."""
    if not _words:
        _words.update(load_words(_words_dir))
    if lang not in _words:
        raise WordsError(f"{words_file(lang)}: no interface words for language '{lang}' "
                         f"(copy {words_file(FALLBACK_LANG)} and translate it)")
    return _words[lang]


def _keys(node, prefix: str = "") -> set[str]:
    """Every key path of a words mapping; a plural mapping (CLDR categories) counts
    as its `other` only, since languages have different categories."""
    if not isinstance(node, dict):
        return set()
    if node and set(node) <= PLURAL and "other" in node:
        return {f"{prefix}other"}
    out = set()
    for key, value in node.items():
        out.add(f"{prefix}{key}")
        out |= _keys(value, f"{prefix}{key}.")
    return out


def missing_words(folder: Path | None = None, langs: tuple[str, ...] | None = None) -> list[str]:
    """One line per key that a language's words file lacks (or has and English does
    not), naming the language, the file and the key."""
    folder = folder or _words_dir
    langs = langs or LANGS
    found = load_words(folder)
    if FALLBACK_LANG not in found:
        return [f"{words_file(FALLBACK_LANG, folder)}: the English words file is missing"]
    reference = _keys(found[FALLBACK_LANG])
    problems = []
    for lang in langs:
        where = words_file(lang, folder)
        if lang not in found:
            problems.append(f"{where}: language '{lang}' has no words file "
                            f"(copy {words_file(FALLBACK_LANG, folder)} and translate it)")
            continue
        have = _keys(found[lang])
        problems += [f"{where}: language '{lang}' misses the key '{k}'" for k in sorted(reference - have)]
        problems += [f"{where}: language '{lang}' has the key '{k}', which "
                     f"{words_file(FALLBACK_LANG, folder)} does not have" for k in sorted(have - reference)]
    return problems


def plugin(config, name: str):
    """A Material plugin, registered as material/<name> (or <name>)."""
    plugins = config["plugins"]
    return plugins.get(f"material/{name}") or plugins.get(name)


def is_offline(config) -> bool:
    """True when Material's offline plugin is on (OFFLINE=true)."""
    offline = plugin(config, "offline")
    return bool(offline and offline.config.enabled)


def i18n_building(config) -> bool:
    """True inside the nested per-language builds of mkdocs-static-i18n."""
    i18n = config["plugins"].get("i18n")
    return bool(i18n and i18n.building)
