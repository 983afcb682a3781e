"""Search in the reader's language only.

mkdocs-static-i18n merges every language into one search index at
`search/search_index.json` and all pages load it. After the last language is
built, this hook splits it: zh stays at `search/`, ru goes to `ru/search/`, en to
`en/search/` (also as `search_index.js` in the offline build), each with the
lunr language and pipeline that suit it. On every page (and each 404 page),
Material's `__config` gets a `base` that ends in the page's language root, so
Material's search loads that language's index and resolves results against it,
and `search` points at our thin worker wrapper, which normalises queries
(assets/javascripts/workers/). The values go to overrides/main.html's `config`
block as `sim_search`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import material
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import normalize_url

sys.path.insert(0, str(Path(__file__).parent))
from common import i18n_building, is_offline  # noqa: E402
import common  # noqa: E402  (common.LANGS: read when a build starts)

WRAPPER = "sim-search.js"

# lunr language and pipeline per language. Stemming is applied on both sides:
# here to the index (pipeline), and to each query term by the worker wrapper,
# because Material appends a wildcard to every term and lunr then skips the
# search pipeline. A language without an entry gets lunr's stemmer and stop words
# for it if Material ships them (lunr/min/lunr.<lang>.min.js), else the English
# setting; make check lists either as a fallback (search_fallbacks).
SEARCH_LANG = {
    "zh": {"lang": ["zh"], "pipeline": ["stopWordFilter"]},
    "ru": {"lang": ["ru"], "pipeline": ["stemmer", "stopWordFilter"]},
    "en": {"lang": ["en"], "pipeline": ["stemmer", "stopWordFilter"]},
}

# Material's own worker (its file name carries a hash of this release).
_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
MATERIAL_WORKER = next((p.name for p in sorted(_WORKERS.glob("search.*.min.js"))), None)


# Readers' words per language (docs/_data/search-synonyms.yml), handed to the query
# normaliser in each index's config as `synonyms` (issue 17). Set by on_config.
SYNONYMS_FILE = Path("_data") / "search-synonyms.yml"
_SYNONYMS: dict[str, dict[str, list[str]]] = {}


def load_synonyms(path: Path) -> dict[str, dict[str, list[str]]]:
    """The synonyms file, checked: per language, a word -> a list of words."""
    import yaml

    if not path.exists():
        return {}
    data = common.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise PluginError(f"{path}: must map languages to words")
    for lang, table in data.items():
        if lang not in common.LANGS:
            raise PluginError(f"{path}: unknown language '{lang}'")
        if not isinstance(table, dict):
            raise PluginError(f"{path}: {lang}: must map words to lists of words")
        for word, others in table.items():
            if not isinstance(word, str) or not isinstance(others, list) or not others \
                    or not all(isinstance(o, str) and o.strip() for o in others):
                raise PluginError(f"{path}: {lang}: '{word}' must map to a non-empty list of words")
    return data


def on_config(config, **kwargs):
    _SYNONYMS.clear()
    _SYNONYMS.update(load_synonyms(Path(config["docs_dir"]) / SYNONYMS_FILE))
    return config


_LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"


def search_settings(lang: str) -> dict:
    """The lunr language and pipeline of one language's index."""
    if lang in SEARCH_LANG:
        return SEARCH_LANG[lang]
    if (_LUNR / f"lunr.{lang}.min.js").exists():
        return {"lang": [lang], "pipeline": ["stemmer", "stopWordFilter"]}
    return SEARCH_LANG[common.FALLBACK_LANG]


def search_fallbacks(langs: tuple[str, ...] = ()) -> list[str]:
    """One line per language without its own SEARCH_LANG entry."""
    out = []
    for lang in langs or common.LANGS:
        if lang not in SEARCH_LANG:
            used = search_settings(lang)
            how = (f"lunr's '{lang}' stemmer and stop words are used" if used["lang"] == [lang]
                   else "the English setting is used")
            out.append(f"overrides/hooks/search_split.py: SEARCH_LANG has no '{lang}': {how}")
    return out


def lang_of(location: str) -> str:
    head = location.split("/", 1)[0]
    return head if head in common.LANGS and head != common.DEFAULT_LANG else common.DEFAULT_LANG


# Material weighs a title match 1000 times a text match: a common word in a heading
# ("SIM", "cancel", 怎么) then outranks the rare word that carries the question in
# the text. Ten times still puts the page named by the query first (issue 26, tuned
# on the tune half of tests/data/reader_questions.yml).
TITLE_BOOST = 10.0

# Each page's Sources section lists publishers and article titles: readers do not
# search for them, and their words («биометрия» in a headline) pulled pages up for
# questions they do not answer. Left out of the index (about 3 to 5 KB gzip less per
# language on the first search; issue 26).
SOURCES_SECTION = "#sources"


