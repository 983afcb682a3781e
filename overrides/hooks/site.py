"""Page rules and multilingual plumbing that mkdocs-static-i18n leaves out.

- Every page needs `last_reviewed` (YYYY-MM-DD) in its front matter and a
  `## … { #sources }` section; the build stops otherwise, naming the file. The
  date is shown at the end of the page in the page's language.
- `<head>` gets absolute hreflang links for the three language versions plus
  x-default, built from `site_url` (Material's own are relative). The offline
  build leaves them out: they would point the file:// copy at the web.
- Each language gets its own sitemap.xml (Material's language selector fetches
  `<language root>/sitemap.xml`; without them every page logs 404s).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)

LANGS = facts.LANGS
DEFAULT_LANG = "zh"

REVIEWED = {
    "zh": "最后审核日期：{date}",
    "ru": "Последняя проверка: {date}",
    "en": "Last reviewed: {date}",
}

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
SOURCES_HEADING = re.compile(r"^##\s.*\{\s*#sources\s*\}\s*$", re.M)


def is_offline(config) -> bool:
    offline = config["plugins"].get("offline")
    return bool(offline and offline.config.enabled)


def i18n_building(config) -> bool:
    """True inside the nested per-language builds of mkdocs-static-i18n."""
    i18n = config["plugins"].get("i18n")
    return bool(i18n and i18n.building)


# -- page rules ------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files, **kwargs):
    where = facts.page_where(page, config)
    reviewed = page.meta.get("last_reviewed")
    if not isinstance(reviewed, dt.date):
        raise PluginError(f"{where}:1: front matter needs last_reviewed: YYYY-MM-DD")
    if not SOURCES_HEADING.search(markdown):
        raise PluginError(f"{where}: the page needs a '## … {{ #sources }}' section")
    lang = facts.page_lang(config)
    text = REVIEWED[lang].format(date=facts.format_date(reviewed, lang))
    return (
        markdown.rstrip()
        + f'\n\n<p class="sim-reviewed" data-reviewed="{reviewed.isoformat()}">'
        + f"{html.escape(text)}</p>\n"
    )


# -- <head>: absolute hreflang -------------------------------------------------------------


@event_priority(-200)
def on_post_page(output, page, config, **kwargs):
    links = HEAD_ALTERNATE.findall(output)
    if not links:
        return output
    if is_offline(config):
        return HEAD_ALTERNATE.sub("", output)
    here = page.canonical_url or urljoin(config["site_url"], page.url)
    absolute = {lang: urljoin(here, href) for href, lang in links}
    tags = [
        f'\n    <link rel="alternate" href="{html.escape(url)}" hreflang="{lang}">'
        for lang, url in absolute.items()
    ]
    if DEFAULT_LANG in absolute:
        tags.append(
            f'\n    <link rel="alternate" href="{html.escape(absolute[DEFAULT_LANG])}"'
            ' hreflang="x-default">'
        )
    first = True

    def replace(match):
        nonlocal first
        if first:
            first = False
            return "".join(tags)
        return ""

    return HEAD_ALTERNATE.sub(replace, output)


# -- per-language sitemaps ---------------------------------------------------------------------

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def language_sitemaps(site_dir: Path, site_url: str) -> None:
    ET.register_namespace("", SM)
    ET.register_namespace("xhtml", XHTML)
    root_map = site_dir / "sitemap.xml"
    if not root_map.exists():
        raise PluginError("sitemap.xml was not written; cannot split it per language")
    base_path = urlsplit(site_url).path.rstrip("/") + "/"
    tree = ET.parse(root_map)
    for lang in LANGS:
        if lang == DEFAULT_LANG:
            continue
        prefix = urljoin(site_url, f"{lang}/")
        urlset = ET.Element(f"{{{SM}}}urlset")
        for url in tree.getroot().findall(f"{{{SM}}}url"):
            loc = url.find(f"{{{SM}}}loc").text or ""
            if loc.startswith(prefix) or urlsplit(loc).path.startswith(f"{base_path}{lang}/"):
                urlset.append(url)
        ET.ElementTree(urlset).write(
            site_dir / lang / "sitemap.xml", encoding="utf-8", xml_declaration=True
        )


@event_priority(-200)
def on_post_build(config, **kwargs):
    if i18n_building(config):
        return
    if not is_offline(config):
        language_sitemaps(Path(config["site_dir"]), config["site_url"])
