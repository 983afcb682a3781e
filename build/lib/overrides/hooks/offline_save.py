""""Save this guide for offline use" (overrides/assets/javascripts/sim-offline.js).

- One manifest per language, `offline/<lang>.json`: every page of that language,
  its 404 page, its search index, the assets and the search worker, with their
  total size.
- `sw.js` (overrides/sw.js) gets a version made from the content it stores, so a
  changed site replaces the saved copy.
- The button's words (`offline_save:` in docs/_data/ui/<lang>.yml) go to the page
  as `sim.offline_save`. The offline copy
  (file://) has no button and no service worker.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)
from common import i18n_building, is_offline  # noqa: E402
import common  # noqa: E402  (common.LANGS: read when a build starts)
import head  # noqa: E402
import search_split  # noqa: E402


@event_priority(-60)  # after head.py (-50) has made `sim`
def on_page_context(context, page, config, nav, **kwargs):
    if "sim" in context:
        lang = facts.page_lang(config)
        said = common.words(lang)["offline_save"]
        words = None if is_offline(config) else {**said, "words": said}
        context["sim"]["offline_save"] = words
    return context


def site_files(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*") if p.is_file())


def page_urls(site_dir: Path, lang: str) -> list[str]:
    """Every page of a language, as directory URLs relative to the site root."""
    root = site_dir if lang == common.DEFAULT_LANG else site_dir / lang
    others = {l for l in common.LANGS if l != common.DEFAULT_LANG}
    urls = []
    for index in sorted(root.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        rel = "" if rel == "." else rel + "/"
        first = rel.split("/", 1)[0]
        if lang == common.DEFAULT_LANG and first in others:
            continue
        if first in ("assets", "search", "offline"):
            continue
        urls.append(rel)
    return urls


def offline_manifest(site_dir: Path, lang: str) -> list[str]:
    """What a phone needs to open every page of one language and search it offline."""
    prefix = "" if lang == common.DEFAULT_LANG else f"{lang}/"
    files = page_urls(site_dir, lang) + [f"{prefix}404.html", f"{prefix}search/search_index.json"]
    lunr = {"lunr.stemmer.support.min.js", "lunr.multi.min.js", f"lunr.{lang}.min.js"}
    for path in site_files(site_dir / "assets"):
        rel = path.relative_to(site_dir).as_posix()
        if rel.endswith((".map", ".gz")) or "/lunr/" in rel and path.name not in lunr:
            continue
        if rel.startswith("assets/images/card-") and rel != head.card(lang):
            continue
        files.append(rel)
    # the search worker exactly as pages ask for it (its ?w= names Material's worker)
    material = sorted((site_dir / "assets/javascripts/workers").glob("search.*.min.js"))
    if material:
        files.append(f"assets/javascripts/workers/{search_split.WRAPPER}?w={material[0].name}")
    missing = [f for f in files if not file_of(site_dir, f).exists()]
    if missing:
        raise PluginError(f"offline manifest for '{lang}' lists missing files: {missing[:5]}")
    return files


def file_of(site_dir: Path, url: str) -> Path:
    url = url.split("?", 1)[0]
    return site_dir / (url + "index.html" if url.endswith("/") or not url else url)


def built_languages(config) -> tuple[str, ...]:
    i18n = config["plugins"].get("i18n")
    return tuple(i18n.build_languages) if i18n else common.LANGS  # all, or build_only_locale


def write_offline_save(site_dir: Path, langs: tuple[str, ...]) -> None:
    manifests = {lang: offline_manifest(site_dir, lang) for lang in langs}
    digest = hashlib.sha256()
    for url in sorted(set().union(*manifests.values())):
        digest.update(url.encode())
        digest.update(file_of(site_dir, url).read_bytes())
    version = digest.hexdigest()[:12]
    (site_dir / "offline").mkdir(exist_ok=True)
    for lang, files in manifests.items():
        size = sum(file_of(site_dir, url).stat().st_size for url in files)
        body = {"version": version, "lang": lang, "bytes": size, "files": files}
        (site_dir / "offline" / f"{lang}.json").write_text(
            json.dumps(body, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    sw = (site_dir / "sw.js")
    text = sw.read_text(encoding="utf-8")
    if "__SIM_VERSION__" not in text:
        raise PluginError("sw.js has no __SIM_VERSION__ placeholder (overrides/sw.js)")
    sw.write_text(text.replace("__SIM_VERSION__", version), encoding="utf-8")


@event_priority(-400)  # after i18n (-100) built every language and the index split (-300)
def on_post_build(config, **kwargs):
    if i18n_building(config):
        return
    site_dir = Path(config["site_dir"])
    if is_offline(config):
        (site_dir / "sw.js").unlink(missing_ok=True)
        return
    write_offline_save(site_dir, built_languages(config))
