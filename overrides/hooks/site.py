"""Page rules and the site-wide plumbing that mkdocs-static-i18n and Material leave out.

Pages
- Every page exists in zh, ru and en; a missing one stops the build naming the
  language and file. Every page needs `last_reviewed` (YYYY-MM-DD) in valid front
  matter and a `## … { #sources }` section; the date is shown at the end of the page.
- `<p data-online-only>` (the link to the offline zip) is kept only where the zip
  is produced: `make build` sets SIM_OFFLINE_ZIP=1 and writes the zip next to the
  site; a plain `mkdocs build`, `make serve` and the offline copy itself leave it out.

Head (values for overrides/main.html, as `sim` in the page context)
- absolute hreflang links for the three languages plus x-default, from `site_url`
  (Material's own are relative), the canonical URL, Open Graph and Twitter tags
  with the language's card image, and a home title without the site name twice.
  The offline copy gets none of the links that would point it at the web.

Site
- 404 pages per language: `404.html` (zh), `ru/404.html`, `en/404.html`, each
  rendered without the language switcher or hreflang (they would point at another
  page) and searching its own language.
- `robots.txt` with the sitemap, x-default in the sitemap (overrides/sitemap.xml).
- "Save for offline use": `sw.js` (versioned by the content it stores) and one
  manifest per language, `offline/<lang>.json` (overrides/assets/javascripts/sim-offline.js).
- `_headers` (Netlify / Cloudflare Pages format): a Content-Security-Policy that
  allows only the site's own origin, inline scripts only by their hashes, and the
  other security headers.
- The online site does not load the iframe-worker shim (only file:// needs it).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import normalize_url

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)
from common import DEFAULT_LANG, LANGS, i18n_building, is_offline  # noqa: E402
import search_split  # noqa: E402

HERE = Path(__file__).resolve().parent
OVERRIDES = HERE.parent

REVIEWED = {
    "zh": "最后审核日期：{date}",
    "ru": "Последняя проверка: {date}",
    "en": "Last reviewed: {date}",
}
OG_LOCALE = {"zh": "zh_CN", "ru": "ru_RU", "en": "en_GB"}
CARD = "assets/images/card-{lang}.png"
CARD_SIZE = (1200, 630)
SHIM = "iframe-worker"
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

ONLINE_ONLY = re.compile(r"^<p data-online-only>.*?</p>[ \t]*$", re.S | re.M)
SOURCES_HEADING = re.compile(r"^##\s.*\{\s*#sources\s*\}\s*$", re.M)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)

_alternates_during_404 = None


# -- every page in every language ------------------------------------------------------


def missing_translations(docs_dir: Path) -> list[str]:
    """One line per page that some language has and another lacks."""
    pages = {lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")}
             for lang in LANGS}
    lines = []
    for rel in sorted(set().union(*pages.values())):
        have = [lang for lang in LANGS if rel in pages[lang]]
        for lang in LANGS:
            if lang not in have:
                lines.append(
                    f"{docs_dir.name}/{lang}/{rel}: missing translation into '{lang}' "
                    f"(the page exists in {', '.join(f'{docs_dir.name}/{h}/' for h in have)})"
                )
    return lines


@event_priority(-200)  # after i18n (-100) has set up the theme
def on_config(config, **kwargs):
    if i18n_building(config):
        return config
    missing = missing_translations(Path(config["docs_dir"]))
    if missing:
        raise PluginError("every page needs all three languages:\n  " + "\n  ".join(missing))
    if not is_offline(config):
        # Only the file:// copy needs the iframe-worker shim (it is in extra.polyfills
        # so that the offline plugin does not add its CDN copy).
        config["extra"]["polyfills"] = [p for p in config["extra"].get("polyfills", []) if SHIM not in p]
    # i18n puts its sitemap template first; ours (overrides/sitemap.xml, with
    # x-default) must win, so overrides/ goes first.
    dirs = config["theme"].dirs
    if str(OVERRIDES) in dirs:
        dirs.remove(str(OVERRIDES))
    dirs.insert(0, str(OVERRIDES))
    return config


# -- page rules ------------------------------------------------------------------------


def front_matter_problem(page) -> str | None:
    """'line: what is wrong' when the page's front matter is not valid YAML (MkDocs
    then silently reads it as empty)."""
    if not page.file.abs_src_path:
        return None
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    m = re.match(r"-{3}[ \t]*\n(.*?\n)-{3}[ \t]*\n", raw, re.S)
    if not m:
        return None
    try:
        yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = m.group(1).count("\n")
        line = min(mark.line + 2, last + 1) if mark else 2
        return f"{line}: the front matter is not valid YAML: {getattr(exc, 'problem', None) or exc}"
    return None


def offers_zip(config) -> bool:
    """The offline zip is produced next to this build (make build), and this is not
    the offline copy itself."""
    return os.environ.get("SIM_OFFLINE_ZIP") == "1" and not is_offline(config)


def on_page_markdown(markdown, page, config, files, **kwargs):
    where = facts.page_where(page, config)
    reviewed = page.meta.get("last_reviewed")
    if not isinstance(reviewed, dt.date):
        problem = front_matter_problem(page)
        if problem:
            raise PluginError(f"{where}:{problem}")
        raise PluginError(f"{where}:1: front matter needs last_reviewed: YYYY-MM-DD")
    if not SOURCES_HEADING.search(markdown):
        raise PluginError(f"{where}: the page needs a '## … {{ #sources }}' section")
    if not offers_zip(config):
        markdown = ONLINE_ONLY.sub("", markdown)
    lang = facts.page_lang(config)
    text = REVIEWED[lang].format(date=facts.format_date(reviewed, lang))
    return (
        markdown.rstrip()
        + f'\n\n<p class="sim-reviewed" data-reviewed="{reviewed.isoformat()}">'
        + f"{html.escape(text)}</p>\n"
    )


# -- <head> values for overrides/main.html ------------------------------------------------


def page_is_home(page) -> bool:
    return facts.lang_relative(page.file.src_uri) == "index.md"


def absolute_alternates(config, page) -> list[dict]:
    """hreflang links: i18n's per-page alternates, made absolute, plus x-default."""
    here = page.canonical_url or urljoin(config["site_url"] or "", page.url)
    out = []
    extra = config["extra"]
    # i18n's page-specific alternates are an attribute (Jinja reads it first); the
    # item holds the language roots.
    for alt in extra.__dict__.get("alternate") or extra.get("alternate") or []:
        href = urljoin(here, normalize_url(alt["link"], page))
        out.append({"lang": alt["lang"], "href": href})
    default = [a for a in out if a["lang"] == DEFAULT_LANG]
    if default:
        out.append({"lang": "x-default", "href": default[0]["href"]})
    return out


