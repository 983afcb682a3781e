"""Search in the reader's language only.

mkdocs-static-i18n merges every language into one search index at
`search/search_index.json` and all pages load it. After the last language is
built, this hook splits it: zh stays at `search/`, ru goes to `ru/search/`, en to
`en/search/` (also as `search_index.js` in the offline build), each with the
lunr language and pipeline that suit it. On every page, Material's `__config`
gets a `base` that ends in the page's language root, so Material's search loads
that language's index and resolves results against it, and `search` points at
our thin worker wrapper, which normalises queries (assets/javascripts/workers/).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import sys

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

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

CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)


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


def rewrite_config(output: str, lang: str) -> str:
    """Point Material's search at the language's own index and at our worker."""
    match = CONFIG_SCRIPT.search(output)
    if not match:
        raise PluginError("Material's __config script was not found in a page")
    config = json.loads(match.group(2))
    base = config["base"].rstrip("/")
    if lang != DEFAULT_LANG:
        base = f"{base}/{lang}" if base not in ("", ".") else lang
    config["base"] = base + "/"
    worker = config["search"]
    folder, _, name = worker.rpartition("/")
    if name != WRAPPER and not name.startswith(WRAPPER):
        config["search"] = f"{folder}/{WRAPPER}?w={name}"
    body = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    return output[: match.start(2)] + body + output[match.end(2):]


@event_priority(-300)
def on_post_page(output, page, config, **kwargs):
    return rewrite_config(output, config["theme"]["language"])


@event_priority(-300)
def on_post_build(config, **kwargs):
    if i18n_building(config):
        return  # a nested per-language build: the index is not complete yet
    i18n = config["plugins"].get("i18n")
    built = tuple(i18n.build_languages) if i18n else LANGS  # all, or build_only_locale
    write_indexes(Path(config["site_dir"]), is_offline(config), built)
