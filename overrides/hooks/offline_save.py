""""Save this guide for offline use" (overrides/assets/javascripts/sim-offline.js).

- One manifest per language, `offline/<lang>.json`: every page of that language,
  its 404 page, its search index, the assets and the search worker, with their
  total size.
- `sw.js` (overrides/sw.js) gets a version made from the content it stores, so a
  changed site replaces the saved copy.
- The button's words go to the page as `sim.offline_save`. The offline copy
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
from common import DEFAULT_LANG, LANGS, i18n_building, is_offline  # noqa: E402
import search_split  # noqa: E402

CARD = "assets/images/card-{lang}.png"
OFFLINE_WORDS = {
    "zh": {
        "label": "保存本指南以便离线使用",
        "hint": "保存后，即使没有网络，本语言的所有页面和搜索都能打开。",
        "saving": "正在保存：{done}/{total} 个文件，{size}",
        "saved": "已保存以便离线使用（{size}）。没有网络时也能打开本指南。",
        "failed": "保存未完成，请在有网络时重试。",
        "unsupported": "此浏览器无法保存离线副本。",
    },
    "ru": {
        "label": "Сохранить гид для работы без интернета",
        "hint": "После сохранения все страницы на этом языке и поиск открываются без сети.",
        "saving": "Сохраняем: {done} из {total} файлов, {size}",
        "saved": "Сохранено для работы без интернета ({size}). Гид откроется и без сети.",
        "failed": "Сохранить не удалось. Повторите, когда будет сеть.",
        "unsupported": "Этот браузер не умеет сохранять копию без интернета.",
    },
    "en": {
        "label": "Save this guide for offline use",
        "hint": "Once saved, every page in this language and search open without a network.",
        "saving": "Saving: {done} of {total} files, {size}",
        "saved": "Saved for offline use ({size}). The guide opens without a network.",
        "failed": "Saving did not finish. Try again when you are online.",
        "unsupported": "This browser cannot save an offline copy.",
    },
}


@event_priority(-60)  # after head.py (-50) has made `sim`
def on_page_context(context, page, config, nav, **kwargs):
    if "sim" in context:
        lang = facts.page_lang(config)
        words = None if is_offline(config) else {**OFFLINE_WORDS[lang], "words": OFFLINE_WORDS[lang]}
        context["sim"]["offline_save"] = words
    return context


def site_files(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*") if p.is_file())


def page_urls(site_dir: Path, lang: str) -> list[str]:
    """Every page of a language, as directory URLs relative to the site root."""
    root = site_dir if lang == DEFAULT_LANG else site_dir / lang
    others = {l for l in LANGS if l != DEFAULT_LANG}
    urls = []
    for index in sorted(root.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        rel = "" if rel == "." else rel + "/"
        first = rel.split("/", 1)[0]
        if lang == DEFAULT_LANG and first in others:
            continue
        if first in ("assets", "search", "offline"):
            continue
        urls.append(rel)
    return urls


def offline_manifest(site_dir: Path, lang: str) -> list[str]:
    """What a phone needs to open every page of one language and search it offline."""
    prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
    files = page_urls(site_dir, lang) + [f"{prefix}404.html", f"{prefix}search/search_index.json"]
    lunr = {"lunr.stemmer.support.min.js", "lunr.multi.min.js", f"lunr.{lang}.min.js"}
    for path in site_files(site_dir / "assets"):
        rel = path.relative_to(site_dir).as_posix()
        if rel.endswith((".map", ".gz")) or "/lunr/" in rel and path.name not in lunr:
            continue
        if rel.startswith("assets/images/card-") and rel != CARD.format(lang=lang):
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
    return tuple(i18n.build_languages) if i18n else LANGS  # all, or build_only_locale


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