@event_priority(-50)  # after i18n (50) has set the page's alternates
def on_page_context(context, page, config, nav, **kwargs):
    lang = facts.page_lang(config)
    offline = is_offline(config)
    site_url = config["site_url"] or ""
    title = page.title or config["site_name"]
    sim = {
        "lang": lang,
        "title": config["site_name"] if page_is_home(page) else f"{title} - {config['site_name']}",
        "canonical": None if offline else page.canonical_url,
        "alternates": [] if offline else absolute_alternates(config, page),
        "og": None,
        "offline_save": None if offline else {**OFFLINE_WORDS[lang], "words": OFFLINE_WORDS[lang]},
    }
    if not offline and site_url:
        sim["og"] = {
            "type": "website" if page_is_home(page) else "article",
            "title": config["site_name"] if page_is_home(page) else title,
            "locale": OG_LOCALE[lang],
            "alternate_locales": [OG_LOCALE[l] for l in LANGS if l != lang],
            "image": urljoin(site_url, CARD.format(lang=lang)),
            "image_width": CARD_SIZE[0],
            "image_height": CARD_SIZE[1],
        }
    context["sim"] = sim
    return context


# -- 404 pages ---------------------------------------------------------------------------------


def on_pre_template(template, template_name, config, **kwargs):
    """The 404 page has no page of its own in other languages: render it without
    the switcher and hreflang (Material takes both from extra.alternate)."""
    global _alternates_during_404
    if template_name == "404.html":
        extra = config["extra"]
        # i18n sets the alternates both as an item and, per page, as an attribute
        # (which Jinja reads first): hide both while the 404 page renders.
        _alternates_during_404 = (extra.get("alternate"), extra.__dict__.get("alternate"))
        extra["alternate"] = None
        extra.__dict__["alternate"] = None
    return template


def on_post_template(output, template_name, config, **kwargs):
    global _alternates_during_404
    if template_name != "404.html":
        return output
    extra = config["extra"]
    extra["alternate"], attribute = _alternates_during_404
    if attribute is None:
        extra.__dict__.pop("alternate", None)
    else:
        extra.__dict__["alternate"] = attribute
    return output


# -- after each build, and after the last -----------------------------------------------------


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


def inline_script_hashes(site_dir: Path) -> list[str]:
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            hashes.add("'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'")
    return sorted(hashes)


def content_security_policy(site_dir: Path) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes(site_dir)),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
}


def write_headers(site_dir: Path, config) -> None:
    """`_headers` for hosts that read it (Netlify, Cloudflare Pages), under the
    site's path (a sub-path deployment gets rules under that path)."""
    base = urlsplit(config["site_url"] or "/").path or "/"
    lines = [f"{base}*", f"  Content-Security-Policy: {content_security_policy(site_dir)}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    lines += [f"{base}sw.js", "  Cache-Control: no-cache", ""]
    (site_dir / "_headers").write_text("\n".join(lines), encoding="utf-8")


def write_robots(site_dir: Path, config) -> None:
    site_url = config["site_url"] or "/"
    (site_dir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n", encoding="utf-8")


@event_priority(-400)  # after i18n (-100) built every language and the index split (-300)
def on_post_build(config, **kwargs):
    site_dir = Path(config["site_dir"])
    lang = facts.page_lang(config)
    if lang != DEFAULT_LANG and (site_dir / "404.html").exists():
        # each language's build writes the root 404.html; keep this one as <lang>/404.html
        (site_dir / lang).mkdir(exist_ok=True)
        shutil.copy(site_dir / "404.html", site_dir / lang / "404.html")
    if i18n_building(config):
        return
    if is_offline(config):
        for name in ("sw.js", "_headers", "robots.txt"):
            (site_dir / name).unlink(missing_ok=True)
        return
    write_offline_save(site_dir, built_languages(config))
    write_robots(site_dir, config)
    write_headers(site_dir, config)
