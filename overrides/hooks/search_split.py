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
from common import DEFAULT_LANG, LANGS, i18n_building, is_offline  # noqa: E402

WRAPPER = "sim-search.js"

# lunr language and pipeline per language. Stemming is applied on both sides:
# here to the index (pipeline), and to each query term by the worker wrapper,
# because Material appends a wildcard to every term and lunr then skips the
# search pipeline.
SEARCH_LANG = {
    "zh": {"lang": ["zh"], "pipeline": ["stopWordFilter"]},
    "ru": {"lang": ["ru"], "pipeline": ["stemmer", "stopWordFilter"]},
    "en": {"lang": ["en"], "pipeline": ["stemmer", "stopWordFilter"]},
}

# Material's own worker (its file name carries a hash of this release).
_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
MATERIAL_WORKER = next((p.name for p in sorted(_WORKERS.glob("search.*.min.js"))), None)


def lang_of(location: str) -> str:
    head = location.split("/", 1)[0]
    return head if head in LANGS and head != DEFAULT_LANG else DEFAULT_LANG


def split_index(merged: dict) -> dict[str, dict]:
    """Split a merged index into one index per language, locations relative to
    that language's root, duplicates (the default language is built twice) dropped."""
    out: dict[str, dict] = {}
    for lang in LANGS:
        config = dict(merged["config"])
        config.update(SEARCH_LANG[lang])
        out[lang] = {"config": config, "docs": []}
    seen: set[tuple[str, str]] = set()
    for doc in merged["docs"]:
        lang = lang_of(doc["location"])
        location = doc["location"]
        if lang != DEFAULT_LANG:
            location = location[len(lang) + 1:]
        if (lang, location) in seen:
            continue
        seen.add((lang, location))
        out[lang]["docs"].append({**doc, "location": location})
    return out


def write_indexes(site_dir: Path, offline: bool, built: tuple[str, ...] = LANGS) -> None:
    """Write each built language's index; a built language without pages is an error."""
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.exists():
        raise PluginError(f"{merged_path} was not written; cannot split the search index")
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for lang, index in split_index(merged).items():
        if lang not in built:
            continue
        if not index["docs"]:
            raise PluginError(f"the search index has no pages in '{lang}'")
        folder = site_dir / "search" if lang == DEFAULT_LANG else site_dir / lang / "search"
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
    if lang != DEFAULT_LANG:
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


@event_priority(-300)
def on_post_build(config, **kwargs):
    if i18n_building(config):
        return  # a nested per-language build: the index is not complete yet
    i18n = config["plugins"].get("i18n")
    built = tuple(i18n.build_languages) if i18n else LANGS  # all, or build_only_locale
    write_indexes(Path(config["site_dir"]), is_offline(config), built)