def split_index(merged: dict) -> dict[str, dict]:
    """Split a merged index into one index per language, locations relative to
    that language's root, duplicates (the default language is built twice) dropped."""
    out: dict[str, dict] = {}
    for lang in common.LANGS:
        config = dict(merged["config"])
        config.update(search_settings(lang))
        config["synonyms"] = _SYNONYMS.get(lang, {})
        fields = {name: dict(spec) for name, spec in (config.get("fields") or {}).items()}
        if "title" in fields:
            fields["title"]["boost"] = TITLE_BOOST
        config["fields"] = fields
        out[lang] = {"config": config, "docs": []}
    seen: set[tuple[str, str]] = set()
    for doc in merged["docs"]:
        lang = lang_of(doc["location"])
        location = doc["location"]
        if location.endswith(SOURCES_SECTION):
            continue  # publishers and article titles: noise for readers, bytes for phones
        if lang != common.DEFAULT_LANG:
            location = location[len(lang) + 1:]
        if (lang, location) in seen:
            continue
        seen.add((lang, location))
        out[lang]["docs"].append({**doc, "location": location})
    return out


def write_indexes(site_dir: Path, offline: bool, built: tuple[str, ...] | None = None) -> None:
    """Write each built language's index; a built language without pages is an error."""
    built = built or common.LANGS
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.exists():
        raise PluginError(f"{merged_path} was not written; cannot split the search index")
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for lang, index in split_index(merged).items():
        if lang not in built:
            continue
        if not index["docs"]:
            raise PluginError(f"the search index has no pages in '{lang}'")
        folder = site_dir / "search" if lang == common.DEFAULT_LANG else site_dir / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        js = folder / "search_index.js"
        if offline:
            js.write_text(f"var __index = {data}", encoding="utf-8")
        elif js.exists():
            js.unlink()


def search_base(base_url: str, lang: str) -> str:
    """The language root: relative like base_url on pages ("..", "."), absolute like
    base_url on 404 pages ("/" at the root, "/guide/" under a sub-path), because a
    host serves a 404 page at any missing address and any depth."""
    base = base_url.rstrip("/")
    if lang != common.DEFAULT_LANG:
        # at the site root "/" (base ""), "ru/" would resolve against the missing page
        base = f"{base}/{lang}" if base_url not in ("", ".", "./") else lang
    return base + "/"


def search_context(context, lang: str) -> dict:
    if MATERIAL_WORKER is None:
        raise PluginError(f"Material's search worker was not found in {_WORKERS}")
    worker = f"assets/javascripts/workers/{WRAPPER}?w={MATERIAL_WORKER}"
    return {
        "base": search_base(context["base_url"], lang),
        "worker": normalize_url(worker, page=context.get("page"), base=context["base_url"]),
    }


@event_priority(-300)
def on_page_context(context, page, config, nav, **kwargs):
    context["sim_search"] = search_context(context, config["theme"]["language"])
    return context


def on_template_context(context, template_name, config, **kwargs):
    if template_name == "404.html":
        context["sim_search"] = search_context(context, config["theme"]["language"])
    return context


# The site's own scripts (sim-*.js, and the search worker's) and its stylesheet keep their comments in
# the repository, not on the wire: a third to a half of their bytes, on every first
# view. Only whole comment lines and blocks that start a line go, so nothing inside a
# string or a regular expression can be touched (none of these scripts has a multi-line
# template string, and no line has code after a closing */).
SCRIPTS = ("assets/javascripts/sim-*.js", "assets/javascripts/workers/sim-*.js",
           "assets/stylesheets/extra.css")


def strip_comment_lines(source: str) -> str:
    out, in_block = [], False
    for line in source.splitlines():
        bare = line.strip()
        if in_block:
            in_block = "*/" not in bare
            continue
        if bare.startswith("/*"):
            in_block = "*/" not in bare
            continue
        if bare.startswith("//") or not bare:
            continue
        out.append(line)
    return "\n".join(out) + "\n"


@event_priority(-300)
def on_post_build(config, **kwargs):
    if i18n_building(config):
        return  # a nested per-language build: the index is not complete yet
    for pattern in SCRIPTS:
        for script in Path(config["site_dir"]).glob(pattern):
            script.write_text(strip_comment_lines(script.read_text(encoding="utf-8")), encoding="utf-8")
    i18n = config["plugins"].get("i18n")
    built = tuple(i18n.build_languages) if i18n else common.LANGS  # all, or build_only_locale
    write_indexes(Path(config["site_dir"]), is_offline(config), built)
