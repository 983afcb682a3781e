"""Page rules and multilingual plumbing that mkdocs-static-i18n leaves out.

- Every page needs `last_reviewed` (YYYY-MM-DD) in its front matter and a
  `## … { #sources }` section; the build stops otherwise, naming the file. The
  date is shown at the end of the page in the page's language.
- Paragraphs marked `<p data-online-only>` (the link to the offline zip) are left
  out of the offline copy.
- `<head>` gets absolute hreflang links for the three language versions plus
  x-default, built from `site_url` (Material's own are relative). The offline
  build leaves them out: they would point the file:// copy at the web.
  (Material's own language-selector script, which would fetch a sitemap next to
  each of these URLs, is kept from seeing them: assets/javascripts/sim-guide.js.)
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
import facts  # noqa: E402  (same folder; MkDocs loads hooks as plain modules)
from common import DEFAULT_LANG, LANGS, i18n_building, is_offline  # noqa: E402

REVIEWED = {
    "zh": "最后审核日期：{date}",
    "ru": "Последняя проверка: {date}",
    "en": "Last reviewed: {date}",
}

ONLINE_ONLY = re.compile(r"<p data-online-only>.*?</p>", re.S)
HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
SOURCES_HEADING = re.compile(r"^##\s.*\{\s*#sources\s*\}\s*$", re.M)


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


def on_config(config, **kwargs):
    if i18n_building(config):
        return config
    missing = missing_translations(Path(config["docs_dir"]))
    if missing:
        raise PluginError(
            "every page needs all three languages:\n  " + "\n  ".join(missing)
        )
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
    if is_offline(config):
        # the offline copy has no download link to itself
        output = ONLINE_ONLY.sub("", output)
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
